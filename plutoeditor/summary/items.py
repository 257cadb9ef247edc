"""The items of a drafted summary of changes, as plain data every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plutoeditor.compare.result import ClauseChange

SUBSTANTIVE, EDITORIAL, STRUCTURAL = "substantive", "editorial", "structural"

#: The kinds in the order a summary lists them: what a reader's rights depend on first.
KINDS = (SUBSTANTIVE, STRUCTURAL, EDITORIAL)


@dataclass(frozen=True)
class SummaryClause:
    """A clause an item is about: its label in each version and its permanent id."""

    old_label: str
    new_label: str
    id: str

    @classmethod
    def of(cls, change: ClauseChange) -> SummaryClause:
        return cls(change.old_label, change.new_label, change.clause.id)

    def to_dict(self) -> dict[str, str]:
        return {"old_label": self.old_label, "new_label": self.new_label, "id": self.id}


@dataclass
class SummaryItem:
    """One line of a summary of changes: what changed in plain words, its kind, its clauses."""

    text: str
    kind: str
    clauses: list[SummaryClause] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "clauses": [c.to_dict() for c in self.clauses]}


@dataclass
class ChangeSummary:
    """The drafted items, substantive first, then structural, then editorial; within a kind
    in reading order."""

    items: list[SummaryItem] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[SummaryItem]:
        return [item for item in self.items if item.kind == kind]

    def texts(self) -> list[str]:
        return [item.text for item in self.items]

    def to_dict(self) -> dict[str, Any]:
        return {"items": [item.to_dict() for item in self.items]}
