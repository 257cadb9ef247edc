"""Autosave and Save serialise a snapshot on a worker thread, so typing never waits for
them; a failing autosave (a full disk) is said plainly, once."""

from __future__ import annotations

import errno
import threading

from PySide6.QtWidgets import QMessageBox

from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.operations import SetClauseField
from plutoeditor.recovery import RecoveryStore

Button = QMessageBox.StandardButton


def open_edited(window, tmp_path, text="Edited words."):
    path = tmp_path / "terms.policy.yaml"
    native.save(parse_tree("[1] Scope | These terms apply.\n[2] Liability | Limited.\n"), path)
    window.files.open_path(str(path), ask=False)
    clause = window.document.policy.clauses[0]
    window.document.push(SetClauseField(clause.id, "text", text))
    return path, clause


def test_autosave_writes_on_a_worker_thread(window, tmp_path, monkeypatch, store):
    open_edited(window, tmp_path)
    threads: list[str] = []
    real = RecoveryStore.save_data

    def recording(self, *args):
        threads.append(threading.current_thread().name)
        return real(self, *args)

    monkeypatch.setattr(RecoveryStore, "save_data", recording)
    assert window.autosave.save_now()
    window.autosave.wait()
    assert threads and threads[0] != threading.main_thread().name
    (entry,) = store.pending()
    assert store.load(entry).clauses[0].text == "Edited words."


def test_save_serialises_on_a_worker_and_edits_meanwhile_stay_unsaved(window, tmp_path, monkeypatch):
    path, clause = open_edited(window, tmp_path)
    threads: list[str] = []
    real = native.dumps_data

    def recording(data):
        threads.append(threading.current_thread().name)
        return real(data)

    monkeypatch.setattr(native, "dumps_data", recording)
    assert window.files.save()
    assert threads and threads[0] != threading.main_thread().name
    assert native.load(path).clauses[0].text == "Edited words."
    assert not window.isWindowModified()
    # an edit made while a save runs is not marked saved: the file does not have it
    document = window.document
    snapshot, index = document.snapshot()
    document.push(SetClauseField(clause.id, "text", "Typed during the save."))
    document.saved_as(str(path), index)
    assert document.is_modified


def test_a_full_disk_during_autosave_is_said_once_then_cleared(window, tmp_path, monkeypatch, dialogs):
    open_edited(window, tmp_path)
    disk_full = [True]
    real = RecoveryStore.save_data

    def full(self, *args):
        if disk_full[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args)

    monkeypatch.setattr(RecoveryStore, "save_data", full)
    window.autosave.save_now()
    window.autosave.wait()
    assert dialogs.titles() == ["Autosave Failed"]
    assert "No space left" in dialogs.asked[0][2]
    assert "Autosave failed" in window.statusBar().currentMessage()
    window.document.push(SetClauseField(window.document.policy.clauses[1].id, "text", "More."))
    window.autosave.save_now()
    window.autosave.wait()
    assert dialogs.titles() == ["Autosave Failed"]  # not a dialog at every tick
    assert "Autosave failed" in window.statusBar().currentMessage()
    disk_full[0] = False  # space freed
    window.document.push(SetClauseField(window.document.policy.clauses[1].id, "text", "Again."))
    window.autosave.save_now()
    window.autosave.wait()
    assert window.statusBar().currentMessage() == "Autosave works again"
    window.document.undo_stack.setClean()
