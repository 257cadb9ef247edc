"""Paints the compare table's rich-text cells, wrapped to the column width."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from plutoeditor.ui.compare.model import AnyIndex, HtmlRole

PADDING = 4
#: How many laid-out cells are kept (a screenful is a few dozen).
KEPT_DOCUMENTS = 400


class RichTextDelegate(QStyledItemDelegate):
    """Renders the model's HtmlRole with QTextDocument; heights follow the view's columns."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[int, int, int], int] = {}
        self._documents: OrderedDict[tuple[str, int, str], QTextDocument] = OrderedDict()
        view.header().sectionResized.connect(self._forget_heights)

    def _forget_heights(self, *args: object) -> None:
        """A column changed width: text wraps anew, so rows must be measured again (the view
        keeps each row's height until its items are laid out)."""
        self._heights.clear()
        self._view.scheduleDelayedItemsLayout()

    def clear(self) -> None:
        """Forget cached heights (call when the model is reset)."""
        self._heights.clear()
        self._documents.clear()

    def _document(self, html: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        """The laid-out cell; the last few hundred are kept, so repainting the rows on screen
        (every step with F8) does not parse and lay out their rich text again."""
        key = (html, max(width, 50), option.font.key())
        document = self._documents.get(key)
        if document is not None:
            self._documents.move_to_end(key)
            return document
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(PADDING)
        document.setHtml(html)
        document.setTextWidth(max(width, 50))
        self._documents[key] = document
        if len(self._documents) > KEPT_DOCUMENTS:
            self._documents.popitem(last=False)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        html = index.data(HtmlRole) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = self._document(html, opt.rect.width(), opt)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self._view.header().sectionSize(index.column())
        key = (index.row(), index.column(), width)
        height = self._heights.get(key)
        if height is None:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            html = index.data(HtmlRole) or ""
            height = int(self._document(html, width, opt).size().height()) if html else 0
            self._heights[key] = height
        return QSize(width, max(height, option.fontMetrics.height() + 2 * PADDING))
