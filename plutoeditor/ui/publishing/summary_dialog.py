"""The Draft Summary dialog: the drafted items grouped by kind, each with a checkbox and
editable in place, before they fill the policy's summary of changes.

Substantive and structural items start ticked, editorial ones not (a notice to readers lists
what changed for them, not every comma); the policy owner ticks, unticks and rewords, then
Fill Summary replaces the summary (or adds to it when "Keep the current items" is ticked).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plutoeditor.formats.limits import MAX_CHANGE_CHARS, MAX_CHANGES
from plutoeditor.summary import EDITORIAL, KINDS, STRUCTURAL, SUBSTANTIVE, ChangeSummary
from plutoeditor.ui.common.screen_fit import resize_to_fit

#: Which kinds start ticked.
TICKED = (SUBSTANTIVE, STRUCTURAL)


class DraftSummaryDialog(QDialog):
    """Choose and reword the drafted items. `can_fill` False (the policy shown is not the one
    being edited): the dialog only copies the chosen items."""

    def __init__(
        self,
        summary: ChangeSummary,
        current: list[str],
        parent: QWidget | None = None,
        can_fill: bool = True,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Draft Summary of Changes"))
        resize_to_fit(self, 860, 560)
        self.current = [item for item in current if item.strip()]
        layout = QVBoxLayout(self)
        names = {
            SUBSTANTIVE: self.tr("Substantive changes"),
            STRUCTURAL: self.tr("Structural changes"),
            EDITORIAL: self.tr("Editorial changes"),
        }
        intro = QLabel(
            self.tr(
                "Tick the changes the summary should list; double-click or press F2 to reword one. "
                "Substantive changes come first."
            )
            if summary.items
            else self.tr("The text of the two versions is the same: there is nothing to summarise."),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setAccessibleName(self.tr("Drafted changes"))
        self.groups: dict[str, QTreeWidgetItem] = {}
        for kind in KINDS:
            items = summary.of_kind(kind)
            if not items:
                continue
            group = QTreeWidgetItem(self.tree, [f"{names[kind]} ({len(items)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            self.groups[kind] = group
            for item in items:
                row = QTreeWidgetItem(group, [item.text])
                row.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEditable
                )
                row.setCheckState(0, Qt.CheckState.Checked if kind in TICKED else Qt.CheckState.Unchecked)
                labels = ", ".join(
                    c.new_label or c.old_label for c in item.clauses if c.new_label or c.old_label
                )
                row.setToolTip(0, self.tr("Clauses: {0}").format(labels) if labels else "")
            group.setExpanded(True)
        layout.addWidget(self.tree, 1)
        self.keep = QCheckBox(
            self.tr("Keep the {0} items already in the summary").format(len(self.current)), self
        )
        self.keep.setVisible(bool(self.current) and can_fill)
        layout.addWidget(self.keep)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the ticked changes, one a line"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.fill_button: QPushButton | None = None
        if can_fill:
            self.fill_button = self.buttons.addButton(
                self.tr("&Fill Summary"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.fill_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        first = self.tree.topLevelItem(0)
        first_row = first.child(0) if first is not None and first.childCount() else None
        if first_row is not None:
            self.tree.setCurrentItem(first_row)

    def rows(self) -> list[QTreeWidgetItem]:
        """Every drafted item's row, in order."""
        rows = (group.child(i) for group in self.groups.values() for i in range(group.childCount()))
        return [row for row in rows if row is not None]

    def chosen(self) -> list[str]:
        """The ticked items as worded now (empty ones left out)."""
        return [
            " ".join(row.text(0).split())
            for row in self.rows()
            if row.checkState(0) == Qt.CheckState.Checked and row.text(0).strip()
        ]

    def summary_items(self) -> list[str]:
        """What the summary of changes becomes: the kept items, then the chosen ones, within the
        limits every policy file keeps (200 items of 2,000 characters)."""
        items = [*(self.current if self.keep.isChecked() else []), *self.chosen()]
        return [item[:MAX_CHANGE_CHARS] for item in dict.fromkeys(items)][:MAX_CHANGES]

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.chosen()))
