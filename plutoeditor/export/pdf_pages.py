"""Painting the laid-out policy onto the PDF page by page.

Each page gets its slice of the document's lines, its tables' rules and repeated header,
the running header (title and effective date) and "Page X of Y" in the footer.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPainter, QPen, QTextDocument, QTextLine

from plutoeditor.export.page_text import page_header
from plutoeditor.export.pdf_layout import DPI, FONTS, MM, MUTED, NAVY, Layout
from plutoeditor.export.pdf_table_rules import TableDecor, decor_by_page, paint_table_decor
from plutoeditor.model import Policy


def _lines_by_page(
    doc: QTextDocument, page_height: float, has_tables: bool = False
) -> dict[int, list[tuple[QPointF, QTextLine]]]:
    """Every laid-out line with the page it falls on.

    Lines are drawn one by one rather than with drawContents and a clip: a clipped
    paragraph that spans two pages would otherwise be written into both pages' text,
    invisibly, and show up twice when the PDF is searched or copied from. A block in a
    table cell is laid out relative to its cell, so its place on the page is asked for.
    """
    pages: dict[int, list[tuple[QPointF, QTextLine]]] = {}
    document_layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        text_layout = block.layout()
        origin = document_layout.blockBoundingRect(block).topLeft() if has_tables else text_layout.position()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            page = int((origin.y() + line.y() + line.height() / 2) // page_height)
            pages.setdefault(page, []).append((origin, line))
        block = block.next()
    return pages


def _page_count(
    lines_by_page: dict[int, list[tuple[QPointF, QTextLine]]], table_decor: dict[int, TableDecor]
) -> int:
    """The pages up to the last one with something to show.

    Not QTextDocument.pageCount(): that counts the spacing after the last paragraph or
    table too, and when the text ends just above a page's foot the spacing alone spills
    over, which printed a blank last page (header and "Page N of N", nothing else).
    """
    shown = [page for page, lines in lines_by_page.items() if any(line.textLength() for _, line in lines)]
    return max(shown + list(table_decor), default=0) + 1


def paint_pages(
    painter: QPainter, writer: QPagedPaintDevice, layout: Layout, policy: Policy, margins: tuple[float, ...]
) -> None:
    """Each page: its slice of the document, the running header and "Page X of Y"."""
    left, top, _right, bottom = margins
    page_height = writer.pageLayout().fullRectPixels(DPI).height()
    body_width, body_height = layout.doc.pageSize().width(), layout.doc.pageSize().height()
    running = page_header(policy.metadata)
    header_left, header_right = running.left, running.right
    small = QFont(FONTS[0])
    small.setFamilies(FONTS)
    small.setPointSizeF(8)
    small.setFeature(QFont.Tag("liga"), 0)
    header = QRectF(left, top - 14 * MM, body_width, 8 * MM)
    footer = QRectF(left, page_height - bottom + 6 * MM, body_width, 8 * MM)
    bottom_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
    bottom_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
    lines_by_page = _lines_by_page(layout.doc, body_height, bool(layout.tables))
    table_decor = decor_by_page(layout, body_height) if layout.tables else {}
    pages = _page_count(lines_by_page, table_decor)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(left, top - page * body_height)
        decor = table_decor.get(page)
        if decor is not None:
            paint_table_decor(painter, decor)
        for line_position, line in lines_by_page.get(page, []):
            line.draw(painter, line_position)
        painter.restore()
        if page == 0 and layout.title_block is not None:
            rule_y = top + layout.doc.documentLayout().blockBoundingRect(layout.title_block).bottom()
            painter.setPen(QPen(NAVY, 0.35 * MM))
            painter.drawLine(QPointF(left, rule_y), QPointF(left + body_width, rule_y))
        painter.setFont(small)
        painter.setPen(MUTED)
        painter.drawText(header, bottom_left, header_left)
        painter.drawText(header, bottom_right, header_right)
        painter.setPen(QPen(QColor("#a6a6a6"), 0.3 * MM))
        painter.drawLine(QPointF(left, top - 5 * MM), QPointF(left + body_width, top - 5 * MM))
        painter.setPen(MUTED)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         f"Page {page + 1} of {pages}")  # fmt: skip
