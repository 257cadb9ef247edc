"""A clause: one numbered (or unnumbered) unit of a policy, with a permanent id."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum


class ClauseKind(StrEnum):
    """What a clause is, so checks and exports can treat it properly."""

    CLAUSE = "clause"  # an ordinary clause, numbered or not
    DEFINITION = "definition"  # "Term: meaning"; the term is the heading
    SCHEDULE = "schedule"  # a schedule or annex: its own numbering scope


def new_clause_id() -> str:
    """A fresh permanent id. Identity is not position: the id never changes."""
    return "c" + os.urandom(5).hex()  # as secrets.token_hex(5), without importing hmac and OpenSSL


@dataclass(eq=False)
class Clause:
    """A clause of a policy.

    `label` is the label exactly as written ("2.3.9", "6.", "(a)", "" when unnumbered);
    the number its position calls for is derived elsewhere (`model.numbering`).
    `text` holds one or more paragraphs separated by "\\n".
    """

    label: str = ""
    heading: str = ""
    text: str = ""
    kind: ClauseKind = ClauseKind.CLAUSE
    children: list[Clause] = field(default_factory=list)
    id: str = field(default_factory=new_clause_id)
    source_line: int | None = None
    parent: Clause | None = field(default=None, repr=False, compare=False)
    #: Line of this clause in the file it was last read from (a native file's YAML line);
    #: not saved. Findings name this line, so they point into the file being checked.
    file_line: int | None = field(default=None, repr=False, compare=False)
    #: Line in the imported source where `text` starts when it is not the clause's own line (a
    #: title line with its text below it); not saved. Findings about the text point there.
    text_line: int | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.kind, ClauseKind):
            self.kind = ClauseKind(self.kind)
        for child in self.children:
            child.parent = self

    @property
    def line(self) -> int | None:
        """The line to show a user: in the file being read, else in the imported source."""
        return self.file_line if self.file_line is not None else self.source_line

    def line_of_text(self, offset: int) -> int | None:
        """The line to show for a place in `text`: its first paragraph's line in the imported
        source when that is below the clause's own line, else the clause's line."""
        if self.text_line is not None and self.file_line is None and "\n" not in self.text[:offset]:
            return self.text_line
        return self.line

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n") if self.text else []

    def walk(self):
        """This clause and all its descendants, in document order."""
        stack = [self]
        while stack:
            clause = stack.pop()
            yield clause
            stack.extend(reversed(clause.children))

    def index_in_parent(self, siblings: list[Clause]) -> int:
        for i, sibling in enumerate(siblings):
            if sibling is self:
                return i
        raise ValueError(f"clause {self.id} is not among the given siblings")

    def is_empty(self) -> bool:
        """No heading, no text and no children: nothing a reader could use."""
        return not self.heading.strip() and not self.text.strip() and not self.children

    def display_name(self, width: int = 60) -> str:
        """Heading, or the first words of the text, for outlines and messages."""
        name = self.heading.strip() or self.text.strip().split("\n", 1)[0]
        return name if len(name) <= width else name[: width - 1].rstrip() + "…"

    def copy(self, keep_ids: bool = True) -> Clause:
        """A deep copy of this clause and its children (detached from any parent)."""
        return Clause(
            label=self.label,
            heading=self.heading,
            text=self.text,
            kind=self.kind,
            children=[c.copy(keep_ids) for c in self.children],
            id=self.id if keep_ids else new_clause_id(),
            source_line=self.source_line,
            file_line=self.file_line,
            text_line=self.text_line,
        )


_new = object.__new__


def read_clause(
    clause_id: str,
    kind: ClauseKind,
    label: str,
    heading: str,
    text: str,
    source_line: int | None,
    file_line: int | None,
    children: list[Clause],
) -> Clause:
    """The clause `Clause(...)` would make of these fields (its children's parent set), built
    without the dataclass's keyword call and `__post_init__`: a reader that has checked the
    fields (the native loader, 10,000 clauses of a big file) builds each in a third of the time."""
    clause = _new(Clause)
    clause.label = label
    clause.heading = heading
    clause.text = text
    clause.kind = kind
    clause.children = children
    clause.id = clause_id
    clause.source_line = source_line
    clause.parent = None
    clause.file_line = file_line
    clause.text_line = None
    for child in children:
        child.parent = clause
    return clause


def full_label(clause: Clause) -> str:
    """The clause's number with those of the clauses it stands in: "11.1" for a "1." under
    "11.", "2.1(a)" for an "(a)" under "2.1"; a label written in full stays as it is."""
    own = clause.label.strip().rstrip(".:").strip()
    parent = clause.parent
    if not own or parent is None or not parent.label.strip():
        return own
    above = full_label(parent)
    if own.isdigit() and _DOTTED.match(above):
        return f"{above}.{own}"
    letter = own.strip("()")
    if letter.isalnum() and len(letter) <= 4 and not letter.isdigit() and _NUMBERED.match(above):
        return f"{above}({letter})"
    return own


_DOTTED = re.compile(r"^\d+(?:\.\d+)*$")
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*(?:\([a-z0-9]+\))*$", re.IGNORECASE)
