"""The top of the Document view's page: the title, organisation and effective date, as the
published policy starts (edited in Policy Details, drawn here)."""

from __future__ import annotations

from PySide6.QtGui import QPainter, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from plutoeditor.export.page_text import title_block
from plutoeditor.export.pdf_layout import MUTED, NAVY
from plutoeditor.model import Metadata
from plutoeditor.ui.document.layout import ZOOM, font

TOP = 30 * ZOOM  # from the page's top edge to the title
BELOW = 22 * ZOOM  # from the rule under the title block to the first clause


class TitleBlock:
    """The title block, laid out once per metadata change or page width."""

    def __init__(self) -> None:
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self._height = TOP + BELOW

    def set_metadata(self, metadata: Metadata, width: float) -> None:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        cursor = QTextCursor(doc)
        title = QTextCharFormat()
        title.setFont(font(24, bold=True))
        title.setForeground(NAVY)
        front = title_block(metadata)
        cursor.insertText(front.title, title)
        muted = QTextCharFormat()
        muted.setFont(font(10.5))
        muted.setForeground(MUTED)
        spaced = QTextBlockFormat()
        spaced.setTopMargin(4 * ZOOM)
        for line in front.lines:
            cursor.insertBlock(spaced)
            cursor.insertText(line, muted)
        doc.setTextWidth(width)
        self.doc = doc
        self._height = TOP + doc.size().height() + BELOW  # asked for on every row's position

    def height(self) -> float:
        return self._height

    def paint(self, painter: QPainter) -> None:
        """Draw with the page's top-left text corner at the painter's origin."""
        painter.save()
        painter.translate(0, TOP)
        self.doc.drawContents(painter)
        rule = self.doc.size().height() + 8 * ZOOM
        painter.setPen(NAVY)
        painter.drawLine(0, int(rule), int(self.doc.textWidth()), int(rule))
        painter.restore()
