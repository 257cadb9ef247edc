"""The one item model over the clause tree, driven by the policy's change events.

Views never touch the policy: one small handler per kind of ChangeEvent turns its "about" and
"done" into the matching begin/end call (napari's _base_item_model does the same), and a drag
and drop becomes a MoveClause pushed on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from plutoeditor.checks.finding import Finding
from plutoeditor.model import ChangeEvent, Clause, Policy
from plutoeditor.model.events import Change, Phase
from plutoeditor.model.labels import plain_label
from plutoeditor.model.operations import Batch, MoveClause, Operation

MIME_TYPE = "application/x-plutoeditor-clause-ids"
LABEL_COLUMN, NAME_COLUMN = 0, 1

#: Severity order, worst first; unknown severities rank after these.
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_COLOUR = {"error": "#b3261e", "warning": "#9a5b00", "info": "#1f5fa8"}

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
CLAUSE_FLAGS = (
    Qt.ItemFlag.ItemIsDropEnabled
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
)
ROOT = QModelIndex()  # the invalid index: "top level" (a shared default argument)


def severity_icon(severity: str) -> QIcon | None:
    """A standard message-box icon for a finding's severity."""
    if not isinstance(QApplication.instance(), QApplication):
        return None  # no widgets (a core-only Qt application): no icons
    style = QApplication.style()
    pixmap = {
        "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    }.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
    return style.standardIcon(pixmap)


class OutlineModel(QAbstractItemModel):
    """Clause tree as a two-column tree model: label (with expected label) and heading."""

    def __init__(self, policy: Policy, push: Callable[[Operation], None], parent=None) -> None:
        super().__init__(parent)
        self._policy = policy
        self._push = push
        self._moves_begun: list[bool] = []
        self._expected: dict[str, str] = {}
        self._findings: dict[str, list[Finding]] = {}
        self._icons: dict[str, QIcon | None] = {}
        self._rows: dict[str, int] = {}
        self._handlers: dict[Change, Callable[[ChangeEvent, bool], None]] = {
            Change.INSERT: self._on_insert,
            Change.REMOVE: self._on_remove,
            Change.MOVE: self._on_move,
            Change.UPDATE: self._on_update,
        }
        policy.subscribe(self._on_change)

    # -- public ---------------------------------------------------------------
    @property
    def policy(self) -> Policy:
        return self._policy

    def detach(self) -> None:
        """Stop listening to the policy (before the window drops it)."""
        self._policy.unsubscribe(self._on_change)

    def clause_at(self, index: AnyIndex) -> Clause | None:
        return index.internalPointer() if index.isValid() else None

    def index_of(self, clause: Clause | None, column: int = 0) -> QModelIndex:
        """The index of a clause currently in the tree (invalid index for None)."""
        if clause is None:
            return QModelIndex()
        return self.createIndex(self._row_of(clause), column, clause)

    def _row_of(self, clause: Clause) -> int:
        """A clause's row among its siblings, cached until the tree's shape changes."""
        row = self._rows.get(clause.id)
        if row is None:
            siblings = self._policy.siblings_of(clause)
            self._rows.update((c.id, i) for i, c in enumerate(siblings))
            row = self._rows[clause.id]
        return row

    def expected_label(self, clause: Clause) -> str | None:
        return self._expected.get(clause.id)

    def findings_for(self, clause: Clause) -> list[Finding]:
        return self._findings.get(clause.id, [])

    def set_annotations(
        self, expected: dict[str, str], findings: list[Finding], announce: bool = True
    ) -> None:
        """New expected labels and findings: repaint only the clauses whose marks changed.
        `announce=False` is for a model no view shows yet (a document being opened): finding
        which rows changed costs 25 ms on the GUI thread for 10,000 clauses."""
        by_clause: dict[str, list[Finding]] = {}
        for finding in findings:
            if getattr(finding, "clause_id", None):
                by_clause.setdefault(finding.clause_id, []).append(finding)
        if not announce:
            self._expected, self._findings = dict(expected), by_clause
            return
        changed = {
            cid
            for cid in set(by_clause) | set(self._findings)
            if _marks(by_clause.get(cid, [])) != _marks(self._findings.get(cid, []))
        }
        changed |= {
            cid for cid in set(expected) | set(self._expected) if expected.get(cid) != self._expected.get(cid)
        }
        self._expected, self._findings = dict(expected), by_clause
        spans: dict[str | None, list[int]] = {}  # one dataChanged per parent, not per clause
        parents: dict[str | None, Clause | None] = {}
        for cid in changed:
            clause = self._policy.find(cid)
            if clause is None or not self._in_tree(clause):
                continue
            key = clause.parent.id if clause.parent else None
            parents[key] = clause.parent
            row = self._row_of(clause)
            span = spans.setdefault(key, [row, row])
            span[0], span[1] = min(span[0], row), max(span[1], row)
        for key, (first, last) in spans.items():
            parent = self.index_of(parents[key])
            self.dataChanged.emit(self.index(first, 0, parent), self.index(last, 1, parent))

    # -- QAbstractItemModel ---------------------------------------------------
    # index, rowCount and hasChildren are called for every expanded row each time the view
    # lays out its rows (after any insert, remove or move): kept to the fewest calls
    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        children = parent.internalPointer().children if parent.isValid() else self._policy.clauses
        if 0 <= row < len(children) and 0 <= column <= 1:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: AnyIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        clause = self.clause_at(index)
        if clause is None or clause.parent is None:
            return QModelIndex()
        return self.index_of(clause.parent)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self._policy.clauses)
        return len(parent.internalPointer().children) if parent.column() == 0 else 0

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 2

    def hasChildren(self, parent: AnyIndex = ROOT) -> bool:
        if not parent.isValid():
            return bool(self._policy.clauses)
        return parent.column() == 0 and bool(parent.internalPointer().children)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Label") if section == LABEL_COLUMN else self.tr("Heading or first words")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        clause = self.clause_at(index)
        if clause is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label_text(clause) if column == LABEL_COLUMN else clause.display_name(80)
        if role == Qt.ItemDataRole.EditRole:
            return clause.label if column == LABEL_COLUMN else clause.heading
        findings = self._findings.get(clause.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(clause, findings)
        if role == Qt.ItemDataRole.UserRole:
            return clause.id
        if not findings:
            if role == Qt.ItemDataRole.FontRole and column == NAME_COLUMN and clause.heading:
                font = QFont()
                font.setBold(clause.parent is None)
                return font
            return None
        worst = min((f.severity for f in findings), key=lambda s: SEVERITY_RANK.get(s, 9))
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL_COLUMN:
            if worst not in self._icons:
                self._icons[worst] = severity_icon(worst)
            return self._icons[worst]
        if role == Qt.ItemDataRole.ForegroundRole and column == LABEL_COLUMN:
            return QBrush(QColor(SEVERITY_COLOUR.get(worst, "#444444")))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return CLAUSE_FLAGS if index.isValid() else ROOT_FLAGS

    # -- drag and drop --------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        ids: list[str] = []
        for index in indexes:
            clause = self.clause_at(index)
            if clause is not None and clause.id not in ids:
                ids.append(clause.id)
        data = QMimeData()
        data.setData(MIME_TYPE, "\n".join(ids).encode("utf-8"))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if not data.hasFormat(MIME_TYPE):
            return False
        target = self.clause_at(parent)
        for cid in bytes(data.data(MIME_TYPE).data()).decode("utf-8").split():
            moving = self._policy.find(cid)
            ancestor = target
            while ancestor is not None:
                if ancestor is moving:
                    return False  # a clause cannot go inside itself
                ancestor = ancestor.parent
        return True

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Move the dragged clauses to (parent, row); row -1 means "as the last child"."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.clause_at(parent)
        siblings = self._policy.children_of(target)
        row = len(siblings) if row < 0 else row
        ids = bytes(data.data(MIME_TYPE).data()).decode("utf-8").split()
        clauses = [c for c in (self._policy.find(i) for i in ids) if c is not None]
        # drop descendants of dragged clauses: they travel with their ancestor
        chosen = [c for c in clauses if not any(_is_inside(c, other) for other in clauses if other is not c)]
        if not chosen:
            return False
        ops: list[Operation] = []
        probe = list(siblings)  # where the rows stand as the moves are applied in turn
        for clause in chosen:
            if clause in probe:
                old = probe.index(clause)
                probe.pop(old)
                if old < row:
                    row -= 1
            probe.insert(row, clause)
            ops.append(MoveClause(clause.id, target.id if target else None, row))
            row += 1
        name = self.tr("Move clause") if len(ops) == 1 else self.tr("Move clauses")
        self._push(ops[0] if len(ops) == 1 else Batch(ops, name=name))
        return True  # removeRows is not implemented, so the view removes nothing itself

    # -- change events --------------------------------------------------------
    def _on_change(self, event: ChangeEvent) -> None:
        handle = self._handlers.get(event.kind)
        if handle is not None:
            handle(event, event.phase == Phase.ABOUT)

    def _on_insert(self, event: ChangeEvent, about: bool) -> None:
        if about:
            self.beginInsertRows(self.index_of(event.parent), event.index, event.index)
        else:
            self._rows.clear()  # rows moved: the "about" calls still needed the old ones
            self.endInsertRows()

    def _on_remove(self, event: ChangeEvent, about: bool) -> None:
        if about:
            self.beginRemoveRows(self.index_of(event.parent), event.index, event.index)
        else:
            self._rows.clear()
            self.endRemoveRows()

    def _on_move(self, event: ChangeEvent, about: bool) -> None:
        if about:
            destination = event.new_index
            if event.new_parent is event.parent and event.new_index > event.index:
                destination += 1  # Qt counts the destination before the row is taken out
            begun = self.beginMoveRows(
                self.index_of(event.parent),
                event.index,
                event.index,
                self.index_of(event.new_parent),
                destination,
            )
            self._moves_begun.append(begun)
            return
        self._rows.clear()
        if self._moves_begun.pop():
            self.endMoveRows()

    def _on_update(self, event: ChangeEvent, about: bool) -> None:
        if not about and event.clause is not None and self._in_tree(event.clause):
            self.dataChanged.emit(self.index_of(event.clause, 0), self.index_of(event.clause, 1))

    # -- helpers --------------------------------------------------------------
    def _in_tree(self, clause: Clause) -> bool:
        """Whether a clause is in the document (not deleted): its root must be findable."""
        while clause.parent is not None:
            clause = clause.parent
        return self._policy.find(clause.id) is clause

    def label_text(self, clause: Clause) -> str:
        label = clause.label.strip()
        expected = self._expected.get(clause.id)
        if expected and plain_label(expected) != plain_label(label):
            return f"{label or '—'} → {expected}"
        return label

    def _tooltip(self, clause: Clause, findings: list[Finding] | None) -> str | None:
        lines = []
        expected = self._expected.get(clause.id)
        if expected and plain_label(expected) != plain_label(clause.label):
            lines.append(
                self.tr("Written as {0}; its position calls for {1}").format(
                    clause.label.strip() or "—", expected
                )
            )
        for finding in findings or []:
            lines.append(f"{finding.severity}: {finding.message} [{finding.code}]")
        return "\n".join(lines) or None


def _marks(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted((f.severity, f.code, f.message) for f in findings)


def _is_inside(clause: Clause, ancestor: Clause) -> bool:
    node = clause.parent
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False
