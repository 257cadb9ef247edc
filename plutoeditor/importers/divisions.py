"""Divisions of a document and the open clauses they close, for the tree builder.

A division's title ("ARTICLE 3 - PAYMENT", "II. ORDERS"), a numbered title in capitals after
the list under a heading in capitals, a part that numbers from the start again after a title,
the body's next section after a schedule set inside it: each ends lists the builder still
holds open, and these functions say when, reading the label against the open clauses (the
stack of `label_fit.OpenClause`).
"""

from __future__ import annotations

from plutoeditor.importers.blocks import Block, label_of, reads_as_heading
from plutoeditor.importers.label_fit import OpenClause, starts_new_list
from plutoeditor.importers.labels import decimal_parts, label_key
from plutoeditor.importers.sequences import follows_label
from plutoeditor.model.clause import Clause

# numbered items and paragraphs, which a division's title closes (letters may be divisions
# above it: "A." > "I." > "1." in the German outline)
_LIST_KEYS = ("d", "L", "n", "b", "p", "def")
# label words that title a division of the document ("ARTICLE 3", "Part 2", "§ 4")
_DIVISION_WORDS = frozenset({"article", "section", "part", "chapter", "clause", "§"})


def opens_division(key: tuple, rest: str, block: Block, next_block: Block | None) -> bool:
    """Whether a label titles a division of the document ("ARTICLE 3 - PAYMENT", "II. ORDERS").

    A division word or a capital roman numeral over a short title is never an item of
    the list before it: "II." after "1. 2." under "I." is the next division, and the
    list under it numbers from 1 again.
    """
    if not (key[0] == "w" and key[1] in _DIVISION_WORDS) and key[:2] != ("R", "x."):
        return False
    first, _, more = rest.partition("\n")
    titled = block.heading_level is not None or bool(block.heading)  # "**ARTICLE 15 - ...**"
    if not titled and (more or not reads_as_heading(first)):
        return False
    if key[0] == "R" and not titled and not first.isupper():
        next_label = label_of(next_block) if next_block is not None else ""
        return starts_new_list(next_label)  # "I. Scope" with its own list from 1
    return True


def close_lists(stack: list[OpenClause], key: tuple) -> None:
    """Close the list items and paragraphs open above a division (see `opens_division`)."""
    while stack and stack[-1].key != key:
        top = stack[-1]
        if top.key[0] in _LIST_KEYS or (key[0] == "w" and top.key[0] in ("a", "r")):
            stack.pop()
        elif top.key == ("u",) and any(c.label and label_key(c.label) != key for c in top.clause.children):
            stack.pop()  # an unnumbered heading whose own list is over
        else:
            break


def title_leaves_heading_list(stack: list[OpenClause], label: str, rest: str) -> bool:
    """Whether a numbered title in capitals ends the list under a heading in capitals.

    "DEFINITIONS" over "1. ... means ...", "2. ... means ...", then "2. SCOPE OF SERVICES":
    the title is written as the heading is, not as the items are, and its number does not
    go on from theirs, so it is the next section after the heading, not a third item.
    Closes the list and the heading when so.
    """
    parts = decimal_parts(label)
    if parts is None or len(parts) != 1 or not reads_as_heading(rest) or not _in_capitals(rest):
        return False
    if not stack or stack[-1].key[0] not in ("L", "d"):
        return False
    item = stack[-1].clause
    if _in_capitals(item.text) or follows_label(item.label, label):
        return False
    for i in range(len(stack) - 1, -1, -1):
        entry = stack[i]
        if entry.key == ("u",):
            if not _in_capitals(entry.clause.heading):
                return False
            del stack[i:]
            return True
        if entry.key[0] not in ("L", "d", "p", "b") or follows_label(entry.clause.label, label):
            return False  # "6." after the open "5.": the numbering goes on
    return False


def restarted_depth(stack: list[OpenClause], label: str, titled: bool) -> int | None:
    """Where a label numbering from the start again ends an open sequence of its form.

    "XIII. Governing Law", a bold title line, then "I. Object": the title starts a part of
    its own, since the label after it is the first of the form that is open and written as
    that one is (both titled, or both not). The depth of the open entry, else None.
    """
    core = label.strip().strip("().:")
    word = label_key(label)[0] == "w"
    number = core.rsplit(" ", 1)[-1] if word else core
    if number not in ("1", "a", "A", "i", "I"):
        return None
    key = label_key(label)[:2]
    for i in range(len(stack) - 1, -1, -1):
        entry = stack[i]
        if entry.key[0] in ("h", "s"):
            return None
        written = entry.clause.label
        if (
            written
            and label_key(written)[:2] == key
            and _same_form(written, label)
            and bool(entry.clause.heading) == titled
            and written.strip().strip("().:").rsplit(" ", 1)[-1] != number
        ):
            # the sequence was under an earlier part's title: the new title takes its place
            return next((j for j in range(i - 1, -1, -1) if stack[j].key == ("u",)), i)
    return None


def resumes_body(top: list[Clause], label: str, key: tuple, entry: OpenClause) -> bool:
    """Whether the label being placed is the next section of the body before a schedule.

    "ARTICLE 10 - INSURANCE", the insurer's "**Annexe: ...**" notice with its own list,
    then "ARTICLE 11": the notice was set inside article 10; article 11 goes on the body.
    """
    if not label or key[0] not in ("d", "w") or entry.key[0] != "s":
        return False
    schedule = entry.clause
    k = next((j for j in range(len(top) - 1, -1, -1) if top[j] is schedule), -1)
    before = next((c for c in reversed(top[:k]) if c.label), None) if k > 0 else None
    if before is None or label_key(before.label) != key:
        return False
    if key[0] == "w":  # "ARTICLE 10" -> "ARTICLE 11": the numbers after the word follow
        return follows_label(f"{before.label.split()[-1]}.", f"{label.split()[-1]}.")
    return follows_label(before.label, label)


def restarts_under_title(label: str, headed: bool, item: OpenClause) -> bool:
    """Whether the label being placed starts a list of its own under an item written as a title.

    "1. **Newsletter**", its paragraph, then "1." and "2.": a Markdown list flattened by
    the source, the second list inside the titled item, not a repeat of its number.
    """
    if not label or headed or not starts_new_list(label) or not item.clause.heading:
        return False
    return item.key[0] == "L" and not follows_label(item.clause.label, label)


def _same_form(first: str, second: str) -> bool:
    """Whether two labels are decorated alike ("(c)" and "(a)", "XIII." and "I.")."""
    core_first, core_second = first.strip().strip("().:"), second.strip().strip("().:")
    return first.strip().startswith("(") == second.strip().startswith("(") and (
        first.strip()[len(core_first) :][-1:] == second.strip()[len(core_second) :][-1:]
        if first.strip().startswith(core_first)
        else first.strip()[-1:] == second.strip()[-1:]
    )


def _in_capitals(text: str) -> bool:
    """Written in capitals ("SCOPE OF SERVICES"), as headings often are and items are not."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)
