"""Recovered work after a crash, whichever way the app is started: `plutoeditor FILE` (as a
double-click does), `plutoeditor OTHER`, or `plutoeditor` alone. A recovery copy goes only
after its work was saved or the user discarded it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree
from plutoeditor.recovery import RecoveryStore
from plutoeditor.ui.app import open_windows

Button = QMessageBox.StandardButton


@pytest.fixture
def crashed(dialogs, tmp_path) -> tuple[Path, RecoveryStore]:
    """A policy on disk and the recovery copy a crashed session left of its unsaved edit."""
    path = tmp_path / "terms.policy.yaml"
    native.save(parse_tree("[1] Scope | These terms apply.\n[2] Liability | Limited.\n"), path)
    edited = native.load(path)
    edited.clauses[0].text = "Unsaved words a lawyer typed."
    store = RecoveryStore()  # the app's own folder (PLUTOEDITOR_HOME of the test)
    store.save("window-that-crashed", edited, str(path))
    return path, store


def copies(store: RecoveryStore) -> list[Path]:
    return sorted(store.folder.glob("*.recovery.policy.yaml"))


def start(qtbot, files: list[str]):
    windows = open_windows(files)
    for window in windows:
        qtbot.addWidget(window)
    return windows


def test_reopening_the_file_by_name_shows_the_recovered_work(qtbot, dialogs, crashed):
    path, store = crashed
    dialogs.answer = Button.Yes
    windows = start(qtbot, [str(path)])
    assert dialogs.titles() == ["Recover Unsaved Work"]
    assert len(windows) == 1
    document = windows[0].document
    assert document.policy.clauses[0].text == "Unsaved words a lawyer typed."
    assert document.path == str(path) and windows[0].isWindowModified()
    # a second crash before saving loses nothing: the copy is still there, with the work
    (copy,) = copies(store)
    assert native.load(copy).clauses[0].text == "Unsaved words a lawyer typed."
    # saving keeps the work in the file, and only then the copy goes
    assert windows[0].files.save()
    windows[0].autosave.wait()
    assert native.load(path).clauses[0].text == "Unsaved words a lawyer typed."
    assert copies(store) == []


def test_starting_with_another_file_recovers_into_its_own_window(qtbot, dialogs, crashed, tmp_path):
    path, store = crashed
    other = tmp_path / "cookies.policy.yaml"
    native.save(parse_tree("[1] Cookies | We use cookies.\n"), other)
    dialogs.answer = Button.Yes
    windows = start(qtbot, [str(other)])
    shown = {w.document.path: w.document.policy.clauses[0].text for w in windows}
    assert shown == {str(path): "Unsaved words a lawyer typed.", str(other): "We use cookies."}
    assert len(copies(store)) == 1
    for window in windows:
        window.document.undo_stack.setClean()


def test_starting_with_no_file_recovers(qtbot, dialogs, crashed):
    path, store = crashed
    dialogs.answer = Button.Yes
    (window,) = start(qtbot, [])
    assert window.document.policy.clauses[0].text == "Unsaved words a lawyer typed."
    assert len(copies(store)) == 1
    window.document.undo_stack.setClean()


def test_no_keeps_the_copy_for_the_next_start_and_discard_deletes_it(qtbot, dialogs, crashed):
    path, store = crashed
    dialogs.answer = Button.No
    (window,) = start(qtbot, [str(path)])
    assert window.document.policy.clauses[0].text == "These terms apply."  # the file as on disk
    assert len(copies(store)) == 1
    dialogs.answer = Button.Discard
    start(qtbot, [str(path)])
    assert copies(store) == []


def test_every_copy_is_recovered_not_only_the_newest(qtbot, dialogs, crashed, tmp_path):
    path, store = crashed
    other = tmp_path / "cookies.policy.yaml"
    native.save(parse_tree("[1] Cookies | We use cookies.\n"), other)
    edited = native.load(other)
    edited.clauses[0].text = "Cookie words not saved."
    store.save("second-window-that-crashed", edited, str(other))
    dialogs.answer = Button.Yes
    windows = start(qtbot, [])
    texts = sorted(w.document.policy.clauses[0].text for w in windows)
    assert texts == ["Cookie words not saved.", "Unsaved words a lawyer typed."]
    assert len(copies(store)) == 2
    for window in windows:
        window.document.undo_stack.setClean()
