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

from plutoeditor.importers.clause_ids import assign_ids
from plutoeditor.importers.contents import contents_as_text
from plutoeditor.importers.dates import is_date_line
from plutoeditor.importers.page_lines import Page, bare_label, block_form, label_and_title
from plutoeditor.importers.quotations import quotations_as_text
from plutoeditor.importers.restarted_lists import nest_restarted_lists
from plutoeditor.importers.structure import Block, build_policy
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy

_TITLE_WORDS = 14
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
    if nest_restarted_lists(policy.clauses) or starts:
        assign_ids(policy.clauses)
    return policy


def _numbered(block: Block) -> tuple[str, tuple] | None:
    label, _ = label_and_title(block)
    return (bare_label(label), block_form(block)) if label else None


def _title(block: Block) -> str | None:
    """The text of a document's title line: a heading or a short line without a label."""
    if block.label is not None or block.list_level is not None or block.heading:
        return None
    text = block.text.strip()
    if not text or "\n" in text or _numbered(block) is not None or _date_or_version(text):
        return None
    if not _WORDS.search(text):  # "------ 0 ------ 0 ------" is a rule, not a title
        return None
    if block.heading_level is not None:
        return text
    if len(text.split()) > _TITLE_WORDS or text.endswith((".", ";", ",", ":")):
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
    previous = 0
    for k, block in enumerate(blocks):
        if block.line is None:
            continue
        r = bisect_right(rules, previous)
        after_rule[k] = r < len(rules) and rules[r] < block.line
        if not _is_rule_block(block, page):
            previous = block.line
    out: list[Block] = []
    starts: list[int] = []
    document_first: tuple[str, tuple] | None = None
    last_numbered = -1  # where in `out` the current document's last numbered block is
    for k, block in enumerate(blocks):
        if (
            document_first is not None
            and not _is_rule_block(block, page)
            and (after_rule[k] or _title(block) or _dated([block]))
        ):
            found = _first_numbered(blocks, after_rule, k, page)
            first = found if found is not None else len(blocks)
            restarts = found is not None and _numbered(blocks[first]) == document_first
            if restarts and (after_rule[k] or _dated(blocks[k : min(first, k + 1 + _FRONT_BLOCKS)])):
                while out and _is_rule_block(out[-1], page):
                    out.pop()
                document_first = None
                # "Payments Terms" (a level-1 heading), its preamble, a rule, then "1.": the
                # document opens at its title, not at the rule.
                titled = [t for t in range(last_numbered + 1, len(out)) if _opens_document(out[t])]
                if titled and not (k < first and _opens_document(block)):
                    starts.append(out[titled[-1]].line or 0)
                    last_numbered = titled[-1]
                elif k < first and (title := _title(block)) is not None:
                    out.append(Block(title, block.line, "", 1))
                    starts.append(block.line or 0)
                    last_numbered = len(out) - 1
                    continue
                else:
                    line = _rule_before(rules, block.line) if after_rule[k] else (block.line or 0)
                    out.append(Block("", line, "", 1))
                    starts.append(line)
                    last_numbered = len(out) - 1
        numbered = None if _is_rule_block(block, page) else _numbered(block)
        if numbered is not None:
            document_first = document_first or numbered
            last_numbered = len(out)
        out.append(block)
    return out, starts


def _dated(front: list[Block]) -> bool:
    """A date or version line under a title: the front of a document ("Last revised: 3 January 2025")."""
    return any(
        b.label is None and b.list_level is None and _date_or_version(f"{b.heading or ''} {b.text}".strip())
        for b in front
    )


def _date_or_version(text: str) -> bool:
    return is_date_line(text) or (bool(_VERSION_LINE.match(text)) and len(text) <= 80)


def _opens_document(block: Block) -> bool:
    return block.heading_level == 1 and _title(block) is not None


def _first_numbered(blocks: list[Block], after_rule: list[bool], k: int, page: Page) -> int | None:
    """The first numbered block from k on, before the next rule (unless only titles come before it)."""
    for m in range(k, len(blocks)):
        if m > k and after_rule[m] and not all(_title(b) is not None for b in blocks[k:m]):
            return None
        if not _is_rule_block(blocks[m], page) and _numbered(blocks[m]) is not None:
            return m
    return None


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
