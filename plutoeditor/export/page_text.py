"""The words every export prints around the clauses: the running page header and the title
block (described here once, rendered by DOCX, HTML and PDF), dates, anchors.

Shared by the DOCX, HTML and PDF writers and the redlines, so a policy reads the same
whichever format it leaves PlutoEditor in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from plutoeditor.formats.limits import METADATA_CHARS
from plutoeditor.model import Clause, ClauseKind, Metadata

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
#: Control characters (other than tab, newline, form feed and carriage return), lone
#: surrogates and non-characters: XML 1.0 forbids them and HTML calls them parse errors.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

#: Deepest heading level the writers use (Word has Heading 1..9, HTML h1..h6).
MAX_WORD_HEADING = 9


def without_controls(text: str) -> str:
    """The text without the characters no page or Word file may contain (a pasted title may)."""
    return _CONTROL.sub("", text)


#: Longest unbroken run of characters handed to a text layout; Qt's line breaking of one long
#: word takes time that grows with the square of its length (300,000 characters: 16 s).
MAX_UNBROKEN = 64
_LONG_WORD = re.compile(rf"\S{{{MAX_UNBROKEN + 1},}}")


def breakable(text: str) -> str:
    """The text with a zero-width space after every MAX_UNBROKEN characters of a longer word,
    so a layout can break it at once; words of ordinary length are left as they are."""
    if len(text) <= MAX_UNBROKEN:
        return text

    def split(match: re.Match[str]) -> str:
        word = match.group()
        return "\u200b".join(word[i : i + MAX_UNBROKEN] for i in range(0, len(word), MAX_UNBROKEN))

    return _LONG_WORD.sub(split, text)


def long_date(date: dt.date) -> str:
    """'21 November 2022': the form policies use, independent of the machine's locale."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def effective_date_line(metadata: Metadata) -> str:
    """'Effective date: 21 November 2022 · Version 3' (parts that are not set are left out)."""
    parts = []
    if metadata.effective_date is not None:
        parts.append(f"Effective date: {long_date(metadata.effective_date)}")
    if metadata.version.strip():
        parts.append(f"Version {_capped(metadata.version.strip(), MAX_VERSION_CHARS)}")
    return " · ".join(parts)


#: Longest title and version an export prints: the native format's limits, also for a title
#: typed into the window and not yet saved (a megabyte one froze the PDF's running header).
MAX_TITLE_CHARS, MAX_VERSION_CHARS = METADATA_CHARS["title"], METADATA_CHARS["version"]


def _capped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def document_title(metadata: Metadata) -> str:
    return _capped(metadata.title.strip(), MAX_TITLE_CHARS) or "Untitled policy"


@dataclass(frozen=True)
class PageHeader:
    """The running header of every page (Word, HTML print, PDF): the title on the left, the
    effective date and version on the right."""

    left: str
    right: str

    def one_line(self) -> str:
        """'Title — Effective date: 21 November 2022 · Version 3' (HTML's colophon)."""
        return f"{self.left} — {self.right}" if self.right else self.left


def page_header(metadata: Metadata) -> PageHeader:
    return PageHeader(document_title(metadata), effective_date_line(metadata))


#: The heading over the summary of changes in the title block (and in the redlines).
SUMMARY_HEADING = "Summary of changes"


@dataclass(frozen=True)
class TitleBlock:
    """What every published policy opens with, before its clauses: the title, the lines under
    it (organisation, effective date and version, those that are set) and the summary of
    changes. DOCX, PDF and the Document view print exactly this; HTML marks the date up."""

    title: str
    lines: tuple[str, ...]
    summary: tuple[str, ...]


def title_block(metadata: Metadata) -> TitleBlock:
    lines = tuple(line for line in (metadata.organisation.strip(), effective_date_line(metadata)) if line)
    summary = tuple(item.strip() for item in metadata.summary_of_changes if item.strip())
    return TitleBlock(document_title(metadata), lines, summary)


def clause_anchor(clause: Clause) -> str:
    """A stable HTML anchor built from the clause's permanent id, e.g. 'clause-c1a2b3c4d5'.

    Ids made by PlutoEditor are already safe; anything else is made safe character by
    character, so the same id always gives the same anchor.
    """
    safe = _UNSAFE_ID.sub(lambda m: f"_{ord(m.group()):x}_", clause.id)
    return f"clause-{safe}"


def heading_line(clause: Clause) -> str:
    """Label and heading as one line of plain text ('2 Privacy Policy')."""
    return " ".join(part for part in (clause.label.strip(), clause.heading.strip()) if part)


#: Deepest level that still gets its own indent; deeper clauses line up with it.
MAX_INDENT_LEVEL = 6


def text_column(depth: int, numbered: bool) -> int:
    """Which indent step a clause's text starts at (the label hangs one step to its left).

    Levels 0 and 1 share the first column, as in most contracts ("1 Heading" over "1.1
    Text"); an unnumbered clause continues its parent, so it lines up with the parent's text.
    """
    if not numbered and depth > 0:
        depth -= 1
    return min(max(depth, 1), MAX_INDENT_LEVEL)


def _is_lead_in(clause: Clause) -> bool:
    """A clause of plain text (no heading, no label of its children) that introduces a list."""
    return (
        clause.kind is ClauseKind.CLAUSE
        and not clause.heading.strip()
        and bool(clause.text.strip())
        and not any(child.label.strip() for child in clause.children)
    )


class ClauseColumns:
    """Text columns for one export: `text_column`, except that unnumbered items under a lead-in
    ("Examples include:" followed by bullet points) sit one step further in, so a nested list
    does not print flush with the sentence that introduces it.

    An unnumbered clause among numbered siblings ("in each case, ..." after 3.1.8) still lines
    up with its parent's text, as does text under a heading. Memoised per export: lists of
    thousands of items stay linear.
    """

    def __init__(self) -> None:
        self._columns: dict[int, int] = {}
        self._lead_ins: dict[int, bool] = {}

    def _lead_in(self, clause: Clause) -> bool:
        known = self._lead_ins.get(id(clause))
        if known is None:
            known = self._lead_ins[id(clause)] = _is_lead_in(clause)
        return known

    def of(self, clause: Clause, depth: int) -> int:
        known = self._columns.get(id(clause))
        if known is not None:
            return known
        numbered = bool(clause.label.strip())
        parent = clause.parent
        if (
            not numbered
            and clause.kind is ClauseKind.CLAUSE
            and depth > 0
            and parent is not None
            and self._lead_in(parent)
        ):
            column = min(self.of(parent, depth - 1) + 1, MAX_INDENT_LEVEL)
        else:
            column = text_column(depth, numbered)
        self._columns[id(clause)] = column
        return column
