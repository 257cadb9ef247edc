"""The clause outline view: one QTreeView over the outline model, built for 10,000 rows."""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

if TYPE_CHECKING:
    from plutoeditor.ui.editor.open_document import Document

# Up to this many clauses a document opens fully expanded.
EXPAND_ALL_LIMIT = 3000
# While the keyboard is elsewhere (typing in the Document view), the outline is laid out
# again this long after a burst of inserted or removed clauses, not after each one: each
# layout walks every expanded row (700-10,000 in a big policy, 5-40 ms on the GUI thread)
CATCH_UP_MS = 150
# what the user does to the outline itself: it catches up first
_USED = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
    QEvent.Type.FocusIn,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
    QEvent.Type.DragEnter,
    QEvent.Type.ToolTip,
}


class OutlineView(QTreeView):
    """The clause outline. Tab and Shift+Tab indent and outdent instead of moving focus;
    Delete deletes the selected clause (undoable, like everything else)."""

    indent_requested = Signal()
    outdent_requested = Signal()
    delete_requested = Signal()
    _behind = False  # rows were inserted or removed elsewhere; the view still shows the old ones
    _laying_out = False

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
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        self._catch_up.setInterval(CATCH_UP_MS)
        self._catch_up.timeout.connect(self.catch_up)
        self._scroll_to: tuple[QPersistentModelIndex, QAbstractItemView.ScrollHint] | None = None
        # the user scrolling the outline (not the range changing with its rows): catch up first
        self.verticalScrollBar().actionTriggered.connect(lambda _action: self.catch_up())

    # -- laid out again once a burst of edits is over ------------------------------------
    def setModel(self, model) -> None:  # type: ignore[no-untyped-def]
        self.catch_up()
        super().setModel(model)
        if model is not None:
            for signal in (model.rowsInserted, model.rowsAboutToBeRemoved, model.rowsMoved):
                signal.connect(self._rows_changed)

    def _rows_changed(self, *_args: object) -> None:
        if self.hasFocus() or not self.isVisible() or self._behind:
            return
        self._behind = True
        self.viewport().setUpdatesEnabled(False)  # the old picture stays until the catch-up
        self._catch_up.start()

    def catch_up(self) -> None:
        """Lay out and show the rows as they are now (edits made elsewhere since)."""
        if not self._behind:
            return
        self._behind = False
        self._catch_up.stop()
        self._laying_out = True
        try:
            super().doItemsLayout()
        finally:
            self._laying_out = False
        self.viewport().setUpdatesEnabled(True)
        if self._scroll_to is not None:
            index, hint = self._scroll_to
            self._scroll_to = None
            if index.isValid():
                super().scrollTo(index, hint)

    def doItemsLayout(self) -> None:
        if not self._behind or self._laying_out:
            super().doItemsLayout()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if self._behind:  # the rows are not laid out yet: scrolled to after the catch-up
            self._scroll_to = (QPersistentModelIndex(index), hint)
            return
        super().scrollTo(index, hint)

    def viewportEvent(self, event: QEvent) -> bool:
        if self._behind and event.type() in _USED:
            self.catch_up()
        return super().viewportEvent(event)

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
        if self._behind and event.type() in _USED:
            self.catch_up()
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
