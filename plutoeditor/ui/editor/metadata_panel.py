"""The metadata panel: title, organisation, jurisdiction, version, effective date and the
summary of changes. Every edit is a SetMetadata on the undo stack; undo refreshes the fields.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from plutoeditor.model.operations import SetMetadata
from plutoeditor.ui.editor.clause_editor import UndoKeys
from plutoeditor.ui.editor.open_document import Document

TEXT_FIELDS = ("title", "organisation", "jurisdiction", "version")


class MetadataPanel(QWidget):
    """Form over `policy.metadata`, kept in step with the undo stack."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self._updating = False
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {
            "title": self.tr("&Title:"),
            "organisation": self.tr("&Organisation:"),
            "jurisdiction": self.tr("&Jurisdiction:"),
            "version": self.tr("Ve&rsion:"),
        }
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda text, name=name: self._push(name, text, typing=True))
            self.edits[name] = edit
            form.addRow(labels[name], edit)

        self.has_date = QCheckBox()
        self.has_date.setAccessibleName(self.tr("Has an effective date"))
        self.has_date.setToolTip(self.tr("Whether the policy states an effective date"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setDate(QDate.currentDate())
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date_edit, 1)
        date_caption = QLabel(self.tr("Effective d&ate:"))
        date_caption.setBuddy(self.date_edit)
        form.addRow(date_caption, date_row)
        self.has_date.toggled.connect(self._date_edited)
        self.date_edit.dateChanged.connect(self._date_edited)

        self.summary = QListWidget()
        self.summary.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.summary.setWordWrap(True)
        self.summary.setToolTip(self.tr("Double-click an item to edit it"))
        self.summary.itemChanged.connect(lambda _item: self._summary_edited())
        add, remove = QToolButton(), QToolButton()
        add.setText("+")
        add.setToolTip(self.tr("Add a change to the summary"))
        remove.setText("−")
        remove.setToolTip(self.tr("Remove the selected change"))
        add.setAccessibleName(self.tr("Add change"))
        remove.setAccessibleName(self.tr("Remove change"))
        add.clicked.connect(self._add_change)
        remove.clicked.connect(self._remove_change)
        buttons = QHBoxLayout()
        summary_caption = QLabel(self.tr("&Summary of changes:"))
        summary_caption.setBuddy(self.summary)
        buttons.addWidget(summary_caption)
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)

        undo_keys = UndoKeys(self)
        for widget in [*self.edits.values(), self.date_edit, self.summary]:
            widget.installEventFilter(undo_keys)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary, 1)
        self.setEnabled(False)

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.metadata_changed.disconnect(self._refresh)
        self.document = document
        self.setEnabled(document is not None)
        if document is not None:
            document.metadata_changed.connect(self._refresh)
            if document.policy.metadata.effective_date is None:
                # not the last document's date, greyed out as if it were this one's, and
                # given to this one when its switch is turned on: today, as for a new policy
                self._updating = True
                self.date_edit.setDate(QDate.currentDate())
                self._updating = False
            self._refresh()

    def focus_field(self, name: str) -> bool:
        """Put the keyboard in a metadata field ("title", "effective_date", ...), as for a
        finding about it. Without a date the date picker is off: its switch gets the focus."""
        if name in self.edits:
            widget: QWidget = self.edits[name]
            self.edits[name].selectAll()
        elif name == "effective_date":
            widget = self.date_edit if self.date_edit.isEnabled() else self.has_date
        elif name == "summary_of_changes":
            widget = self.summary
        else:
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- showing ------------------------------------------------------------------------
    def _refresh(self, _field: str = "") -> None:
        if self.document is None:
            return
        meta = self.document.policy.metadata
        self._updating = True
        try:
            for name, edit in self.edits.items():
                if edit.text() != getattr(meta, name):
                    edit.setText(getattr(meta, name))
                    if not edit.hasFocus():
                        edit.setCursorPosition(0)  # a long title shows its start, not its end
            self.has_date.setChecked(meta.effective_date is not None)
            self.date_edit.setEnabled(meta.effective_date is not None)
            if meta.effective_date is not None:
                d = meta.effective_date
                self.date_edit.setDate(QDate(d.year, d.month, d.day))
            if self._summary_items() != meta.summary_of_changes:
                self.summary.clear()
                for text in meta.summary_of_changes:
                    self.summary.addItem(self._item(text))
        finally:
            self._updating = False

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _summary_items(self) -> list[str]:
        return [self.summary.item(i).text() for i in range(self.summary.count())]

    # -- editing -----------------------------------------------------------------------
    def _push(self, name: str, value: object, typing: bool = False) -> None:
        if self._updating or self.document is None:
            return
        if getattr(self.document.policy.metadata, name) == value:
            return
        self.document.push(
            SetMetadata(name, value, name=self.tr("Edit {0}").format(name.replace("_", " "))), typing
        )

    def _date_edited(self) -> None:
        if self._updating:
            return
        self.date_edit.setEnabled(self.has_date.isChecked())
        value = None
        if self.has_date.isChecked():
            q = self.date_edit.date()
            value = dt.date(q.year(), q.month(), q.day())
        self._push("effective_date", value)

    def _summary_edited(self) -> None:
        if not self._updating:
            self._push("summary_of_changes", [t for t in self._summary_items() if t.strip()])

    def _add_change(self) -> None:
        if self.document is None:
            return
        self._updating = True
        item = self._item(self.tr("New change"))
        self.summary.addItem(item)
        self._updating = False
        self._summary_edited()
        self.summary.setCurrentItem(item)
        self.summary.editItem(item)

    def _remove_change(self) -> None:
        row = self.summary.currentRow()
        if row >= 0 and self.document is not None:
            self._updating = True
            self.summary.takeItem(row)
            self._updating = False
            self._summary_edited()
