"""File > Export right after an edit: the error question counts the findings of the policy
as it stands, worked out by the checks' worker while the window keeps turning (the whole
check is not run on the GUI thread); closing meanwhile drops the export, nothing else."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from plutoeditor.model.operations import SetClauseField
from plutoeditor.ui.common.workers import running_workers
from plutoeditor.ui.editor import background_checks
from plutoeditor.ui.editor.background_checks import BackgroundChecks
from tests.cli.test_export_findings_cli import CLEAN

Button = QMessageBox.StandardButton
ONE_ERROR = "This policy has 1 error (broken-reference 1.2). Publish it anyway?"
TWO_ERRORS = "This policy has 2 errors (broken-reference 1.2, broken-reference 1.3). Publish it anyway?"


@pytest.fixture
def target(tmp_path, dialogs):
    path = tmp_path / "published.html"
    dialogs.save_path = str(path)
    return path


@pytest.fixture
def edited(window, tmp_path, monkeypatch):
    """A clean policy just given a broken reference (its findings not yet worked out: the
    user's pause is long), with every check on the GUI thread made to fail the test."""
    source = tmp_path / "notice.txt"
    source.write_text(CLEAN, encoding="utf-8")
    window.files.open_path(str(source), ask=False)
    document = window.document
    assert document is not None and not document.findings
    document.set_findings_delay(60_000)
    document.push(SetClauseField(clause(window, 1).id, "text", "See clause 1.9 for contact details."))
    assert document.findings_pending()

    def on_this_thread(self):
        raise AssertionError("the whole check ran on the GUI thread")

    monkeypatch.setattr(BackgroundChecks, "check_now", on_this_thread)
    return window


def clause(window, n: int):
    return window.document.policy.clauses[0].children[n]


def export_html(window) -> list[str]:
    """Trigger File > Export > HTML; what happened on the event loop before it returned."""
    turned: list[str] = []
    QTimer.singleShot(0, lambda: turned.append("event loop turned"))
    window.actions_["file.export_html"].trigger()
    return turned


def test_the_question_counts_the_error_of_the_edit_worked_out_off_the_gui_thread(
    edited, qtbot, dialogs, target
):
    window = edited
    dialogs.answer = Button.Cancel
    export_html(window)
    assert dialogs.asked == []  # not from the findings before the edit
    assert QApplication.overrideCursor() is not None  # busy
    qtbot.waitUntil(lambda: dialogs.asked != [], timeout=10000)
    assert dialogs.asked == [("warning", "Errors in This Policy", ONE_ERROR)]
    assert window.document.findings_current
    assert QApplication.overrideCursor() is None
    assert not target.exists()


def test_the_window_keeps_turning_while_the_export_waits(edited, qtbot, dialogs, target, monkeypatch):
    window = edited
    gate = threading.Event()
    run = background_checks._Copy.run

    def slow(self, edits, previous):
        gate.wait(10)
        return run(self, edits, previous)

    monkeypatch.setattr(background_checks._Copy, "run", slow)
    dialogs.answer = Button.Yes
    turned = export_html(window)
    qtbot.waitUntil(lambda: turned != [], timeout=5000)  # while the check is held
    assert dialogs.asked == [] and "Checking" in window.statusBar().currentMessage()
    gate.set()
    qtbot.waitUntil(lambda: target.exists() and not running_workers(window), timeout=20000)
    assert dialogs.asked == [("warning", "Errors in This Policy", ONE_ERROR)]
    assert "See clause 1.9" in target.read_text(encoding="utf-8")


def test_an_edit_made_while_the_export_waits_is_counted_too(edited, qtbot, dialogs, target, monkeypatch):
    window = edited
    gate = threading.Event()
    run = background_checks._Copy.run

    def slow(self, edits, previous):
        gate.wait(10)
        return run(self, edits, previous)

    monkeypatch.setattr(background_checks._Copy, "run", slow)
    window.document.set_findings_delay(0)
    dialogs.answer = Button.Cancel
    export_html(window)
    qtbot.waitUntil(lambda: window.document._checks.running, timeout=5000)
    window.document.push(SetClauseField(clause(window, 2).id, "text", "As clause 1.8 says."))
    gate.set()
    qtbot.waitUntil(lambda: dialogs.asked != [], timeout=10000)
    assert dialogs.asked == [("warning", "Errors in This Policy", TWO_ERRORS)]


def test_a_clean_result_exports_without_a_question(window, tmp_path, qtbot, dialogs, target, monkeypatch):
    source = tmp_path / "notice.txt"
    source.write_text(CLEAN, encoding="utf-8")
    window.files.open_path(str(source), ask=False)
    document = window.document
    document.set_findings_delay(60_000)
    document.push(SetClauseField(clause(window, 1).id, "text", "Written again."))
    monkeypatch.setattr(BackgroundChecks, "check_now", lambda self: pytest.fail("checked on the GUI thread"))
    export_html(window)
    qtbot.waitUntil(lambda: target.exists() and not running_workers(window), timeout=20000)
    assert dialogs.asked == []
    assert "Written again." in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("how", ["close the document", "close the window"])
def test_closing_while_the_export_waits(edited, qtbot, dialogs, target, tmp_path, monkeypatch, how):
    """No crash, no question about errors, no export; the unsaved edit is still offered for
    saving and saved."""
    window = edited
    gate = threading.Event()
    run = background_checks._Copy.run

    def slow(self, edits, previous):
        gate.wait(10)
        return run(self, edits, previous)

    monkeypatch.setattr(background_checks._Copy, "run", slow)
    export_html(window)
    qtbot.waitUntil(lambda: window.document._checks.running, timeout=5000)
    saved = tmp_path / "kept.policy.yaml"
    dialogs.answer = Button.Save
    dialogs.save_path = str(saved)
    if how == "close the document":
        assert window.files.close_document()
        assert window.document is None
    else:
        assert window.close()
    gate.set()
    qtbot.waitUntil(lambda: not background_checks._RUNNING, timeout=10000)
    qtbot.wait(50)  # the run's report, had anything waited for it
    assert [title for _kind, title, _text in dialogs.asked] == ["Unsaved Changes"]
    assert not target.exists()
    assert "See clause 1.9" in saved.read_text(encoding="utf-8")
    assert QApplication.overrideCursor() is None


def test_when_the_worker_check_fails_the_export_checks_once_more_before_asking(
    window, tmp_path, qtbot, dialogs, target, monkeypatch
):
    """Never a question (or an export) from findings that did not see the edit."""
    source = tmp_path / "notice.txt"
    source.write_text(CLEAN, encoding="utf-8")
    window.files.open_path(str(source), ask=False)
    document = window.document
    document.set_findings_delay(60_000)
    document.push(SetClauseField(clause(window, 1).id, "text", "See clause 1.9 for contact details."))
    gui = threading.get_ident()
    run = background_checks._Copy.run

    def fails_on_the_worker(self, edits, previous):
        if threading.get_ident() != gui:
            raise LookupError("the copy lost its way")
        return run(self, edits, previous)

    monkeypatch.setattr(background_checks._Copy, "run", fails_on_the_worker)
    dialogs.answer = Button.Cancel
    export_html(window)
    assert dialogs.asked == []
    qtbot.waitUntil(lambda: dialogs.asked != [], timeout=10000)
    assert dialogs.asked == [("warning", "Errors in This Policy", ONE_ERROR)]
    assert not target.exists()
    assert QApplication.overrideCursor() is None
