"""Quoted instruments: numbered text inside a Markdown block quote is quoted, not this policy's clauses.

A policy quotes a statute or another agreement ("> 2870. (a) Any provision ...", "> 1. The
sharing of the source code is restricted ..."); the numbers are that instrument's, so they
must not be checked against this policy's numbering. A block quote that holds a label
becomes one unnumbered paragraph with the quoted paragraphs as written, one a line.
Quotes without labels (an address, a note) are left to the importer as they are.
"""

from __future__ import annotations

import re

from plutoeditor.importers.labels import is_bare_number, split_label
from plutoeditor.importers.page_lines import Page, block_spans, label_and_title
from plutoeditor.importers.structure import Block

_MARKS = re.compile(r"^ {0,3}(?:>[ \t]?)+")


def _quoted_paragraphs(page: Page, first: int, end: int) -> list[str]:
    """The quoted lines from `first` to before `end`, joined into paragraphs as a reader sees them.

    A blank quote line ends a paragraph, and so does a hard line break or the next line
    starting with a label; other lines are one wrapped paragraph.
    """
    paragraphs: list[str] = []
    open_lines: list[str] = []
    for number in range(first, end):
        raw = page.line(number)
        marks = _MARKS.match(raw)
        if marks is None and page.is_rule(number):
            continue
        content = raw[marks.end() :] if marks is not None else raw  # or a lazy continuation line
        words = page.words(content)
        starts_label = (
            bool(words) and bool(split_label(words)[0]) and not is_bare_number(split_label(words)[0])
        )
        if open_lines and (not words or starts_label):
            paragraphs.append(" ".join(open_lines))
            open_lines = []
        if words:
            open_lines.append(words)
        if content.endswith("  ") and open_lines:
            paragraphs.append(" ".join(open_lines))
            open_lines = []
    if open_lines:
        paragraphs.append(" ".join(open_lines))
    # emphasis that ran across lines ("_(i) ...;" ... "...;_") is left unpaired on one line
    return [p.strip("_*").strip() or p for p in paragraphs]


def quotations_as_text(blocks: list[Block], page: Page) -> list[Block]:
    """The blocks with each numbered block quote made one unnumbered paragraph."""
    if not page.markdown:
        return blocks
    spans = block_spans(blocks, page)
    out: list[Block] = []
    i, n = 0, len(blocks)
    while i < n:
        line = blocks[i].line
        if line is None or not page.is_quote(line):
            out.append(blocks[i])
            i += 1
            continue
        j = i
        while j < n and blocks[j].line is not None and page.is_quote(blocks[j].line or 0):
            j += 1
        if not any(label_and_title(b)[0] for b in blocks[i:j]):
            out.extend(blocks[i:j])
            i = j
            continue
        paragraphs = _quoted_paragraphs(page, line, spans[j - 1].stop)
        out.append(Block("\n".join(paragraphs), line, ""))
        i = j
    return out
