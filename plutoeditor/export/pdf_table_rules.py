"""What the PDF shows of a table besides its text: a rule under every row, the header
row shaded, and the header repeated at the top of each further page the table runs on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPen, QTextDocument, QTextLine, QTextTable

from plutoeditor.export.pdf_layout import DPI, HEADER_FILL, MM, NAVY, RULE, Layout


@dataclass
class TableDecor:
    """What a page shows of tables besides their text: header fills, rules, repeated headers."""

    fills: list[QRectF] = field(default_factory=list)
    rules: list[tuple[float, float, float, bool]] = field(default_factory=list)  # y, x0, x1, strong
    header_lines: list[tuple[QPointF, QTextLine]] = field(default_factory=list)


def _row_span(doc: QTextDocument, table: QTextTable, row: int, padding: float) -> tuple[float, float]:
    """Top and bottom of a table row in the document (device pixels)."""
    layout = doc.documentLayout()
    top, bottom = float("inf"), 0.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        top = min(top, layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottom = max(bottom, layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return top - padding, bottom + padding


def decor_by_page(layout: Layout, page_height: float) -> dict[int, TableDecor]:
    """Rules under every row, the header shaded and repeated at the top of each further page.

    Qt leaves room for the header on every page a table continues on (headerRowCount), but
    draws it only in drawContents, which this export does not use (see pdf_pages).
    """
    pages: dict[int, TableDecor] = {}
    doc = layout.doc
    for painted in layout.tables:
        table = painted.table
        padding = table.format().cellPadding() * DPI / 96
        left, right = painted.left, painted.right
        spans = [_row_span(doc, table, row, padding) for row in range(table.rows())]
        first_page = int(spans[0][0] // page_height)
        pages.setdefault(first_page, TableDecor()).rules.append((spans[0][0], left, right, True))
        header_top, header_bottom = spans[0]
        header_lines: list[tuple[QPointF, QTextLine]] = []
        if painted.header:
            for column in range(table.columns()):
                cell = table.cellAt(0, column)
                block = cell.firstCursorPosition().block()
                end = cell.lastCursorPosition().block()
                while block.isValid():
                    origin = doc.documentLayout().blockBoundingRect(block).topLeft()
                    text_layout = block.layout()
                    header_lines += [(origin, text_layout.lineAt(i)) for i in range(text_layout.lineCount())]
                    if block == end:
                        break
                    block = block.next()
            pages[first_page].fills.append(QRectF(left, header_top, right - left, header_bottom - header_top))
        seen = {first_page}
        for row, (top, bottom) in enumerate(spans):
            page = int((bottom - 1) // page_height)
            decor = pages.setdefault(page, TableDecor())
            decor.rules.append((bottom, left, right, row == 0 and painted.header))
            start = int(top // page_height)
            for continued in range(start, page + 1):
                if continued in seen or not painted.header:
                    continue
                seen.add(continued)
                shift = continued * page_height - header_top
                extra = pages.setdefault(continued, TableDecor())
                extra.fills.append(QRectF(left, header_top + shift, right - left, header_bottom - header_top))
                extra.rules.append((header_top + shift, left, right, True))
                extra.rules.append((header_bottom + shift, left, right, True))
                extra.header_lines += [(origin + QPointF(0, shift), line) for origin, line in header_lines]
    return pages


def paint_table_decor(painter: QPainter, decor: TableDecor) -> None:
    for rect in decor.fills:
        painter.fillRect(rect, HEADER_FILL)
    for y, x0, x1, strong in decor.rules:
        painter.setPen(QPen(NAVY if strong else RULE, (0.3 if strong else 0.15) * MM))
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))
    for origin, line in decor.header_lines:
        line.draw(painter, origin)
