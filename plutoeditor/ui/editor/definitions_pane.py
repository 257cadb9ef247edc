"""The Definitions pane: each defined term, its meaning, where it is defined and its uses.

A row per definition (term, meaning, where defined, number of uses) with its uses below it,
clause by clause. Activating a term goes to its definition, activating a use to that clause
with the term selected; Rename Term (the button, the context menu, or Edit > Rename Term, F2,
anywhere in the window: the term under the cursor) renames the definition and every use in
one undoable edit. The pane refreshes when the findings do (the same checks
keep the term index up to date), so it costs nothing while typing; while it is hidden (its
tab behind Findings) it only notes that it is out of date and fills when shown, as building
it for the 10,000-clause policy blocks the window for about 0.8 s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plutoeditor.checks.terms_fixes import rename_term
from plutoeditor.checks.terms_index import term_index
from plutoeditor.checks.terms_recognise import Definition
from plutoeditor.model.clause import Clause
from plutoeditor.model.operations import Operation
from plutoeditor.model.policy import Policy

if TYPE_CHECKING:
    from plutoeditor.ui.editor.open_document import Document

_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Term", "Meaning", "Defined in", "Uses")


def where(clause: Clause) -> str:
    """How a reader finds a clause: its label, the label of the clause it stands in (a
    definition in the list of 1.1), else its first words."""
    holder: Clause | None = clause
    while holder is not None:
        if holder.label.strip():
            return holder.label.strip().rstrip(".")
        holder = holder.parent
    return clause.display_name(40)


def definition_at(policy: Policy, clause: Clause, position: int, field: str = "text") -> Definition | None:
    """The definition of the term at `position` of the clause's text (a use of it), else of
    the term the clause defines (the cursor in a definition), else None."""
    index = term_index(policy)
    if field == "text":
        for start, end, _written, name in index.find_uses(clause.text):
            if start <= position <= end:
                definitions = index.by_name.get(name)
                if definitions:
                    return definitions[0]
            if start > position:
                break
    return next((d for d in index.definitions if d.clause_id == clause.id), None)


class DefinitionsPane(QWidget):
    """The document's defined terms (see the module docstring)."""

    #: clause id, start and end of the span to select in its text
    clause_requested = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self._shown = True  # False while its dock is hidden or its tab is behind another
        self._stale = False  # a refresh came while hidden: refresh when shown
        self.push: Callable[[Operation], None] = lambda operation: None
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree.setAccessibleName(self.tr("Defined terms"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel()
        self.rename_button = QPushButton(self.tr("Rename Term…"))
        self.rename_button.setToolTip(self.tr("Rename the term in its definition and every use (F2)"))
        self.rename_button.clicked.connect(lambda _checked=False: self.rename_current())
        # F2 is the window's Edit > Rename Term (the term under the cursor, or the one selected
        # here when the keyboard is in this pane): one shortcut, so never an ambiguous one.
        self.rename_action = QAction(self.tr("Rename Term…"), self)
        self.rename_action.triggered.connect(lambda _checked=False: self.rename_current())
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        self._update_buttons()

    # -- contents ---------------------------------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            try:
                self.document.findings_changed.disconnect(self.refresh)
            except (RuntimeError, TypeError):
                pass
        self.document = document
        if document is not None:
            document.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the definitions and their uses again (after the checks ran); when hidden,
        on the next show."""
        if self.document is not None and not self._shown:
            self._stale = True
            return
        self._stale = False
        current = self.current_definition()
        self.tree.clear()
        if self.document is None:
            self.summary.setText("")
            self._update_buttons()
            return
        index = term_index(self.document.policy)
        policy = self.document.policy
        items = []
        for definition in index.definitions:
            clause = policy.find(definition.clause_id)
            if clause is None:
                continue
            uses = index.uses_of(definition)
            total = sum(count for _, count in uses)
            meaning = " ".join(definition.meaning.split())
            item = QTreeWidgetItem([definition.term, meaning[:120], where(clause), str(total)])
            item.setData(0, _ROLE, definition)
            item.setToolTip(1, meaning[:600])
            for use, count in uses:
                child = QTreeWidgetItem(["", use.display_name(80), where(use), str(count)])
                child.setData(0, _ROLE, (use.id, definition))
                item.addChild(child)
            items.append(item)
        self.tree.addTopLevelItems(items)
        for column in (0, 2, 3):
            self.tree.resizeColumnToContents(column)
        self.summary.setText(self.tr("{0} defined terms").format(len(items)))
        if current is not None:  # the same term, or the one its clause defines now (renamed)
            same = [i for i in items if i.data(0, _ROLE).term == current.term] or [
                i for i in items if i.data(0, _ROLE).clause_id == current.clause_id
            ]
            if same:
                self.tree.setCurrentItem(same[0])
        self._update_buttons()

    def set_shown(self, shown: bool) -> None:
        """Its dock's visibilityChanged: a tab behind another is hidden, though isVisible()
        stays true."""
        self._shown = shown
        if shown and self._stale:
            self.refresh()

    def current_definition(self) -> Definition | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        data = item.data(0, _ROLE)
        return data if isinstance(data, Definition) else data[1]

    # -- acting -----------------------------------------------------------------------------
    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, _ROLE)
        if isinstance(data, Definition):
            self._go_to(data.clause_id, data)
        else:
            clause_id, definition = data
            self._go_to(clause_id, definition)

    def _go_to(self, clause_id: str, definition: Definition) -> None:
        if self.document is None:
            return
        policy = self.document.policy
        clause = policy.find(clause_id)
        if clause is None:
            return
        start = end = 0
        for at, stop, _, name in term_index(policy).find_uses(clause.text):
            if name in definition.names:
                start, end = at, stop
                break
        else:
            found = clause.text.find(definition.term)
            if found >= 0:
                start, end = found, found + len(definition.term)
        self.clause_requested.emit(clause_id, start, end)

    def rename_current(self, definition: Definition | None = None) -> None:
        """Ask for the new name of `definition` (by default the one selected) and rename it."""
        definition = definition or self.current_definition()
        if definition is None or self.document is None:
            return
        old = definition.names[0]
        new, ok = QInputDialog.getText(
            self,
            self.tr("Rename Term"),
            self.tr("Rename “{0}” in its definition and every use to:").format(old),
            QLineEdit.EchoMode.Normal,
            old,
        )
        new = new.strip()
        if not ok or not new or new == old:
            return
        clash = self._clash(definition, new)
        if clash:
            answer = QMessageBox.question(
                self,
                self.tr("Rename Term"),
                clash,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.rename(definition, new)

    def _clash(self, definition: Definition, new: str) -> str:
        """Why renaming to `new` would change what the document says, or "": the name is another
        term's (the document would define it twice), or the words are written already (those
        would read as this term from then on)."""
        if self.document is None:
            return ""
        policy = self.document.policy
        for other in term_index(policy).definitions:
            if other is not definition and any(n.casefold() == new.casefold() for n in other.names):
                clause = policy.find(other.clause_id)
                while clause is not None and not clause.label.strip():
                    clause = clause.parent  # a glossary line: the numbered clause it stands in
                where = clause.label.strip() if clause is not None else ""
                return self.tr(
                    "“{0}” is already a defined term{1}: renaming “{2}” to it would define it twice. "
                    "Rename anyway?"
                ).format(new, self.tr(" (in {0})").format(where) if where else "", definition.names[0])
        word = re.compile(rf"(?<![\w-]){re.escape(new)}(?![\w-])")
        written = sum(len(word.findall(c.heading)) + len(word.findall(c.text)) for c in policy.walk())
        if written:
            times = self.tr("once") if written == 1 else self.tr("{0} times").format(written)
            return self.tr(
                "“{0}” is already written {1} in the document: after the rename those words read as "
                "the term “{0}” too. Rename anyway?"
            ).format(new, times)
        return ""

    def rename(self, definition: Definition, new_name: str) -> None:
        """Rename a term everywhere, as one step on the undo stack."""
        if self.document is None:
            return
        edit = rename_term(self.document.policy, definition, new_name)
        if edit.operations:
            self.push(edit)

    def _context_menu(self, position: QPoint) -> None:
        if self.tree.itemAt(position) is None:
            return
        menu = QMenu(self)
        menu.addAction(self.rename_action)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def _update_buttons(self) -> None:
        enabled = self.current_definition() is not None
        self.rename_button.setEnabled(enabled)
        self.rename_action.setEnabled(enabled)
