"""Hovering the Document view: a defined term shows its definition (as in the Clause pane),
in the clause with the cursor and in the others; the clause's findings follow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from plutoeditor.importers.text import import_text
from tests.ui.document_points import point_of

TEXT = "\n\n".join(
    [
        "Harbour Notice",
        "1 Definitions",
        "1.1 In this Notice these words have these meanings:",
        "Account: the record we keep for each member of the club;",
        "2 Using your Account",
        "2.1 You can close your Account at any time, see clause 9.9.",
    ]
)


def _hover(view, widget, point: QPoint, shown: list[str]) -> str:
    local = widget.mapFrom(view.viewport(), point) if widget is not view.viewport() else point
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, local, widget.mapToGlobal(local)))
    return shown[-1] if shown else ""


def test_hovering_a_defined_term_shows_its_definition(show_policy, qtbot, monkeypatch):
    window = show_policy(import_text(TEXT))
    document, view = window.document, window.document_view
    document.refresh_findings()
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", staticmethod(lambda pos, text, *a: shown.append(text)))
    monkeypatch.setattr(QToolTip, "hideText", staticmethod(lambda: shown.append("")))
    clause = next(c for c in document.policy.walk() if c.label.strip() == "2.1")
    word = clause.text.index("Account") + 2
    view.current_clause()  # the rows are laid out
    tip = _hover(view, view.viewport(), point_of(view, clause.id, word), shown)
    assert tip.startswith("Account: the record we keep for each member of the club")
    assert "9.9" in tip  # and below it, the clause's finding (the broken reference)
    assert "Account:" not in _hover(view, view.viewport(), point_of(view, clause.id, 2), shown)
    assert view.show_clause(clause.id, 0)  # the cursor in it: the editor draws its text
    QApplication.processEvents()
    tip = _hover(view, view.editor.viewport(), point_of(view, clause.id, word), shown)
    assert tip.startswith("Account: the record we keep")
