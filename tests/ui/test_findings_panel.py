"""The findings panel with many findings: new findings are laid out when they are set, not
left to the event loop, where each of the layout's questions to the model waits for the
interpreter lock while an export or a check runs on a worker (the window froze)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
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
