"""The findings panel with many findings: new findings are laid out when they are set, not
left to the event loop, where each of the layout's questions to the model waits for the
interpreter lock while an export or a check runs on a worker (the window froze)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from plutoeditor.checks.finding import Finding
from plutoeditor.ui.editor.findings_panel import FindingsModel, FindingsPanel


def _findings(count: int) -> list[Finding]:
    return [
        Finding("broken-reference", "error", f"{n}.", "", "", f"Clause {n} refers to clause 99.", n, f"c{n}")
        for n in range(1, count + 1)
    ]


def test_new_findings_are_laid_out_before_the_event_loop_turns(qtbot, monkeypatch):
    asked: list[int] = []
    row_count = FindingsModel.rowCount
    monkeypatch.setattr(FindingsModel, "rowCount", lambda self, *a: (asked.append(1), row_count(self, *a))[1])
    panel = FindingsPanel()
    try:
        panel.resize(700, 300)
        panel.show()
        qtbot.waitExposed(panel)
        findings = _findings(3000)
        panel.set_findings(findings)
        asked.clear()
        QApplication.processEvents()  # paints the rows on screen
        assert len(asked) < len(findings) / 3  # the rows on screen, not a layout of all 3,000
        assert panel.summary.text() == "3000 errors, 0 warnings, 0 notes"
        last = panel.proxy.index(len(findings) - 1, 0)
        panel.view.scrollTo(last)
        assert panel.view.visualRect(last).isValid()  # every row is in the list
    finally:  # gone before rowCount is put back (a paint meanwhile would call the old one)
        panel.close()
        panel.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_sorting_by_a_column_and_back_to_document_order(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    findings = _findings(3)
    findings[1] = Finding("duplicate-label", "warning", "2.", "", "", "Label 2. is used twice.", 2, "c2")
    panel.set_findings(findings)
    panel.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by code, Z to A
    codes = [panel.proxy.index(row, 1).data() for row in range(3)]
    assert codes == ["duplicate-label", "broken-reference", "broken-reference"]
    assert not panel.model.index(3, 0).isValid() and not panel.model.index(0, 4).isValid()
    panel.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert [panel.proxy.index(row, 2).data() for row in range(3)] == ["1.", "2.", "3."]
