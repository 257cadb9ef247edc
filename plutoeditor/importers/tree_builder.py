"""The clause tree as it grows: where each labelled block, heading and paragraph goes.

Clauses are nested by the LEVEL of their labels ("2.7.1" is level 3) relative to the
clauses still open, never by prefix; `label_fit` decides which reading of a label the open
clauses explain, `divisions` when a division's title closes the lists open above it,
`definitions` where a "Term: meaning" paragraph goes, and `structure.build_policy` feeds the
blocks in order (its docstring lists the decisions for unlabelled paragraphs).
"""

from __future__ import annotations

from plutoeditor.importers.blocks import SCHEDULE_TITLE, Block, label_of, reads_as_address, reads_as_heading
from plutoeditor.importers.definitions import definition_host, split_run_together
from plutoeditor.importers.divisions import (
    close_lists,
    opens_division,
    restarts_under_title,
    resumes_body,
    title_leaves_heading_list,
)
from plutoeditor.importers.label_fit import (
    OpenClause,
    continues_sections,
    has_sub_clauses,
    letter_or_roman,
    previous_alpha,
    starts_local_list,
)
from plutoeditor.importers.labels import decimal_parts, decimal_value, label_key
from plutoeditor.importers.sequences import follows_label
from plutoeditor.model.clause import Clause, ClauseKind, read_clause
from plutoeditor.model.labels import ATTACHMENT_WORDS
from plutoeditor.model.tables import is_table_row

#: How a paragraph that introduces a list ends: a colon, or the full-width colon of CJK text.
_INTRODUCING = (":", "：")


class TreeBuilder:
    """Places clauses one block at a time under the clauses still open (the stack)."""

    def __init__(self, guess_headings: bool) -> None:
        self.top: list[Clause] = []
        self.stack: list[OpenClause] = []
        self.guess_headings = guess_headings
        self.heading_candidates: list[Clause] = []
        self.last_top_number = 0
        self.next_block: Block | None = None  # the block after the one being added
        self.adding = ""  # the label being placed, and whether it is written as a bare title
        self.adding_titled = False
        self.adding_headed = False  # the label being placed has a title of its own
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
                if not same and i == 0 and resumes_body(self.top, self.adding, key, stack[0]):
                    return self._pop_to(0)
                break
        if same and restarts_under_title(self.adding, self.adding_headed, stack[same[0]]):
            return self._pop_to(same[0] + 1)
        if len(same) > 1 and self.adding:
            followed = [i for i in same if follows_label(stack[i].clause.label, self.adding)]
            alike = [i for i in followed if _titled(stack[i].clause) == self.adding_titled]
            return self._pop_to((alike or followed or same)[0])
        if same:
            return self._pop_to(same[0])
        if key[0] == "d":
            prefix = (_parts_of(self.adding) or ())[:-1]
            for i in range(len(stack) - 1, -1, -1):
                k = stack[i].key
                if k[0] == "d" and k[1] < key[1]:
                    return self._pop_to(i + 1)
                if k[0] == "L" and prefix and _parts_of(stack[i].clause.label) == prefix:
                    return self._pop_to(i + 1)  # "1.1" under the list item "1." of a section
                if k[0] in ("h", "s"):
                    break
            depth = len(stack)
            # a numbered heading is never inside a list item ("1. Discovery" after a lead-in's "2.")
            closed = ("d", "p", "b", "L") if hlevel is not None else ("d", "p", "b")
            while depth and stack[depth - 1].key[0] in closed:
                depth -= 1
            return self._pop_to(depth)
        depth = len(stack)
        while (
            depth
            and stack[depth - 1].key[0] == "p"
            and not stack[depth - 1].clause.text.endswith(_INTRODUCING)
        ):
            depth -= 1  # a list after a paragraph that does not introduce it: not the paragraph's child
        return self._pop_to(depth)

    def _parent_for_heading(self, level: int) -> Clause | None:
        depth = len(self.stack)
        while depth and not ((hl := self.stack[depth - 1].hlevel) is not None and hl < level):
            depth -= 1
        return self._pop_to(depth)

    def _push(
        self, clause: Clause, key: tuple, heading_like: bool = False, hlevel: int | None = None
    ) -> OpenClause:
        if hlevel is None and key[0] == "h":
            hlevel = key[1]
        entry = OpenClause(clause, key, heading_like, hlevel)
        self.stack.append(entry)
        return entry

    # -- blocks ------------------------------------------------------------------------
    def add_labelled(
        self, label: str, rest: str, block: Block, body_below: bool = False, text_line: int | None = None
    ) -> None:
        """Place a labelled block; `body_below`: `rest` is the paragraph under a titled label
        ("**8\\. Your Rights**" then its first paragraph), so the paragraphs after it are its own too."""
        self.adding, self.adding_titled = label, bool(block.heading) and not rest
        self.adding_headed = bool(block.heading) or block.heading_level is not None
        first, _, more = rest.partition("\n")
        if not label:
            key: tuple = ("b", block.list_level or 0)
        elif label[0].isdigit():
            key = label_key(label)
        else:
            key = label_key(label, previous_alpha(self.stack, "(x)" if label[0] == "(" else "x" + label[-1]))
            key = letter_or_roman(self.stack, label, key)
        if (
            key == ("d", 1)
            and block.list_level is None
            and block.heading_level is None
            and starts_local_list(
                self.stack, label, bool(block.heading), self.last_local_item, self.next_label
            )
        ):
            key = ("L", -1, label[-1:])
        leaves = key[:2] in (("d", 1), ("L", -1)) and title_leaves_heading_list(self.stack, label, rest)
        if leaves:
            key = ("d", 1)
        elif block.list_level is not None:
            sections = block.list_level == 0 and (
                continues_sections(self.stack, label) or has_sub_clauses(label, self.next_label)
            )
            if key == ("d", 1) and not sections:
                key = ("L", block.list_level, label[-1:])  # a list item "1.": siblings are its list's items
            elif key == ("d", 1):
                for entry in self.stack:  # the items before it in its list were sections too
                    if entry.key[:2] == ("L", 0) and follows_label(entry.clause.label, label):
                        entry.key = key
            elif key[0] not in ("d", "w"):
                key = key + (block.list_level,)
        if key[0] == "w" and key[1] in ATTACHMENT_WORDS:
            self.add_schedule(label, first, block)
            if more:
                self.add_paragraph(more, block.line)
            return
        if opens_division(key, rest, block, self.next_block):
            close_lists(self.stack, key)
        # Clause(label=label, source_line=block.line, id=""), without the dataclass's keyword call
        clause = read_clause("", ClauseKind.CLAUSE, label, "", "", block.line, None, [])
        if text_line is not None and text_line != block.line:
            clause.text_line = text_line  # its text is the paragraph on a line below its label
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
                heading_like = not rest or body_below
            else:
                clause.text = rest
                if key[0] in ("d", "w", "R", "A") and reads_as_heading(first, 20) and not more:
                    heading_like = True  # its further paragraphs are its own
                    if key[0] in ("d", "w") or reads_as_heading(first, 6):
                        self.heading_candidates.append(clause)
            lead_in = self.stack[-1] if self.stack else None
            if (
                key[0] == "L"
                and decimal_value(label) == 1
                and lead_in is not None
                and lead_in.key != key
                and lead_in.clause.text.endswith(_INTRODUCING)
                and not lead_in.clause.children
            ):
                parent = lead_in.clause  # "... the following terms:" then "1.": its first item
            else:
                parent = self._parent_for_label(key)
            if key[0] == "d":
                parent = self._adopting_parent(label, parent)
            elif key[0] == "L" and decimal_value(label) == 1:
                parent = self._new_list_parent(label, parent)
        if key == ("d", 1) and (parent is None or not parent.label):  # under a title too
            self.last_top_number = decimal_value(label) or self.last_top_number
        if key == ("d", 1):
            self.last_local_item = None
        elif key[:2] == ("L", -1):
            self.last_local_item = clause
        self._attach(clause, parent)
        # a bullet or ordered item of the format's own lists ("a. ..." lines only look like one)
        self._push(clause, key, heading_like, hlevel).listed = (
            block.list_level is not None and block.label is not None and not leaves
        )

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
        return label_of(self.next_block) if self.next_block is not None else ""

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
        level = block.heading_level
        if level is not None and label:
            # "# Appendix 1" then "## Appendix 2": the second is the next appendix, not a part of
            # the first, whatever level its heading is written at
            word = label_key(label)
            for entry in self.stack:
                if (
                    entry.clause.kind is ClauseKind.SCHEDULE
                    and entry.hlevel is not None
                    and entry.hlevel < level
                ):
                    if entry.clause.label and label_key(entry.clause.label) == word:
                        level = entry.hlevel
                        break
        if level is not None:
            parent = self._parent_for_heading(level)
            key: tuple = ("h", level)
        else:
            parent = self._pop_to(0)
            key = ("s",)
        self._attach(clause, parent)
        self._push(clause, key, True)

    def add_part_heading(self, text: str, block: Block, depth: int) -> None:
        """An unnumbered title that closes the open sequence at `depth` (see `divisions.restarted_depth`)."""
        parent = self._pop_to(depth)
        clause = Clause(heading=text, source_line=block.line, id="")
        self._attach(clause, parent)
        self._push(clause, ("u",), True)

    def add_unnumbered_heading(self, text: str, block: Block) -> None:
        if SCHEDULE_TITLE.match(text):
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
            if (
                (current.address or clause.text.endswith(":"))
                and not clause.children
                and reads_as_address(text)
            ):
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
                # "2. Licence." then "2.1. Grant." then a paragraph: it stays in section 2 (the
                # items of a lead-in, "3.1 We may collect:" then "3.1.1", are closed by it)
                and not (
                    current.key[0] == "d"
                    and self.stack[-2].key[0] == "d"
                    and not above.text.endswith(":")
                    and (_parts_of(clause.label) or ())[:-1] == _parts_of(above.label)
                )
            )
            parent = self._pop_to(len(self.stack) - (2 if closes_list else 1))
        para = Clause(text=text, source_line=line, id="")
        self._attach(para, parent)
        self._push(para, ("p",))

    def accepts_definition(self, text: str, next_text: str = "") -> bool:
        return definition_host(self.stack, text, next_text) is not None

    def _add_definition(self, text: str, line: int | None, next_text: str) -> bool:
        found = definition_host(self.stack, text, next_text)
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


def _titled(clause: Clause) -> bool:
    return bool(clause.heading) and not clause.text


def _parts_of(label: str) -> tuple[int, ...] | None:
    """A decimal label's numbers, "1.0" read as section 1 (the N.0 convention)."""
    parts = decimal_parts(label) if label else None
    if parts and len(parts) == 2 and parts[1] == 0:
        return parts[:1]
    return parts
