"""Write a clause's pipe table (`model.tables`) as a real Word table.

The table starts at the clause's text column and runs to the right margin; thin grey
borders, a shaded bold header row that Word and LibreOffice repeat at the top of every page
(w:tblHeader), cells in the "Table Text" style. Column widths follow the cells' lengths
(a column of short labels stays narrow, but never narrower than its longest word), fixed so
that Word does not re-measure a long table on opening. Cell text goes through the same
run writer as clause text: lxml escapes it, and characters XML forbids are dropped.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from plutoeditor.export.docx_xml import Block, BodyWriter, Run
from plutoeditor.formats.word_vocabulary import TABLE_TEXT
from plutoeditor.model.tables import Table

#: Space between a cell's border and its text, in twips (0.14 cm).
CELL_MARGIN = 80
BORDER_COLOUR = "A6A6A6"
HEADER_FILL = "E8EAF0"
_LONGEST_CELL = 60  # characters: longer cells wrap, so they do not claim more width
_LONGEST_WORD = 24
_SHORT_CELL = 16  # characters: a cell this short is kept on one line when there is room
_CHARACTER = 110  # twips: an average character of 9.5 pt text, bold headers included


def column_widths(table: Table, width: int) -> list[int]:
    """Twips per column, summing to `width`.

    Each column first gets room for its short cells whole ("Record 12") and for its longest
    word (capped), so "Version" is not broken into "Versi-on"; what is left goes to the
    columns whose cells are longer than that, in proportion to the difference, so a column
    of long descriptions takes the rest.
    """
    columns = table.width
    natural = [1] * columns
    floor = [1] * columns
    for row in table.all_rows():
        for i, cell in enumerate(row):
            natural[i] = max(natural[i], min(len(cell), _LONGEST_CELL))
            longest_word = max((len(word) for word in cell.split()), default=0)
            shortest = len(cell) if len(cell) <= _SHORT_CELL else min(longest_word, _LONGEST_WORD)
            floor[i] = max(floor[i], shortest + 2)  # +2: the cell's margins
    capacity = width / _CHARACTER
    if sum(floor) >= capacity:
        weights = [float(f) for f in floor]
    else:
        spare = [max(n - f, 0) for n, f in zip(natural, floor, strict=True)]
        room = capacity - sum(floor)
        weights = [
            f + (room * e / sum(spare) if sum(spare) else room / columns)
            for f, e in zip(floor, spare, strict=True)
        ]
    total = sum(weights)
    widths = [int(width * w / total) for w in weights]
    widths[-1] += width - sum(widths)
    return widths


def _element(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, qn(tag))
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _properties(tbl: etree._Element, left: int, width: int) -> None:
    pr = _element(tbl, "w:tblPr")
    _element(pr, "w:tblW", w=str(width), type="dxa")
    _element(pr, "w:tblInd", w=str(left - CELL_MARGIN), type="dxa")
    borders = _element(pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _element(borders, f"w:{side}", val="single", sz="4", space="0", color=BORDER_COLOUR)
    _element(pr, "w:tblLayout", type="fixed")
    margins = _element(pr, "w:tblCellMar")
    for side, size in (("top", 40), ("left", CELL_MARGIN), ("bottom", 40), ("right", CELL_MARGIN)):
        _element(margins, f"w:{side}", w=str(size), type="dxa")
    _element(pr, "w:tblLook", val="0420", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0",
             noHBand="1", noVBand="1")  # fmt: skip


def write_table(writer: BodyWriter, table: Table, left: int, width: int) -> etree._Element:
    """Append the table at indent `left` (twips), `width` twips wide; returns its last paragraph."""
    tbl = writer.body.makeelement(qn("w:tbl"), {})
    width = max(width, 567 * table.width)  # at least 1 cm a column, even deep in the margin
    _properties(tbl, left, width)
    widths = column_widths(table, width)
    grid = _element(tbl, "w:tblGrid")
    for column in widths:
        _element(grid, "w:gridCol", w=str(column))
    last: etree._Element | None = None
    rows = table.all_rows()
    for number, cells in enumerate(rows):
        header = number == 0 and table.header is not None
        tr = _element(tbl, "w:tr")
        if header:
            row_pr = _element(tr, "w:trPr")
            _element(row_pr, "w:cantSplit")
            _element(row_pr, "w:tblHeader")
        for column, cell_width in enumerate(widths):
            text = cells[column] if column < len(cells) else ""
            tc = _element(tr, "w:tc")
            cell_pr = _element(tc, "w:tcPr")
            _element(cell_pr, "w:tcW", w=str(cell_width), type="dxa")
            if header:
                _element(cell_pr, "w:shd", val="clear", color="auto", fill=HEADER_FILL)
            last = writer.make_paragraph(Block(TABLE_TEXT, [Run(text, bold=header)]))
            tc.append(last)
    writer.append(tbl)
    assert last is not None, "a table has at least one cell"
    return last
