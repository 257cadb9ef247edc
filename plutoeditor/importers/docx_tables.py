"""A table in a Word body, read as Markdown pipe rows (`model.tables`), one line per row.

The first row is the header (followed by the "| --- |" separator line) when Word repeats it
on every page (w:tblHeader), which is how PlutoEditor exports a header. Cells are padded to
the widest row; a row deleted as a tracked change is left out, and a table without any text
reads as none. Rows of a nested table are read inside their cell, a text box in a cell with
its anchor. In a document with clause bookmarks, bookmarks ending inside the table end with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from plutoeditor.formats.word_vocabulary import W
from plutoeditor.importers.docx_anchored import Anchored, in_text_box
from plutoeditor.importers.docx_text import TC, TR, P
from plutoeditor.model.tables import table_lines

_W = f"{{{W}}}"


@dataclass
class WordTable:
    """What a body table reads as, for the paragraph reader to place."""

    text: str | None = None  # the pipe rows; None when no cell has text
    anchored: Anchored = field(default_factory=Anchored)  # text boxes and notes of its cells
    ends: list[str] = field(default_factory=list)  # clause bookmarks ending in the table
    deleted_rows: bool = False  # a row was deleted as a tracked change (left out)


def read_table(
    table: etree._Element,
    cell_paragraph: Callable[[etree._Element, Anchored], str],
    bookmarks: dict[str, str],
) -> WordTable:
    """The table's rows; each cell's paragraphs read in order by `cell_paragraph`.

    `bookmarks` maps the w:id of a clause bookmark to its clause id (empty without any).
    """
    found = WordTable()
    rows: list[list[str]] = []
    header = False
    for row in table.iter(TR):
        if row.getparent() is not table and row.getparent().tag != _W + "sdtContent":
            continue  # rows of nested tables are read inside their cell
        trpr = row.find(_W + "trPr")
        if trpr is not None and trpr.find(_W + "del") is not None:
            found.deleted_rows = True
            continue
        if not rows and trpr is not None:
            header = _on(trpr.find(_W + "tblHeader"))
        cells = []
        for cell in row.iter(TC):
            if cell.getparent() is not row:
                continue
            parts = []
            for p in cell.iter(P):
                if in_text_box(p, cell):
                    continue  # read with the text box's anchor
                text = cell_paragraph(p, found.anchored)
                if text:
                    parts.append(text)
            cells.append(" ".join(parts))
        rows.append(cells)
        if bookmarks:
            for mark in row.iter(_W + "bookmarkEnd"):
                ended = bookmarks.get(mark.get(_W + "id", ""))
                if ended:
                    found.ends.append(ended)
    if any(any(cells) for cells in rows):
        found.text = "\n".join(table_lines(rows, header))
    return found


def _on(el: etree._Element | None) -> bool:
    """A Word on/off property that is present and not switched off (w:val="false")."""
    return el is not None and el.get(_W + "val", "true") not in ("false", "0", "off")
