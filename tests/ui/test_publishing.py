"""Export runs off the GUI thread; Compare With opens the comparison and can jump back."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from plutoeditor.ui.common.workers import running_workers
from plutoeditor.ui.editor import file_commands as document_files

Button = QMessageBox.StandardButton


def test_export_html_runs_on_a_worker_and_writes_the_file(seed_window, qtbot, tmp_path, dialogs):
    window = seed_window
    dialogs.answer = Button.Yes  # Export Anyway: the seed has error findings
    target = tmp_path / "policy.html"
    window.publishing.export("html", str(target))
    qtbot.waitUntil(lambda: not running_workers(window), timeout=20000)
    html = target.read_text(encoding="utf-8")
    assert "Privacy Policy" in html and "2.16" in html
    assert "Exported" in window.statusBar().currentMessage()


def test_export_failure_is_a_dialog_not_a_crash(seed_window, qtbot, tmp_path, dialogs):
    window = seed_window
    dialogs.answer = Button.Yes  # Export Anyway: the seed has error findings
    window.publishing.export("html", str(tmp_path / "no-such-folder" / "policy.html"))
    qtbot.waitUntil(lambda: not running_workers(window), timeout=20000)
    assert dialogs.titles() == ["Errors in This Policy", "Export Failed"]
    assert window.document is not None


def test_compare_with_opens_window_and_jumps_to_clause(seed_window, seed_2023, qtbot):
    window = seed_window
    compare = window.publishing.compare_with(str(seed_2023))
    qtbot.addWidget(compare)
    target = next(c for c in window.document.policy.walk() if c.label.strip() == "4.1.2")
    compare.open_clause_requested.emit(target.id)
    assert window.current_clause() is target


def test_big_files_open_on_a_worker(window, qtbot, tmp_path, monkeypatch, seed_2022):
    monkeypatch.setattr(document_files, "BACKGROUND_BYTES", 10)
    copy = tmp_path / "copy.txt"
    shutil.copy(seed_2022, copy)
    window.files.open_path(str(copy))
    assert running_workers(window)
    qtbot.waitUntil(lambda: window.document is not None, timeout=20000)
    misplaced = [f for f in window.document.findings if f.code == "wrong-parent"]
    assert misplaced
    # checked on the worker: the outline shows the marks all the same
    clause = window.document.policy.find(misplaced[0].clause_id)
    index = window.document.outline.index_of(clause)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "wrong-parent" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_open_sample_from_the_start_page(window):
    if not document_files.sample_path().is_file():
        pytest.skip("the sample policy is not in resources/samples yet")
    window.start_page.sample_requested.emit()
    assert window.document is not None
    assert window.document.path == str(document_files.sample_path())
    assert not window.isWindowModified()


def test_an_export_snapshot_is_the_policy_as_it_was(seed_window):
    from plutoeditor.model.notation import format_tree
    from plutoeditor.ui.common import snapshot

    policy = seed_window.document.policy
    policy.metadata.summary_of_changes = ["One change"]
    data = snapshot.take(policy)
    copy = snapshot.policy_from(data)
    assert format_tree(copy) == format_tree(policy) and copy.metadata == policy.metadata
    assert copy.document_id == policy.document_id
    policy.clauses[0].text = "edited after the snapshot"
    assert snapshot.policy_from(data).clauses[0].text != "edited after the snapshot"


@pytest.mark.parametrize("numbered", [True, False])
def test_export_word_offers_word_numbering_or_typed_labels(seed_window, qtbot, tmp_path, dialogs, monkeypatch,
                                                            numbered):  # fmt: skip
    """The Export dialog's file type is the numbering choice; Word's own numbering first."""
    import docx
    from docx.oxml.ns import qn
    from PySide6.QtWidgets import QFileDialog

    window = seed_window
    dialogs.answer = Button.Yes  # Export Anyway: the seed has error findings
    target = tmp_path / "policy.docx"
    offered: list[str] = []

    def choose(parent, caption, suggestion, filters):
        offered.extend(filters.split(";;"))
        return str(target), offered[0 if numbered else 1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    window.publishing.export("docx")
    qtbot.waitUntil(lambda: not running_workers(window), timeout=20000)
    assert "numbered by Word" in offered[0] and "typed" in offered[1]
    paragraphs = docx.Document(str(target)).paragraphs
    word_numbered = [p for p in paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None]
    assert bool(word_numbered) is numbered
    assert any(p.text.startswith("2.16\t") for p in paragraphs) is not numbered


def test_an_export_snapshot_is_freed_without_the_cycle_collector(seed_window):
    """Once exported, the snapshot's clauses go at once (no full collection on the GUI
    thread later: 110-240 ms after each 10,000-clause export on a busy machine)."""
    import gc
    import weakref

    from plutoeditor.ui.common import snapshot

    copy = snapshot.policy_from(snapshot.take(seed_window.document.policy))
    deepest = max(copy.walk(), key=lambda c: c.parent is not None)
    gone = weakref.ref(deepest)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del deepest
        snapshot.dispose(copy)
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()
