"""A selection in the Document view that runs over several clauses (Shift+Up / Shift+Down
past a clause's first or last line): drawn across the page, copied as text, and deleted
as a word processor deletes paragraphs (`document_editing.DeleteAcross`, one undo step).

The editor holds the part of the selection in the clause with the cursor; this keeps where
the selection began (its anchor: a clause and a position in its text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication

from plutoeditor.model import Clause
from plutoeditor.ui.document.editing import DeleteAcross, text_across

if TYPE_CHECKING:
    from plutoeditor.ui.document.view import DocumentView

#: a row the selection covers whole
WHOLE = (0, -1)


class ClauseRange:
    """The selection of one Document view when it spans clauses."""

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self.anchor: tuple[Clause, int] | None = None

    def active(self) -> bool:
        return self.anchor is not None

    def clear(self) -> None:
        if self.anchor is not None:
            self.anchor = None
            self.view.viewport().update()

    def _rows(self) -> tuple[int, int] | None:
        """Rows of the anchor and of the cursor's clause."""
        view, anchor = self.view, self.anchor
        current = view.current_clause()
        if anchor is None or current is None or view.rows is None:
            return None
        anchor_row, cursor_row = view.rows.row_of(anchor[0].id), view.rows.row_of(current.id)
        if anchor_row is None or cursor_row is None:
            self.anchor = None  # the anchor's clause was deleted
            return None
        return anchor_row, cursor_row

    def span(self) -> tuple[list[Clause], int, int] | None:
        """The clauses selected in reading order, the start in the first and the end in the last."""
        rows = self._rows()
        if rows is None or self.anchor is None or self.view.rows is None:
            return None
        anchor_row, cursor_row = rows
        cursor = self.view.cursor_position()
        first, last = min(rows), max(rows)
        clauses = [self.view.rows.clause(r) for r in range(first, last + 1)]
        if anchor_row < cursor_row:
            return clauses, self.anchor[1], cursor
        return clauses, cursor, self.anchor[1]

    def part_of(self, row: int) -> tuple[int, int] | None:
        """What of a painted row is selected: None, WHOLE, or a span of its text."""
        rows = self._rows()
        if rows is None or self.anchor is None:
            return None
        anchor_row, cursor_row = rows
        if not min(rows) <= row <= max(rows) or row == cursor_row:
            return None  # the editor draws its own part
        if row != anchor_row:
            return WHOLE
        return (self.anchor[1], len(self.anchor[0].text)) if anchor_row < cursor_row else (0, self.anchor[1])

    def extend(self, delta: int) -> None:
        """Shift+Down (+1) or Shift+Up (-1) past the clause's edge: the selection goes on into
        the next (previous) clause, the cursor on its first (last) line at the same x."""
        view = self.view
        current, rows = view.current_clause(), view.rows
        if current is None or rows is None:
            return
        row = rows.row_of(current.id)
        if row is None or not 0 <= row + delta < len(rows):
            return
        x = view.editor.cursorRect().center().x()
        clause = rows.clause(row + delta)
        layout = view.layout_of(row + delta)
        doc = layout.body if layout.plain and layout.body is not None else None
        position = 0 if delta > 0 else len(clause.text)
        if doc is not None:  # the same x on the first (last) line, as the cursor goes
            y = doc.size().height() - 2 if delta < 0 else 1
            hit = doc.documentLayout().hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
            position = min(max(0, hit), len(clause.text))
        self.select_to(clause, position)

    def select_to(self, clause: Clause, position: int, anchor: tuple[Clause, int] | None = None) -> None:
        """Select from the anchor (`anchor`, or where the selection or the cursor's selection
        began) to `position` in `clause`, the cursor there; the page does not jump."""
        view = self.view
        current, rows = view.current_clause(), view.rows
        if current is None or rows is None:
            return
        if anchor is not None:
            self.anchor = anchor
        elif self.anchor is None:
            self.anchor = (current, view.editor.textCursor().anchor())
        anchor_clause, anchor_position = self.anchor
        row, anchor_row = rows.row_of(clause.id), rows.row_of(anchor_clause.id)
        if row is None or anchor_row is None:
            self.anchor = None
            return
        if clause is not current or view.field != "text":
            view.move_editor(clause, row)
        if clause is anchor_clause:  # back in the clause it began in: an ordinary selection
            self.anchor = None
            view.editor.set_position(position, anchor_position)
        else:  # the cursor's part runs from the edge nearer the anchor
            view.editor.set_position(position, len(clause.text) if row < anchor_row else 0)
        view.viewport().update()

    def copy(self) -> None:
        span = self.span()
        if span is not None:
            QGuiApplication.clipboard().setText(text_across(*span))

    def delete(self) -> None:
        """Delete what is selected (one undo step); the cursor stays where it began."""
        view, span = self.view, self.span()
        self.anchor = None
        if span is None or view.document is None:
            return
        clauses, start, end = span
        view.document.push(DeleteAcross(clauses[0].id, start, clauses[-1].id, end, name=view.tr("Delete")))
        view.show_clause(clauses[0].id, start)
