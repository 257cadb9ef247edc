"""Selecting over several clauses in the Document view, as in a word processor: dragging the
mouse, Shift+click, Shift with the arrows, Page Up / Down and Ctrl+Home / End; Copy gives
the text as it is published (labels, headings, a definition's term)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from plutoeditor.model import Clause, ClauseKind, Metadata, Policy
from tests.ui.document_points import point_of

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def _policy() -> Policy:
    return Policy(
        Metadata(title="Cookie Notice"),
        [
            Clause(label="1", heading="Cookies", id="s1", children=[
                Clause(label="1.1", text="We use cookies.", id="c11"),
                Clause(label="1.2", text="You can turn them off.", id="c12"),
            ]),
            Clause(label="2", heading="Words", id="s2", children=[
                Clause(label="", heading="Cookie", kind=ClauseKind.DEFINITION, text="a small file.", id="d1"),
                Clause(label="2.1", text="Write to us.", id="c21"),
            ]),
        ],
    )  # fmt: skip


@pytest.fixture
def view(show_policy):
    return show_policy(_policy(), keyboard_in_document=True).document_view


def _mouse(widget, kind, point, buttons=LEFT, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    button = LEFT if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton
    pressed = buttons if kind != QMouseEvent.Type.MouseButtonRelease else Qt.MouseButton.NoButton
    local = QPointF(point)
    event = QMouseEvent(kind, local, widget.mapToGlobal(local), button, pressed, modifiers)
    QApplication.sendEvent(widget, event)


def _copied(view, qtbot) -> str:
    qtbot.keyClick(view.editor, Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QApplication.clipboard().text()


def test_dragging_the_mouse_selects_over_several_clauses(view, qtbot):
    _mouse(view.viewport(), QMouseEvent.Type.MouseButtonPress, point_of(view, "c11", len("We ")))
    end = point_of(view, "c21", len("Write"))
    assert view.current_clause().id == "c11" and view.cursor_position() == len("We ")
    # the press was over the clause with the cursor: the editor's events are the view's too
    _mouse(view.editor.viewport(), QMouseEvent.Type.MouseMove, view.editor.mapFrom(view.viewport(), end))
    _mouse(view.viewport(), QMouseEvent.Type.MouseButtonRelease, end)
    assert view.selection.active() and view.current_clause().id == "c21"
    assert (
        _copied(view, qtbot)
        == "use cookies.\n1.2 You can turn them off.\n2 Words\nCookie: a small file.\n2.1 Write"
    )
    view.grab()  # drawn highlighted across the rows
    before = [(c.label, c.text) for c in view.document.policy.walk()]
    qtbot.keyClick(view.editor, Key.Key_Delete)  # one undo step, as a word processor deletes
    assert view.document.policy.find("c11").text == "We  to us."
    view.document.undo_stack.undo()
    assert [(c.label, c.text) for c in view.document.policy.walk()] == before


def test_dragging_upwards_and_shift_click(view, qtbot):
    assert view.show_clause("c21", len("Write to"))
    QApplication.processEvents()
    _mouse(view.editor.viewport(), QMouseEvent.Type.MouseButtonPress,
           view.editor.mapFrom(view.viewport(), point_of(view, "c21", len("Write to"))))  # fmt: skip
    _mouse(view.viewport(), QMouseEvent.Type.MouseMove, point_of(view, "c12", len("You can")))
    _mouse(view.viewport(), QMouseEvent.Type.MouseButtonRelease, point_of(view, "c12", len("You can")))
    assert view.current_clause().id == "c12"
    assert _copied(view, qtbot) == " turn them off.\n2 Words\nCookie: a small file.\n2.1 Write to"
    # Shift+click further up extends the same selection
    _mouse(view.viewport(), QMouseEvent.Type.MouseButtonPress, point_of(view, "c11", 0), modifiers=SHIFT)
    _mouse(view.viewport(), QMouseEvent.Type.MouseButtonRelease, point_of(view, "c11", 0), modifiers=SHIFT)
    assert _copied(view, qtbot).startswith("1.1 We use cookies.\n1.2 You can turn them off.")


def test_shift_with_the_arrows_goes_on_across_clause_edges(view, qtbot):
    assert view.show_clause("c11", len("We use cookies"))
    QApplication.processEvents()
    for _ in range(2):  # "." then past the end: into 1.2
        qtbot.keyClick(view.editor, Key.Key_Right, SHIFT)
    assert view.current_clause().id == "c12" and view.selection.active()
    assert _copied(view, qtbot) == ".\n1.2"  # 1.2 is selected from its start: its label comes
    qtbot.keyClick(view.editor, Key.Key_Left, SHIFT)  # back into 1.1
    assert view.current_clause().id == "c11" and not view.selection.active()
    assert view.editor.textCursor().selectedText() == "."
    qtbot.keyClick(view.editor, Key.Key_End, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert view.current_clause().id == "c21" and view.cursor_position() == len("Write to us.")
    assert _copied(view, qtbot).endswith("Cookie: a small file.\n2.1 Write to us.")
    qtbot.keyClick(view.editor, Key.Key_Home, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert view.current_clause().id == "s1" and view.cursor_position() == 0
    assert _copied(view, qtbot) == "1 Cookies\n1.1 We use cookies"


def test_shift_page_down_selects_a_screen_further(show_policy, qtbot):
    policy = Policy(
        Metadata(title="Long"), [Clause(label=f"{i}.", text="Words " * 30) for i in range(1, 201)]
    )
    window = show_policy(policy)
    view = window.document_view
    view.current_clause()
    qtbot.keyClick(view.editor, Key.Key_PageDown, SHIFT)
    assert view.selection.active()
    top = view.row_top(view.rows.row_of(view.current_clause().id))
    assert top >= view.verticalScrollBar().pageStep() - 100  # a screen further down
    assert view.selection.anchor[0] is policy.clauses[0]
    assert _copied(view, qtbot).startswith("1. Words Words")
