"""The findings panel: severity, code, label and message of everything the checks noticed.

Activating a finding asks the window to show its clause (or, for a finding about the
policy's details, the field it is about); a finding with an obvious fix offers it (button
and context menu), applied through the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QBrush, QColor, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from plutoeditor.checks.finding import Finding
from plutoeditor.model.operations import Operation
from plutoeditor.ui.editor.outline_model import SEVERITY_COLOUR, SEVERITY_RANK, severity_icon

ROOT = QModelIndex()
COLUMNS = ("severity", "code", "label", "message")
FixLookup = Callable[[Finding], "tuple[str, Operation] | None"]


class FindingsModel(QAbstractTableModel):
    """A flat table of findings (replaced as a whole after each check)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self._icons: dict[str, QIcon | None] = {}

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def index(self, row, column, parent=ROOT) -> QModelIndex:
        """Python's own: Qt's asks rowCount and columnCount (hasIndex), two calls into Python
        per cell painted, each a wait for the interpreter lock while a worker runs."""
        if parent.isValid() or not (0 <= row < len(self.findings) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Severity"), self.tr("Code"), self.tr("Label"), self.tr("Message"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        finding = self.findings[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "label":
                label = finding.label.strip()
                if finding.expected_label and finding.expected_label != label:
                    return f"{label or '—'} → {finding.expected_label}"
                return label or "—"
            return getattr(finding, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            line = self.tr(" (line {0})").format(finding.line) if finding.line else ""
            return f"{finding.message}{line}"
        if role == Qt.ItemDataRole.UserRole:  # sort key
            if column == "severity":
                return SEVERITY_RANK.get(finding.severity, 9) * 1_000_000 + index.row()
            if column == "label":
                return (finding.line or 0) * 1_000 + index.row()
            return f"{getattr(finding, column)}\x00{index.row():08d}"
        if column == "severity":
            if role == Qt.ItemDataRole.DecorationRole:
                if finding.severity not in self._icons:
                    self._icons[finding.severity] = severity_icon(finding.severity)
                return self._icons[finding.severity]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(SEVERITY_COLOUR.get(finding.severity, "#444444")))
        return None


class FindingsPanel(QWidget):
    """Table of findings with a summary line and a Fix button."""

    #: Enter, a double click, F8: go to the finding, the keyboard with it
    finding_activated = Signal(object)
    #: a click: show the finding, the keyboard staying in the list (Enter then goes there)
    finding_clicked = Signal(object)
    fix_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fix_lookup: FixLookup = lambda finding: None
        self._counts = ""
        self.outdated = False  # the findings listed are not those of the policy as it is now
        self.model = FindingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Findings"))
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # document order until the user sorts
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.resizeSection(0, 110)
        header.resizeSection(1, 170)
        header.resizeSection(2, 140)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.fix_button = QPushButton(self.tr("Fix"))
        self.fix_button.setEnabled(False)
        self.fix_button.setToolTip(self.tr("Apply the suggested fix for the selected finding"))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(lambda index: self._activate(index))
        self.view.clicked.connect(lambda index: self._activate(index, self.finding_clicked))
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_fix_button())
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.fix_button.clicked.connect(self.fix_current)
        self.set_findings([])

    # -- public ---------------------------------------------------------------------
    def set_findings(self, findings: list[Finding]) -> None:
        """Show new findings, keeping the selected one; when it is gone (fixed), the one that
        took its row is selected, so Fix / Enter / F8 go on from there."""
        current = self.current_finding()
        current_row = self.view.currentIndex().row()
        self.model.set_findings(findings)
        if self.view.isVisible():
            # Laid out now, not on the next turn of the event loop: the layout asks the model
            # about every row (rowCount twice per finding), and from the event loop each of
            # those Python calls waits for the interpreter lock while an export or a check
            # runs on a worker (right after an edit, an export runs just as findings arrive).
            self.view.executeDelayedItemsLayout()
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        parts = [
            self.tr("1 error") if counts["error"] == 1 else self.tr("{0} errors").format(counts["error"]),
            self.tr("1 warning")
            if counts["warning"] == 1
            else self.tr("{0} warnings").format(counts["warning"]),
            self.tr("1 note") if counts["info"] == 1 else self.tr("{0} notes").format(counts["info"]),
        ]
        self._counts = ", ".join(parts) if findings else self.tr("No findings")
        self.summary.setText(self._counts)
        self.outdated = False
        if current is not None and current in findings:
            row = findings.index(current)
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
        elif current is not None and self.proxy.rowCount() > 0:
            self.view.setCurrentIndex(self.proxy.index(min(current_row, self.proxy.rowCount() - 1), 0))
        self._update_fix_button()

    def mark_outdated(self, failed: bool = False) -> None:
        """The findings listed no longer match the policy (edited since, or the checks
        failed): the summary says so until the next findings are set."""
        self.outdated = True
        if failed:
            self.summary.setText(self.tr("{0} (not up to date: the checks failed)").format(self._counts))
        else:
            self.summary.setText(self.tr("{0} (updating…)").format(self._counts))
        self._update_fix_button()  # no fix from a finding that may no longer be true

    def current_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        return self.model.findings[row] if 0 <= row < len(self.model.findings) else None

    def select_finding(self, finding: Finding) -> None:
        """Select a finding and put the keyboard in the list, so F8 / Enter go on from it."""
        if finding not in self.model.findings:
            return
        index = self.proxy.mapFromSource(self.model.index(self.model.findings.index(finding), 0))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) finding in the panel's order and show it."""
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        current = self.view.currentIndex()
        row = (current.row() + delta) % rows if current.isValid() else (0 if delta > 0 else rows - 1)
        index = self.proxy.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._activate(index)

    def fix_current(self) -> None:
        finding = self.current_finding()
        if finding is not None and self.fix_lookup(finding) is not None:
            self.fix_requested.emit(finding)

    # -- internals ------------------------------------------------------------------
    def _activate(self, index: QModelIndex, signal: SignalInstance | None = None) -> None:
        row = self.proxy.mapToSource(index).row()
        if 0 <= row < len(self.model.findings):
            (signal or self.finding_activated).emit(self.model.findings[row])

    def _update_fix_button(self) -> None:
        finding = self.current_finding()
        fix = self.fix_lookup(finding) if finding is not None else None
        if fix is None and self.fix_button.hasFocus():
            # Before disabling it: Qt would give the keyboard to the next widget in the window,
            # the title in Policy Details, all selected, and the next keystroke would replace it.
            self.view.setFocus()
        self.fix_button.setEnabled(fix is not None)
        self.fix_button.setText(self.tr("Fix: {0}").format(fix[0]) if fix else self.tr("Fix"))

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        finding = self.current_finding()
        if finding is None:
            return
        menu = QMenu(self)
        go_to = self.tr("Go to Clause") if finding.clause_id else self.tr("Go to Policy Details")
        menu.addAction(go_to, lambda: self.finding_activated.emit(finding))
        fix = self.fix_lookup(finding)
        if fix is not None:
            action = QAction(self.tr("Fix: {0}").format(fix[0]), menu)
            action.triggered.connect(lambda: self.fix_requested.emit(finding))
            menu.addAction(action)
        menu.addAction(self.tr("Copy Message"), lambda: QGuiApplication.clipboard().setText(finding.message))
        menu.exec(self.view.viewport().mapToGlobal(pos))
