"""Findings about the policy's details: shown in the findings panel (not on a clause), gone
once the field is filled in, back on undo; activating one puts the keyboard in that field."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree

Key = Qt.Key
TREE = "[1] Scope |\n  [1.1] This notice covers the newsletter.\n[2] Data |\n  [2.1] We keep your email.\n"


@pytest.fixture
def open_policy(window, tmp_path, qtbot):
    """Open a saved policy with the given title and effective date in an active window."""

    def open_with(title: str, date: dt.date | None):
        policy = parse_tree(TREE)
        policy.metadata.title, policy.metadata.effective_date = title, date
        path = tmp_path / "notice.policy.yaml"
        native.save(policy, path)
        window.files.open_path(str(path), ask=False)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return open_with


def rows(window) -> list[tuple[str, ...]]:
    """The findings panel as the user reads it: severity, code, label, message."""
    proxy = window.findings_panel.proxy
    return [tuple(proxy.index(r, c).data() for c in range(4)) for r in range(proxy.rowCount())]


def missing(window) -> list[str]:
    return [f.target for f in window.document.findings if f.code == "missing-metadata"]


def activate_first_finding(window, qtbot) -> None:
    view = window.findings_panel.view
    view.setFocus()
    view.setCurrentIndex(window.findings_panel.proxy.index(0, 0))
    qtbot.keyClick(view, Key.Key_Return)


def test_no_effective_date_is_a_warning_that_setting_the_date_clears(open_policy, qtbot):
    window = open_policy("Newsletter Privacy Notice", None)
    document, details = window.document, window.metadata_panel
    assert rows(window) == [
        ("warning", "missing-metadata", "—", "No effective date: the published header would have no date")
    ]
    assert window.findings_panel.summary.text() == "0 errors, 1 warning, 0 notes"
    outline = document.outline
    for clause in document.policy.walk():  # the outline marks clause findings only
        assert outline.index_of(clause).data(Qt.ItemDataRole.DecorationRole) is None

    shown = window.current_clause()
    activate_first_finding(window, qtbot)
    assert QApplication.focusWidget() is details.has_date  # the date picker is off until switched on
    assert window.current_clause() is shown  # no clause is selected instead
    qtbot.keyClick(details.has_date, Key.Key_Space)
    assert document.policy.metadata.effective_date == dt.date.today()
    qtbot.waitUntil(lambda: not document.findings_pending())
    assert rows(window) == [] and window.findings_panel.summary.text() == "No findings"

    document.undo_stack.undo()
    assert document.policy.metadata.effective_date is None and not details.has_date.isChecked()
    qtbot.waitUntil(lambda: missing(window) == ["effective_date"])
    assert window.findings_status.text() == "0 errors, 1 warning, 0 notes"
    document.undo_stack.redo()
    qtbot.waitUntil(lambda: missing(window) == [])


def test_activating_a_missing_title_puts_the_keyboard_in_the_title(open_policy, qtbot):
    window = open_policy("", dt.date(2024, 3, 1))
    document, details = window.document, window.metadata_panel
    assert missing(window) == ["title"]
    dock = next(d for d in window.docks if d.widget() is details)
    dock.close()  # the pane was closed: activating the finding shows it again
    activate_first_finding(window, qtbot)
    assert dock.isVisible()
    assert QApplication.focusWidget() is details.edits["title"]
    qtbot.keyClicks(details.edits["title"], "Newsletter Privacy Notice")
    document.refresh_findings()
    assert rows(window) == []


def test_with_a_date_the_keyboard_lands_in_the_date_picker(open_policy):
    window = open_policy("Newsletter Privacy Notice", dt.date(2024, 3, 1))
    details = window.metadata_panel
    window.show_details_field("effective_date")
    assert QApplication.focusWidget() is details.date_edit
    assert not details.focus_field("no such field")


def test_a_policy_without_a_date_does_not_show_or_take_the_last_documents_date(window, tmp_path):
    # The date picker kept the previous document's date, greyed out beside the off switch as
    # if it were this policy's, and turning the switch on gave this policy that date.
    dated, undated = parse_tree(TREE), parse_tree(TREE)
    dated.metadata.effective_date = dt.date(2019, 3, 1)
    for name, policy in (("dated", dated), ("undated", undated)):
        native.save(policy, tmp_path / f"{name}.policy.yaml")
    window.files.open_path(str(tmp_path / "dated.policy.yaml"), ask=False)
    window.files.open_path(str(tmp_path / "undated.policy.yaml"), ask=False)
    panel = window.metadata_panel
    assert window.document.policy.metadata.effective_date is None
    assert not panel.date_edit.isEnabled()
    assert panel.date_edit.date().toPython() == dt.date.today()
    panel.has_date.setChecked(True)
    assert window.document.policy.metadata.effective_date == dt.date.today()
