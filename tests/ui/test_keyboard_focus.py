"""Working with the keyboard only: Tab and F6 reach every pane, the find bar takes and gives
back the keyboard, and after a fix the keyboard is still where the user was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

Key = Qt.Key


@pytest.fixture
def active(seed_window, qtbot):
    seed_window.show()
    seed_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is seed_window)
    return seed_window


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def test_tab_walks_label_heading_text_findings_then_details(active, qtbot):
    editor = active.clause_editor
    editor.label_edit.setFocus()  # from the outline (where Tab indents): Alt+L or F6
    walk = []
    for _ in range(6):
        press(qtbot, Key.Key_Tab)
        walk.append(focused())
    assert walk[:4] == [editor.kind_box, editor.heading_edit, editor.text_edit, active.findings_panel.view]
    assert active.metadata_panel.edits["title"] in walk
    assert "\t" not in editor.text_edit.toPlainText()  # Tab left the text instead of typing


def test_alt_l_puts_the_keyboard_in_the_label(active, qtbot):
    active.outline.setFocus()
    qtbot.keyClick(active, Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert focused() is active.clause_editor.label_edit


def test_f6_cycles_outline_document_clause_findings_details(active, qtbot):
    active.outline.setFocus()
    seen = []
    for _ in range(5):
        press(qtbot, Key.Key_F6)
        seen.append(focused())
    assert seen == [
        active.document_view.editor,
        active.clause_editor.label_edit,
        active.findings_panel.view,
        active.metadata_panel.edits["title"],
        active.outline,
    ]
    press(qtbot, Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is active.metadata_panel.edits["title"]


def test_ctrl_f_enter_esc(active, qtbot):
    """Ctrl+F types into the find field; Enter steps through matches without leaving it (so a
    second Enter cannot replace the match with a line break); Esc lands on the match."""
    editor = active.clause_editor
    editor.text_edit.setFocus()
    press(qtbot, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert active.find_bar.isVisible() and focused() is active.find_bar.find_edit
    qtbot.keyClicks(focused(), "Pluto LMS")
    before = active.document.undo_stack.count()
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_Return)
    assert focused() is active.find_bar.find_edit
    assert active.document.undo_stack.count() == before
    assert editor.text_edit.textCursor().selectedText() == "Pluto LMS"
    press(qtbot, Key.Key_Escape)
    assert not active.find_bar.isVisible()
    assert focused() is editor.text_edit
    assert editor.text_edit.textCursor().selectedText() == "Pluto LMS"


def test_esc_without_a_match_returns_the_keyboard_where_it_was(active, qtbot):
    heading = active.clause_editor.heading_edit
    heading.setFocus()
    press(qtbot, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "no such words anywhere")
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_Escape)
    assert not active.find_bar.isVisible()
    assert focused() is heading


def _select_first_fixable(window):  # type: ignore[no-untyped-def]
    """Select, in the Findings list, the first finding that has a quick fix; the panel."""
    panel = window.findings_panel
    fixable = [f for f in panel.model.findings if window.clause_actions.fix_lookup(f)]
    row = panel.model.findings.index(fixable[0])
    panel.view.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index(row, 0)))
    return panel


def test_after_a_fix_the_next_finding_is_selected_and_keyboard_stays(active, qtbot):
    panel = _select_first_fixable(active)
    panel.view.setFocus()
    count = len(panel.model.findings)
    press(qtbot, Key.Key_Period, Qt.KeyboardModifier.ControlModifier)  # Apply Fix
    qtbot.waitUntil(lambda: active.document.findings_current, timeout=5000)  # checked on a worker
    assert len(panel.model.findings) < count
    assert focused() is panel.view
    assert panel.current_finding() is not None
    press(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo from the findings
    assert focused() is panel.view
    assert active.document.undo_stack.index() == 0


def test_after_a_click_on_fix_the_keyboard_is_in_the_findings_not_the_title(active, qtbot):
    # The Fix button goes grey the moment the edit is made (the findings are out of date);
    # Qt then handed the keyboard to the next widget, the title in Policy Details, all
    # selected, so the next keystroke replaced the policy's title.
    panel = _select_first_fixable(active)
    panel.fix_button.setFocus()
    assert focused() is panel.fix_button
    title = active.document.policy.metadata.title
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: active.document.findings_current, timeout=5000)
    assert focused() is panel.view
    press(qtbot, Key.Key_X)
    assert active.document.policy.metadata.title == title
