"""Keys a keyboard user relies on: no key sequence or Alt+letter claimed twice in one window
(Qt makes both ambiguous and neither fires), and the common ones do what they say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMainWindow, QMessageBox

from plutoeditor.ui.compare.window import CompareWindow

SAMPLE = "resources/samples/sample-privacy-policy.policy.yaml"
SAMPLE_2025 = "resources/samples/sample-privacy-policy-2025.policy.yaml"


def key_owners(window: QMainWindow) -> dict[str, list[str]]:
    """Every enabled action's key sequences in the window, and which actions claim each."""
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        if not action.isEnabled():
            continue
        for key in action.shortcuts():
            name = action.objectName() or action.text()
            if name not in owners.setdefault(key.toString(), []):
                owners[key.toString()].append(name)
    return owners


def mnemonic_owners(window: QMainWindow) -> dict[str, list[str]]:
    """Every Alt+letter of the menu bar and of the field captions and buttons shown."""
    owners: dict[str, list[str]] = {}
    texts = [action.text() for action in window.menuBar().actions()]
    shown = [w for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in shown if not isinstance(w, QLabel) or w.buddy() is not None]
    for text in texts:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            owners.setdefault(key, []).append(text)
    return owners


def duplicates(owners: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: names for key, names in owners.items() if len(names) > 1}


@pytest.fixture
def sample_window(window):
    window.files.open_path(SAMPLE, ask=False)
    window.show()
    return window


@pytest.fixture
def compare_window(qtbot):
    win = CompareWindow(SAMPLE, SAMPLE_2025)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        pass
    win.show()
    return win


def test_no_key_sequence_is_claimed_twice_in_the_editor(window, sample_window):
    assert duplicates(key_owners(sample_window)) == {}


def test_no_key_sequence_is_claimed_twice_in_the_compare_window(compare_window):
    owners = key_owners(compare_window)
    assert duplicates(owners) == {}
    assert {"F8", "Shift+F8", "Alt+Down", "Alt+Up", "Ctrl+W"} <= set(owners)


@pytest.mark.parametrize("which", ["sample_window", "compare_window"])
def test_no_alt_letter_is_claimed_twice(request, which):
    assert duplicates(mnemonic_owners(request.getfixturevalue(which))) == {}


@pytest.mark.parametrize("which", ["sample_window", "compare_window"])
def test_no_letter_is_used_twice_within_a_menu(request, which):
    win = request.getfixturevalue(which)
    if hasattr(win, "update_recent_menu"):
        win.update_recent_menu()
    assert win.menuBar().actions()
    for top in win.menuBar().actions():
        owners: dict[str, list[str]] = {}
        for action in top.menu().actions():
            key = QKeySequence.mnemonic(action.text()).toString()
            if key and action.isVisible():
                owners.setdefault(key, []).append(action.text())
        assert duplicates(owners) == {}, top.text()


@pytest.mark.parametrize("letter, menu", [("E", "&Edit"), ("V", "&View"), ("H", "&Help")])
def test_alt_letter_opens_its_menu_even_with_the_fields_shown(sample_window, qtbot, letter, menu):
    assert _menu_opened_by_alt(sample_window, sample_window.outline, qtbot, letter) == menu


def _menu_opened_by_alt(window, focus, qtbot, letter: str) -> str | None:
    """Press Alt+letter with the keyboard in `focus`; the title of the menu that opened."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus.setFocus()
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    if popup is None:
        return None
    popup.close()
    return popup.title()


def test_every_compare_menu_item_has_its_letter(compare_window):
    for top in compare_window.menuBar().actions():
        for action in top.menu().actions():
            assert action.isSeparator() or QKeySequence.mnemonic(action.text()).toString(), action.text()


@pytest.mark.parametrize("letter, menu", [("F", "&File"), ("V", "&View"), ("G", "&Go"), ("H", "&Help")])
def test_alt_letter_opens_its_menu_in_the_compare_window(compare_window, qtbot, letter, menu):
    assert _menu_opened_by_alt(compare_window, compare_window.view, qtbot, letter) == menu


def test_ctrl_w_closes_the_compare_window(qtbot):
    win = CompareWindow(SAMPLE, SAMPLE_2025)  # deletes itself on close: not handed to qtbot
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        pass
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.view.setFocus()
    closed: list[bool] = []
    win.destroyed.connect(lambda: closed.append(True))
    qtbot.keyClick(win.view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(closed), timeout=2000)


def test_every_menu_and_toolbar_action_explains_itself(sample_window, compare_window):
    """A status-bar tip for every action a user can pick, and its keys in the tooltip."""
    sample_window.update_recent_menu()
    picked = [a for top in sample_window.menuBar().actions() for a in top.menu().actions()]
    picked += compare_window.actions()
    picked += [a for top in compare_window.menuBar().actions() for a in top.menu().actions()]
    for action in picked:
        if action.isSeparator() or action.menu() is not None:
            continue
        assert action.statusTip(), action.text()
    for action in compare_window.actions():
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in action.toolTip()


def _ctrl_q(window: QMainWindow, widget, qtbot) -> None:
    """Ctrl+Q pressed in `widget` of `window`, the active window (as the user has it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_in_a_compare_window_quits_asking_to_save(sample_window, dialogs, qtbot):
    """Ctrl+Q did nothing in the compare window (it had Close, no Quit)."""
    editor = sample_window.clause_editor.text_edit
    editor.setFocus()
    qtbot.keyClicks(editor, "Amended. ")
    assert sample_window.document.is_modified
    compare = sample_window.publishing.compare_with(SAMPLE_2025)
    with qtbot.waitSignal(compare.comparison_ready, timeout=10000):
        pass
    _ctrl_q(compare, compare.view, qtbot)
    assert dialogs.titles() == ["Unsaved Changes"]  # answered Discard
    qtbot.waitUntil(lambda: not sample_window.isVisible())
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets())


def test_ctrl_q_closes_every_editor_window(make_window, dialogs, qtbot):
    """Quit quits: Ctrl+Q closed only the window it was pressed in, the others stayed open
    (after a crash, recovered documents open one window each)."""
    first, second = make_window(), make_window()
    for window in (first, second):
        window.files.open_path(SAMPLE, ask=False)
        window.show()
        qtbot.waitExposed(window)
        window.clause_editor.text_edit.setFocus()
        qtbot.keyClicks(window.clause_editor.text_edit, "Amended. ")
    _ctrl_q(second, second.outline, qtbot)
    assert dialogs.titles() == ["Unsaved Changes", "Unsaved Changes"]  # each asked (Discard)
    assert not first.isVisible() and not second.isVisible()


def test_quit_stops_at_the_window_whose_work_the_user_keeps(make_window, dialogs, qtbot):
    first, second = make_window(), make_window()
    for window in (first, second):
        window.files.open_path(SAMPLE, ask=False)
        window.show()
        qtbot.waitExposed(window)
        qtbot.keyClicks(window.clause_editor.text_edit, "Amended. ")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    _ctrl_q(second, second.document_view.editor, qtbot)
    assert dialogs.titles() == ["Unsaved Changes"]  # the window it was pressed in asks first
    assert first.isVisible() and second.isVisible()
