"""The comparison as a table: old version on the left, new on the right (`COLUMNS`).

One row per aligned pair or unpaired clause, in the comparison's reading order, so the two
sides stay aligned clause by clause in one view. Cells carry Qt rich text: inserted words
underlined, deleted words struck through, moves and renumbering marked with a symbol and
words as well as a colour. A column is one `Column` entry: the view sizes, paints and
measures every column alike, and Find searches them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from plutoeditor.compare.report import ADDED_MARK, MOVED_MARK, REFERENCES_MARK, REMOVED_MARK
from plutoeditor.compare.result import DELETE, INSERT, ClauseChange, Comparison, Ops
from plutoeditor.compare.wording import kind_of, what_changed
from plutoeditor.model import Clause

#: The versions a column can show a clause of ("": a column about the change itself).
OLD, NEW = "old", "new"
OLD_COLUMN, NEW_COLUMN = 0, 1
#: The cell as Qt rich text (the display role holds the same as plain text).
HtmlRole = Qt.ItemDataRole.UserRole + 1
#: The ClauseChange behind the row.
ChangeRole = Qt.ItemDataRole.UserRole + 2
#: The id of the clause shown in the cell ("" when that side has none).
ClauseIdRole = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex

_INS = '<span style="text-decoration: underline; color: #0b5d1e; background-color: #e3f6e6">'
_DEL = '<span style="text-decoration: line-through; color: #9b1c1c; background-color: #fbe4e4">'
_MOVE = '<span style="color: #ffffff; background-color: #6b3fa0"><b>&nbsp;{}&nbsp;</b></span> '
_BADGE = '<span style="color: #ffffff; background-color: {}"><b>&nbsp;{}&nbsp;</b></span> '
_BACKGROUND = {"added": "#eef8f0", "removed": "#fcefef", "moved": "#f4effa", "absent": "#f2f2f2"}


@dataclass(frozen=True)
class Column:
    """A column of the compare table: its header, the version whose clause it shows (OLD,
    NEW or ""), and its cell as plain text (display, screen readers, Find) and rich text."""

    header: str
    side: str
    plain: Callable[[ClauseChange], str]
    html: Callable[[ClauseChange], str]


def clause_on(change: ClauseChange, side: str) -> Clause | None:
    """The change's clause in that version (None: it has none there, or `side` is "")."""
    return change.old if side == OLD else change.new if side == NEW else None


class ComparisonModel(QAbstractTableModel):
    """Read-only rows over `Comparison.changes`; `set_changes_only` hides unchanged rows and
    the changes of kinds not shown (`set_kinds`; every kind until it is called)."""

    def __init__(self, comparison: Comparison | None = None, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._comparison = comparison
        self._changes_only = False
        self._kinds: frozenset[str] | None = None
        self._rows: list[ClauseChange] = []
        self._row_of: dict[int, int] = {}
        self._html_cache: dict[tuple[int, int], str] = {}
        self._rebuild()

    # -- content -------------------------------------------------------------------
    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._rebuild()
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_changes_only(self, on: bool) -> None:
        if on == self._changes_only:
            return
        self.beginResetModel()
        self._changes_only = on
        self._rebuild()
        self.endResetModel()

    def changes_only(self) -> bool:
        return self._changes_only

    def set_kinds(self, kinds: frozenset[str]) -> None:
        """The kinds of change (compare.wording.kind_of) that Changes Only keeps."""
        if kinds == self._kinds:
            return
        self.beginResetModel()
        self._kinds = kinds
        self._rebuild()
        self.endResetModel()

    def _kept(self, change: ClauseChange) -> bool:
        kind = kind_of(change)
        return bool(kind) and (self._kinds is None or kind in self._kinds)

    def _rebuild(self) -> None:
        changes = self._comparison.changes if self._comparison else []
        self._rows = [c for c in changes if self._kept(c)] if self._changes_only else list(changes)
        self._row_of = {id(c): row for row, c in enumerate(self._rows)}
        self._html_cache.clear()

    def row_of_change(self, change: ClauseChange) -> int:
        """The row showing this change, or -1 when it is filtered out."""
        return self._row_of.get(id(change), -1)

    def change_at(self, row: int) -> ClauseChange:
        return self._rows[row]

    def row_of_clause(self, clause_id: str) -> int:
        """The row showing the clause with this id (old or new side), or -1."""
        for row, change in enumerate(self._rows):
            if (change.old is not None and change.old.id == clause_id) or (
                change.new is not None and change.new.id == clause_id
            ):
                return row
        return -1

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return COLUMNS[section].header if 0 <= section < len(COLUMNS) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        change = self._rows[index.row()]
        column = index.column()
        spec = COLUMNS[column]
        clause = clause_on(change, spec.side)
        if role == ChangeRole:
            return change
        if role == ClauseIdRole:
            return clause.id if clause is not None else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return spec.plain(change)
        if role == HtmlRole:
            key = (index.row(), column)
            html = self._html_cache.get(key)
            if html is None:
                html = self._html_cache[key] = spec.html(change)
            return html
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = _background(change, clause) if spec.side else None
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(change)
        return None


def describe(change: ClauseChange) -> str:
    """What happened to the clause, in the words every report uses (tooltips, status bar,
    screen readers): "Moved; relabelled 3.2 → 3.3; text changed"."""
    if change.status == "added":
        return "Added in the new version"
    if change.status == "removed":
        return "Removed from the old version"
    what = what_changed(change)
    if change.relabelled:
        labels = f"{change.old_label or '(unnumbered)'} → {change.new_label or '(unnumbered)'}"
        what = [f"relabelled {labels}" if w == "relabelled" else w for w in what]
    return ("; ".join(what) or "unchanged").capitalize()


def _background(change: ClauseChange, clause) -> str | None:  # type: ignore[no-untyped-def]
    if clause is None:
        return _BACKGROUND["absent"]
    if change.status in ("added", "removed"):
        return _BACKGROUND[change.status]
    return _BACKGROUND["moved"] if change.moved else None


def _label(change: ClauseChange, column: int) -> str:
    if column == NEW_COLUMN and change.relabelled:
        return f"{change.old_label or '(unnumbered)'} → {change.new_label or '(unnumbered)'}"
    return change.old_label if column == OLD_COLUMN else change.new_label


def plain_cell(change: ClauseChange, column: int) -> str:
    """The cell as plain text: marks, label, heading and text."""
    clause = change.old if column == OLD_COLUMN else change.new
    if clause is None:
        return ""
    marks = []
    if change.status == "added":
        marks.append(ADDED_MARK)
    elif change.status == "removed":
        marks.append(REMOVED_MARK)
    if change.moved:
        marks.append(MOVED_MARK)
    if change.references_followed and column == NEW_COLUMN:
        marks.append(REFERENCES_MARK)
    head = " ".join(p for p in (*marks, _label(change, column), clause.heading) if p)
    return "\n".join(p for p in (head, clause.text) if p)


def _ops_side(ops: Ops, column: int) -> str:
    """One side of a word diff: the old side shows deletions, the new side insertions."""
    hidden = INSERT if column == OLD_COLUMN else DELETE
    parts = []
    for op, text in ops:
        if op == hidden:
            continue
        body = escape(text).replace("\n", "<br>")
        if op == DELETE:
            parts.append(f"{_DEL}{body}</span>")
        elif op == INSERT:
            parts.append(f"{_INS}{body}</span>")
        else:
            parts.append(body)
    return "".join(parts)


def html_cell(change: ClauseChange, column: int) -> str:
    """The cell as Qt rich text, indented by depth."""
    clause = change.old if column == OLD_COLUMN else change.new
    if clause is None:
        return ""
    whole = ""
    badges = []
    if change.status == "added":
        badges.append(_BADGE.format("#1e7d34", escape(ADDED_MARK)))
        whole = _INS
    elif change.status == "removed":
        badges.append(_BADGE.format("#b42318", escape(REMOVED_MARK)))
        whole = _DEL
    if change.moved:
        badges.append(_MOVE.format(escape(MOVED_MARK)))
    if change.references_followed and column == NEW_COLUMN:
        badges.append(_BADGE.format("#5b6570", escape(REFERENCES_MARK)))
    label = _label(change, column)
    label_html = f"<b>{escape(label)}</b> " if label else ""
    if change.heading_changed:
        heading = _ops_side(change.heading_ops, column)
    else:
        heading = escape(clause.heading)
    if change.text_changed:
        text = _ops_side(change.ops, column)
    else:
        text = escape(clause.text).replace("\n", "<br>")
    if whole:
        heading = f"{whole}{heading}</span>" if heading else ""
        text = f"{whole}{text}</span>" if text else ""
    first = "".join(badges) + label_html + (f"<b>{heading}</b>" if heading else "")
    body = "<br>".join(p for p in (first, text) if p)
    indent = 18 * (change.old_depth if column == OLD_COLUMN else change.depth)
    return f'<div style="margin-left: {indent}px">{body}</div>'


#: The table's columns, left to right.
COLUMNS: tuple[Column, ...] = (
    Column("Old version", OLD, lambda c: plain_cell(c, OLD_COLUMN), lambda c: html_cell(c, OLD_COLUMN)),
    Column("New version", NEW, lambda c: plain_cell(c, NEW_COLUMN), lambda c: html_cell(c, NEW_COLUMN)),
)
