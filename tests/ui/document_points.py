"""Where a clause's text is drawn on the Document view's page, for tests that point at it."""

from __future__ import annotations

from PySide6.QtCore import QPoint


def point_of(view, clause_id: str, position: int) -> QPoint:
    """The viewport point just right of character `position` of a clause's text, mid-line."""
    row = view.rows.row_of(clause_id)
    layout = view.layout_of(row)
    doc = view.editor.document() if layout.clause is view.current_clause() else layout.body
    block = doc.findBlock(position)
    text_layout = block.layout()
    line = text_layout.lineForTextPosition(position - block.position())
    x, _ = line.cursorToX(position - block.position())
    y = text_layout.position().y() + line.y() + line.height() / 2
    top = view.row_top(row) - view.verticalScrollBar().value()
    return QPoint(int(view._text_left + layout.column + x + 2), int(top + layout.body_y + y))
