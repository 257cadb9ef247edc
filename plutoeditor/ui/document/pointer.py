"""Where a point of the Document view's page falls (the row, its clause, the position in its
text) and what hovering it shows: the definition of the defined term under the mouse, as the
Clause pane shows it, and the messages of the clause's findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

from plutoeditor.model import Clause
from plutoeditor.ui.editor.term_tooltips import definition_at

if TYPE_CHECKING:
    from plutoeditor.ui.document.view import DocumentView


def hit(view: DocumentView, point: QPointF, exact: bool = False) -> tuple[int, Clause, int | None] | None:
    """The row under a point of the viewport, its clause and the position in its text there
    (the nearest, or with `exact` only over a character; None where the text is not drawn
    from its paragraphs alone, as in a table). None: the page has no clauses."""
    rows = view.rows
    if rows is None or not len(rows):
        return None
    y = point.y() + view.verticalScrollBar().value()
    row = rows.row_at(int(y) - view._content_top())
    clause = rows.clause(row)
    layout = view.layout_of(row)
    editing = clause is view.current_clause()
    doc = view.editor.document() if editing else layout.body
    if doc is None or not (layout.plain or editing):
        return row, clause, None
    local = QPointF(point.x() - view._text_left - layout.column, y - view.row_top(row) - layout.body_y)
    accuracy = Qt.HitTestAccuracy.ExactHit if exact else Qt.HitTestAccuracy.FuzzyHit
    position = doc.documentLayout().hitTest(local, accuracy)
    if position < 0:
        return row, clause, None if exact else 0
    return row, clause, min(position, len(clause.text))


def tooltip(view: DocumentView, point: QPointF) -> str:
    """What hovering a point shows: a defined term's definition, then the clause's findings."""
    found = hit(view, point, exact=True)
    if found is None or view.document is None:
        return ""
    _row, clause, position = found
    parts = []
    if position is not None:
        definition = definition_at(view.document.policy, clause.text, position)
        if definition:
            parts.append(definition)
    messages = view.finding_messages(clause)
    if messages:
        parts.append(messages)
    return "\n\n".join(parts)
