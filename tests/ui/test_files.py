"""Files and safety: save and reopen, closing asks, recovery after a crash, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from plutoeditor.formats import native
from plutoeditor.model.notation import format_tree
from plutoeditor.model.operations import SetClauseField

Button = QMessageBox.StandardButton


def test_save_and_reopen_gives_the_same_document(seed_window, dialogs, tmp_path):
    window = seed_window
    target = tmp_path / "privacy.policy.yaml"
    dialogs.save_path = str(target)
    window.actions_["file.save"].trigger()  # an import has no native file yet: Save asks where
    assert target.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle() == "privacy.policy.yaml[*] — PlutoEditor"
    saved_tree, saved_meta = format_tree(window.document.policy), window.document.policy.metadata
    window.actions_["file.close"].trigger()
    assert window.document is None and dialogs.asked == []  # nothing unsaved: no question
    window.files.open_path(str(target))
    assert format_tree(window.document.policy) == saved_tree
    assert window.document.policy.metadata == saved_meta
    assert not window.isWindowModified()
    assert str(target.resolve()) in window.settings.recent_files()


def test_closing_with_unsaved_changes_asks(seed_window, dialogs, tmp_path):
    window = seed_window
    window.show()
    dialogs.answer = Button.Cancel
    assert not window.close()
    assert window.isVisible() and window.document is not None
    assert dialogs.titles() == ["Unsaved Changes"]
    dialogs.answer = Button.Discard
    assert window.close()


def test_save_answer_saves_before_closing(seed_window, dialogs, tmp_path):
    window = seed_window
    dialogs.answer = Button.Save
    dialogs.save_path = str(tmp_path / "kept.policy.yaml")
    assert window.files.close_document()
    assert native.load(dialogs.save_path).metadata.title == "Privacy Policy"


def test_recovery_after_a_simulated_crash(make_window, seed_2022, dialogs, store):
    crashed = make_window()
    crashed.files.open_path(str(seed_2022), ask=False)
    clause = next(c for c in crashed.document.policy.walk() if c.label.strip() == "2.5")
    crashed.document.push(SetClauseField(clause.id, "text", "Unsaved words."))
    assert crashed.autosave.save_now()
    crashed.autosave.wait()
    assert len(store.pending()) == 1
    assert not Path(str(seed_2022)).read_text(encoding="utf-8").count("Unsaved words.")
    # the process dies here: nothing is closed or discarded
    dialogs.answer = Button.Yes
    restarted = make_window()
    entries = restarted.autosave.offer_recovery()
    assert len(entries) == 1 and restarted.autosave.recover(entries[0])
    assert "Recover Unsaved Work" in dialogs.titles()
    recovered = restarted.document.policy.find(clause.id)
    assert recovered.text == "Unsaved words."
    assert restarted.isWindowModified()
    crashed.document.undo_stack.setClean()  # let the test close the first window quietly
    dialogs.answer = Button.Discard


def test_a_file_that_cannot_be_opened_names_file_and_problem(window, dialogs, tmp_path):
    bad = tmp_path / "broken.policy.yaml"
    bad.write_text("format: [unclosed\n", encoding="utf-8")
    window.files.open_path(str(bad))
    kind, title, text = dialogs.asked[-1]
    assert title == "Cannot Open File"
    assert "broken.policy.yaml" in text and "YAML" in text
    assert window.document is None  # still on the start page, still running
    window.files.open_path(str(tmp_path / "missing.txt"))
    assert "no such file" in dialogs.asked[-1][2]


def test_file_changed_on_disk_offers_reload(seed_window, dialogs, tmp_path):
    window = seed_window
    target = tmp_path / "watched.policy.yaml"
    dialogs.save_path = str(target)
    assert window.files.save_as()
    assert str(target) in window.files.watcher.files()
    policy = native.load(target)
    policy.metadata.title = "Changed Elsewhere"
    native.save(policy, target)
    dialogs.answer = Button.Yes
    window.files._file_changed(str(target))  # what the watcher calls
    assert "File Changed on Disk" in dialogs.titles()
    assert window.document.policy.metadata.title == "Changed Elsewhere"


def test_revert_discards_changes(seed_window, dialogs, tmp_path):
    window = seed_window
    dialogs.save_path = str(tmp_path / "r.policy.yaml")
    window.files.save_as()
    window.document.push(SetClauseField(window.document.policy.clauses[0].id, "heading", "Changed"))
    assert window.isWindowModified()
    window.actions_["file.revert"].trigger()
    assert window.document.policy.clauses[0].heading == "Introduction"
    assert not window.isWindowModified()


def test_start_page_and_new_document(window):
    assert window.pages.currentIndex() == 0
    window.actions_["file.new"].trigger()
    assert window.document is not None and window.windowTitle() == "Untitled[*] — PlutoEditor"
    window.actions_["clause.add_after"].trigger()
    assert len(window.document.policy.clauses) == 1
    assert window.isWindowModified()


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_is_reported_and_the_document_stays_saveable(
    seed_window, qapp, qtbot, monkeypatch, dialogs, tmp_path
):
    from plutoeditor import logging_setup
    from plutoeditor.ui.common import crash
    from plutoeditor.ui.editor import clause_actions

    shown: list[str] = []
    monkeypatch.setattr(crash, "show_crash_dialog", lambda parent, summary, log: shown.append(summary))

    def broken(policy, scope=None):
        raise RuntimeError("renumbering went wrong")

    monkeypatch.setattr(clause_actions, "renumber", broken)
    handler = crash.install_excepthook(qapp)
    try:
        seed_window.actions_["clause.renumber"].trigger()  # worked out on a worker thread
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    finally:
        handler.uninstall()
        logging_setup.shutdown_logging()
    assert len(shown) == 1 and "renumbering went wrong" in shown[0]
    assert seed_window.document is not None
    dialogs.save_path = str(tmp_path / "after-error.policy.yaml")
    assert seed_window.files.save()
    assert native.load(dialogs.save_path).metadata.title == "Privacy Policy"


def test_undoing_back_to_saved_state_removes_the_recovery_copy(seed_window, dialogs, store, tmp_path):
    window = seed_window
    dialogs.save_path = str(tmp_path / "clean.policy.yaml")
    window.files.save()
    window.document.push(SetClauseField(window.document.policy.clauses[0].id, "heading", "Changed"))
    assert window.autosave.save_now()
    window.autosave.wait()
    assert store.pending()
    window.document.undo_stack.undo()
    window.autosave.save_now()
    assert store.pending() == []
