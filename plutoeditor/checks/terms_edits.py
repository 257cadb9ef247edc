"""Which clauses of a policy were edited since its term index last read them.

`EditWatch` follows the policy's change events: a refresh after edits of clauses' text,
heading or kind then reads only those clauses, without walking the tree; when clauses come,
go or move, it says to read every clause. Edits must go through `model.operations` (they
send the change events), as for the Checker.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from plutoeditor.model.clause import Clause
from plutoeditor.model.events import Change, ChangeEvent, Phase
from plutoeditor.model.policy import Policy


class EditWatch:
    """The clauses of one policy whose fields were edited since the last `take()`."""

    def __init__(self, policy: Policy) -> None:
        self._policy = weakref.ref(policy)  # a closed document's policy is not kept alive
        # by id (None: not listening, or the tree changed: read every clause)
        self._updated: dict[str, Clause] | None = None
        self._listener: Callable[[ChangeEvent], None] | None = None

    def listen(self) -> None:
        """Follow the policy's change events."""
        policy = self._policy()
        if policy is None:
            return
        me = weakref.ref(self)  # the policy's subscribers do not keep the watch alive

        def noted(event: ChangeEvent) -> None:
            watch = me()
            if watch is not None and event.phase == Phase.DONE:
                watch._note(event)

        self._listener = noted
        policy.subscribe(noted)

    def stop(self) -> None:
        policy = self._policy()
        if self._listener is not None and policy is not None:
            policy.unsubscribe(self._listener)
        self._listener = None

    def _note(self, event: ChangeEvent) -> None:
        if event.kind == Change.METADATA or self._updated is None:
            return
        if event.kind == Change.UPDATE and event.clause is not None:
            self._updated[event.clause.id] = event.clause
        else:
            self._updated = None  # clauses came, went or moved

    def take(self) -> dict[str, Clause] | None:
        """The clauses edited since the last call, by id (None: read every clause); the watch
        starts again from none."""
        updated = self._updated
        self._updated = {} if self._listener is not None else None
        return updated
