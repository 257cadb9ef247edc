"""Which reading of a label the clauses still open explain, for the tree builder.

A label-shaped start of a paragraph ("1.", "(c)", "12 ") is read against the clauses the
builder holds open: the next item of an open list, the first item of a list inside a
section, the next section, a letter rather than a roman numeral, or no label at all (an
address, a date, a page number). `sequences.py` answers whether two labels follow each
other; these functions weigh that against the open clauses.
"""

from __future__ import annotations

import re

from plutoeditor.importers.blocks import Block, label_of, reads_as_address, reads_as_heading
from plutoeditor.importers.labels import decimal_parts, decimal_value, label_key, letter_of
from plutoeditor.importers.sequences import follows_label, is_date_after_number, notes_called
from plutoeditor.model.clause import Clause
from plutoeditor.model.labels import roman_value

_SECTION_NUMBER = re.compile(r"\d{1,3}\.(?:\s|$)")  # "2. Scope": a section numbered with a dot
_LETTER_ITEM = re.compile(r"(\(?)([b-z])\)")  # "(b)", "b)": an item a hard wrap may put at a line start


class OpenClause:
    """A clause still open for children, with how later labels are compared to it."""

    __slots__ = ("clause", "key", "heading_like", "address", "definitions", "hlevel", "listed")

    def __init__(
        self, clause: Clause, key: tuple, heading_like: bool = False, hlevel: int | None = None
    ) -> None:
        self.clause = clause
        self.key = key
        self.heading_like = heading_like
        self.address = False
        self.definitions = False
        self.hlevel = hlevel  # the Markdown heading level it was written at, if any
        self.listed = False  # a list item (bullet or ordered) of the source format


def previous_alpha(stack: list[OpenClause], key_form: str) -> str | None:
    """The letter of the open (or last closed) letter item of this form, for "(i)" after "(h)"."""
    for entry in reversed(stack):
        if entry.key[0] in ("a", "A") and entry.key[1] == key_form:
            return letter_of(entry.clause.label)
        last = last_labelled(entry.clause.children)
        if last is not None and last is not entry.clause:
            last_key = label_key(last.label)
            if last_key[0] in ("a", "A") and last_key[1] == key_form:
                return letter_of(last.label)
    return None


def letter_or_roman(stack: list[OpenClause], label: str, key: tuple) -> tuple:
    """A one-letter roman label ("(c)", "(v)") continues an open letter list of its form.

    "(a) (c) (d)" is a letter list with a gap, so "(c)" is not the numeral 100 nested
    under "(a)". It stays a numeral when it is the next number of an open roman list
    ("(iv)" then "(v)"), and "(i)" under a letter other than "(h)" starts a roman list.
    """
    letters = label.strip("().")
    if key[0] not in ("r", "R") or len(letters) != 1:
        return key
    alpha = "a" if key[0] == "r" else "A"
    value = roman_value(letters)
    for entry in stack:  # "V." after "IV." and its items "A."-"E.": the next numeral, not "V" the letter
        if entry.key[0] == key[0] and entry.key[1] == key[1]:
            if roman_value(entry.clause.label.strip("().")) == (value or 0) - 1:
                return key
    for entry in reversed(stack):
        if entry.key[0] == alpha and entry.key[1] == key[1] and letters.lower() != "i":
            return (alpha,) + key[1:]
    return key


def starts_local_list(
    stack: list[OpenClause],
    label: str,
    titled: bool,
    last_local_item: Clause | None,
    next_label: str,
) -> bool:
    """Whether a plain "1." is an item of a list inside a section, not a section itself.

    The reading that explains the label best wins: the next item of an open local list,
    else the next section, else "1." as the first item of a list under a section written
    as a heading ("## 2. Data", "**2. Data**") or after a lead-in ("You must not:").
    "1." followed by "1.1" is a section, and so is a bare title ("**3. Fees**") that
    continues the sections, written as they are.
    """
    as_item = label.rstrip(".:") + "."
    sections = [entry for entry in stack if entry.key == ("d", 1)]
    if titled and sections and follows_label(sections[-1].clause.label.rstrip(".:") + ".", as_item):
        return False
    items = [entry.clause for entry in stack if entry.key[0] == "L" and entry.key[1] == -1]
    if not items and last_local_item is not None:
        items = [last_local_item]  # closed by a paragraph between two items
    if items and follows_label(items[-1].label.rstrip(".:") + ".", as_item):
        return True
    if not sections:
        return False
    last = sections[-1]
    if follows_label(last.clause.label.rstrip(".:") + ".", as_item):
        return False
    # "**5. Listings**" (or "## 5.", "**5.2 How it works**") then "1." again: the section's
    # own list, even with "1.1" under it, since "1." cannot be the next section.
    under_title = decimal_value(label) == 1 and _under_titled_section(stack, last)
    if has_sub_clauses(label, next_label) and not under_title:
        return False
    if items:
        return True  # a gap in the list rather than a jump back in the sections
    if decimal_value(label) not in (0, 1):
        return False
    current = stack[-1]
    titled = current is last and current.heading_like and not current.clause.children
    return last.hlevel is not None or current.clause.text.endswith(":") or titled or under_title


def _under_titled_section(stack: list[OpenClause], last: OpenClause) -> bool:
    """Whether the innermost open numbered section from `last` on is written with a title."""
    for entry in reversed(stack):
        if entry.key[0] == "d":
            return entry.hlevel is not None or bool(entry.clause.heading)
        if entry is last:
            break
    return last.hlevel is not None or bool(last.clause.heading)


def starts_new_list(label: str) -> bool:
    """Whether a label is the first of a list: "1.", "(a)", "i)", "A." (not a bare "1")."""
    core = label.strip().strip("().:")
    return label.strip() != core and core in ("1", "a", "A", "i", "I")


def has_sub_clauses(label: str, next_label: str) -> bool:
    """Whether the next label is this one's first sub-clause ("2." then "2.1")."""
    return decimal_parts(next_label) == (decimal_value(label), 1)


def continues_sections(stack: list[OpenClause], label: str) -> bool:
    """Whether a list item "2." is the next section after an open numbered section "1\\."."""
    if stack and stack[-1].clause.text.endswith(":"):
        return False  # a lead-in: the item starts its list
    if any(entry.key[0] == "L" and entry.key[1] == 0 for entry in stack):
        return False  # the next item of an open list
    return any(
        entry.key == ("d", 1) and follows_label(entry.clause.label.rstrip(".") + ".", label.rstrip(".") + ".")
        for entry in stack
    )


def last_labelled(clauses: list[Clause]) -> Clause | None:
    return next((c for c in reversed(clauses) if c.label), None)


def in_address(stack: list[OpenClause], text: str) -> bool:
    """Inside an address or contact block, short lines continue the clause above."""
    if not stack:
        return False
    top = stack[-1]
    return (
        (top.address or top.clause.text.endswith(":")) and not top.clause.children and reads_as_address(text)
    )


def bare_style(body: list[Block]) -> bool:
    """Whether numbers alone on their line are section numbers ("2" above "Scope").

    They are the page numbers of a converted PDF, and none of them is a section, when most
    are followed by running text instead of a heading, or when they count up on their own
    while the sections are written "1.", "2.".
    """
    lone: list[int] = []
    headed = dotted = 0
    for i, block in enumerate(body):
        text = block.text.strip()
        if _SECTION_NUMBER.match(block.label if block.label is not None else text):
            dotted += 1
        if block.label is None and text.isascii() and text.isdigit() and len(text) <= 3:
            lone.append(int(text))
            nxt = body[i + 1] if i + 1 < len(body) else None
            headed += nxt is not None and not label_of(nxt) and reads_as_heading(nxt.text.strip())
    if len(lone) < 3:
        return True
    counting = all(b > a for a, b in zip(lone, lone[1:], strict=False))
    return headed * 2 >= len(lone) and not (counting and dotted >= 2)


def plausible_number(
    label: str, rest: str, stack: list[OpenClause], last_top_number: int, lone_is_label: bool = True
) -> bool:
    """A bare "12 " starts a clause only when it fits the numbering or introduces a heading.

    Keeps "10 Downing Street", "13 years ...", "30 May 2024", a page number and a note
    "1 This applies..." after a clause that points to "note 1" as text.
    """
    if stack and in_address(stack, rest):
        return False
    number = int(label)
    if is_date_after_number(rest) or (not rest and not lone_is_label):
        return False
    if stack and number in notes_called(stack[-1].clause.text):
        return False
    if reads_as_heading(rest):
        return True
    return 1 <= number <= last_top_number + 3


def inline_item(label: str, rest: str, previous: str) -> bool:
    """Whether "(b) the Client selects ..." at the start of a paragraph carries on a list written
    inline in the paragraph before ("... unless (a) such transfer is provided for, or").

    The paragraph before stops mid-sentence and holds the letter before inline, after its own
    words; a hard wrap (or a capture that makes every line a paragraph) put "(b)" at a line
    start. A real item follows an item ("(a) permitted by law, or" then "(b) ...") or a lead-in.
    """
    if label[-1:] != ")" or not rest[:1].islower():  # the pattern's first test, and a word carried on
        return False
    m = _LETTER_ITEM.fullmatch(label)
    previous = previous.rstrip()
    if m is None or not rest[:1].islower() or not previous or previous[-1] in ".:;!?":
        return False
    before = f"{m[1]}{chr(ord(m[2]) - 1)})"
    at = previous.find(f" {before} ")
    return at > 0 and not previous.startswith(before)
