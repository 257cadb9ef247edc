"""The Document view: the whole policy as one continuous page, laid out as it is published,
with the clause under the cursor edited in place.

Virtualised: only the clauses on screen are laid out (`page`, `rows`: the others keep
estimated heights), so a 10,000-clause policy opens as fast as a short one and typing,
cursor moves and scrolling cost what the visible clauses cost. One editor moves from clause
to clause, into a clause's text or heading (`editor`); the keys that change the structure
become model operations (`keys`, `editing`) on the document's undo stack, as the Clause
menu's do; the mouse selects and hovers (`pointer`); Undo puts the cursor back (`undo_cursor`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget

from plutoeditor.model import ChangeEvent, Clause, ClauseKind
from plutoeditor.model import operations as ops
from plutoeditor.ui.document.editor import ClauseTextEdit, typing_step
from plutoeditor.ui.document.findings import search_spans
from plutoeditor.ui.document.keys import DocumentKeys
from plutoeditor.ui.document.layout import (
    ClauseLayout,
    Style,
    lay_out,
)
from plutoeditor.ui.document.page import DocumentPage
from plutoeditor.ui.document.paint import GUTTER
from plutoeditor.ui.document.pointer import Drag, go_to_point, tooltip
from plutoeditor.ui.document.rows import DocumentRows
from plutoeditor.ui.document.selection import ClauseRange
from plutoeditor.ui.document.undo_cursor import UndoCursor
from plutoeditor.ui.editor.clause_editor import UndoKeys
from plutoeditor.ui.editor.open_document import Document

PAGE_WIDTH_MM = 210.0
SIDE_MARGIN_MM = 22.0
_MOUSE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease)
BUILD_STEP_SECONDS = 0.015  # building the rows of a big policy, per turn of the event loop
# the Outline and the Clause pane follow the cursor this long after it went into another
# clause (expanding the outline's section and filling the pane cost 3 times the keystroke)
FOLLOW_MS = 100


class DocumentView(DocumentPage):
    """The policy from top to bottom; the keyboard edits the clause the cursor is in."""

    # the cursor went into another clause (the Clause)
    current_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self._current: Clause | None = None
        self._editing: ClauseLayout | None = None  # the layout of the clause with the cursor
        # what of that clause the cursor is in: its "text", or its "heading" (typed in place too)
        self.field = "text"
        self._undo_cursor: UndoCursor | None = None
        self._starting = False  # a policy was set; its rows are laid out on the next turn
        self._wanted: tuple[str, int | None, int | None] | None = None
        self._orphan: Clause | None = None  # the clause for the cursor when its own is deleted
        self._removing = False
        self.setObjectName("documentView")
        self.setAccessibleName(self.tr("Document"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalScrollBar().setSingleStep(40)
        self.viewport().setMouseTracking(False)
        self.editor = ClauseTextEdit(self.viewport())
        self.editor.setAccessibleName(self.tr("Document text"))
        self.editor.hide()
        self.setFocusProxy(self.editor)
        self.selection = ClauseRange(self)
        self.keys = DocumentKeys(self)
        self.drag = Drag(self)
        self.editor.key_handler = self.keys.handle
        self.editor.paste_handler = self.keys.paste
        self.editor.typed.connect(self._typed)
        self.editor.document().contentsChanged.connect(self._editor_resized)
        self.editor.cursorPositionChanged.connect(self._ensure_cursor_visible)
        self.editor.installEventFilter(UndoKeys(self))
        self.editor.viewport().installEventFilter(self)

    # -- the document ------------------------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.policy.unsubscribe(self._on_change)
            self.document.findings_changed.disconnect(self._findings_changed)
            self.document.metadata_changed.disconnect(self._metadata_changed)
        if self.rows is not None:
            self.rows.detach()
        if self._undo_cursor is not None:
            self._undo_cursor.detach()
            self._undo_cursor = None
        self.document, self.rows, self._current = document, None, None
        self._layouts.clear()
        self.editor.hide()
        if document is not None:
            self._fit_width(force=True)
            self.rows = DocumentRows(document.policy, self.style_.estimate)
            self.rows.changed = self._rows_changed
            document.policy.subscribe(self._on_change)
            self._undo_cursor = UndoCursor(self, document)
            document.findings_changed.connect(self._findings_changed)
            document.metadata_changed.connect(self._metadata_changed)
            self.title_block.set_metadata(document.policy.metadata, self.style_.text_width)
            self._findings_changed()
        # The rows are built on the next turn of the event loop (or when first asked for), so
        # a big policy's window appears first and neither step holds the window long.
        self._wanted = None
        self._starting = document is not None
        # (after _starting: scrolling back from where the last policy was read lays out now,
        # which walked all 10,000 clauses at once, 35 ms, before the stepwise build began)
        self.verticalScrollBar().setValue(0)
        if self._starting:
            QTimer.singleShot(0, self, self._start)
        else:
            self.relayout()

    def _start(self) -> None:
        """Lay out the rows of a newly shown policy and put the cursor in its first clause
        (or the one asked for meanwhile)."""
        if not self._starting or self.document is None:
            return
        self._starting = False
        rows = self.rows
        assert rows is not None
        rows.start_building()  # the first rows now, the rest a step per turn of the event loop
        rows.build_more(BUILD_STEP_SECONDS)
        wanted = self._wanted
        if wanted is None and self.document.policy.clauses:
            wanted = (self.document.policy.clauses[0].id, None, None)
        if wanted is None or not self.show_clause(*wanted):
            self.relayout()
        if rows.building:
            QTimer.singleShot(0, self, lambda: self._build_more(rows))

    def _build_more(self, rows: DocumentRows) -> None:
        if rows is not self.rows or not rows.building:
            return
        done = rows.build_more(BUILD_STEP_SECONDS)
        self._set_range()  # the page grows as its rows come
        self.viewport().update()
        if not done:
            QTimer.singleShot(0, self, lambda: self._build_more(rows))

    def current_clause(self) -> Clause | None:
        self._start()
        return self._current

    def cursor_position(self) -> int:
        self._start()
        return self.editor.textCursor().position()

    def show_clause(
        self, clause_id: str, position: int | None = None, anchor: int | None = None, field: str = ""
    ) -> bool:
        """Put the cursor in a clause (at `position`, selecting from `anchor`), scrolled into view:
        in its text, or (`field` "" ) in its heading when it has a heading and no text yet, as
        a word processor puts the cursor in a heading paragraph; `field` "text": in its text."""
        if self.document is None or self.rows is None:
            return False
        if self._removing:  # the outline's selection moving off a clause being deleted
            return True
        if self._starting:
            if self.document.policy.find(clause_id) is None:
                return False
            self._wanted = (clause_id, position, anchor)
            return True
        row = self.rows.row_of(clause_id)
        if row is None:
            return False
        clause = self.rows.clause(row)
        if not field:
            field = "heading" if not clause.text and self._heading_drawn(clause) else "text"
        if clause is not self._current or self.field != field:
            self._edit(clause, row, field=field)
        if position is not None:
            self.editor.set_position(position, anchor)
        value, height = self.verticalScrollBar().value(), self.viewport().height()
        top = self.row_top(row)
        if not value <= top < value + height - 2 * self.style_.line:  # a jump: the clause a third down
            self.verticalScrollBar().setValue(int(top - height / 3))
        self.relayout()
        self._ensure_cursor_visible()
        return True

    def select_text(self, start: int, end: int, focus: bool = True) -> None:
        """Select words of the current clause's text (a finding, a search match)."""
        self._start()
        self.editor.set_position(end, start)
        self._ensure_cursor_visible()
        if focus:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- rows and their layouts --------------------------------------------------------
    def _fit_width(self, force: bool = False) -> None:
        width = self.viewport().width()
        page_width = min(width - 2 * GUTTER, PAGE_WIDTH_MM * self._mm())
        margin = max(16.0, min(SIDE_MARGIN_MM * self._mm(), page_width * 0.07))
        text_width = max(120.0, page_width - 2 * margin)
        left = max(float(GUTTER), (width - page_width) / 2)
        self._page = QRectF(left, 0, page_width, 0)
        self._text_left = left + margin
        if force or abs(text_width - self.style_.text_width) >= 1:
            self.style_ = Style(text_width)
            self._layouts.clear()
            if self.rows is not None:
                self.rows.forget_heights(self.style_.estimate)
            if self.document is not None:
                self.title_block.set_metadata(self.document.policy.metadata, text_width)
                if self._current is not None:
                    self._edit(
                        self._current, self.rows.row_of(self._current.id) if self.rows else None, keep=True
                    )

    # -- editing -----------------------------------------------------------------------
    def _edit(
        self, clause: Clause, row: int | None, position: int = 0, keep: bool = False, field: str = "text"
    ) -> None:
        """Move the editor to a clause's text (or `field` "heading"); `keep`: the same clause
        and field, laid out anew (width)."""
        if row is None or self.rows is None:
            return
        if keep:
            position, field = self.cursor_position(), self.field
        previous = self._current
        self._current = clause
        if previous is not None:
            self._layouts.pop(previous.id, None)
            left = self.rows.row_of(previous.id) if previous is not clause else None
            if left is not None:
                self.layout_of(left)  # its height without the editor, before anything is placed
        depth = self.rows.depth(row)
        heading = field == "heading" and clause.kind is not ClauseKind.DEFINITION
        layout = lay_out(clause, depth, self.style_, editing=True, with_heading=heading)
        doc = layout.heading if heading else layout.body  # laid out as painted: nothing moves
        assert doc is not None
        if heading:
            doc.setDefaultFont(self.style_.heading_font(clause, depth))
        self.field = "heading" if heading else "text"
        self._editing = layout
        self.editor.term = (layout.term, layout.term_font) if layout.term_font and not heading else None
        self.editor.show_text(clause, doc, position)
        doc.contentsChanged.connect(self._editor_resized)
        self._mark_editor()
        name = " ".join(p for p in (clause.label.strip(), clause.display_name(60)) if p)
        # what a screen reader says: which field, of which clause, and what it contains
        self.editor.setAccessibleName(self.tr("Clause heading") if heading else self.tr("Document text"))
        self.editor.setAccessibleDescription(self.tr("Clause {0}").format(name) if name else "")
        if not keep and clause is not previous:
            self.current_changed.emit(clause)

    def _typed(self) -> None:
        document, clause = self.document, self._current
        if document is not None and clause is None and not document.policy.clauses:
            first = Clause(text=self.editor.text())  # typed on the blank page: the first clause
            self._current = self.editor.clause = first
            document.push(ops.InsertClause(None, 0, first, name=self.tr("Typing")))
            self.current_changed.emit(first)
            self.relayout()
            return
        if document is None or clause is None:
            return
        step = typing_step(clause, self.editor.text(), self.tr("Typing"), self.field)
        if step is not None:
            document.push(step, typing=True)

    def _editor_resized(self) -> None:
        if self._current is not None and self.rows is not None:
            row = self.rows.row_of(self._current.id)
            if row is not None:
                old = self.rows.height(row)
                self.layout_of(row)
                if self.rows.height(row) != old:
                    self._set_range()
                    self._place_editor()
                    self.viewport().update()

    def _ensure_cursor_visible(self) -> None:
        if not self.editor.isVisible() and self._current is None:
            return
        self._place_editor()
        rect = self.editor.cursorRect()
        top = self.editor.y() + rect.top() - 4
        bottom = self.editor.y() + rect.bottom() + 4
        bar = self.verticalScrollBar()
        if top < 0:
            bar.setValue(bar.value() + top)
        elif bottom > self.viewport().height():
            bar.setValue(bar.value() + bottom - self.viewport().height())

    def _on_change(self, event: ChangeEvent) -> None:
        """Keep the editor on a clause that exists, showing its text. When the clause with the
        cursor is deleted (undo of Enter, a merge), the cursor goes to the end of the clause
        before it, as in a word processor, not where the outline's selection happens to go."""
        current = self._current
        if current is None or self.rows is None:
            return
        if event.phase == "about":
            if (
                event.kind == "remove"
                and event.clause is not None
                and any(c is current for c in event.clause.walk())
            ):
                row = self.rows.row_of(event.clause.id)
                self._orphan = self.rows.clause(row - 1) if row else None
                self._removing = True
            return
        if event.kind == "update" and event.clause is current:
            if event.field == self.field and self.editor.text() != getattr(current, self.field):
                self.editor.replace_text(getattr(current, self.field))
                self._mark_editor()
            elif event.field != self.field:
                self._editing = None  # its heading or label: laid out again, the editor's text kept
        elif event.kind == "remove" and self._removing:
            self._removing = False
            self._current = None
            orphan, self._orphan = self._orphan, None
            row = self.rows.row_of(orphan.id) if orphan is not None else (0 if len(self.rows) else None)
            if row is not None:
                clause = self.rows.clause(row)
                self._edit(clause, row, len(clause.text) if orphan is not None else 0)
        elif event.kind == "move" and event.clause is not None:
            if any(c is current for c in event.clause.walk()):
                self._moved = True

    def _rows_changed(self) -> None:
        if not self._after_change.isActive():
            self._after_change.start()
        if getattr(self, "_moved", False) and self._current is not None:
            self._moved = False
            QTimer.singleShot(0, self, self._lay_out_editor_again)

    def _lay_out_editor_again(self) -> None:
        """The clause being edited moved (indent, outdent): its text column changed."""
        if self._current is not None and self.rows is not None:
            self._edit(self._current, self.rows.row_of(self._current.id), keep=True)
            self.relayout()

    # -- findings ----------------------------------------------------------------------
    def _findings_changed(self) -> None:
        self.findings.set_findings(self.document.findings if self.document else [])
        self._layouts.clear()
        self._mark_editor()
        self.viewport().update()

    def _mark_editor(self) -> None:
        """The findings' words underlined and the find bar's matches highlighted, in the editor."""
        clause = self._current
        if clause is None:
            return
        spans = self.findings.spans(clause) if self.field == "text" else []
        found = search_spans(self.editor.text(), *self._search)
        self.editor.mark(spans, found)

    def set_search(self, needle: str, match_case: bool) -> None:
        """What the find bar searches for: every match is highlighted ("" when it closes)."""
        if (needle, match_case) == self._search:
            return
        self._search = (needle, match_case)
        self._layouts.clear()
        self._mark_editor()
        self.viewport().update()

    def finding_messages(self, clause: Clause) -> str:
        """What hovering the clause shows: its findings' messages."""
        return self.findings.messages(clause)

    def _metadata_changed(self, _field: str) -> None:
        if self.document is not None:
            self.title_block.set_metadata(self.document.policy.metadata, self.style_.text_width)
            self.relayout()

    # -- events ------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_width()
        self.relayout()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.rows is None or not len(self.rows):
            if self.editor.isVisible():  # the blank page of a policy without clauses
                self.editor.setFocus(Qt.FocusReason.MouseFocusReason)
            super().mousePressEvent(event)
            return
        self.drag.press(event.position(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        self.editor.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.drag.move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.drag.release()

    def move_editor(self, clause: Clause, row: int) -> None:
        """The cursor into another clause's text without scrolling the page to it."""
        if clause is not self._current or self.field != "text":
            self._edit(clause, row)
            self.relayout()

    def go_to_point(self, point: QPointF) -> None:
        """Put the cursor where a point of the viewport falls in the text (or the heading)."""
        go_to_point(self, point)

    @staticmethod
    def _heading_drawn(clause: Clause) -> bool:
        return bool(clause.heading.strip()) and clause.kind is not ClauseKind.DEFINITION

    def edit_heading(self, clause: Clause, position: int) -> None:
        """The cursor into a clause's heading (typed in place, as its text is)."""
        row = self.rows.row_of(clause.id) if self.rows is not None else None
        if row is None or not clause.heading.strip() or clause.kind is ClauseKind.DEFINITION:
            return
        self._edit(clause, row, position, field="heading")
        self.relayout()
        self._ensure_cursor_visible()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        kind = event.type()
        if (kind == QEvent.Type.ToolTip or kind in _MOUSE) and watched is self.editor.viewport():
            if kind == QEvent.Type.ToolTip:
                return self._tooltip(self.editor.mapTo(self.viewport(), event.pos()), event.globalPos())  # type: ignore[attr-defined]
            if kind in _MOUSE and self.rows is not None and len(self.rows):  # a selection may go on
                return self.drag.editor_event(event)  # type: ignore[arg-type]  # into other clauses
        return super().eventFilter(watched, event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            return self._tooltip(event.pos(), event.globalPos())  # type: ignore[attr-defined]
        return super().viewportEvent(event)

    def _tooltip(self, pos: QPoint, global_pos: QPoint) -> bool:
        """A defined term's definition and the clause's findings, for the point hovered."""
        text = tooltip(self, QPointF(pos))
        if text:
            QToolTip.showText(global_pos, text, self.viewport())
        else:
            QToolTip.hideText()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.keys.handle(event):
            super().keyPressEvent(event)
