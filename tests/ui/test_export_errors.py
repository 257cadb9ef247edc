"""File > Export of a policy with error findings asks first: Export Anyway / Show Findings /
Cancel. A policy without errors (warnings and notes allowed) is exported without a question."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from plutoeditor.model.operations import SetClauseField
from plutoeditor.ui.common.workers import running_workers
from tests.cli.test_export_findings_cli import CLEAN

Button = QMessageBox.StandardButton


QUESTION = "This policy has 5 errors (numbering-gap 2.3.9, duplicate-number 2.3.9, …). Publish it anyway?"


@pytest.fixture
def target(tmp_path, dialogs):
    """Where File > Export's save dialog answers the file should go."""
    path = tmp_path / "published.html"
    dialogs.save_path = str(path)
    return path


@pytest.fixture
def clean_window(window, tmp_path):
    source = tmp_path / "notice.txt"
    source.write_text(CLEAN, encoding="utf-8")
    window.files.open_path(str(source), ask=False)
    assert window.document is not None and not window.document.findings
    return window


def export_html(window, qtbot) -> None:
    window.actions_["file.export_html"].trigger()
    qtbot.waitUntil(lambda: not running_workers(window), timeout=20000)


def test_the_question_names_the_count_and_the_first_errors(seed_window, qtbot, dialogs, target):
    dialogs.answer = Button.Cancel
    export_html(seed_window, qtbot)
    assert dialogs.asked == [("warning", "Errors in This Policy", QUESTION)]
    assert dialogs.buttons == [
        {Button.Yes: "Export Anyway", Button.Open: "Show Findings", Button.Cancel: "Cancel"}
    ]


@pytest.mark.parametrize("kind", ["docx", "html", "pdf"])
def test_every_export_format_asks(seed_window, dialogs, tmp_path, kind):
    dialogs.answer = Button.Cancel
    seed_window.publishing.export(kind, str(tmp_path / f"published.{kind}"))
    assert dialogs.titles() == ["Errors in This Policy"]
    assert not list(tmp_path.glob("published.*"))


def test_export_anyway_exports(seed_window, qtbot, dialogs, target):
    dialogs.answer = Button.Yes
    export_html(seed_window, qtbot)
    assert "Privacy Policy" in target.read_text(encoding="utf-8")
    assert "Exported" in seed_window.statusBar().currentMessage()


def test_cancel_exports_nothing(seed_window, qtbot, dialogs, target):
    dialogs.answer = Button.Cancel
    export_html(seed_window, qtbot)
    assert not target.exists()
    assert "Exported" not in seed_window.statusBar().currentMessage()


def test_show_findings_exports_nothing_and_selects_the_first_error(seed_window, qtbot, dialogs, target):
    window = seed_window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    findings_dock = next(d for d in window.docks if d.widget() is window.findings_panel)
    findings_dock.hide()  # the user had closed the pane; Show Findings brings it back
    dialogs.answer = Button.Open
    export_html(window, qtbot)
    assert not target.exists()
    first_error = next(f for f in window.document.findings if f.is_error)
    assert window.findings_panel.current_finding() == first_error
    assert findings_dock.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.findings_panel.view)


def test_a_clean_policy_is_exported_without_a_question(clean_window, qtbot, dialogs, target):
    export_html(clean_window, qtbot)
    assert dialogs.asked == []
    assert "Springfield" in target.read_text(encoding="utf-8")


def test_warnings_and_notes_never_ask(clean_window, qtbot, dialogs, target):
    document = clean_window.document
    document.push(SetClauseField(document.policy.clauses[0].children[0].id, "text", "Ends with"))
    document.refresh_findings()
    assert document.findings and not any(f.is_error for f in document.findings)
    export_html(clean_window, qtbot)
    assert dialogs.asked == []
    assert target.exists()


def test_an_error_typed_just_before_exporting_is_asked_about(clean_window, qtbot, dialogs, target):
    """The findings refresh a moment after typing stops; export does not use the stale ones."""
    document = clean_window.document
    clause = document.policy.clauses[0].children[1]
    document.set_findings_delay(60_000)
    document.push(SetClauseField(clause.id, "text", "See clause 1.9 for contact details."))
    assert document.findings_pending()
    dialogs.answer = Button.Cancel
    export_html(clean_window, qtbot)
    qtbot.waitUntil(lambda: dialogs.asked != [], timeout=10000)  # once the worker has checked it
    assert dialogs.asked == [
        (
            "warning",
            "Errors in This Policy",
            "This policy has 1 error (broken-reference 1.2). Publish it anyway?",
        )
    ]
    assert not target.exists()
