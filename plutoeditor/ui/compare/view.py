"""The compare table's view: Home, End and Page Up/Down stay instant on 10,000 rows.

Rows wrap their text, so their heights differ, and QTreeView finds where a row is by adding
up the heights of the rows between it and the top of the view. Scrolling per item, the
scroll bar's value is the top row. A long jump (End on a 10,000-clause comparison: 6-12 s)
measured every row twice: to scroll to the target, and to repaint the previous current row,
far off screen by then. Here the previous row is let go while it is still on screen, and the
scroll bar moves to the target before it becomes current, so only the rows shown are measured.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

CursorAction = QAbstractItemView.CursorAction


class CompareView(QTreeView):
    """A QTreeView whose long jumps move the scroll bar before the current row."""

    def moveCursor(self, action: CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        current = self.currentIndex()
        column = current.column() if current.isValid() else 0
        if rows and action in (CursorAction.MoveEnd, CursorAction.MoveHome):
            row = rows - 1 if action == CursorAction.MoveEnd else 0
            self.jump_to_row(row)
            return model.index(row, column)
        if rows and action in (CursorAction.MovePageDown, CursorAction.MovePageUp):
            step = max(self._rows_on_screen() - 1, 1)
            here = current.row() if current.isValid() else 0
            row = min(here + step, rows - 1) if action == CursorAction.MovePageDown else max(here - step, 0)
            self.jump_to_row(row)
            return model.index(row, column)
        return super().moveCursor(action, modifiers)

    def go_to_row(self, row: int, column: int) -> None:
        """Make the row current and show it, measuring only the rows on screen."""
        self.jump_to_row(row)
        index = self.model().index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def jump_to_row(self, row: int) -> None:
        """Put the row near the top of the view without laying out the rows in between: the
        current row and selection are let go first, while they are on screen."""
        if not self._near_screen(row):
            selection = self.selectionModel()
            if selection is not None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        bar = self.verticalScrollBar()
        bar.setValue(min(max(row - 2, 0), bar.maximum()))

    def _rows_on_screen(self) -> int:
        top = self.indexAt(self.viewport().rect().topLeft())
        bottom = self.indexAt(self.viewport().rect().bottomLeft())
        if not top.isValid():
            return 1
        last = bottom.row() if bottom.isValid() else self.model().rowCount() - 1
        return max(last - top.row() + 1, 1)

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.isValid() and not self._near_screen(index.row()):
            self.jump_to_row(index.row())
        super().scrollTo(index, hint)

    def _near_screen(self, row: int) -> bool:
        top = self.verticalScrollBar().value()
        return top - 1 <= row <= top + 2 * max(self._rows_on_screen(), 1)
