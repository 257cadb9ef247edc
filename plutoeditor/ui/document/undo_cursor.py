"""Undo and Redo put the Document view's cursor where the change they undid or redid was,
as a word processor does: in that clause's text (or heading), at the end of what changed,
the page scrolled to it, even when the cursor had gone elsewhere meanwhile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from plutoeditor.model import ChangeEvent, Clause

if TYPE_CHECKING:
    from plutoeditor.ui.document.view import DocumentView
    from plutoeditor.ui.editor.open_document import Document

FIELDS = ("text", "heading")


def changed_end(old: str, new: str) -> int:
    """Where in `new` the part that differs from `old` ends (its start when text was removed).
    The common ending is matched first, so " plainly" typed after "says" is found there, not
    as "plainly " after "says "."""
    limit = min(len(old), len(new))
    suffix = 0
    while suffix < limit and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    prefix = 0
    while prefix < limit - suffix and old[prefix] == new[prefix]:
        prefix += 1
    return len(new) - suffix


class UndoCursor(QObject):
    """Follows one document's undo stack for its Document view."""

    def __init__(self, view: DocumentView, document: Document) -> None:
        super().__init__(view)
        self.view, self.document = view, document
        self._before: dict[tuple[str, str], str] = {}
        self._last: tuple[Clause, str, int] | None = None  # clause, field, cursor position
        stack = document.undo_stack
        self._index = stack.index()
        self._next = stack.command(self._index)  # what Redo would redo
        document.policy.subscribe(self._on_change)
        stack.indexChanged.connect(self._moved_in_history)

    def detach(self) -> None:
        self.document.policy.unsubscribe(self._on_change)
        self.document.undo_stack.indexChanged.disconnect(self._moved_in_history)

    def _on_change(self, event: ChangeEvent) -> None:
        clause = event.clause
        if clause is None:
            return
        if event.kind == "update" and event.field in FIELDS:
            key = (clause.id, event.field)
            if event.phase == "about":
                self._before[key] = getattr(clause, event.field)
            else:
                old, new = self._before.pop(key, ""), getattr(clause, event.field)
                self._last = (clause, event.field, changed_end(old, new))
        elif event.kind == "insert" and event.phase == "done":
            self._last = (clause, "text", 0)
        elif event.kind in ("remove", "move") and event.phase == "done":
            self._last = None  # the view keeps its cursor on a clause that is still there

    def _moved_in_history(self, index: int) -> None:
        stack = self.document.undo_stack
        undone = index < self._index
        redone = index > self._index and self._next is not None and stack.command(index - 1) is self._next
        self._index, self._next = index, stack.command(index)
        last, self._last = self._last, None
        self._before.clear()
        if (undone or redone) and last is not None:
            QTimer.singleShot(0, self, lambda: self._go(*last))  # after the view has followed the change

    def _go(self, clause: Clause, field: str, position: int) -> None:
        view = self.view
        if view.document is not self.document or view.rows is None or view.rows.row_of(clause.id) is None:
            return
        if field == "heading" and clause.heading.strip():
            view.edit_heading(clause, min(position, len(clause.heading)))
        else:
            view.show_clause(clause.id, min(position, len(clause.text)))
