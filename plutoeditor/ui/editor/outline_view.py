"""The clause outline view: one QTreeView over the outline model, built for 10,000 rows."""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

if TYPE_CHECKING:
    from plutoeditor.ui.editor.open_document import Document

# Up to this many clauses a document opens fully expanded.
EXPAND_ALL_LIMIT = 3000


class OutlineView(QTreeView):
    """The clause outline. Tab and Shift+Tab indent and outdent instead of moving focus;
    Delete deletes the selected clause (undoable, like everything else)."""

    indent_requested = Signal()
    outdent_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformRowHeights(True)  # fast scrolling over 10,000 clauses
        self.setAlternatingRowColors(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAnimated(False)
        self.setIndentation(16)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def show_document(self, document: Document | None) -> None:
        """Show a document's clauses (None: none): the label column sized to fit them, all
        expanded, or a big document with only its first section open."""
        old_selection = self.selectionModel()
        self.setModel(document.outline if document else None)
        if old_selection is not None:
            old_selection.deleteLater()  # setModel leaves the old selection model to us
        if document is None:
            return
        header = self.header()
        # ResizeToContents would ask every row for its label on each edit: fixed widths
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, self._label_column_width(document))
        # count only up to the limit: len() walks all 10,000 clauses (90 ms on the GUI thread)
        if sum(1 for _ in islice(document.policy.walk(), EXPAND_ALL_LIMIT + 1)) <= EXPAND_ALL_LIMIT:
            self.expandAll()
        elif document.policy.clauses:  # big documents open with the sections collapsed
            self.expand(document.outline.index_of(document.policy.clauses[0]))

    def _label_column_width(self, document: Document) -> int:
        """Wide enough for the labels (with expected labels) of the first 1,000 clauses, within
        limits."""
        metrics = self.fontMetrics()
        widest = metrics.horizontalAdvance(self.tr("Label")) + 24
        # measure only the few longest labels at each depth (with or without an icon):
        # measuring the first 3,000 took 100 ms on the GUI thread when opening a big policy
        longest: dict[tuple[int, int], list[str]] = {}
        for clause, depth in islice(document.policy.walk_with_depth(), 1001):
            text = document.outline.label_text(clause)
            icon = 22 if document.outline.findings_for(clause) else 0
            texts = longest.setdefault((depth, icon), [])
            if len(texts) < 4 or len(text) > len(texts[-1]):
                texts.append(text)
                texts.sort(key=len, reverse=True)
                del texts[4:]
        for (depth, icon), texts in longest.items():
            for text in texts:
                widest = max(
                    widest, (depth + 1) * self.indentation() + icon + metrics.horizontalAdvance(text) + 12
                )
        return min(widest, 300)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):  # type: ignore[attr-defined]
            if event.key() == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:  # type: ignore[attr-defined]
                self.outdent_requested.emit()
            else:
                self.indent_requested.emit()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)
