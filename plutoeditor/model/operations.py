"""Named edit operations on a policy. Each `apply` returns the operation that undoes it.

The Qt layer wraps these in QUndoCommands; the CLI and tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Metadata, Policy


class Operation(Protocol):
    name: str

    def apply(self, policy: Policy) -> Operation: ...


def _parent(policy: Policy, parent_id: str | None) -> Clause | None:
    if parent_id is None:
        return None
    parent = policy.find(parent_id)
    if parent is None:
        raise KeyError(f"no clause with id {parent_id}")
    return parent


def _clause(policy: Policy, clause_id: str) -> Clause:
    clause = policy.find(clause_id)
    if clause is None:
        raise KeyError(f"no clause with id {clause_id}")
    return clause


@dataclass
class InsertClause:
    """Insert `clause` (with its children) under `parent_id` at `index`."""

    parent_id: str | None
    index: int
    clause: Clause
    name: str = "Insert clause"

    def apply(self, policy: Policy) -> Operation:
        parent = _parent(policy, self.parent_id)
        index = max(0, min(self.index, len(policy.children_of(parent))))
        policy.insert(parent, index, self.clause)
        return DeleteClause(self.clause.id, name=self.name)


@dataclass
class DeleteClause:
    """Remove a clause and its children."""

    clause_id: str
    name: str = "Delete clause"

    def apply(self, policy: Policy) -> Operation:
        clause = _clause(policy, self.clause_id)
        parent, index = policy.remove(clause)
        return InsertClause(parent.id if parent else None, index, clause, name=self.name)


@dataclass
class MoveClause:
    """Move a clause (with its children) under `new_parent_id` at `new_index`.

    `new_index` is the position among the new siblings *after* the clause is taken out.
    """

    clause_id: str
    new_parent_id: str | None
    new_index: int
    name: str = "Move clause"

    def apply(self, policy: Policy) -> Operation:
        clause = _clause(policy, self.clause_id)
        new_parent = _parent(policy, self.new_parent_id)
        ancestor = new_parent
        while ancestor is not None:
            if ancestor is clause:
                raise ValueError("a clause cannot be moved inside itself")
            ancestor = ancestor.parent
        new_siblings = policy.children_of(new_parent)
        limit = len(new_siblings) - (1 if new_siblings is policy.children_of(clause.parent) else 0)
        old_parent, old_index = policy.move(clause, new_parent, max(0, min(self.new_index, limit)))
        return MoveClause(clause.id, old_parent.id if old_parent else None, old_index, name=self.name)


@dataclass
class SetClauseField:
    """Set a clause's label, heading, text or kind."""

    clause_id: str
    field: str
    value: Any
    name: str = "Edit clause"

    def apply(self, policy: Policy) -> Operation:
        if self.field not in ("label", "heading", "text", "kind"):
            raise ValueError(f"cannot set clause field {self.field!r}")
        clause = _clause(policy, self.clause_id)
        value = ClauseKind(self.value) if self.field == "kind" else self.value
        old = getattr(clause, self.field)
        policy.set_field(clause, self.field, value)
        return SetClauseField(self.clause_id, self.field, old, name=self.name)


@dataclass
class SetMetadata:
    """Set one metadata field (title, effective_date, summary_of_changes, ...)."""

    field: str
    value: Any
    name: str = "Edit metadata"

    def apply(self, policy: Policy) -> Operation:
        if self.field not in Metadata.FIELDS:
            raise ValueError(f"unknown metadata field {self.field!r}")
        old = getattr(policy.metadata, self.field)
        if isinstance(old, list):
            old = list(old)
        policy.set_metadata(self.field, self.value)
        return SetMetadata(self.field, old, name=self.name)


@dataclass
class Batch:
    """Several operations as one (renumber, split, merge); undone in reverse order."""

    operations: list[Operation] = field(default_factory=list)
    name: str = "Edit"

    def apply(self, policy: Policy) -> Operation:
        inverses = [op.apply(policy) for op in self.operations]
        return Batch(list(reversed(inverses)), name=self.name)


# -- compound operations built from the primitives ----------------------------


def indent(policy: Policy, clause: Clause) -> Operation | None:
    """Make a clause the last child of its previous sibling (Tab in the outline)."""
    siblings = policy.siblings_of(clause)
    index = clause.index_in_parent(siblings)
    if index == 0:
        return None
    new_parent = siblings[index - 1]
    return MoveClause(clause.id, new_parent.id, len(new_parent.children), name="Indent")


def outdent(policy: Policy, clause: Clause) -> Operation | None:
    """Make a clause the next sibling of its parent (Shift+Tab in the outline).

    Following siblings stay where they are, as in an outliner.
    """
    parent = clause.parent
    if parent is None:
        return None
    grand = policy.siblings_of(parent)
    return MoveClause(
        clause.id,
        parent.parent.id if parent.parent else None,
        parent.index_in_parent(grand) + 1,
        name="Outdent",
    )


def move_by(policy: Policy, clause: Clause, delta: int) -> Operation | None:
    """Move a clause up (-1) or down (+1) among its siblings."""
    siblings = policy.siblings_of(clause)
    index = clause.index_in_parent(siblings)
    target = index + delta
    if not 0 <= target < len(siblings):
        return None
    parent_id = clause.parent.id if clause.parent else None
    return MoveClause(clause.id, parent_id, target, name="Move up" if delta < 0 else "Move down")


def split(policy: Policy, clause: Clause, position: int) -> Operation:
    """Split a clause's text at `position`: the rest becomes a new unnumbered sibling after it."""
    before, after = clause.text[:position].rstrip("\n "), clause.text[position:].lstrip("\n ")
    siblings = policy.siblings_of(clause)
    new = Clause(label="", text=after, kind=clause.kind)
    return Batch(
        [
            SetClauseField(clause.id, "text", before),
            InsertClause(
                clause.parent.id if clause.parent else None,
                clause.index_in_parent(siblings) + 1,
                new,
            ),
        ],
        name="Split clause",
    )


def merge_with_next(policy: Policy, clause: Clause) -> Operation | None:
    """Append the next sibling's text to this clause; its children become this clause's."""
    siblings = policy.siblings_of(clause)
    index = clause.index_in_parent(siblings)
    if index + 1 >= len(siblings):
        return None
    nxt = siblings[index + 1]
    joined = "\n".join(p for p in (clause.text, nxt.heading, nxt.text) if p)
    ops: list[Operation] = [SetClauseField(clause.id, "text", joined)]
    for i, child in enumerate(list(nxt.children)):
        ops.append(MoveClause(child.id, clause.id, len(clause.children) + i))
    ops.append(DeleteClause(nxt.id))
    return Batch(ops, name="Merge clauses")
