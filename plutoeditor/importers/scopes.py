"""Numbering scopes of a page: several documents, a table of contents, quoted instruments.

A captured terms page often holds more than one document (terms, then a privacy notice, each
numbered from 1, separated by "* * *" or "---"), a table of contents above the clauses, and
quotations from a statute or another agreement. Read as one document, each of them numbers
sections twice. This module reads a page's blocks before the clause tree is built:
- a quoted instrument and a table of contents become unnumbered text (`quotations`, `contents`);
- each later document becomes a top-level unnumbered clause, with its title as heading when
  it has one, holding that document's clauses, so that its numbering restarts inside it.
A rule starts a new document only when the numbering restarts after it: the first label after
the rule is the number the current document started with, written the same way (as a heading
of the same level, a list item or a paragraph). A rule between two sections ("* * *" before
"4.") leaves the numbering running on. Without a rule, a date or version line ("Version: 10
May 2020"), alone or under a title, and then that same first label start a document too (a
page holding the current and an earlier version of its terms).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from plutoeditor.importers.clause_ids import derive_ids
from plutoeditor.importers.contents import contents_as_text
from plutoeditor.importers.dates import is_date_line
from plutoeditor.importers.page_lines import Page, bare_label, block_form, label_and_title
from plutoeditor.importers.quotations import quotations_as_text
from plutoeditor.importers.structure import Block, build_policy
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy

_TITLE_WORDS = 14
_TITLE_CHARS = 200
_DIGIT = re.compile(r"\d")
_DATE_LINE_CHARS = 100
# "Version: 2.1", "Version applicable à compter du 17 juillet 2024"
_VERSION_LINE = re.compile(r"^(?:version|v\.?)\b\W*(?:\d|.{0,60}\b(?:19|20)\d\d\b)", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_FRONT_BLOCKS = 4  # a new document's date line comes within this many blocks of its title


def build_scoped_policy(blocks: list[Block], text: str, path: str, *, markdown: bool) -> Policy:
    """The policy of a text or Markdown page, each document, contents list and quotation in its scope."""
    page = Page(text, markdown)
    blocks = contents_as_text(quotations_as_text(blocks, page), page)
    blocks, starts = mark_documents(blocks, page)
    policy = build_policy(blocks, path, guess_headings=not markdown)
    if starts:
        gather_documents(policy.clauses, starts)
    return policy


def _numbered(block: Block, page: Page | None = None) -> tuple[str, tuple] | None:
    label, _ = page.label_and_title(block) if page is not None else label_and_title(block)
    return (bare_label(label), block_form(block)) if label else None


def _title(block: Block) -> str | None:
    """The text of a document's title line: a heading or a short line without a label."""
    if block.label is not None or block.list_level is not None or block.heading:
        return None
    text = block.text.strip()
    if not text or "\n" in text or len(text) > _TITLE_CHARS:
        return None
    if block.heading_level is None and (
        text.endswith((".", ";", ",", ":")) or len(text.split(None, _TITLE_WORDS)) > _TITLE_WORDS
    ):
        return None
    if not _WORDS.search(text):
        return None  # "------ 0 ------ 0 ------" is a rule, not a title
    if _numbered(block) is not None or _date_or_version(text):
        return None
    return text


def _is_rule_block(block: Block, page: Page) -> bool:
    """A plain-text rule ("-----", "* * *") the text reader kept as a paragraph of its own."""
    return block.line is not None and page.is_rule(block.line) and "\n" not in block.text


def mark_documents(blocks: list[Block], page: Page) -> tuple[list[Block], list[int]]:
    """The blocks with a level-1 heading opening each later document, and the lines where they open.

    The heading is the document's title when its first block is one (then that block is
    used up), else it has no words.
    """
    rules = page.rules()
    if not blocks:
        return blocks, []
    after_rule = [False] * len(blocks)
    is_rule = [False] * len(blocks)  # `_is_rule_block` of each block
    if rules:
        previous = 0
        for k, block in enumerate(blocks):
            if block.line is None:
                continue
            r = bisect_right(rules, previous)
            after_rule[k] = r < len(rules) and rules[r] < block.line
            is_rule[k] = _is_rule_block(block, page)
            if not is_rule[k]:
                previous = block.line
    known: dict[int, tuple[str, tuple] | None] = {}

    def numbered(k: int) -> tuple[str, tuple] | None:
        if k not in known:
            known[k] = None if is_rule[k] else _numbered(blocks[k], page)
        return known[k]

    ahead = _Ahead(blocks, numbered, after_rule)
    out: list[Block] = []
    starts: list[int] = []
    opened = 0  # where the current document opened, in `blocks`
    first_seen: dict[int, tuple[int, tuple[str, tuple]] | None] = {}  # opening -> its first label

    def document_first(k: int) -> tuple[str, tuple] | None:
        """The first label of the current document, if it comes before block k."""
        if opened not in first_seen:
            m = ahead.numbered(opened)
            label = numbered(m) if m < len(blocks) else None
            first_seen[opened] = (m, label) if label is not None else None
        found = first_seen[opened]
        return found[1] if found is not None and found[0] < k else None

    part_heading = [-1] * 7  # per heading level: where the last unnumbered heading stands
    for k, block in enumerate(blocks):
        level = block.heading_level
        if level is not None and 1 <= level <= 6 and ((written := numbered(k)) is None or " " in written[0]):
            part_heading[level] = k  # "## How we share", "Part B: Previous version"
        if (
            level is not None
            and k > opened
            and not after_rule[k]
            and _repeats_first(numbered(k), document_first(k))
            and max(part_heading[: level + 1]) < first_seen[opened][0]  # type: ignore[index]
        ):
            # "## 1. Who we are" again, as the document's first section was written, with no
            # heading of a part above it since the first: a second copy of the document, or a
            # second document, on the page without a rule
            opened = k
            out.append(Block("", block.line, "", 1))
            starts.append(block.line or 0)
            out.append(block)
            continue
        alone = len(block.text) <= _DATE_LINE_CHARS and _dated([block])  # "Version 2, 1 May 2021"
        if not (after_rule[k] or alone or _title(block)) or is_rule[k]:
            out.append(block)
            continue
        first_label = document_first(k)
        found = ahead.first_numbered(k) if first_label is not None else None
        first = found if found is not None else len(blocks)
        restarts = found is not None and numbered(first) == first_label
        if not (restarts and (after_rule[k] or _dated(blocks[k : min(first, k + 1 + _FRONT_BLOCKS)]))):
            out.append(block)
            continue
        while out and _is_rule_block(out[-1], page):
            out.pop()
        opened = k
        # "Payments Terms" (a level-1 heading), its preamble, a rule, then "1.": the document
        # opens at its title, not at the rule.
        titled = []
        for t in range(len(out) - 1, -1, -1):
            if out[t].label == "" and out[t].heading_level == 1 and out[t].line in starts:
                break  # the previous document's own opening
            if _numbered(out[t], page) is not None:
                break
            if _opens_document(out[t]):
                titled.append(t)
        if titled and not (k < first and _opens_document(block)):
            starts.append(out[titled[0]].line or 0)
        elif k < first and (title := _title(block)) is not None:
            out.append(Block(title, block.line, "", 1))
            starts.append(block.line or 0)
            continue
        else:
            line = _rule_before(rules, block.line) if after_rule[k] else (block.line or 0)
            out.append(Block("", line, "", 1))
            starts.append(line)
        out.append(block)
    return out, starts


def _repeats_first(label: tuple[str, tuple] | None, first: tuple[str, tuple] | None) -> bool:
    """Whether a heading's label is the current document's first label, written as a heading too."""
    return label is not None and label == first and first[1][0] == "heading" and first[0] in ("1", "a", "i")


def _dated(front: list[Block]) -> bool:
    """A date or version line under a title: the front of a document ("Last revised: 3 January 2025")."""
    return any(
        b.label is None
        and b.list_level is None
        and _DIGIT.search(b.text[:_TITLE_CHARS] + (b.heading or "")) is not None
        and _date_or_version(f"{b.heading or ''} {b.text}".strip())
        for b in front
    )


def _date_or_version(text: str) -> bool:
    return is_date_line(text) or (bool(_VERSION_LINE.match(text)) and len(text) <= 80)


def _opens_document(block: Block) -> bool:
    return block.heading_level == 1 and _title(block) is not None


class _Ahead:
    """What comes after a block: the next numbered block, the next rule, the next non-title.

    Each answer is remembered for every block passed on the way, so reading ahead from every
    candidate opening costs one pass over the page, not one per candidate.
    """

    def __init__(
        self, blocks: list[Block], numbered: Callable[[int], tuple[str, tuple] | None], after_rule: list[bool]
    ) -> None:
        self._blocks = blocks
        self._is_numbered = lambda m: numbered(m) is not None
        self._is_other = lambda m: _title(blocks[m]) is None
        self._next: dict[str, list[int]] = {"numbered": [-1] * len(blocks), "other": [-1] * len(blocks)}
        self._rules = [m for m, after in enumerate(after_rule) if after]

    def _scan(self, kind: str, k: int, hit: Callable[[int], bool]) -> int:
        """The first block from k on for which `hit` holds (len(blocks) when none)."""
        memo, n = self._next[kind], len(self._blocks)
        m = k
        while m < n and memo[m] < 0 and not hit(m):
            m += 1
        found = memo[m] if m < n and memo[m] >= 0 else m
        for j in range(k, min(m + 1, n)):
            memo[j] = found
        return found

    def numbered(self, k: int) -> int:
        return self._scan("numbered", k, self._is_numbered)

    def first_numbered(self, k: int) -> int | None:
        """The first numbered block from k on, before the next rule (unless only titles come before it)."""
        m = self.numbered(k)
        if m >= len(self._blocks):
            return None
        rule = self._rule_after(k)
        if rule is None or rule > m:
            return m
        rule = self._rule_after(max(k, self._scan("other", k, self._is_other)))
        return m if rule is None or rule > m else None

    def _rule_after(self, k: int) -> int | None:
        r = bisect_right(self._rules, k)
        return self._rules[r] if r < len(self._rules) else None


def _rule_before(rules: list[int], line: int | None) -> int:
    r = bisect_left(rules, line or 0)
    return rules[r - 1] if r else (line or 0)


def gather_documents(top: list[Clause], starts: list[int]) -> None:
    """Put each later document's clauses under the heading that opens it, at the top level.

    The builder may have nested part of a document elsewhere (under a heading still open
    from the document before); every clause read from a document's lines goes under its
    heading, in order, keeping the nesting it has within that document.
    """
    order = [clause for root in top for clause in root.walk()]
    document: dict[int, int] = {}
    current = 0
    for clause in order:
        if clause.source_line is not None:
            current = bisect_right(starts, clause.source_line)
        document[id(clause)] = current
    moving: dict[int, Clause] = {}
    containers: list[Clause] = []
    for k, start in enumerate(starts, start=1):
        members = [c for c in order if document[id(c)] == k]
        if not members:
            continue
        head = members[0]
        if head.source_line != start or head.label or head.kind is not ClauseKind.CLAUSE:
            head = Clause(source_line=start, id="")
            derive_ids([head], {c.id for c in order})
        roots = [c for c in members if c is not head and (c.parent is None or document[id(c.parent)] != k)]
        for clause in (head, *roots):
            moving[id(clause)] = clause
        head.children = [c for c in head.children if id(c) not in moving] + roots
        containers.append(head)
    parents = {id(c.parent): c.parent for c in moving.values() if c.parent is not None}
    for parent in parents.values():
        parent.children = [c for c in parent.children if id(c) not in moving]
    top[:] = [c for c in top if id(c) not in moving]
    for head in containers:
        head.parent = None
        for child in head.children:
            child.parent = head
        if head.heading or head.text or head.children:
            top.append(head)
