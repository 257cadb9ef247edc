"""Tables of contents: the list of section titles at the top of a page is navigation, not clauses.

A run of short lines that starts with a labelled one is a table of contents when
- most of its labelled entries name, in order, a later paragraph or heading with the same
  label and title ("1. Accounts" ... "## 1. Accounts"), and those sections have text between
  them (so a short list written twice is not a table of contents); or
- nearly all its labelled entries link to anchors on the page ("1. [Accounts](#accounts)").
Plain, dot-leadered ("1. Purpose ........ 3") and linked lists are all read this way. The run
becomes one unnumbered paragraph holding its entries as written, one a line: nothing is
lost, and no section is numbered twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from plutoeditor.importers.labels import split_label
from plutoeditor.importers.page_lines import Page, bare_label, block_spans, source_lines
from plutoeditor.importers.structure import Block
from plutoeditor.model.labels import LABEL_WORD_PATTERN

_MAX_ENTRY_CHARS = 160
_MAX_ENTRY_WORDS = 20
_TITLE_WORDS = 8  # an entry names a section by the first words of its title
_TITLE_CHARS = 200
# the label a block starts with, roughly: "1.", "(a)", "2.3", "Article IV", after any markup
_LEADING = re.compile(
    rf"[\W_]{{0,8}}((?:{LABEL_WORD_PATTERN})[ \t]+[\w.]{{1,12}}"
    r"|[\w.]{1,12})",
    re.IGNORECASE,
)
_LEADING_CHARS = 48
# the same after a digit, where no label word can start: the number alone (a quicker match)
_LEADING_NUMBER = re.compile(r"[\w.]{1,12}")
_MARKUP_CHARS = 24  # "**", "\\", list marks and indentation around an entry's words
_MAX_RAW_CHARS = 1000  # an entry's source line, dot leaders and link targets included
_LEADERS = re.compile(r"(?:\s*[.·…_](?:\s*[.·…_]){2,}|\s*…)\s*\d{0,4}\s*$")
_DOT_LEADERS = re.compile(r"(?:[.·_][ \t]*){4,}\d{0,4}\s*$|…[ \t]*\d{1,4}\s*$")
_WORD = re.compile(r"\w+")
_CAPTION_WORDS = 4
_MAX_ENTRIES = 400  # lines of one contents list at most
_LOOK_AHEAD = 4  # an entry names one of the next few sections with its label and first word
# An entry that is nothing but a link to an anchor on the page: "1. [Accounts](#accounts)",
# "**[1\\. Status](#status)**"; a link followed by a description is a list item, not an entry.
_LINK_ONLY = re.compile(r"^[\W\d]*\[[^\]]+\]\(#[^)\s]*\)[\W\d]*$")


@dataclass(frozen=True)
class _Entry:
    block: int  # index of the block the entry line belongs to
    key: str  # the label without decoration
    words: tuple[str, ...]  # the first words of its title, case-folded
    marked: bool  # written as navigation: only a link to an anchor on the page, or dot leaders


def title_words(title: str) -> tuple[str, ...]:
    """The first words of a title, case-folded, without dot leaders and page number."""
    return tuple(_WORD.findall(_strip_leaders(title).casefold()))[:_TITLE_WORDS]


def _has_leaders(text: str) -> bool:
    return ".." in text or "…" in text or "__" in text or "··" in text or ". ." in text


def _strip_leaders(text: str) -> str:
    """A contents entry without its dot leaders and page number ("Fees ....... 4" -> "Fees")."""
    return _LEADERS.sub("", text) if _has_leaders(text) else text


class _Sections:
    """Where each (label, first title word) occurs, so entries are matched without rescanning.

    Only blocks that start with an entry's label are read for their label and title, and only
    when an entry asks for that label.
    """

    def __init__(self, blocks: list[Block], page: Page) -> None:
        self.blocks, self.page = blocks, page
        # the blocks by the first word or number each starts with
        self.starting: defaultdict[str, list[int]] = defaultdict(list)
        for index, block in enumerate(blocks):
            start = block.label or block.text[:_LEADING_CHARS]
            if start[:1].isdigit():
                head = _LEADING_NUMBER.match(start)
                if head is not None:
                    self.starting[bare_label(head.group())].append(index)
                continue
            head = _LEADING.match(start)
            if head is not None:
                self.starting[bare_label(head.group(1))].append(index)
        self.where: dict[tuple[str, str], list[int]] = {}
        self.titles: dict[int, str] = {}
        self.read: set[str] = set()

    def _read(self, key: str) -> None:
        if key in self.read:
            return
        self.read.add(key)
        for index in self.starting.get(key, []):
            label, title = self.page.label_and_title(self.blocks[index], bare_numbers=True)
            first = _WORD.search(title, 0, _TITLE_CHARS) if label else None
            if first is not None:
                self.titles[index] = title
                self.where.setdefault((bare_label(label), first.group().casefold()), []).append(index)

    def words(self, index: int) -> tuple[str, ...]:
        # a section's title is its first words: no leaders to strip from a long paragraph
        return tuple(_WORD.findall(self.titles[index][:_TITLE_CHARS].casefold()))[:_TITLE_WORDS]

    def find(self, entry: _Entry, start: int) -> int | None:
        """The first block from `start` on that has the entry's label and begins with its title."""
        self._read(entry.key)
        candidates = self.where.get((entry.key, entry.words[0]), [])
        wanted = [entry.words]
        if len(entry.words) > 1 and entry.words[-1].isdigit():  # "Introduction 3": a page number
            wanted.append(entry.words[:-1])
        first = bisect_left(candidates, start)
        for k in range(first, min(first + _LOOK_AHEAD, len(candidates))):
            found = self.words(candidates[k])
            if any(_same_title(w, found) for w in wanted):
                return candidates[k]
        return None


def _same_title(entry: tuple[str, ...], found: tuple[str, ...]) -> bool:
    """The section's title starts with the entry's words, or with most of them.

    Contents lists are often written apart from the headings ("Access to the service and your
    account" for "Access to the service and to your account", a translation worded a little
    differently), so most of the words are enough.
    """
    if found[: len(entry)] == entry:
        return True
    wanted = set(entry)
    return len(wanted) >= 3 and len(wanted & set(found)) * 5 >= len(wanted) * 3


def _entry_lines(block: Block, span: range, page: Page) -> list[str] | None:
    """The source lines of a block that reads like contents entries, or None.

    Each line is a short entry ("2.1 Fees", "[Fees](#fees)", "Fees ....... 4"); a block of
    several lines holds one entry a line, or a link to a section and one line about it.
    """
    if block.heading_level is not None or block.label == "":
        return None
    lines = source_lines(page, span, _MAX_RAW_CHARS)
    if not lines:
        return None
    # "[Security](#security)" and one line saying what that section is about
    described = len(lines) == 2 and _navigation(lines[0]) and len(lines[1].strip()) <= 2 * _MAX_ENTRY_CHARS
    for n, raw in enumerate(lines):
        if described and n > 0:
            continue
        if len(raw) > _MAX_ENTRY_CHARS + _MARKUP_CHARS and "](" not in raw and not _has_leaders(raw):
            return None  # too long for an entry even before its markup is taken away
        words = _strip_leaders(page.words(raw))
        if not words or len(words) > _MAX_ENTRY_CHARS or len(words.split()) > _MAX_ENTRY_WORDS:
            return None
        if len(lines) > 1 and not (split_label(words)[0] or _navigation(raw)):
            return None  # a hard-wrapped paragraph, not entries one a line
    return lines


def _entries(page: Page, index: int, lines: list[str]) -> list[_Entry]:
    found = []
    for raw in lines:
        label, rest = split_label(page.words(raw))
        if label:
            found.append(_Entry(index, bare_label(label), title_words(rest), _navigation(raw)))
    return found


def _match(entries: list[_Entry], sections: _Sections, start: int) -> list[int]:
    """The blocks the entries name, matched in order, each after the one before."""
    matched: list[int] = []
    position = start
    for entry in entries:
        if not entry.words:
            continue
        found = sections.find(entry, max(position, entry.block + 1))
        if found is not None:
            matched.append(found)
            position = found + 1
    return matched


def _is_contents(entries: list[_Entry], matched: list[int], sections: list[bool]) -> bool:
    """Whether entries are a table of contents, given the blocks they name and which open a section."""
    labelled = len(entries)
    if labelled < 2:
        return False
    if sum(e.marked for e in entries) * 5 >= labelled * 4:
        return True
    if len(matched) < 2 or len(matched) * 2 < labelled:
        return False
    # The sections named have text of their own; the items of a list written twice do not.
    return (matched[-1] - matched[0] + 1) * 2 >= len(matched) * 3 and sum(sections) * 2 >= len(matched)


def contents_as_text(blocks: list[Block], page: Page) -> list[Block]:
    """The blocks with each table of contents made one unnumbered paragraph of entries."""
    spans = block_spans(blocks, page)
    cache: dict[int, list[str] | None] = {}

    def lines_of(k: int) -> list[str] | None:
        if k not in cache:
            cache[k] = _entry_lines(blocks[k], spans[k], page)
        return cache[k]

    openings = _openings(blocks, page)
    ordered_openings = sorted(openings)
    in_body = False  # a numbered clause with text of its own came since the document opened
    sections: _Sections | None = None
    out: list[Block] = []
    i, n = 0, len(blocks)
    while i < n:
        if i in openings:
            in_body = False
        if in_body:  # contents come before the clauses they list: on to where a document may open
            o = bisect_right(ordered_openings, i)
            following = ordered_openings[o] if o < len(ordered_openings) else n
            out.extend(blocks[i:following])
            i = following
            continue
        first = lines_of(i) if page.label_and_title(blocks[i], bare_numbers=True)[0] else None
        if first is None or not split_label(page.words(first[0]))[0]:
            in_body = first is None and bool(page.label_and_title(blocks[i])[0])
            out.append(blocks[i])
            i += 1
            continue
        j = i
        while j < min(n, i + _MAX_ENTRIES) and lines_of(j) is not None:
            j += 1
        entries = [e for k in range(i, j) for e in _entries(page, k, lines_of(k) or [])]
        if len(entries) < 2:
            out.extend(blocks[i:j])
            i = j
            continue
        if sections is None:
            sections = _Sections(blocks, page)
        matched = _match(entries, sections, i + 1)
        cut = min(j, matched[0]) if matched else j
        again = [e.block for e in entries[1:] if e.key == entries[0].key and e.block > entries[0].block]
        if again:  # the first entry's label again: the sections have begun
            cut = min(cut, again[0])
        entries = [e for e in entries if e.block < cut]
        if entries:  # short lines after the last entry (a page footer) are not part of the list
            cut = min(cut, 1 + max(e.block for e in entries))
        named = _match(entries, sections, cut)
        opens = [
            blocks[t].heading_level is not None
            or bool(blocks[t].heading)
            or t + 1 >= n
            or lines_of(t + 1) is None
            for t in named
        ]
        if cut <= i or not _is_contents(entries, named, opens):
            resume = cut if i < cut < j else j  # a list that ended where another begins
            out.extend(blocks[i:resume])
            i = resume
            continue
        start = i
        while start > 0 and out and out[-1] is blocks[start - 1] and _all_marked(lines_of(start - 1)):
            out.pop()  # "[Premise](#premise)", "Privacy ..... 3": unlabelled entries above the others
            start -= 1
        entries_text = [page.words(raw) for k in range(start, cut) for raw in lines_of(k) or []]
        if start > 1 and out and out[-1] is blocks[start - 1] and _caption(blocks[start - 1]):
            out.pop()  # "Contents", "Overview": the list's caption, not a heading over the clauses
            start -= 1
            entries_text.insert(0, blocks[start].text.strip())
        out.append(Block("\n".join(entries_text), blocks[start].line, ""))
        i = cut
    return out


def _openings(blocks: list[Block], page: Page) -> set[int]:
    """Where a document may open: the first block, a level-1 heading, the first block after a rule."""
    found = {0}
    rules = page.rules()
    if not rules:
        return found | {k for k, block in enumerate(blocks) if block.heading_level == 1}
    r = 0
    for k, block in enumerate(blocks):
        if block.heading_level == 1:
            found.add(k)
        if block.line is not None:
            while r < len(rules) and rules[r] < block.line:
                found.add(k)
                r += 1
    return found


def _caption(block: Block) -> bool:
    """A short line without a label right above the entries ("Contents", "Table of Contents")."""
    text = block.text.strip()
    return (
        block.label is None
        and block.heading_level is None
        and block.list_level is None
        and not block.heading
        and 0 < len(text.split()) <= _CAPTION_WORDS
        and "\n" not in text
        and not text.endswith((".", ";", ","))
        and not split_label(text)[0]
    )


def _navigation(raw: str) -> bool:
    """Written as a contents entry: nothing but a link to an anchor, or dot leaders to a page."""
    return bool(_LINK_ONLY.match(raw.strip()) or (_has_leaders(raw) and _DOT_LEADERS.search(raw)))


def _all_marked(lines: list[str] | None) -> bool:
    return bool(lines) and all(_navigation(raw) for raw in lines or [])
