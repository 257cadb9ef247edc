"""The Outline and the Clause pane follow the Document view's cursor when it rests (a burst
of moves makes one follow); a Clause menu action acts on the clause with the cursor even
before they have followed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from plutoeditor.model import Clause, Metadata, Policy
from plutoeditor.ui.editor import main_window as main_window_module
from plutoeditor.ui.editor import outline_view as outline_view_module

Key = Qt.Key


@pytest.fixture(autouse=True)
def _slow_followers(monkeypatch):
    """A burst is keys typed faster than the followers' delays; a loaded CI machine can pause
    this process for longer than the real 100-150 ms between two keys, so the tests give the
    followers a delay no pause of the test runner reaches (the behaviour, not the number)."""
    monkeypatch.setattr(main_window_module, "FOLLOW_MS", 1500)
    monkeypatch.setattr(outline_view_module, "CATCH_UP_MS", 1500)


def _window(show_policy, qtbot):
    policy = Policy(
        Metadata(title="Follow"),
        [Clause(label=str(i), text=f"Clause number {i}.", id=f"c{i}") for i in range(1, 6)],
    )
    window = show_policy(policy)
    view = window.document_view
    assert view.show_clause("c1", 0)
    view.current_clause()  # the view lays out its rows (on the next turn otherwise)
    view.editor.setFocus()  # the keyboard in the document, as after a click in it
    QApplication.processEvents()
    assert QApplication.focusWidget() is view.editor
    qtbot.waitUntil(lambda: window.clause_editor.clause is policy.clauses[0], timeout=6000)
    return window, view, policy


def test_the_outline_and_clause_pane_follow_the_cursor_once_it_rests(show_policy, qtbot):
    window, view, policy = _window(show_policy, qtbot)
    moved: list[str] = []
    window.outline.selectionModel().currentChanged.connect(
        lambda current, _previous: moved.append(window.document.outline.clause_at(current).id)
    )
    for _ in range(3):  # Down, Down, Down: into c4
        qtbot.keyClick(view.editor, Key.Key_Down)
        QApplication.processEvents()
    assert view.current_clause().id == "c4"
    qtbot.waitUntil(lambda: window.clause_editor.clause is policy.clauses[3], timeout=6000)
    assert moved[-1] == "c4" and len(moved) < 3  # the burst made fewer follows than moves
    assert window.outline.currentIndex() == window.document.outline.index_of(policy.clauses[3])


def test_a_clause_action_right_after_a_move_acts_on_the_clause_with_the_cursor(show_policy, qtbot):
    window, view, policy = _window(show_policy, qtbot)
    qtbot.keyClick(view.editor, Key.Key_Down)  # into c2, and at once Clause > Delete
    window.actions_["clause.delete"].trigger()
    assert [c.id for c in window.document.policy.clauses] == ["c1", "c3", "c4", "c5"]


def _outline_rows(window) -> list[str]:
    """The clause ids in the order the outline draws them (top to bottom)."""
    outline, model = window.outline, window.document.outline
    drawn = []
    for clause in window.document.policy.walk():
        rect = outline.visualRect(model.index_of(clause))
        if rect.isValid():
            drawn.append((rect.top(), clause.id))
    return [clause_id for _top, clause_id in sorted(drawn)]


def test_the_outline_lays_out_once_after_a_burst_of_new_clauses(show_policy, qtbot):
    window, view, policy = _window(show_policy, qtbot)
    qtbot.keyClick(view.editor, Key.Key_End)
    for word in ("One", "Two", "Three"):  # Enter and a few words, three times over
        qtbot.keyClick(view.editor, Key.Key_Return)
        qtbot.keyClicks(view.editor, word)
        QApplication.processEvents()
    new = [c for c in window.document.policy.clauses if c.text in ("One", "Two", "Three")]
    assert len(new) == 3
    # meanwhile the outline still shows what it showed (laid out again once, when typing rests)
    assert not window.outline.visualRect(window.document.outline.index_of(new[-1])).isValid()
    qtbot.waitUntil(lambda: len(_outline_rows(window)) == 8, timeout=6000)
    assert _outline_rows(window) == [c.id for c in window.document.policy.walk()]
    assert window.clause_editor.clause is new[-1]
    while window.document.undo_stack.canUndo():  # Ctrl+Z in the document, all the way back
        qtbot.keyClick(view.editor, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_outline_rows(window)) == 5, timeout=6000)
    assert _outline_rows(window) == ["c1", "c2", "c3", "c4", "c5"]
