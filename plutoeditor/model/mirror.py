"""A copy of a policy kept in step with it, so another thread can work on the copy.

The live policy's edits are recorded as they happen, as plain data taken at that moment (an
inserted clause is copied then), and replayed on the copy later by whoever owns the copy.
The copy has the same ids, file lines and metadata, so what is found on it is true of the
live policy as it stood after the last replayed edit. Nothing but `replay` changes the copy.
"""

from __future__ import annotations

import copy as copying
from typing import Any

from plutoeditor.model.clause import Clause
from plutoeditor.model.events import Change, ChangeEvent, Phase
from plutoeditor.model.policy import Policy

#: One recorded edit: its kind and what replaying it needs (ids, not the live clauses).
Edit = tuple[Any, ...]


class PolicyMirror:
    """Records the edits of `live` for replaying on `copy` (a copy made now if not given)."""

    def __init__(self, live: Policy, copy: Policy | None = None) -> None:
        self.live = live
        self.copy = copy if copy is not None else live.copy()
        self._edits: list[Edit] = []
        #: how many edits were recorded since the copy was made
        self.recorded = 0
        live.subscribe(self._record)

    def close(self) -> None:
        """Stop recording (the live policy is closed)."""
        try:
            self.live.unsubscribe(self._record)
        except ValueError:
            pass
        self._edits = []

    def take_edits(self) -> tuple[list[Edit], int]:
        """The edits recorded since the last call, and the count the copy is at once they are
        replayed."""
        edits, self._edits = self._edits, []
        return edits, self.recorded

    def _record(self, event: ChangeEvent) -> None:
        if event.phase != Phase.DONE:
            return
        clause, parent = event.clause, event.parent
        if event.kind == Change.METADATA:
            value = copying.copy(getattr(self.live.metadata, event.field))  # a list is edited in place
            edit: Edit = (Change.METADATA, event.field, value)
        elif clause is None:
            return
        elif event.kind == Change.UPDATE:
            edit = (Change.UPDATE, clause.id, event.field, getattr(clause, event.field))
        elif event.kind == Change.INSERT:
            edit = (Change.INSERT, _id(parent), event.index, clause.copy())
        elif event.kind == Change.REMOVE:
            edit = (Change.REMOVE, clause.id)
        elif event.kind == Change.MOVE:
            edit = (Change.MOVE, clause.id, _id(event.new_parent), event.new_index)
        else:
            return
        self._edits.append(edit)
        self.recorded += 1

    def replay(self, edits: list[Edit]) -> list[Clause]:
        """Make the same edits on the copy (by its owner); gives the copy's clauses that were
        taken out, which nothing puts back (an undone delete inserts a fresh copy)."""
        copy = self.copy
        removed: list[Clause] = []
        for edit in edits:
            kind = edit[0]
            if kind == Change.UPDATE:
                copy.set_field(_find(copy, edit[1]), edit[2], edit[3])
            elif kind == Change.INSERT:
                parent = _find(copy, edit[1]) if edit[1] is not None else None
                copy.insert(parent, edit[2], edit[3])
            elif kind == Change.REMOVE:
                clause = _find(copy, edit[1])
                copy.remove(clause)
                removed.append(clause)
            elif kind == Change.MOVE:
                parent = _find(copy, edit[2]) if edit[2] is not None else None
                copy.move(_find(copy, edit[1]), parent, edit[3])
            elif kind == Change.METADATA:
                copy.set_metadata(edit[1], copying.copy(edit[2]))
        return removed


def _id(clause: Clause | None) -> str | None:
    return clause.id if clause is not None else None


def _find(policy: Policy, clause_id: str) -> Clause:
    clause = policy.find(clause_id)
    if clause is None:
        raise LookupError(f"the copy has no clause {clause_id}: it is out of step")
    return clause
