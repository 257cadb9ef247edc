"""`plutoeditor compare OLD NEW` standing alone: activating a clause opens that version's file
in an editor window (one per file) with the clause selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree
from plutoeditor.ui.compare.standalone import open_standalone_compare
from plutoeditor.ui.editor import file_commands as document_files

OLD = """Privacy Notice

1. Scope
1.1 This notice covers the newsletter.
1.2 It does not cover the shop.
2. Retention
2.1 We keep your email address until you unsubscribe.
2.2 We delete old invoices after seven years.
"""
NEW = OLD.replace("the newsletter", "the forum").replace(
    "2.2 We delete old invoices after seven years.\n", ""
)


@pytest.fixture
def versions(tmp_path):
    old, new = tmp_path / "notice-2023.txt", tmp_path / "notice-2024.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


@pytest.fixture
def launch(qtbot, dialogs):
    """Start the standalone compare as the command does; close every window it opened after."""
    started = []

    def start(old, new):
        standalone = open_standalone_compare(str(old), str(new))
        started.append(standalone)
        qtbot.addWidget(standalone.compare)
        with qtbot.waitSignal(standalone.compare.comparison_ready, timeout=10000):
            pass
        return standalone

    yield start
    for standalone in started:
        for window in list(standalone.editors):
            window.close()  # imported, so unsaved: the stubbed dialog answers Discard


def _row(compare, words, column):
    model = compare.model
    return next(r for r in range(model.rowCount()) if words in model.index(r, column).data())


def _double_click(compare, qtbot, row, column):
    view = compare.view
    index = compare.model.index(row, column)
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # as a real double-click starts
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def _press_enter(compare, qtbot, row, column):
    compare.view.setCurrentIndex(compare.model.index(row, column))
    qtbot.keyClick(compare.view, Qt.Key.Key_Return)


def test_double_clicking_a_changed_clause_opens_the_new_version_with_it_selected(launch, versions, qtbot):
    old, new = versions
    standalone = launch(old, new)
    compare = standalone.compare
    _double_click(compare, qtbot, _row(compare, "the forum", 1), 1)
    assert len(standalone.editors) == 1
    editor = standalone.editors[0]
    assert editor.isVisible() and "notice-2024.txt" in editor.windowTitle()
    assert editor.document.source == str(new)
    assert editor.current_clause().text == "This notice covers the forum."
    assert editor.clause_editor.text_edit.toPlainText() == "This notice covers the forum."


def test_old_side_opens_the_old_version(launch, versions, qtbot):
    old, new = versions
    standalone = launch(old, new)
    compare = standalone.compare
    removed = _row(compare, "invoices", 0)
    _press_enter(compare, qtbot, removed, 1)  # the new side is empty: the clause is only in the old
    editor = standalone.editors[0]
    assert editor.document.source == str(old) and "notice-2023.txt" in editor.windowTitle()
    assert editor.current_clause().text == "We delete old invoices after seven years."
    # the old column of a clause in both versions: the old file too, in the same window
    _double_click(compare, qtbot, _row(compare, "the newsletter", 0), 0)
    assert standalone.editors == [editor]
    assert editor.current_clause().text == "This notice covers the newsletter."


def test_activating_twice_reuses_the_editor_window(launch, versions, qtbot):
    old, new = versions
    standalone = launch(old, new)
    compare = standalone.compare
    _press_enter(compare, qtbot, _row(compare, "the forum", 1), 1)
    _press_enter(compare, qtbot, _row(compare, "the shop", 1), 1)
    assert len(standalone.editors) == 1
    assert standalone.editors[0].current_clause().text == "It does not cover the shop."
    qtbot.keyClick(compare.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # back to "forum"
    qtbot.keyClick(compare.view, Qt.Key.Key_Return)  # still in the new version's column
    assert len(standalone.editors) == 1
    assert standalone.editors[0].current_clause().text == "This notice covers the forum."


def test_a_closed_editor_is_opened_again(launch, versions, qtbot):
    old, new = versions
    standalone = launch(old, new)
    compare = standalone.compare
    row = _row(compare, "the forum", 1)
    _press_enter(compare, qtbot, row, 1)
    first = standalone.editors[0]
    first.close()
    qtbot.waitUntil(lambda: standalone.editors == [])
    _press_enter(compare, qtbot, row, 1)
    assert len(standalone.editors) == 1
    assert standalone.editors[0].current_clause().text == "This notice covers the forum."


def test_native_files_keep_their_clause_ids(launch, tmp_path, qtbot):
    old, new = tmp_path / "old.policy.yaml", tmp_path / "new.policy.yaml"
    native.save(parse_tree("[1] Scope | This covers the shop.\n[2] Contact | Write to us."), old)
    changed = parse_tree("[1] Scope | This covers the shop and the forum.\n[2] Contact | Write to us.")
    native.save(changed, new)
    standalone = launch(old, new)
    compare = standalone.compare
    _double_click(compare, qtbot, _row(compare, "forum", 1), 1)
    editor = standalone.editors[0]
    assert editor.document.path == str(new) and not editor.isWindowModified()
    assert editor.current_clause().id == changed.clauses[0].id


def test_big_file_selects_the_clause_once_loaded_on_a_worker(launch, versions, qtbot, monkeypatch):
    monkeypatch.setattr(document_files, "BACKGROUND_BYTES", 10)
    old, new = versions
    standalone = launch(old, new)
    compare = standalone.compare
    _press_enter(compare, qtbot, _row(compare, "the forum", 1), 1)
    editor = standalone.editors[0]
    _press_enter(compare, qtbot, _row(compare, "the shop", 1), 1)  # while it is still opening
    assert standalone.editors == [editor]
    qtbot.waitUntil(lambda: editor.document is not None, timeout=20000)
    assert editor.current_clause().text == "It does not cover the shop."


def test_clause_gone_from_the_file_is_a_status_message(launch, versions, qtbot):
    old, new = versions
    standalone = launch(old, new)
    compare = standalone.compare
    new.write_text(NEW.replace("covers the forum", "covers the forum and the shop"), encoding="utf-8")
    _press_enter(compare, qtbot, _row(compare, "the forum", 1), 1)
    editor = standalone.editors[0]
    assert editor.document is not None
    assert "This notice covers the forum." in editor.statusBar().currentMessage()
    assert "not in this document" in editor.statusBar().currentMessage()


def test_file_that_cannot_be_opened_any_more_leaves_no_empty_editor(launch, versions, qtbot, dialogs):
    old, new = versions
    standalone = launch(old, new)
    compare = standalone.compare
    new.unlink()
    _press_enter(compare, qtbot, _row(compare, "the forum", 1), 1)
    assert dialogs.titles() == ["Cannot Open File"]
    qtbot.waitUntil(lambda: standalone.editors == [])
