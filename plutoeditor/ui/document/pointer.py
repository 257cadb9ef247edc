"""Where a point of the Document view's page falls (the row, its clause, the position in its
text), what hovering it shows (the definition of the defined term under the mouse, as the
Clause pane shows it, and the messages of the clause's findings) and selecting with the
mouse over several clauses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent

from plutoeditor.model import Clause, ClauseKind
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
    editing = clause is view.current_clause() and view.field == "text"
    doc = view.editor.document() if editing else layout.body
    if doc is None or not (layout.plain or editing):
        return row, clause, None
    local = QPointF(point.x() - view._text_left - layout.column, y - view.row_top(row) - layout.body_y)
    accuracy = Qt.HitTestAccuracy.ExactHit if exact else Qt.HitTestAccuracy.FuzzyHit
    position = doc.documentLayout().hitTest(local, accuracy)
    if position < 0:
        return row, clause, None if exact else 0
    return row, clause, min(position, len(clause.text))


def go_to_point(view: DocumentView, point: QPointF) -> None:
    """Put the cursor where a point of the viewport falls in the text (or the heading)."""
    assert view.rows is not None
    y = point.y() + view.verticalScrollBar().value()
    row = view.rows.row_at(int(y) - view._content_top())
    clause = view.rows.clause(row)
    layout = view.layout_of(row)
    local_y = y - view.row_top(row)
    on_heading = layout.heading is not None and local_y < layout.body_y and bool(clause.heading.strip())
    field = "heading" if on_heading and clause.kind is not ClauseKind.DEFINITION else "text"
    if clause is not view._current or field != view.field:
        view._edit(clause, row, field=field)
        view.relayout()
        layout = view.layout_of(row)
    top = layout.heading_y if view.field == "heading" else layout.body_y
    local = QPointF(point.x() - view._text_left - layout.column, local_y - top)
    position = view.editor.document().documentLayout().hitTest(local, Qt.HitTestAccuracy.FuzzyHit)
    view.editor.set_position(max(0, position))


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


class Drag(QObject):
    """Selecting with the mouse: press, drag over as many clauses as wanted (the page scrolls
    when the mouse leaves it above or below), release; Shift+click extends the selection."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view
        self.anchor: tuple[Clause, int] | None = None  # where the press was
        self._last = QPointF()
        self._scroll = QTimer(self)
        self._scroll.setInterval(50)
        self._scroll.timeout.connect(lambda: self.move(self._last))

    def press(self, point: QPointF, shift: bool = False) -> None:
        view = self.view
        found = hit(view, point)
        current = view.current_clause()
        if found is None:
            return
        _row, clause, position = found
        if shift and current is not None:  # from where the selection (or the cursor) is
            view.selection.select_to(clause, position or 0)
            self.anchor = view.selection.anchor or (current, view.editor.textCursor().anchor())
            return
        view.selection.clear()
        view.go_to_point(point)
        in_text = view.field == "text"  # a press in a heading selects within it only
        self.anchor = (view.current_clause() or clause, view.cursor_position()) if in_text else None

    def move(self, point: QPointF) -> None:
        """The mouse moved with its button down: the selection runs from the press to here."""
        view, anchor = self.view, self.anchor
        if anchor is None:
            return
        self._last = point
        height = view.viewport().height()
        outside = point.y() < 0 or point.y() >= height
        if outside:  # scroll towards the mouse, and go on while it stays there
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + int(point.y() if point.y() < 0 else point.y() - height + 1))
            if not self._scroll.isActive():
                self._scroll.start()
        else:
            self._scroll.stop()
        inside = QPointF(point.x(), min(max(point.y(), 0.0), height - 1.0))
        found = hit(view, inside)
        if found is not None and found[2] is not None:
            view.selection.select_to(found[1], found[2], anchor)

    def release(self) -> None:
        self.anchor = None
        self._scroll.stop()

    def editor_event(self, event: QMouseEvent) -> bool:
        """Press, drag and release over the clause with the cursor: as over the rest of the page."""
        point = QPointF(self.view.editor.mapTo(self.view.viewport(), event.position().toPoint()))
        left = Qt.MouseButton.LeftButton
        if event.type() == QEvent.Type.MouseButtonPress and event.button() == left:
            self.press(point, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            self.view.editor.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        if event.type() == QEvent.Type.MouseMove and event.buttons() & left and self.anchor:
            self.move(point)
            return True
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == left:
            self.release()
            return True
        return False
