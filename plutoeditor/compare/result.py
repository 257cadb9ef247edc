"""The comparison result: plain data that every renderer (text, JSON, HTML, DOCX, window) reads.

Alignment and word diff fill it in once; nothing here knows about Qt or file formats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy

#: diff-match-patch operation codes, kept as plain ints so results serialise directly.
DELETE, EQUAL, INSERT = -1, 0, 1

Ops = list[tuple[int, str]]


@dataclass
class MetadataChange:
    """One metadata field that differs between the versions (values shown as text)."""

    field: str
    old: str
    new: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass
class ClauseChange:
    """One aligned pair of clauses, or one clause found in only one version.

    status: "added" (only in the new version), "removed" (only in the old), "matched".
    `ops` is the word-level diff of the text (empty when the text is unchanged);
    `heading_ops` likewise for the heading. `depth` is the nesting level in the new
    version (in the old one for removed clauses); `old_depth` the level in the old version.
    `references_followed`: the text changed only because its cross-references follow
    clauses that were renumbered ("clause 7.2" -> "clause 6.2"), not because it was reworded.
    """

    status: str
    old: Clause | None
    new: Clause | None
    old_label: str = ""
    new_label: str = ""
    heading: str = ""
    text_changed: bool = False
    heading_changed: bool = False
    relabelled: bool = False
    moved: bool = False
    references_followed: bool = False
    ops: Ops = field(default_factory=list)
    heading_ops: Ops = field(default_factory=list)
    depth: int = 0
    old_depth: int = 0

    @property
    def clause(self) -> Clause:
        """The clause to show: the new one, or the old one when it was removed."""
        clause = self.new if self.new is not None else self.old
        assert clause is not None
        return clause

    @property
    def is_change(self) -> bool:
        """Whether a reviewer has anything to look at here."""
        return (
            self.status != "matched"
            or self.text_changed
            or self.heading_changed
            or self.relabelled
            or self.moved
        )

    def to_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "status": self.status,
            "old_label": self.old_label,
            "new_label": self.new_label,
            "heading": self.heading,
            "text_changed": self.text_changed,
            "heading_changed": self.heading_changed,
            "relabelled": self.relabelled,
            "moved": self.moved,
            "references_followed": self.references_followed,
        }
        if self.old is not None:
            entry["old_id"] = self.old.id
        if self.new is not None:
            entry["new_id"] = self.new.id
        if self.text_changed:
            entry["ops"] = [[op, text] for op, text in self.ops]
        if self.heading_changed:
            entry["heading_ops"] = [[op, text] for op, text in self.heading_ops]
        return entry


@dataclass
class Comparison:
    """Everything that changed between an old and a new version of a policy.

    `changes` is in reading order: the new version's order, with removed clauses
    interleaved where they stood in the old version.
    """

    old: Policy
    new: Policy
    metadata_changes: list[MetadataChange] = field(default_factory=list)
    changes: list[ClauseChange] = field(default_factory=list)
    #: The old version's clause ids in its reading order (where a moved clause came from).
    old_order: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """How many clauses were added, removed, changed (heading or text, counted once),
        moved and relabelled; a clause can count as changed, moved and relabelled at once.
        Every report words these counts the same way (compare.wording)."""
        counts = {"added": 0, "removed": 0, "text_changed": 0, "moved": 0, "relabelled": 0, "unchanged": 0}
        # Of the text changes, those that are only references following renumbered clauses.
        counts["references_followed"] = 0
        for change in self.changes:
            if change.status in ("added", "removed"):
                counts[change.status] += 1
                continue
            counts["text_changed"] += change.text_changed or change.heading_changed
            counts["references_followed"] += change.references_followed
            counts["moved"] += change.moved
            counts["relabelled"] += change.relabelled
            if not change.is_change:
                counts["unchanged"] += 1
        return counts

    def is_identical(self) -> bool:
        """No clause and no metadata differs."""
        return not self.metadata_changes and not any(c.is_change for c in self.changes)

    def to_dict(self, old_path: str = "", new_path: str = "") -> dict[str, Any]:
        return {
            "old": old_path,
            "new": new_path,
            "metadata_changes": [m.to_dict() for m in self.metadata_changes],
            "summary": self.summary(),
            "changes": [c.to_dict() for c in self.changes],
        }


def metadata_text(value: object) -> str:
    """A metadata value as the text reports show (dates ISO, lists one item a line)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return str(value)
