"""Export a policy to PDF through Qt's own print support (no extra dependency).

The policy is laid out in a QTextDocument with the same layout as the HTML and DOCX
exports (title block, summary of changes, contents, labels hanging in the margin,
schedules on a new page) and painted page by page onto a QPdfWriter, with the title and
effective date in the running header and "Page X of Y" in the footer of every page.
Works headless: a QGuiApplication is created (offscreen) when none exists.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextLine,
    QTextOption,
    QTextTable,
    QTextTableFormat,
)

from plutoeditor.export.docx_table import column_widths
from plutoeditor.export.page_text import (
    document_title,
    effective_date_line,
    text_column,
)
from plutoeditor.formats.files import write_atomic
from plutoeditor.model import Clause, ClauseKind, Policy
from plutoeditor.model.tables import Table, is_table_row, text_parts

Progress = Callable[[int, int], None]

DPI = 300
MM = DPI / 25.4
PAGE_MARGINS_MM = (22.0, 26.0, 22.0, 22.0)  # left, top, right, bottom
INDENT_MM = 15.0
FONTS = ["Georgia", "Cambria", "Times New Roman", "DejaVu Serif", "serif"]
NAVY, INK, MUTED = QColor("#1f2a44"), QColor("#1a1a1a"), QColor("#5c5c5c")
RULE, HEADER_FILL = QColor("#a6a6a6"), QColor("#e8eaf0")
CONTENTS_DEPTH = 1
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    """Qt needs a GUI application for fonts; the CLI has none, so make an offscreen one.

    A QApplication (not just a QGuiApplication), so that a window or test that later
    wants one in the same process still finds the kind it expects.
    """
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            from PySide6.QtWidgets import QApplication
        except ImportError:  # pragma: no cover - PySide6 without widgets
            _app = QGuiApplication([])
        else:
            _app = QApplication([])


def _char(size: float, bold: bool = False, italic: bool = False, colour: QColor = INK) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies(FONTS)
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    fmt.setForeground(colour)
    # No ligatures: copied or extracted text must read "effective", not "eﬀective".
    fmt.setFontFeatures({QFont.Tag("liga"): 0, QFont.Tag("clig"): 0})
    return fmt


def _tab(distance: float, right: bool = False) -> QTextOption.Tab:
    """A tab stop `distance` device pixels from the start of the line.

    Qt measures tab stops (and vertical block margins) in 96-dpi pixels and scales them to
    the paint device, while left margins and indents are device pixels.
    """
    kind = QTextOption.TabType.RightTab if right else QTextOption.TabType.LeftTab
    return QTextOption.Tab(distance * 96 / DPI, kind)


@dataclass
class _PaintedTable:
    """A table in the layout, and the span it covers (device pixels), to paint its rules."""

    table: QTextTable
    header: bool
    left: float
    right: float


@dataclass
class _TableDecor:
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


def _table_decor(layout: _Layout, page_height: float) -> dict[int, _TableDecor]:
    """Rules under every row, the header shaded and repeated at the top of each further page.

    Qt leaves room for the header on every page a table continues on (headerRowCount), but
    draws it only in drawContents, which this export does not use (see _lines_by_page).
    """
    pages: dict[int, _TableDecor] = {}
    doc = layout.doc
    for painted in layout.tables:
        table = painted.table
        padding = table.format().cellPadding() * DPI / 96
        left, right = painted.left, painted.right
        spans = [_row_span(doc, table, row, padding) for row in range(table.rows())]
        first_page = int(spans[0][0] // page_height)
        pages.setdefault(first_page, _TableDecor()).rules.append((spans[0][0], left, right, True))
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
            decor = pages.setdefault(page, _TableDecor())
            decor.rules.append((bottom, left, right, row == 0 and painted.header))
            start = int(top // page_height)
            for continued in range(start, page + 1):
                if continued in seen or not painted.header:
                    continue
                seen.add(continued)
                shift = continued * page_height - header_top
                extra = pages.setdefault(continued, _TableDecor())
                extra.fills.append(QRectF(left, header_top + shift, right - left, header_bottom - header_top))
                extra.rules.append((header_top + shift, left, right, True))
                extra.rules.append((header_bottom + shift, left, right, True))
                extra.header_lines += [(origin + QPointF(0, shift), line) for origin, line in header_lines]
    return pages


class _Layout:
    """Builds the QTextDocument block by block with a cursor (document text is never parsed)."""

    def __init__(self, body_width: float) -> None:
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.cursor = QTextCursor(self.doc)
        self.first = True
        self.step = INDENT_MM * MM
        self.body_width = body_width
        self.body = _char(10.5)
        self.headings: list[tuple[QTextBlock, Clause]] = []
        self.contents: list[tuple[QTextBlock, Clause]] = []
        self.title_block: QTextBlock | None = None
        self.tables: list[_PaintedTable] = []

    def block(self, fmt: QTextBlockFormat, runs: list[tuple[str, QTextCharFormat]]) -> QTextBlock:
        if self.first:  # the document's first block, or the empty one Qt leaves after a table
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            self.cursor.insertBlock(fmt)
        for text, char in runs:
            if text:
                self.cursor.insertText(text, char)
        return self.cursor.block()

    def paragraph_format(self, left: float = 0, hanging: float = 0, before: float = 0, after: float = 6,
                         align=Qt.AlignmentFlag.AlignJustify) -> QTextBlockFormat:  # fmt: skip
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(left)
        fmt.setTextIndent(-hanging)
        fmt.setTopMargin(before * 96 / 72)  # vertical spacing is in 96-dpi pixels (then scaled)
        fmt.setBottomMargin(after * 96 / 72)
        fmt.setAlignment(align)
        fmt.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if hanging:
            fmt.setTabPositions([_tab(hanging)])
        return fmt

    def front_matter(self, policy: Policy) -> None:
        meta = policy.metadata
        title = self.paragraph_format(after=10, align=Qt.AlignmentFlag.AlignLeft)
        self.title_block = self.block(title, [(document_title(meta), _char(24, bold=True, colour=NAVY))])
        for line in (meta.organisation.strip(), effective_date_line(meta)):
            if line:
                self.block(self.paragraph_format(before=2, after=2), [(line, _char(10.5, colour=MUTED))])
        items = [item.strip() for item in meta.summary_of_changes if item.strip()]
        if items:
            self.block(
                self.paragraph_format(before=14, after=4),
                [("Summary of changes", _char(11, True, colour=NAVY))],
            )
            for number, item in enumerate(items, start=1):
                fmt = self.paragraph_format(self.step, self.step, after=3)
                self.block(fmt, [(f"{number})\t{item}", self.body)])
        entries = [
            (c, d) for c, d in policy.walk_with_depth()
            if d <= CONTENTS_DEPTH and (c.heading.strip() or c.kind is ClauseKind.SCHEDULE)
            and c.kind is not ClauseKind.DEFINITION
        ]  # fmt: skip
        if entries:
            self.block(
                self.paragraph_format(before=14, after=4), [("Contents", _char(11, True, colour=NAVY))]
            )
            for clause, depth in entries:
                left = depth * self.step
                fmt = self.paragraph_format(left, after=1, align=Qt.AlignmentFlag.AlignLeft)
                # Page numbers right-aligned at the end of the line, long headings wrapping before
                # them. Qt measures tab stops from each line's start, so no hanging indent here.
                fmt.setRightMargin(10 * MM)
                line_width = self.body_width - 10 * MM - left
                fmt.setTabPositions([_tab(self.step), _tab(line_width - 1, right=True)])
                label = clause.label.strip() if clause.heading.strip() else ""
                text = clause.heading.strip() or clause.label.strip()
                block = self.block(fmt, [(f"{label}\t{text}\t", _char(10)), ("#", _char(10))])
                self.contents.append((block, clause))

    def clause(self, clause: Clause, depth: int) -> None:
        label = clause.label.strip()
        heading = clause.heading.strip()
        column = text_column(depth, bool(label)) * self.step
        hanging = self.step if label else 0
        lead = [(label + "\t", self.body)] if label else []
        paragraphs = clause.paragraphs
        if clause.kind is ClauseKind.DEFINITION:
            first = paragraphs.pop(0) if paragraphs and not is_table_row(paragraphs[0]) else ""
            term = [(heading, _char(10.5, bold=True))]
            joint = [(": ", self.body)] if heading and first else []
            self.block(self.paragraph_format(column, hanging), [*lead, *term, *joint, (first, self.body)])
        elif heading or clause.kind is ClauseKind.SCHEDULE:
            size, italic = {0: (13, False), 1: (11, False)}.get(depth, (10.5, True))
            char = _char(size, bold=True, italic=italic, colour=NAVY if depth <= 1 else INK)
            if clause.kind is ClauseKind.SCHEDULE:
                fmt = self.paragraph_format(0, 0, before=0, after=8, align=Qt.AlignmentFlag.AlignLeft)
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                fmt.setTabPositions([_tab(1.6 * self.step)])
            else:
                before = 16 if depth == 0 else 9
                fmt = self.paragraph_format(
                    column, hanging, before=before, after=5, align=Qt.AlignmentFlag.AlignLeft
                )
            block = self.block(fmt, [(label + "\t" if label else "", char), (heading, char)])
            self.headings.append((block, clause))
        elif lead or paragraphs:
            first = paragraphs.pop(0) if paragraphs and not is_table_row(paragraphs[0]) else ""
            if lead or first:
                self.block(self.paragraph_format(column, hanging), [*lead, (first, self.body)])
        for part in text_parts(paragraphs):
            if isinstance(part, Table):
                self.table(part, column)
            else:
                self.block(self.paragraph_format(column), [(part, self.body)])

    def table(self, table: Table, left: float) -> None:
        """A real table at the clause's text column: grey rules, a bold header row that Qt
        repeats at the top of every page the table continues on."""
        fmt = QTextTableFormat()  # frame lengths are in 96-dpi pixels, like tab stops
        fmt.setLeftMargin(left * 96 / DPI)
        fmt.setTopMargin(2 * 96 / 72)
        fmt.setBottomMargin(8 * 96 / 72)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(1.2 * MM * 96 / DPI)
        fmt.setBorder(0)  # the rules are painted with the lines (see _table_decor)
        fmt.setWidth(QTextLength(QTextLength.Type.FixedLength, (self.body_width - left) * 96 / DPI))
        twips = int((self.body_width - left) / DPI * 1440)  # the same widths as the DOCX export
        widths = column_widths(table, twips)
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 * w / twips) for w in widths]
        )
        header = table.header is not None and any(table.header)
        fmt.setHeaderRowCount(1 if header else 0)
        rows = table.all_rows() if header else table.rows
        qt_table = self.cursor.insertTable(len(rows), table.width, fmt)
        cell_format = self.paragraph_format(after=0, align=Qt.AlignmentFlag.AlignLeft)
        cell_format.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        for r, cells in enumerate(rows):
            char = _char(9.5, bold=header and r == 0)
            for c, text in enumerate(table.padded(cells)):
                cursor = qt_table.cellAt(r, c).firstCursorPosition()
                cursor.setBlockFormat(cell_format)
                cursor.insertText(text, char)
        self.tables.append(_PaintedTable(qt_table, header, left, self.body_width))
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.first = True


def _page_of(doc: QTextDocument, block: QTextBlock, page_height: float) -> int:
    return int(doc.documentLayout().blockBoundingRect(block).top() // page_height) + 1


def _keep_headings_with_text(layout: _Layout, page_height: float) -> None:
    """Qt has no keep-with-next: a heading left alone at a page's foot moves to the next page."""
    for _ in range(6):
        moved = False
        for block, _clause in layout.headings:
            following = block.next()
            if not following.isValid():
                continue
            if _page_of(layout.doc, block, page_height) != _page_of(layout.doc, following, page_height):
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                    continue
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
                moved = True
                break  # later pages shift: look again from the top
        if not moved:
            return


def _fill_contents_pages(layout: _Layout, page_height: float) -> None:
    targets = {clause.id: block for block, clause in layout.headings}
    pages = {
        clause.id: _page_of(layout.doc, targets[clause.id], page_height)
        for _, clause in layout.contents
        if clause.id in targets
    }
    editing = QTextCursor(layout.doc)
    editing.beginEditBlock()  # relayout once, after every number is in
    for block, clause in layout.contents:
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(str(pages.get(clause.id, "")), _char(10))
    editing.endEditBlock()


def render_pdf(policy: Policy, progress: Progress | None = None) -> bytes:
    """The PDF file's bytes."""
    _ensure_app()
    buffer = QBuffer()
    data = QByteArray()
    buffer.setBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))  # fmt: skip
    writer.setTitle(document_title(policy.metadata))
    writer.setCreator("PlutoEditor")
    page_rect = writer.pageLayout().fullRectPixels(DPI)
    left, top, right, bottom = (m * MM for m in PAGE_MARGINS_MM)
    body_width = page_rect.width() - left - right
    body_height = page_rect.height() - top - bottom

    layout = _Layout(body_width)
    layout.doc.documentLayout().setPaintDevice(writer)
    layout.doc.setPageSize(QSizeF(body_width, body_height))
    layout.cursor.beginEditBlock()  # one layout pass at the end, not one per paragraph
    layout.front_matter(policy)
    total = len(policy)
    for done, (clause, depth) in enumerate(policy.walk_with_depth(), start=1):
        layout.clause(clause, depth)
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    layout.cursor.endEditBlock()
    _keep_headings_with_text(layout, body_height)
    _fill_contents_pages(layout, body_height)

    painter = QPainter(writer)
    try:
        _paint_pages(painter, writer, layout, policy, (left, top, right, bottom))
    finally:
        painter.end()  # a painter left open on the writer crashes Qt at exit
        buffer.close()
    return bytes(data.data())


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
    lines_by_page: dict[int, list[tuple[QPointF, QTextLine]]], table_decor: dict[int, _TableDecor]
) -> int:
    """The pages up to the last one with something to show.

    Not QTextDocument.pageCount(): that counts the spacing after the last paragraph or
    table too, and when the text ends just above a page's foot the spacing alone spills
    over, which printed a blank last page (header and "Page N of N", nothing else).
    """
    shown = [page for page, lines in lines_by_page.items() if any(line.textLength() for _, line in lines)]
    return max(shown + list(table_decor), default=0) + 1


def _paint_pages(
    painter: QPainter, writer: QPdfWriter, layout: _Layout, policy: Policy, margins: tuple[float, ...]
) -> None:
    """Each page: its slice of the document, the running header and "Page X of Y"."""
    left, top, _right, bottom = margins
    page_height = writer.pageLayout().fullRectPixels(DPI).height()
    body_width, body_height = layout.doc.pageSize().width(), layout.doc.pageSize().height()
    header_left = document_title(policy.metadata)
    header_right = effective_date_line(policy.metadata)
    small = QFont(FONTS[0])
    small.setFamilies(FONTS)
    small.setPointSizeF(8)
    small.setFeature(QFont.Tag("liga"), 0)
    header = QRectF(left, top - 14 * MM, body_width, 8 * MM)
    footer = QRectF(left, page_height - bottom + 6 * MM, body_width, 8 * MM)
    bottom_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
    bottom_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
    lines_by_page = _lines_by_page(layout.doc, body_height, bool(layout.tables))
    table_decor = _table_decor(layout, body_height) if layout.tables else {}
    pages = _page_count(lines_by_page, table_decor)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(left, top - page * body_height)
        decor = table_decor.get(page)
        if decor is not None:
            _paint_table_decor(painter, decor)
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


def _paint_table_decor(painter: QPainter, decor: _TableDecor) -> None:
    for rect in decor.fills:
        painter.fillRect(rect, HEADER_FILL)
    for y, x0, x1, strong in decor.rules:
        painter.setPen(QPen(NAVY if strong else RULE, (0.3 if strong else 0.15) * MM))
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))
    for origin, line in decor.header_lines:
        line.draw(painter, origin)


def export_pdf(policy: Policy, path: str | os.PathLike[str], progress: Progress | None = None) -> None:
    """Write the policy as PDF, atomically."""
    write_atomic(path, render_pdf(policy, progress))
