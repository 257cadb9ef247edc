"""Draft Summary from Previous Version... in the editor, and Draft Summary of Changes... in the
compare window: the drafted items in a dialog (ticked, editable), one undoable edit, and the
integrity findings that follow once the previous version is known."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from plutoeditor.model.operations import SetMetadata
from plutoeditor.ui.compare.window import CompareWindow

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
OLD = SAMPLES / "sample-privacy-policy.policy.yaml"
NEW = SAMPLES / "sample-privacy-policy-2025.policy.yaml"


def _open_2025(window):
    window.files.open_path(str(NEW), ask=False)
    assert window.document is not None
    return window.document


def _drafted_dialog(qtbot, window):
    window.summary_drafting.dialog = None
    window.summary_drafting.draft_from(str(OLD))
    qtbot.waitUntil(lambda: window.summary_drafting.dialog is not None, timeout=10000)
    return window.summary_drafting.dialog


def _versions_codes(document):
    document.refresh_findings()
    prefixes = ("effective-date", "version-", "summary-")
    return [f.code for f in document.findings if f.code.startswith(prefixes)]


def test_draft_fills_the_summary_with_the_ticked_items_as_one_undo_step(qtbot, window):
    document = _open_2025(window)
    before = list(document.policy.metadata.summary_of_changes)
    dialog = _drafted_dialog(qtbot, window)
    rows = dialog.rows()
    ticked = [row.text(0) for row in rows if row.checkState(0) == Qt.CheckState.Checked]
    # substantive first, then the move; the editorial renumbering is not ticked
    assert ticked[0].startswith("New clause 3.1.2: your billing address")
    assert ticked[1].startswith("5.1: We keep account data") and "one year (was two)" in ticked[1]
    assert ticked[2].startswith("8.3: Data Protection Officer e-mail address")
    assert ticked[3] == "Sharing Personal Data (now section 7) moved after Your rights"
    assert len(ticked) == 4 and len(rows) == 8
    rows[0].setText(0, "New clause 3.1.2: we now collect your billing address and card's last four digits")
    dialog.accept()
    summary = document.policy.metadata.summary_of_changes
    assert summary[0] == "New clause 3.1.2: we now collect your billing address and card's last four digits"
    assert summary[1:] == ticked[1:]
    document.undo_stack.undo()
    assert document.policy.metadata.summary_of_changes == before


def test_keep_the_current_items_adds_the_chosen_ones_after_them(qtbot, window):
    document = _open_2025(window)
    before = list(document.policy.metadata.summary_of_changes)
    dialog = _drafted_dialog(qtbot, window)
    assert not dialog.keep.isHidden()  # the 2025 sample has a summary already
    for row in dialog.rows()[1:]:
        row.setCheckState(0, Qt.CheckState.Unchecked)
    dialog.keep.setChecked(True)
    dialog.accept()
    assert document.policy.metadata.summary_of_changes == [*before, dialog.rows()[0].text(0)]


def test_the_previous_version_brings_integrity_findings(qtbot, window):
    document = _open_2025(window)
    _drafted_dialog(qtbot, window).reject()
    assert document.previous_version is not None
    assert _versions_codes(document) == []  # 2025 moved its date, version and summary
    document.push(SetMetadata("effective_date", dt.date(2024, 3, 1)))
    document.push(SetMetadata("version", "2024.1"))
    assert _versions_codes(document) == ["effective-date-unchanged", "version-unchanged"]
    finding = next(f for f in document.findings if f.code == "effective-date-unchanged")
    assert finding.target == "effective_date" and "1 March 2024" in finding.message


def test_compare_with_the_older_version_offers_the_same_draft(qtbot, window):
    document = _open_2025(window)
    compare = window.publishing.compare_with(str(OLD))
    qtbot.addWidget(compare)
    with qtbot.waitSignal(compare.comparison_ready, timeout=10000):
        pass
    assert compare.editor_is_new()
    qtbot.waitUntil(lambda: document.previous_version is not None, timeout=10000)
    dialog = compare.draft_summary_dialog()
    assert dialog.fill_button is not None
    for row in dialog.rows()[1:]:
        row.setCheckState(0, Qt.CheckState.Unchecked)
    dialog.accept()
    assert document.policy.metadata.summary_of_changes == [dialog.rows()[0].text(0)]
    assert document.undo_stack.count() == 1


def test_a_standalone_comparison_copies_the_items(qtbot):
    compare = CompareWindow(str(OLD), str(NEW))
    qtbot.addWidget(compare)
    with qtbot.waitSignal(compare.comparison_ready, timeout=10000):
        pass
    dialog = compare.draft_summary_dialog()
    assert dialog.fill_button is None and not dialog.keep.isVisible()
    dialog.copy()
    copied = QGuiApplication.clipboard().text().split("\n")
    assert copied == dialog.chosen() and copied[0].startswith("New clause 3.1.2")
    dialog.reject()


def test_drafting_from_a_newer_version_says_so_and_does_not_check_against_it(qtbot, window):
    window.files.open_path(str(OLD), ask=False)  # the 2024 policy; "previous" chosen: 2025
    document = window.document
    window.summary_drafting.dialog = None
    window.summary_drafting.draft_from(str(NEW))
    qtbot.waitUntil(lambda: window.summary_drafting.dialog is not None, timeout=10000)
    dialog = window.summary_drafting.dialog
    assert not dialog.note.isHidden()
    assert "takes effect on 15 January 2025, after this policy (1 March 2024)" in dialog.note.text()
    assert document.previous_version is None
    dialog.reject()
