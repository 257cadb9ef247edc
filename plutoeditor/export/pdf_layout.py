"""The PDF's text laid out in a QTextDocument, block by block, from a policy.

The same layout as the HTML and DOCX exports: title block, summary of changes, contents,
labels hanging in the margin, tables at the clause's text column, schedules on a new page.
Then the fixes that depend on where pages break: headings kept with their text, and the
page numbers in the contents. The measures, fonts and colours of the PDF are set here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextOption,
    QTextTable,
    QTextTableFormat,
)

from plutoeditor.export.docx_table import column_widths
from plutoeditor.export.page_text import (
    SUMMARY_HEADING,
    breakable,
    text_column,
    title_block,
)
from plutoeditor.model import Clause, ClauseKind, Policy
from plutoeditor.model.tables import Table, is_table_row, text_parts

DPI = 300
MM = DPI / 25.4
PAGE_MARGINS_MM = (22.0, 26.0, 22.0, 22.0)  # left, top, right, bottom
INDENT_MM = 15.0
FONTS = ["Georgia", "Cambria", "Times New Roman", "DejaVu Serif", "serif"]
NAVY, INK, MUTED = QColor("#1f2a44"), QColor("#1a1a1a"), QColor("#5c5c5c")
RULE, HEADER_FILL = QColor("#a6a6a6"), QColor("#e8eaf0")
CONTENTS_DEPTH = 1


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
class PaintedTable:
    """A table in the layout, and the span it covers (device pixels), to paint its rules."""

    table: QTextTable
    header: bool
    left: float
    right: float


class Layout:
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
        self.tables: list[PaintedTable] = []

    def block(self, fmt: QTextBlockFormat, runs: list[tuple[str, QTextCharFormat]]) -> QTextBlock:
        if self.first:  # the document's first block, or the empty one Qt leaves after a table
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            self.cursor.insertBlock(fmt)
        for text, char in runs:
            if text:
                self.cursor.insertText(breakable(text), char)
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
        front = title_block(policy.metadata)
        title = self.paragraph_format(after=10, align=Qt.AlignmentFlag.AlignLeft)
        self.title_block = self.block(title, [(front.title, _char(24, bold=True, colour=NAVY))])
        for line in front.lines:
            self.block(self.paragraph_format(before=2, after=2), [(line, _char(10.5, colour=MUTED))])
        if front.summary:
            self.block(
                self.paragraph_format(before=14, after=4),
                [(SUMMARY_HEADING, _char(11, True, colour=NAVY))],
            )
            for number, item in enumerate(front.summary, start=1):
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
        fmt.setBorder(0)  # the rules are painted with the lines (see pdf_table_rules)
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
                cursor.insertText(breakable(text), char)
        self.tables.append(PaintedTable(qt_table, header, left, self.body_width))
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.first = True


def _page_of(doc: QTextDocument, block: QTextBlock, page_height: float) -> int:
    return int(doc.documentLayout().blockBoundingRect(block).top() // page_height) + 1


def keep_headings_with_text(layout: Layout, page_height: float) -> None:
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


def fill_contents_pages(layout: Layout, page_height: float) -> None:
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
