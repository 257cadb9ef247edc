"""One QUndoCommand for every edit: it wraps a model operation and its inverse.

redo applies the operation and keeps the inverse it returns; undo applies that inverse and
keeps *its* inverse for the next redo. Consecutive typing in one field of one clause (or one
metadata field) merges into a single undo step, as in Qt's undo framework example.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from plutoeditor.model import Policy
from plutoeditor.model.operations import Operation, SetClauseField, SetMetadata

#: Every typing command shares this id; mergeWith decides whether two really merge.
TYPING_ID = 4711


class OperationCommand(QUndoCommand):
    """An undoable model operation. `typing=True` lets consecutive edits of one field merge."""

    def __init__(self, policy: Policy, operation: Operation, typing: bool = False, text: str = "") -> None:
        super().__init__(text or getattr(operation, "name", "Edit"))
        self._policy = policy
        self._forward: Operation = operation
        self._inverse: Operation | None = None
        self._typing = typing and isinstance(operation, (SetClauseField, SetMetadata))
        self._key = _typing_key(operation) if self._typing else None

    @property
    def operation(self) -> Operation:
        return self._forward

    def redo(self) -> None:
        self._inverse = self._forward.apply(self._policy)

    def undo(self) -> None:
        assert self._inverse is not None, "undo before redo"
        self._forward = self._inverse.apply(self._policy)

    def id(self) -> int:
        return TYPING_ID if self._typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb `other` (already applied) when it types into the same field."""
        if not isinstance(other, OperationCommand) or not other._typing or other._key != self._key:
            return False
        self._forward = other._forward  # our inverse still restores the value before typing began
        return True


def _typing_key(operation: Operation) -> tuple[str, ...]:
    if isinstance(operation, SetClauseField):
        return ("clause", operation.clause_id, operation.field)
    if isinstance(operation, SetMetadata):
        return ("metadata", operation.field)
    return ("other",)
