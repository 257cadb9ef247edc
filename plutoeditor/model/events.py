"""What a policy tells its listeners: one event just before and one just after each change to
its clause tree or metadata (as napari's evented containers do). The Qt item model turns the
pair into beginInsertRows/endInsertRows and the like; the checker notes what to re-check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from plutoeditor.model.clause import Clause


class Change(StrEnum):
    """What changed. Members equal their strings ("insert"), which listeners may compare with."""

    INSERT = "insert"  # parent (None: the top level), index, clause
    REMOVE = "remove"  # parent, index (where it stood), clause
    MOVE = "move"  # parent/index (old place), new_parent/new_index (place after removal), clause
    UPDATE = "update"  # clause and field: "label", "heading", "text" or "kind"
    METADATA = "metadata"  # field: the metadata field


class Phase(StrEnum):
    ABOUT = "about"  # before the change: the tree is as it was
    DONE = "done"  # after it


@dataclass(frozen=True)
class ChangeEvent:
    """A change to the policy, sent before (phase "about") and after ("done") it happens."""

    kind: Change
    phase: Phase
    clause: Clause | None = None
    parent: Clause | None = None
    index: int = -1
    new_parent: Clause | None = None
    new_index: int = -1
    field: str = ""


Listener = Callable[[ChangeEvent], None]
