"""The Document view's page: the policy's clauses as rows from top to bottom, each laid out
when it comes on screen (the others keep estimated heights, `rows`), where each row and the
editor over the clause with the cursor go, the scroll range, and painting what is shown.
The view on top of it (`view.DocumentView`) moves the cursor and edits.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from plutoeditor.model import Clause
from plutoeditor.ui.document.findings import FindingMarks, highlight, search_spans
from plutoeditor.ui.document.header import TitleBlock
from plutoeditor.ui.document.layout import SCREEN_MM, ZOOM, ClauseLayout, Style, lay_out, text_document
from plutoeditor.ui.document.paint import GUTTER, paint_page
from plutoeditor.ui.document.rows import DocumentRows

if TYPE_CHECKING:
    from plutoeditor.ui.document.editor import ClauseTextEdit
    from plutoeditor.ui.document.selection import ClauseRange
    from plutoeditor.ui.editor.open_document import Document

CACHE = 400  # laid-out clauses kept


class DocumentPage(QAbstractScrollArea):
    """Rows, their layouts and places; the editor placed over the clause with the cursor."""

    # set by the view on top
    document: Document | None
    editor: ClauseTextEdit
    selection: ClauseRange
    field: str
    _current: Clause | None
    _editing: ClauseLayout | None
    _starting: bool

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: DocumentRows | None = None
        self.style_ = Style(600)
        self.title_block = TitleBlock()
        self._layouts: OrderedDict[str, ClauseLayout] = OrderedDict()
        self.findings = FindingMarks()
        self._search = ("", False)  # the find bar's text and whether case matters
        self._page = QRectF()
        self._text_left = 0.0
        self._after_change = QTimer(self)
        self._after_change.setSingleShot(True)
        self._after_change.setInterval(0)
        self._after_change.timeout.connect(self.relayout)

    def _mm(self) -> float:
        return SCREEN_MM * ZOOM

    def layout_of(self, row: int) -> ClauseLayout:
        assert self.rows is not None
        clause, depth = self.rows.clause(row), self.rows.depth(row)
        if clause is self._current:
            layout = self._editing
            heading = self.field == "heading"
            if layout is None or layout.clause is not clause or layout.depth != depth:
                layout = lay_out(clause, depth, self.style_, editing=True, with_heading=heading)
                if heading:  # the editor draws the heading; the text follows below it
                    layout.heading = self.editor.document()
                else:  # the editor draws the text
                    layout.body = self.editor.document()
                self._editing = layout
            if heading and layout.heading is not None:
                layout.body_y = layout.heading_y + layout.heading.size().height() + 3 * ZOOM
            below = layout.body.size().height() if layout.body is not None else 0.0
            layout.height = layout.body_y + below + self.style_.after()
            self.rows.set_height(row, math.ceil(layout.height))
            return layout
        cached = self._layouts.get(clause.id)
        if cached is None or cached.clause is not clause or cached.depth != depth:
            layout = lay_out(clause, depth, self.style_)
            if layout.plain and layout.body is not None:
                self.findings.underline(layout.body, clause)
                highlight(layout.body, search_spans(clause.text, *self._search))
            if layout.heading is not None:
                highlight(layout.heading, search_spans(clause.heading.strip(), *self._search))
            self._layouts[clause.id] = layout
            if len(self._layouts) > CACHE:
                self._layouts.popitem(last=False)
        else:
            layout = cached
            self._layouts.move_to_end(clause.id)
        if self.rows.set_height(row, math.ceil(layout.height)) and not self._after_change.isActive():
            self._after_change.start()  # measured while painting: the rows below and the editor move
        return layout

    def _content_top(self) -> int:
        return int(GUTTER + self.title_block.height())

    def row_top(self, row: int) -> int:
        assert self.rows is not None
        return self._content_top() + self.rows.top(row)

    def relayout(self) -> None:
        """Measure the rows on screen (keeping the one at the top where it is), set the
        scroll range, place the editor and repaint."""
        self._after_change.stop()
        if self._starting:
            return
        rows = self.rows
        bar = self.verticalScrollBar()
        if rows is None or not len(rows):
            bar.setRange(0, 0)
            self._blank_page()
            self.viewport().update()
            return
        height = self.viewport().height()
        for _ in range(4):
            value = bar.value()
            first = rows.row_at(value - self._content_top())
            within = value - self.row_top(first)
            before = [rows.height(r) for r in range(first, min(len(rows), first + 60))]
            row, y = first, self.row_top(first)
            while row < len(rows) and y < value + height:
                if not rows.is_measured(row) or rows.clause(row) is self._current:
                    self.layout_of(row)
                y += rows.height(row)
                row += 1
            self._set_range()
            if value > self._content_top():
                bar.blockSignals(True)
                bar.setValue(self.row_top(first) + within)
                bar.blockSignals(False)
            if before == [rows.height(r) for r in range(first, min(len(rows), first + 60))]:
                break
        self._place_editor()
        self.viewport().update()

    def _set_range(self) -> None:
        assert self.rows is not None
        bar = self.verticalScrollBar()
        total = self._content_top() + self.rows.total_height() + 3 * GUTTER
        bar.setRange(0, max(0, total - self.viewport().height()))
        bar.setPageStep(self.viewport().height())

    def _blank_page(self) -> None:
        """A policy without clauses: the editor waits at the top of the page, and what is
        typed there becomes the first clause (as on a new page in a word processor)."""
        if self.document is None or self.rows is None:
            self.editor.hide()
            return
        width = float(int(max(80.0, self.style_.text_width - self.style_.step)))
        if self.editor.clause is not None or self.editor.document().textWidth() != width:
            self.editor.show_text(None, text_document("", self.style_, width))
        height = max(self.editor.document().size().height(), self.style_.line)
        top = self._content_top() - self.verticalScrollBar().value()
        self.editor.setGeometry(
            QRect(int(self._text_left + self.style_.step), int(top), int(width), int(height))
        )
        self.editor.show()

    def _place_editor(self) -> None:
        rows, clause = self.rows, self._current
        row = rows.row_of(clause.id) if rows is not None and clause is not None else None
        if row is None:
            self.editor.hide()
            return
        layout = self.layout_of(row)
        rect = layout.body_rect()
        if self.field == "heading" and layout.heading is not None:
            rect = QRectF(layout.column, layout.heading_y, layout.width, layout.heading.size().height())
        top = self.row_top(row) - self.verticalScrollBar().value()
        self.editor.setGeometry(
            QRect(
                int(self._text_left + rect.left()),
                int(top + rect.top()),
                int(rect.width()),
                max(int(math.ceil(rect.height())), 1),
            )  # fmt: skip
        )
        self.editor.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_page(self, QPainter(self.viewport()))

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.relayout()
