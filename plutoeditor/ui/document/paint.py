"""Painting the Document view: the grey desk, the white page, the title block, then each
clause on screen (the one with the cursor without its text, which the editor draws), its
part of a selection over several clauses, and the marks of its findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from plutoeditor.ui.document.layout import SELECTION, paint_clause
from plutoeditor.ui.document.selection import WHOLE

if TYPE_CHECKING:
    from plutoeditor.ui.document.page import DocumentPage

GUTTER = 12  # grey around the page


def paint_page(view: DocumentPage, painter: QPainter) -> None:
    """Paint what the view's viewport shows."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(view.viewport().rect(), QColor("#e9ebef"))
    rows = view.rows
    if rows is None or view._starting:
        return
    value = view.verticalScrollBar().value()
    height = view.viewport().height()
    bottom = view._content_top() + rows.total_height() + GUTTER - value
    page = QRectF(view._page.left(), GUTTER - value, view._page.width(), bottom - GUTTER + value)
    painter.fillRect(page, QColor("#ffffff"))
    painter.setPen(QColor("#c9ccd3"))
    painter.drawRect(page)
    painter.save()
    painter.translate(view._text_left, GUTTER - value)
    view.title_block.paint(painter)
    painter.restore()
    if not len(rows):
        return
    row = rows.row_at(value - view._content_top())
    while row < len(rows) and view.row_top(row) < value + height:
        top = view.row_top(row) - value
        clause = rows.clause(row)
        layout = view.layout_of(row)
        painter.save()
        painter.translate(view._text_left, top)
        label_colour = view.findings.label_colour(clause)
        part = view.selection.part_of(row)
        text_part = part if part is not None and part != WHOLE else None
        editing = clause is view._current
        paint_clause(painter, layout, view.style_, editing and view.field == "text", label_colour, text_part,
                     skip_heading=editing and view.field == "heading")  # fmt: skip
        if part == WHOLE:  # a clause inside a selection over several clauses
            width = view.style_.text_width - layout.label_x
            painter.fillRect(QRectF(layout.label_x, 0, width, layout.height), SELECTION)
        painter.restore()
        colour = view.findings.margin_colour(clause)
        if colour is not None:
            painter.fillRect(QRectF(view._page.left() + 4, top + 2, 3, max(6.0, layout.height - 4)), colour)
        row += 1
