"""One clause laid out for the Document view, as the PDF export lays it out: the label
hanging in the margin column, the heading, the text justified at the clause's column,
tables as tables, a definition's term in bold before its meaning, schedules set apart.

Sizes are the PDF's (pdf_layout) scaled to the screen. The text is a QTextDocument of
the clause's own paragraphs, so a position in it is a position in `clause.text` (tables
aside) and the editor that replaces it while the cursor is in the clause breaks its lines
in the same places.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)

from plutoeditor.export.page_text import ClauseColumns
from plutoeditor.export.pdf_layout import FONTS, INDENT_MM, INK, NAVY
from plutoeditor.model import Clause, ClauseKind
from plutoeditor.model.tables import Table, text_parts

#: Screen pixels per millimetre at 100% (96 dpi), and the view's zoom over the printed size.
SCREEN_MM = 96 / 25.4
ZOOM = 1.15
#: Findings are underlined in these colours, by severity.
SELECTION = QColor(51, 119, 221, 70)
SEVERITY_COLOURS = {"error": QColor("#c62828"), "warning": QColor("#d98e04"), "info": QColor("#1e6bb8")}


def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    result = QFont(FONTS[0])
    result.setFamilies(FONTS)
    result.setPointSizeF(size * ZOOM)
    result.setBold(bold)
    result.setItalic(italic)
    return result


class Style:
    """The view's measures at one page width (screen pixels)."""

    def __init__(self, text_width: float) -> None:
        self.step = INDENT_MM * SCREEN_MM * ZOOM
        self.text_width = text_width  # from the page's left text edge to its right one
        self.body = font(10.5)
        self.body_metrics = QFontMetricsF(self.body)
        self.line = self.body_metrics.lineSpacing() * 1.15
        self.average_char = max(1.0, self.body_metrics.averageCharWidth())
        self._per_line: dict[int, int] = {}
        self._before_top = 16 * ZOOM * 96 / 72
        self._before_heading = 9 * ZOOM * 96 / 72
        self._after = self.after()

    def heading_font(self, clause: Clause, depth: int) -> QFont:
        if clause.kind is ClauseKind.SCHEDULE:
            return font(13, bold=True)
        size, italic = {0: (13, False), 1: (11, False)}.get(depth, (10.5, True))
        return font(size, bold=True, italic=italic)

    def heading_colour(self, clause: Clause, depth: int) -> QColor:
        return NAVY if depth <= 1 or clause.kind is ClauseKind.SCHEDULE else INK

    def space_before(self, clause: Clause, depth: int) -> float:
        if clause.kind is ClauseKind.SCHEDULE:
            return 28 * ZOOM
        if clause.heading.strip() and clause.kind is not ClauseKind.DEFINITION:
            return (16 if depth == 0 else 9) * ZOOM * 96 / 72
        return 0.0

    def estimate(self, clause: Clause, depth: int) -> int:
        """A height without laying the clause out (the rows' first guess; cheap, as it is
        asked for every clause of a policy when it opens)."""
        per_line = self._per_line.get(depth)
        if per_line is None:
            column = min(max(depth, 1), 6) * self.step
            per_line = self._per_line[depth] = max(10, int((self.text_width - column) / self.average_char))
        text = clause.text
        lines = len(text) // per_line + text.count("\n") + 1 if text else 0
        if clause.heading:
            lines += 1
            before = self._before_heading if depth else self._before_top
        else:
            before = 0.0
        return int(before + max(lines, 1) * self.line + self._after)

    def after(self) -> float:
        return 6 * ZOOM * 96 / 72


def text_document(text: str, style: Style, width: float, first_indent: float = 0.0) -> QTextDocument:
    """The plain-text document the editor and the painted row share: justified paragraphs,
    the body font, a first-line indent (room for a definition's term)."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(style.body)
    option = QTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignJustify)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setPlainText(text)
    shape_paragraphs(doc, first_indent)
    doc.setTextWidth(width)
    return doc


def shape_paragraphs(doc: QTextDocument, first_indent: float = 0.0) -> None:
    """Line height and spacing of the PDF's paragraphs, on every block of `doc`."""
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = QTextBlockFormat()
    fmt.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(4 * ZOOM)
    cursor.mergeBlockFormat(fmt)
    if first_indent:
        first = QTextCursor(doc.begin())
        indent = QTextBlockFormat()
        indent.setTextIndent(first_indent)
        first.mergeBlockFormat(indent)


@dataclass
class ClauseLayout:
    """Where the parts of one clause go in its row (x from the page's text edge, y from the
    row's top), with the documents that draw them."""

    clause: Clause
    depth: int
    column: float
    label_x: float
    heading: QTextDocument | None
    heading_y: float
    body: QTextDocument | None
    body_y: float
    height: float
    #: the width of the text column (whole pixels, so the editor's width is exactly this)
    width: float = 0.0
    term: str = ""
    term_font: QFont | None = None
    #: the text is drawn from its paragraphs exactly (no tables): positions are positions in the text
    plain: bool = True

    @property
    def body_width(self) -> float:
        return self.width

    def body_rect(self) -> QRectF:
        height = self.body.size().height() if self.body is not None else 0.0
        return QRectF(self.column, self.body_y, self.body_width, height)


def lay_out(
    clause: Clause, depth: int, style: Style, editing: bool = False, with_heading: bool = False
) -> ClauseLayout:
    """Lay out one clause. `editing`: the cursor is in it, so an empty text still gets a line;
    `with_heading`: in its heading, so an emptied heading still gets one."""
    label = clause.label.strip()
    column = ClauseColumns().of(clause, depth) * style.step if clause.kind is not ClauseKind.SCHEDULE else 0.0
    if clause.kind is ClauseKind.SCHEDULE:
        column = 1.6 * style.step if label else 0.0
    label_x = column - style.step if clause.kind is not ClauseKind.SCHEDULE else 0.0
    width = float(int(max(80.0, style.text_width - column)))
    y = style.space_before(clause, depth)
    heading_doc = None
    heading_y = y
    term, term_font = "", None
    if clause.kind is ClauseKind.DEFINITION:
        term = clause.heading.strip()
        term_font = font(10.5, bold=True)
    elif clause.heading.strip() or with_heading or (clause.kind is ClauseKind.SCHEDULE and not clause.text):
        heading_doc = QTextDocument()
        heading_doc.setDocumentMargin(0)
        char = QTextCharFormat()
        char.setFont(style.heading_font(clause, depth))
        char.setForeground(style.heading_colour(clause, depth))
        QTextCursor(heading_doc).insertText(clause.heading.strip(), char)
        heading_doc.setTextWidth(width)
        y += heading_doc.size().height() + 3 * ZOOM
    body_doc, plain = None, True
    if clause.text or editing and not with_heading or heading_doc is None:  # in its heading: as drawn
        indent = QFontMetricsF(term_font).horizontalAdvance(term + ": ") if term and term_font else 0.0
        parts = text_parts(clause.paragraphs)
        if any(isinstance(part, Table) for part in parts) and not editing:
            body_doc, plain = _with_tables(parts, style, width, indent), False
        else:
            body_doc = text_document(clause.text, style, width, indent)
    body_y = y
    if body_doc is not None:
        y += body_doc.size().height()
    height = y + style.after()
    return ClauseLayout(clause, depth, column, label_x, heading_doc, heading_y, body_doc, body_y, height,
                        width, term, term_font, plain)  # fmt: skip


def _with_tables(parts: list[str | Table], style: Style, width: float, indent: float) -> QTextDocument:
    """Text with its pipe rows drawn as a table (grid, bold header), as the PDF draws them."""
    doc = text_document("", style, width, indent)
    cursor = QTextCursor(doc)
    first = True
    for part in parts:
        if isinstance(part, Table):
            fmt = QTextTableFormat()
            fmt.setCellSpacing(0)
            fmt.setCellPadding(3 * ZOOM)
            fmt.setBorder(0.6)
            fmt.setBorderBrush(QColor("#a6a6a6"))
            fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
            fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
            header = part.header is not None and any(part.header)
            rows = part.all_rows() if header else part.rows
            table = cursor.insertTable(len(rows), part.width, fmt)
            for r, cells in enumerate(rows):
                char = QTextCharFormat()
                char.setFont(font(9.5, bold=header and r == 0))
                for c, text in enumerate(part.padded(cells)):
                    table.cellAt(r, c).firstCursorPosition().insertText(text, char)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            first = True
            continue
        if not first:
            cursor.insertBlock()
        cursor.insertText(part)
        first = False
    shape_paragraphs(doc, indent)
    return doc


def paint_clause(
    painter: QPainter,
    layout: ClauseLayout,
    style: Style,
    skip_body: bool = False,
    label_colour: QColor | None = None,
    selected: tuple[int, int] | None = None,
    skip_heading: bool = False,
) -> None:
    """Draw a laid-out clause with its row's top-left at the painter's origin (`label_colour`:
    a finding is about the label, which is drawn in that finding's colour; `selected`: a
    span of its text that is part of a selection)."""
    clause = layout.clause
    label = clause.label.strip()
    if label:
        label_font = style.heading_font(clause, layout.depth) if layout.heading is not None else style.body
        painter.setFont(label_font)
        colour = style.heading_colour(clause, layout.depth) if layout.heading is not None else INK
        painter.setPen(label_colour or colour)
        top = layout.heading_y if layout.heading is not None else layout.body_y
        ascent = QFontMetricsF(label_font).ascent()
        painter.drawText(QPointF(layout.label_x, top + ascent), label)
    if layout.heading is not None and not skip_heading:
        painter.save()
        painter.translate(layout.column, layout.heading_y)
        layout.heading.drawContents(painter)
        painter.restore()
    if layout.term and layout.term_font is not None and not skip_body:  # else the editor draws it
        painter.setFont(layout.term_font)
        painter.setPen(INK)
        ascent = QFontMetricsF(layout.term_font).ascent()
        painter.drawText(QPointF(layout.column, layout.body_y + ascent), layout.term + ":")
    if layout.body is not None and not skip_body:
        painter.save()
        painter.translate(layout.column, layout.body_y)
        if selected is None:
            layout.body.drawContents(painter)
        else:  # part of a selection that runs over several clauses
            context = QAbstractTextDocumentLayout.PaintContext()
            selection = QAbstractTextDocumentLayout.Selection()
            cursor = QTextCursor(layout.body)
            cursor.setPosition(min(selected[0], layout.body.characterCount() - 1))
            cursor.setPosition(
                min(selected[1], layout.body.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor
            )
            selection.cursor = cursor
            highlight = QTextCharFormat()
            highlight.setBackground(SELECTION)
            selection.format = highlight
            context.selections = [selection]
            layout.body.documentLayout().draw(painter, context)
        painter.restore()
