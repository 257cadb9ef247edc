"""Build a clause tree from a flat list of paragraphs, whatever file format they came from.

The text, Markdown and Word importers turn their files into `Block`s; `build_policy` reads
title, effective date and summary of changes from the top, then nests clauses by the LEVEL
of their labels ("2.7.1" is level 3) relative to the clauses still open, never by prefix:
"2.7.1" written after "2.16" becomes a child of 2.16, so the checks can report it.
Labels are kept exactly as written.

Unlabelled paragraphs (decisions, documented in the README):
- after a clause whose text ends with ":" and that reads like an address or contact list
  (short lines, no final full stop) -> further paragraphs of that clause;
- "Term: meaning" after a clause that introduces definitions -> DEFINITION children;
- after a heading (numbered or not) with no content yet -> its first unnumbered child;
- after the last item of a list whose parent has its own text ("in each case, ...") ->
  an unnumbered sibling of that parent (it closes the list);
- otherwise -> an unnumbered sibling of the clause before it.
Short unlabelled lines without final punctuation that are followed by content become
unnumbered headings; "Cookie Schedule", "Schedule 1", "Annex A" start a SCHEDULE at top level.
A bare number ("10 Harbour Road") is a label only when it fits the numbering or introduces a
heading; a label alone on its line takes the next paragraph as its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plutoeditor.importers.clause_ids import assign_ids
from plutoeditor.importers.definitions import introduces_definitions, read_definition, split_run_together
from plutoeditor.importers.labels import (
    SCHEDULE_WORDS,
    decimal_parts,
    decimal_value,
    is_bare_number,
    label_key,
    letter_of,
    roman_value,
    split_label,
)
from plutoeditor.importers.metadata import read_front
from plutoeditor.importers.sequences import follows_label, is_date_after_number, notes_called
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy
from plutoeditor.model.tables import is_table_row

__all__ = ["Block", "build_policy", "split_label"]


@dataclass
class Block:
    """One paragraph (or heading, or list item) of a source document.

    `text` still starts with its label unless `label` is given (the source format knows the
    displayed label, e.g. Word automatic numbering or a Markdown ordered list; "" for a
    bullet when `list_level` is set, or for text that must not be read for a label, such as
    code). Further paragraphs that belong to the same item are separated by "\\n".
    `heading` is a run-in heading the format marked (Markdown "**Title.** text").
    `blank_before` is False for a plain-text paragraph that directly follows another line.
    `emphasised` is True for a paragraph written wholly in bold (Markdown "**Overview**").
    """

    text: str
    line: int | None = None
    label: str | None = None
    heading_level: int | None = None
    list_level: int | None = None
    heading: str | None = None
    blank_before: bool = True
    emphasised: bool = False


_SCHEDULE = re.compile(
    r"^(?:(?:schedule|annex(?:ure)?|appendix|exhibit)\b|.*\b(?:schedule|annex|appendix)$)", re.IGNORECASE
)
_SENTENCE_END = (".", ";", ",", ":")
_SECTION_NUMBER = re.compile(r"\d{1,3}\.(?:\s|$)")  # "2. Scope": a section numbered with a dot
# "V. 2.0", "Version 1.1", "v3": part of a title block, never a heading over the clauses
_VERSION_LINE = re.compile(r"^(?:v\.?|version)\s*\d{1,3}(?:\.\d{1,3})*$", re.IGNORECASE)


def _heading_like(text: str, max_words: int = 12) -> bool:
    """Short, one line, no closing punctuation: reads as a heading, not a sentence."""
    if not text or "\n" in text or len(text) > 100 or _VERSION_LINE.match(text) or text.isdigit():
        return False
    if text.endswith(_SENTENCE_END) or not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"'‘("):
        return False
    return len(text.split()) <= max_words


def _address_like(text: str) -> bool:
    """A short line of an address or contact block; a schedule's title never is one."""
    return (
        "\n" not in text
        and len(text) <= 80
        and len(text.split()) <= 12
        and not text.endswith(".")
        and not _SCHEDULE.match(text)
    )


class _Open:
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


class _Builder:
    def __init__(self, guess_headings: bool) -> None:
        self.top: list[Clause] = []
        self.stack: list[_Open] = []
        self.guess_headings = guess_headings
        self.heading_candidates: list[Clause] = []
        self.last_top_number = 0
        self.next_block: Block | None = None  # the block after the one being added
        self.adding = ""  # the label being placed, and whether it is written as a bare title
        self.adding_titled = False
        self.last_local_item: Clause | None = None  # the last "1." read as a list item in a section

    # -- placing -----------------------------------------------------------------------
    def _attach(self, clause: Clause, parent: Clause | None) -> None:
        if parent is None:
            self.top.append(clause)
        else:
            clause.parent = parent
            parent.children.append(clause)

    def _pop_to(self, depth: int) -> Clause | None:
        del self.stack[depth:]
        return self.stack[-1].clause if self.stack else None

    def _parent_for_label(self, key: tuple, hlevel: int | None = None) -> Clause | None:
        stack = self.stack
        if hlevel is not None:  # a numbered heading closes the unnumbered headings at its level and below
            for i, entry in enumerate(stack):
                if entry.key[0] in ("h", "s") and entry.hlevel is not None and entry.hlevel >= hlevel:
                    del stack[i:]
                    break
        # The same style is open: a sibling of the one it follows (of one written the same way,
        # "**3. Fees**" after "**2. Rules**", when several), else of the innermost.
        same = []
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].key == key:
                same.append(i)
            if stack[i].key[0] == "h" or stack[i].key[0] == "s":
                break
        if len(same) > 1 and self.adding:
            followed = [i for i in same if follows_label(stack[i].clause.label, self.adding)]
            alike = [i for i in followed if _titled(stack[i].clause) == self.adding_titled]
            return self._pop_to((alike or followed or same)[0])
        if same:
            return self._pop_to(same[0])
        if key[0] == "d":
            for i in range(len(stack) - 1, -1, -1):
                k = stack[i].key
                if k[0] == "d" and k[1] < key[1]:
                    return self._pop_to(i + 1)
                if k[0] in ("h", "s"):
                    break
            depth = len(stack)
            while depth and stack[depth - 1].key[0] in ("d", "p", "b"):
                depth -= 1
            return self._pop_to(depth)
        depth = len(stack)
        while depth and stack[depth - 1].key[0] == "p" and not stack[depth - 1].clause.text.endswith(":"):
            depth -= 1  # a list after a paragraph that does not introduce it: not the paragraph's child
        return self._pop_to(depth)

    def _parent_for_heading(self, level: int) -> Clause | None:
        depth = len(self.stack)
        while depth and not ((hl := self.stack[depth - 1].hlevel) is not None and hl < level):
            depth -= 1
        return self._pop_to(depth)

    def _push(
        self, clause: Clause, key: tuple, heading_like: bool = False, hlevel: int | None = None
    ) -> _Open:
        if hlevel is None and key[0] == "h":
            hlevel = key[1]
        entry = _Open(clause, key, heading_like, hlevel)
        self.stack.append(entry)
        return entry

    def _previous_alpha(self, key_form: str) -> str | None:
        """The letter of the open (or last closed) letter item of this form, for "(i)" after "(h)"."""
        for entry in reversed(self.stack):
            if entry.key[0] in ("a", "A") and entry.key[1] == key_form:
                return letter_of(entry.clause.label)
            last = _last_labelled(entry.clause.children)
            if last is not None and last is not entry.clause:
                last_key = label_key(last.label)
                if last_key[0] in ("a", "A") and last_key[1] == key_form:
                    return letter_of(last.label)
        return None

    def _letter_or_roman(self, label: str, key: tuple) -> tuple:
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
        for entry in reversed(self.stack):
            if entry.key[0] == key[0] and entry.key[1] == key[1]:
                if roman_value(entry.clause.label.strip("().")) == (value or 0) - 1:
                    return key
            elif entry.key[0] == alpha and entry.key[1] == key[1] and letters.lower() != "i":
                return (alpha,) + key[1:]
        return key

    # -- blocks ------------------------------------------------------------------------
    def add_labelled(self, label: str, rest: str, block: Block) -> None:
        self.adding, self.adding_titled = label, bool(block.heading) and not rest
        first, _, more = rest.partition("\n")
        if not label:
            key: tuple = ("b", block.list_level or 0)
        elif label[0].isdigit():
            key = label_key(label)
        else:
            key = label_key(label, self._previous_alpha("(x)" if label[0] == "(" else "x" + label[-1]))
            key = self._letter_or_roman(label, key)
        if (
            key == ("d", 1)
            and block.list_level is None
            and block.heading_level is None
            and self._starts_local_list(label, bool(block.heading) and not rest)
        ):
            key = ("L", -1, label[-1:])
        if block.list_level is not None:
            sections = block.list_level == 0 and (
                self._continues_sections(label) or self._has_sub_clauses(label)
            )
            if key == ("d", 1) and not sections:
                key = ("L", block.list_level, label[-1:])  # a list item "1.": siblings are its list's items
            elif key == ("d", 1):
                for entry in self.stack:  # the items before it in its list were sections too
                    if entry.key[:2] == ("L", 0) and follows_label(entry.clause.label, label):
                        entry.key = key
            elif key[0] not in ("d", "w"):
                key = key + (block.list_level,)
        if key[0] == "w" and key[1] in SCHEDULE_WORDS:
            self.add_schedule(label, first, block)
            if more:
                self.add_paragraph(more, block.line)
            return
        clause = Clause(label=label, source_line=block.line, id="")
        heading_like = False
        hlevel = block.heading_level
        if hlevel is not None:
            if block.heading is not None:  # the format told heading and text apart ("" = none)
                clause.heading, clause.text = block.heading, rest
            else:
                clause.heading, clause.text = first, more
            heading_like = block.heading is None or not rest
        if hlevel is not None and (key[0] == "d" or (key[0] == "w" and key[1] != "§")):
            # A numbered heading: the label's level decides where it goes, the markup is evidence.
            parent = self._adopting_parent(label, self._parent_for_label(key, hlevel))
        elif hlevel is not None:
            parent = self._parent_for_heading(hlevel)
            key = ("h", hlevel)
        else:
            if block.heading:
                clause.heading = block.heading
                clause.text = rest
                heading_like = not rest
            else:
                clause.text = rest
                if key[0] in ("d", "w", "R", "A") and _heading_like(first, 20) and not more:
                    heading_like = True  # its further paragraphs are its own
                    if key[0] in ("d", "w") or _heading_like(first, 6):
                        self.heading_candidates.append(clause)
            lead_in = self.stack[-1] if self.stack else None
            if (
                key[0] == "L"
                and decimal_value(label) == 1
                and lead_in is not None
                and lead_in.key != key
                and lead_in.clause.text.endswith(":")
                and not lead_in.clause.children
            ):
                parent = lead_in.clause  # "... the following terms:" then "1.": its first item
            else:
                parent = self._parent_for_label(key)
            if key[0] == "d":
                parent = self._adopting_parent(label, parent)
            elif key[0] == "L" and decimal_value(label) == 1:
                parent = self._new_list_parent(label, parent)
        if parent is None and key[0] == "d" and key[1] == 1:
            self.last_top_number = decimal_value(label) or self.last_top_number
        if key == ("d", 1):
            self.last_local_item = None
        elif key[:2] == ("L", -1):
            self.last_local_item = clause
        self._attach(clause, parent)
        # a bullet or ordered item of the format's own lists ("a. ..." lines only look like one)
        self._push(clause, key, heading_like, hlevel).listed = (
            block.list_level is not None and block.label is not None
        )

    def _starts_local_list(self, label: str, titled: bool = False) -> bool:
        """Whether a plain "1." is an item of a list inside a section, not a section itself.

        The reading that explains the label best wins: the next item of an open local list,
        else the next section, else "1." as the first item of a list under a section written
        as a heading ("## 2. Data", "**2. Data**") or after a lead-in ("You must not:").
        "1." followed by "1.1" is a section, and so is a bare title ("**3. Fees**") that
        continues the sections, written as they are.
        """
        as_item = label.rstrip(".:") + "."
        sections = [entry for entry in self.stack if entry.key == ("d", 1)]
        if titled and sections and follows_label(sections[-1].clause.label.rstrip(".:") + ".", as_item):
            return False
        items = [entry.clause for entry in self.stack if entry.key[0] == "L" and entry.key[1] == -1]
        if not items and self.last_local_item is not None:
            items = [self.last_local_item]  # closed by a paragraph between two items
        if items and follows_label(items[-1].label.rstrip(".:") + ".", as_item):
            return True
        if not sections or self._has_sub_clauses(label):
            return False
        last = sections[-1]
        if follows_label(last.clause.label.rstrip(".:") + ".", as_item):
            return False
        if items:
            return True  # a gap in the list rather than a jump back in the sections
        if decimal_value(label) not in (0, 1):
            return False
        current = self.stack[-1]
        titled = current is last and current.heading_like and not current.clause.children
        return last.hlevel is not None or current.clause.text.endswith(":") or titled

    def _new_list_parent(self, label: str, parent: Clause | None) -> Clause | None:
        """A second list numbered from 1 in the same place belongs to the paragraph before it.

        "Product disapproval ... 1. 2. 3." then "Account disapproval ... 1. 2. 3.": each list
        goes with the paragraph that introduces it, so the second is not a run of duplicates.
        """
        siblings = self.top if parent is None else parent.children
        if not siblings or siblings[-1].label or siblings[-1].children or siblings[-1].heading:
            return parent
        if not any(c.label == label for c in siblings):
            return parent
        lead_in = siblings[-1]
        if not self.stack or self.stack[-1].clause is not lead_in:
            self._push(lead_in, ("p",))
        return lead_in

    @property
    def next_label(self) -> str:
        return _label_of(self.next_block) if self.next_block is not None else ""

    def _has_sub_clauses(self, label: str) -> bool:
        """Whether the next label is this one's first sub-clause ("2." then "2.1")."""
        return decimal_parts(self.next_label) == (decimal_value(label), 1)

    def _continues_sections(self, label: str) -> bool:
        """Whether a list item "2." is the next section after an open numbered section "1\\."."""
        if self.stack and self.stack[-1].clause.text.endswith(":"):
            return False  # a lead-in: the item starts its list
        if any(entry.key[0] == "L" and entry.key[1] == 0 for entry in self.stack):
            return False  # the next item of an open list
        return any(
            entry.key == ("d", 1)
            and follows_label(entry.clause.label.rstrip(".") + ".", label.rstrip(".") + ".")
            for entry in self.stack
        )

    def _adopting_parent(self, label: str, parent: Clause | None) -> Clause | None:
        """The section a sub-clause belongs to, across the unnumbered paragraphs that closed it.

        "1. Definitions." then an introductory paragraph then "1.1": the paragraph was read as
        a sibling of 1, but 1.1 shows that it and 1.1 are inside section 1.
        """
        parts = decimal_parts(label)
        if not parts or len(parts) < 2:
            return parent
        siblings = self.top if parent is None else parent.children
        if parent is not None and _parts_of(parent.label) == parts[:-1]:
            return parent
        moved: list[Clause] = []
        for candidate in reversed(siblings):
            if not candidate.label and not candidate.heading and not candidate.children:
                moved.append(candidate)
                continue
            if candidate.children or _parts_of(candidate.label) != parts[:-1] or not moved:
                return parent
            for paragraph in reversed(moved):
                siblings.remove(paragraph)
                self._attach(paragraph, candidate)
            depth = next((i for i, e in enumerate(self.stack) if e.clause is parent), -1) + 1
            del self.stack[depth:]
            self._push(candidate, label_key(candidate.label), True)
            return candidate
        return parent

    def add_schedule(self, label: str, heading: str, block: Block) -> None:
        clause = Clause(label=label, heading=heading, kind=ClauseKind.SCHEDULE, source_line=block.line, id="")
        if block.heading_level is not None:
            parent = self._parent_for_heading(block.heading_level)
            key: tuple = ("h", block.heading_level)
        else:
            parent = self._pop_to(0)
            key = ("s",)
        self._attach(clause, parent)
        self._push(clause, key, True)

    def add_unnumbered_heading(self, text: str, block: Block) -> None:
        if _SCHEDULE.match(text):
            self.add_schedule("", text, block)
            return
        clause = Clause(heading=text, source_line=block.line, id="")
        parent = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].key == ("u",):
                parent = self._pop_to(i)
                break
        else:
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i].heading_like:
                    parent = self._pop_to(i + 1)
                    break
            else:
                parent = self._pop_to(0)
        self._attach(clause, parent)
        self._push(clause, ("u",), True)

    def add_paragraph(self, text: str, line: int | None, next_text: str = "") -> None:
        """An unlabelled paragraph: continuation, definition or unnumbered clause (see module doc)."""
        current = self.stack[-1] if self.stack else None
        if current is not None:
            clause = current.clause
            if self._add_definition(text, line, next_text):
                return
            if clause.text and not clause.children and all(is_table_row(row) for row in text.split("\n")):
                # A table after a clause's text ("1.1 We use these cookies:" then the table)
                # is part of that clause, blank line or not: a table is never a clause.
                clause.text = f"{clause.text}\n{text}"
                return
            if (current.address or clause.text.endswith(":")) and not clause.children and _address_like(text):
                clause.text = f"{clause.text}\n{text}" if clause.text else text
                current.address = True
                return
        parent: Clause | None
        if current is not None and current.listed:
            # A paragraph after a list (the format keeps an item's own paragraphs in the item)
            # ends the list: it belongs with what the list is in, not with the last item.
            while self.stack and self.stack[-1].listed:
                self.stack.pop()
            container = self.stack[-1] if self.stack else None
            if container is None:
                parent = None
            elif container.key[0] == "p" or (
                container.clause.text.endswith(":") and not container.heading_like
            ):
                parent = self._pop_to(len(self.stack) - 1)  # the list completed its lead-in
            else:
                parent = container.clause
        elif current is None:
            parent = None
        elif current.heading_like and not current.clause.children:
            parent = current.clause
        else:
            clause = current.clause
            above = clause.parent
            closes_list = (
                current.key[0] not in ("p", "u", "h", "s", "def")
                and above is not None
                and above.text
                and not clause.children
                and len(self.stack) >= 2
                and self.stack[-2].clause is above
                and not self.stack[-2].heading_like
            )
            parent = self._pop_to(len(self.stack) - (2 if closes_list else 1))
        para = Clause(text=text, source_line=line, id="")
        self._attach(para, parent)
        self._push(para, ("p",))

    def _definition_host(self, text: str, next_text: str) -> tuple[int, tuple[str, str]] | None:
        """Where a "Term: meaning" paragraph goes, when the clause above introduces definitions.

        Under a bare "Definitions" heading the next paragraph must be a definition too, so a
        lone "Short version: ..." note is not mistaken for one.
        """
        if not self.stack:
            return None
        clause = self.stack[-1].clause
        found = read_definition(text)
        if found is None:
            return None
        if clause.kind is ClauseKind.DEFINITION:
            return len(self.stack) - 1, found
        if not introduces_definitions(clause.heading, clause.text):
            return None
        if clause.text.endswith(":"):
            return len(self.stack), found
        if (not clause.text or self.stack[-1].heading_like) and read_definition(next_text):
            return len(self.stack), found
        return None

    def accepts_definition(self, text: str, next_text: str = "") -> bool:
        return self._definition_host(text, next_text) is not None

    def _add_definition(self, text: str, line: int | None, next_text: str) -> bool:
        found = self._definition_host(text, next_text)
        if found is None:
            return False
        host_depth, (term, meaning) = found
        host = self._pop_to(host_depth)
        for one_term, one_meaning in split_run_together(term, meaning):
            definition = Clause(
                heading=one_term,
                text=one_meaning,
                kind=ClauseKind.DEFINITION,
                source_line=line,
                id="",
            )
            self._attach(definition, host)
        self._push(definition, ("def",))
        return True

    def finish(self) -> list[Clause]:
        for clause in self.heading_candidates:
            if clause.children and clause.text and not clause.heading:
                clause.heading, clause.text = clause.text, ""
        return self.top


def build_policy(blocks: list[Block], path: str = "", *, guess_headings: bool = True) -> Policy:
    """A policy from the paragraphs of a document, labels kept exactly as written.

    `guess_headings`: treat short unlabelled lines as headings (plain text, Word without
    heading styles); Markdown passes False because it marks its headings.
    """
    metadata, body = read_front(blocks, path)
    builder = _Builder(guess_headings)
    n = len(body)
    lone_numbers_are_labels = _bare_style(body)
    i = 0
    while i < n:
        block = body[i]
        i += 1
        text = block.text.strip()
        if not text and block.label is None and not block.heading:
            continue
        if not lone_numbers_are_labels and block.label is None and text.isascii() and text.isdigit():
            continue  # a page number of a converted PDF: not part of any clause
        if block.label is not None:
            label, rest = block.label, text
            if (
                is_bare_number(label)
                and block.list_level is None
                and block.heading
                and not rest
                and not _plausible_number(label, f"{block.heading or ''} {rest}".strip(), builder)
            ):  # "**225 Liberty St, 4th Floor**" under "write to:" is an address, not clause 225
                text = " ".join(part for part in (label, block.heading, rest) if part)
                label, rest, block.heading = "", text, None
        else:
            label, rest = split_label(text)
            if (
                label
                and is_bare_number(label)
                and not _plausible_number(label, rest, builder, lone_numbers_are_labels)
            ):
                label, rest = "", text
        if label or block.list_level is not None:
            if label and not rest and block.heading_level is None and i < n:
                nxt = body[i]  # a label alone on its line: its text is the next paragraph
                if nxt.label is None and nxt.heading_level is None and not split_label(nxt.text.strip())[0]:
                    rest = nxt.text.strip()
                    i += 1
            builder.next_block = body[i] if i < n else None
            builder.add_labelled(label, rest, block)
            continue
        if block.heading:  # a run-in heading on a paragraph that turned out to have no label
            text = f"{block.heading} {text}".strip()
        first = text.split("\n", 1)[0]
        if block.heading_level is not None:
            if _SCHEDULE.match(first):
                builder.add_schedule("", first, block)
            else:
                builder.add_labelled("", text, block)
            continue
        if (
            (guess_headings or _capitals_over_list(block, text, body[i] if i < n else None))
            and _heading_like(text)
            and i < n
            and not _in_address(builder, text)
            and not builder.accepts_definition(text, _next_text(body, i))
        ):
            builder.add_unnumbered_heading(text, block)
            continue
        builder.add_paragraph(text, block.line, _next_text(body, i))
    clauses = builder.finish()
    assign_ids(clauses)
    return Policy(metadata, clauses)


def _capitals_over_list(block: Block, text: str, following: Block | None) -> bool:
    """A Markdown line in capitals right above a list that starts at 1 ("DEFINITIONS" then
    "1. ..."): a heading over its own list, though it has no heading markup."""
    letters = [ch for ch in text if ch.isalpha()]
    if following is None or len(letters) < 4 or not all(ch.isupper() for ch in letters):
        return False
    first = _label_of(following).strip("().")
    return first in ("1", "a", "A") and bool(following.text.strip())


def _titled(clause: Clause) -> bool:
    return bool(clause.heading) and not clause.text


def _label_of(block: Block) -> str:
    return block.label if block.label is not None else split_label(block.text.strip())[0]


def _last_labelled(clauses: list[Clause]) -> Clause | None:
    return next((c for c in reversed(clauses) if c.label), None)


def _parts_of(label: str) -> tuple[int, ...] | None:
    """A decimal label's numbers, "1.0" read as section 1 (the N.0 convention)."""
    parts = decimal_parts(label) if label else None
    if parts and len(parts) == 2 and parts[1] == 0:
        return parts[:1]
    return parts


def _next_text(body: list[Block], i: int) -> str:
    return body[i].text.strip() if i < len(body) and body[i].label is None else ""


def _in_address(builder: _Builder, text: str) -> bool:
    """Inside an address or contact block, short lines continue the clause above."""
    if not builder.stack:
        return False
    top = builder.stack[-1]
    return (top.address or top.clause.text.endswith(":")) and not top.clause.children and _address_like(text)


def _bare_style(body: list[Block]) -> bool:
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
            headed += nxt is not None and not _label_of(nxt) and _heading_like(nxt.text.strip())
    if len(lone) < 3:
        return True
    counting = all(b > a for a, b in zip(lone, lone[1:], strict=False))
    return headed * 2 >= len(lone) and not (counting and dotted >= 2)


def _plausible_number(label: str, rest: str, builder: _Builder, lone_is_label: bool = True) -> bool:
    """A bare "12 " starts a clause only when it fits the numbering or introduces a heading.

    Keeps "10 Downing Street", "13 years ...", "30 May 2024", a page number and a note
    "1 This applies..." after a clause that points to "note 1" as text.
    """
    if builder.stack and _in_address(builder, rest):
        return False
    number = int(label)
    if is_date_after_number(rest) or (not rest and not lone_is_label):
        return False
    if builder.stack and number in notes_called(builder.stack[-1].clause.text):
        return False
    if _heading_like(rest):
        return True
    return 1 <= number <= builder.last_top_number + 3
