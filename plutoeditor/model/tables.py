"""Tables inside a clause's text, written as GitHub-flavoured Markdown pipe rows.

A table is a run of consecutive paragraphs that each start and end with "|": one row per
paragraph, cells separated by "|", a literal pipe in a cell escaped as "\\|". When the
second row is a separator ("| --- | --- |") the first row is the header. The model stays
plain text, so the YAML, the editor, checks and the word diff read a table row by row; the
importers write rows in the canonical form `table_row` gives, and the exporters draw the
runs `text_parts` finds as real tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
SEPARATOR_CELL = "---"


@dataclass
class Table:
    """A table of a clause: an optional header row and body rows, all of `width` cells."""

    header: list[str] | None
    rows: list[list[str]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.all_rows()), default=0)

    def padded(self, cells: list[str]) -> list[str]:
        """A row with empty cells added up to the table's width."""
        return _padded(cells, self.width)

    def all_rows(self) -> list[list[str]]:
        return ([self.header] if self.header is not None else []) + self.rows

    def lines(self) -> list[str]:
        """The table as canonical pipe rows (header, separator, body), padded to its width."""
        width = self.width
        out: list[str] = []
        if self.header is not None:
            out.append(table_row(_padded(self.header, width)))
            out.append(table_row([SEPARATOR_CELL] * width, escape=False))
        out.extend(table_row(_padded(row, width)) for row in self.rows)
        return out


def _padded(cells: list[str], width: int) -> list[str]:
    return cells + [""] * (width - len(cells))


def is_table_row(paragraph: str) -> bool:
    """A paragraph that starts and ends with an unescaped "|" (and is more than one "|")."""
    return len(paragraph) >= 2 and paragraph[0] == "|" and paragraph[-1] == "|" and paragraph[-2] != "\\"


def row_cells(paragraph: str) -> list[str]:
    """The cells of one pipe row, stripped and with "\\|" read as a literal pipe."""
    inner = paragraph[1:-1]
    return [cell.strip().replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(inner)]


def is_separator(cells: list[str]) -> bool:
    return bool(cells) and all(_SEPARATOR_CELL.match(cell) for cell in cells)


def escape_cell(text: str) -> str:
    """Cell text for a pipe row: no line breaks, literal pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def table_row(cells: list[str], escape: bool = True) -> str:
    """The canonical row: "| a | b |", an empty cell "| |"."""
    parts = [escape_cell(cell) if escape else cell for cell in cells]
    return "|" + "|".join(f" {part} " if part else " " for part in parts) + "|"


def make_table(rows: list[list[str]], header: bool) -> Table:
    """A table from rows of cell texts; the first row is the header when `header`."""
    if header and rows:
        return Table(rows[0], rows[1:])
    return Table(None, list(rows))


def table_lines(rows: list[list[str]], header: bool) -> list[str]:
    """Canonical pipe rows for importers: cells padded to the widest row."""
    return make_table(rows, header).lines()


def read_table(paragraphs: list[str]) -> Table:
    """The table written by a run of pipe rows (see `is_table_row`)."""
    rows = [row_cells(p) for p in paragraphs]
    if len(rows) >= 2 and is_separator(rows[1]):
        return Table(rows[0], rows[2:])
    return Table(None, rows)


def text_parts(paragraphs: list[str]) -> list[str | Table]:
    """A clause's paragraphs with each run of pipe rows read as one Table."""
    if not any(p[:1] == "|" for p in paragraphs):
        return list(paragraphs)  # the common case: no table, no work
    parts: list[str | Table] = []
    run: list[str] = []
    for paragraph in paragraphs:
        if is_table_row(paragraph):
            run.append(paragraph)
            continue
        if run:
            parts.append(read_table(run))
            run = []
        parts.append(paragraph)
    if run:
        parts.append(read_table(run))
    return parts


def has_table(text: str) -> bool:
    """Whether a clause text holds at least one pipe-table row."""
    return "|" in text and any(is_table_row(p) for p in text.split("\n"))
