"""The compare window's change list: one row per change (kind, old and new label, first words),
filtered by kind; a run of renumbering-only changes is one row, so a renumbered version's
thousands of relabels do not bury its real changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from plutoeditor.compare.result import ClauseChange, Comparison
from plutoeditor.compare.wording import KIND_NAMES, kind_of

AnyIndex = QModelIndex | QPersistentModelIndex

#: The kinds a reviewer steps through and lists by default: renumbering only is asked for.
DEFAULT_KINDS = frozenset({"added", "removed", "changed", "moved"})
#: Every kind, in the order the filters are offered.
ALL_KINDS = ("added", "removed", "changed", "moved", "renumbering")
#: The ClauseChange (the first of a group) behind a row of the change list.
FirstChangeRole = Qt.ItemDataRole.UserRole + 11

HEADERS = ("Kind", "Old", "New", "Clause")


@dataclass
class ChangeEntry:
    """A row of the change list: one change, or a run of renumbering-only changes."""

    kind: str
    changes: list[ClauseChange]

    @property
    def first(self) -> ClauseChange:
        return self.changes[0]


def kind_counts(comparison: Comparison | None) -> dict[str, int]:
    """How many changes there are of each kind (for the filters' names)."""
    counts = dict.fromkeys(ALL_KINDS, 0)
    for change in comparison.changes if comparison else []:
        kind = kind_of(change)
        if kind:
            counts[kind] += 1
    return counts


def change_entries(changes: Iterable[ClauseChange], kinds: frozenset[str]) -> list[ChangeEntry]:
    """The listed changes of these kinds, consecutive renumbering-only ones grouped."""
    entries: list[ChangeEntry] = []
    for change in changes:
        kind = kind_of(change)
        if not kind or kind not in kinds:
            continue
        if kind == "renumbering" and entries and entries[-1].kind == "renumbering":
            entries[-1].changes.append(change)
        else:
            entries.append(ChangeEntry(kind, [change]))
    return entries


def _label(label: str) -> str:
    return label or "—"


class ChangeListModel(QAbstractTableModel):
    """Read-only rows over the change entries of a comparison."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._kinds = DEFAULT_KINDS
        self._entries: list[ChangeEntry] = []
        self._row_of: dict[int, int] = {}

    def set_comparison(self, comparison: Comparison | None, kinds: frozenset[str] | None = None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        if kinds is not None:
            self._kinds = kinds
        changes = comparison.changes if comparison else []
        self._entries = change_entries(changes, self._kinds)
        self._row_of = {id(c): row for row, entry in enumerate(self._entries) for c in entry.changes}
        self.endResetModel()

    def set_kinds(self, kinds: frozenset[str]) -> None:
        self.set_comparison(self._comparison, kinds)

    def entry_at(self, row: int) -> ChangeEntry:
        return self._entries[row]

    def row_of_change(self, change: ClauseChange) -> int:
        """The row listing this change (or the group holding it), or -1."""
        return self._row_of.get(id(change), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == FirstChangeRole:
            return entry.first
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        first, last = entry.first, entry.changes[-1]
        column = index.column()
        grouped = len(entry.changes) > 1
        if column == 0:
            name = KIND_NAMES[entry.kind]
            return f"{name} ×{len(entry.changes)}" if grouped else name
        if column in (1, 2):
            labels = [c.old_label if column == 1 else c.new_label for c in (first, last)]
            return f"{_label(labels[0])} … {_label(labels[1])}" if grouped else _label(labels[0])
        name = first.clause.display_name(60 if role == Qt.ItemDataRole.DisplayRole else 200)
        if grouped:
            return f"{len(entry.changes)} clauses renumbered, wording unchanged, from {name}"
        return name
