"""Undo and Redo in the Document view put the cursor where the change was, as a word
processor does, even when it had gone elsewhere meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from plutoeditor.model import Clause, Metadata, Policy
from plutoeditor.ui.document.undo_cursor import changed_end

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_where_a_change_ends():
    assert changed_end("We use cookies.", "We use all cookies.") == len("We use all")
    assert changed_end("We use all cookies.", "We use cookies.") == len("We use")
    assert changed_end("We use them", "We use them and more") == len("We use them and more")
    assert changed_end("", "Typed") == 5


def test_undo_and_redo_go_back_to_where_the_typing_was(show_policy, qtbot):
    policy = Policy(
        Metadata(title="Undo"),
        [Clause(label=str(i), text=f"Clause {i} says what we do.", id=f"c{i}") for i in range(1, 40)],
    )
    window = show_policy(policy)
    view = window.document_view
    assert view.show_clause("c2", len("Clause 2 says"))
    view.editor.setFocus()
    QApplication.processEvents()
    qtbot.keyClicks(view.editor, " plainly")
    qtbot.keyClick(view.editor, Key.Key_End, CTRL)  # far away, the page scrolled to the end
    QApplication.processEvents()
    assert view.current_clause().id == "c39"
    qtbot.keyClick(view.editor, Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: view.current_clause().id == "c2", timeout=2000)
    assert policy.find("c2").text == "Clause 2 says what we do."
    assert view.cursor_position() == len("Clause 2 says")  # where the typing began
    editor_top = view.editor.y()
    assert 0 <= editor_top < view.viewport().height()  # and the page shows it
    view.show_clause("c30", 0)
    qtbot.keyClick(view.editor, Key.Key_Y, CTRL)  # Redo
    qtbot.waitUntil(lambda: view.current_clause().id == "c2", timeout=2000)
    assert view.cursor_position() == len("Clause 2 says plainly")
