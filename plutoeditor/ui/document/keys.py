"""What the keys do in the Document view, beyond typing: Enter, Tab, Shift+Tab, Backspace
and Delete at a clause's edges, paste of several paragraphs, and moving the cursor from
one clause into the next (arrows, Page Up / Down, Ctrl+Home / End), as in a word processor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from plutoeditor.model import Clause
from plutoeditor.model import operations as ops
from plutoeditor.ui.document.editing import Edit, merge_into_previous, new_clause_after, paste_paragraphs
from plutoeditor.ui.document.pointer import hit

if TYPE_CHECKING:
    from plutoeditor.ui.document.view import DocumentView

Key = Qt.Key
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier
SHIFT_ONLY = Qt.KeyboardModifier.ShiftModifier | KEYPAD
_PAGE_KEYS = (Key.Key_PageUp, Key.Key_PageDown, Key.Key_Home, Key.Key_End)
_NAVIGATION = (Key.Key_Up, Key.Key_Down, Key.Key_Left, Key.Key_Right, Key.Key_PageUp, Key.Key_PageDown,
               Key.Key_Home, Key.Key_End)  # fmt: skip


class DocumentKeys(QObject):
    """Key handling for one Document view."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view

    # -- helpers -----------------------------------------------------------------------
    def _neighbour(self, delta: int) -> Clause | None:
        view = self.view
        current = view.current_clause()
        if view.rows is None or current is None:
            return None
        row = view.rows.row_of(current.id)
        if row is None or not 0 <= row + delta < len(view.rows):
            return None
        return view.rows.clause(row + delta)

    def _apply(self, edit: Edit | None, name: str) -> None:
        view = self.view
        if edit is None or view.document is None:
            return
        edit.operation.name = name
        view.document.push(edit.operation)
        view.show_clause(edit.clause.id, edit.position)

    def _structure(self, operation: ops.Operation | None, name: str) -> None:
        """Indent or outdent the clause, the cursor staying where it is in the text."""
        view, current = self.view, self.view.current_clause()
        if operation is None or view.document is None or current is None:
            return
        position = view.cursor_position()
        operation.name = name
        view.document.push(operation)
        view.show_clause(current.id, position)

    def _go(self, clause: Clause | None, position: int | None = None, x: float | None = None,
            last_line: bool = False) -> None:  # fmt: skip
        """Into another clause: at `position`, or on its first (last) line at `x`."""
        view = self.view
        if clause is None:
            return
        view.show_clause(clause.id, position if position is not None else 0)
        if x is not None:
            doc = view.editor.document()
            y = doc.size().height() - 2 if last_line else 1
            hit = doc.documentLayout().hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
            view.editor.set_position(max(0, hit))

    # -- keys --------------------------------------------------------------------------
    def handle(self, event: QKeyEvent) -> bool:
        """Handle a key pressed in the view's editor; False: the editor types it."""
        view = self.view
        document, current = view.document, view.current_clause()
        if document is None:
            return False
        if current is None:
            if event.key() in (Key.Key_Return, Key.Key_Enter) and not document.policy.clauses:
                new = Clause()
                document.push(
                    ops.InsertClause(
                        None, 0, new, name=QCoreApplication.translate("DocumentKeys", "New clause")
                    )
                )
                view.show_clause(new.id, 0)
                return True
            return False
        if view.field == "heading":
            return self._in_heading(event, current)
        if view.selection.active() and self._across(event):
            return True
        editor = view.editor
        cursor = editor.textCursor()
        position, selected = cursor.position(), cursor.hasSelection()
        modifiers = event.modifiers() & ~KEYPAD
        key = event.key()
        policy = document.policy
        if key in (Key.Key_Return, Key.Key_Enter):
            if modifiers == Qt.KeyboardModifier.ShiftModifier:
                cursor.insertBlock()  # a new paragraph in the same clause
                return True
            if modifiers != NO_MODIFIER:
                return False
            if selected:
                cursor.removeSelectedText()
                position = cursor.position()
            self._apply(
                new_clause_after(policy, current, position),
                QCoreApplication.translate("DocumentKeys", "New clause"),
            )
            return True
        if key == Key.Key_Tab and modifiers == NO_MODIFIER:
            self._structure(ops.indent(policy, current), QCoreApplication.translate("DocumentKeys", "Indent"))
            return True
        if key == Key.Key_Backtab:
            self._structure(
                ops.outdent(policy, current), QCoreApplication.translate("DocumentKeys", "Outdent")
            )
            return True
        if key == Key.Key_Backspace and modifiers == NO_MODIFIER and position == 0 and not selected:
            previous = self._neighbour(-1)
            if previous is not None:
                self._apply(
                    merge_into_previous(policy, current, previous),
                    QCoreApplication.translate("DocumentKeys", "Merge clauses"),
                )
            return True
        at_end = position == len(current.text)
        if key == Key.Key_Delete and modifiers == NO_MODIFIER and at_end and not selected:
            following = self._neighbour(+1)
            if following is not None:
                self._apply(
                    merge_into_previous(policy, following, current),
                    QCoreApplication.translate("DocumentKeys", "Merge clauses"),
                )
            return True
        return self._move(event, position, at_end, selected)

    def _across(self, event: QKeyEvent) -> bool:
        """Keys while the selection runs over several clauses: Copy, Cut, Delete, Backspace;
        typing replaces the selection; Shift+Up / Down go on extending it (in `_move`); any
        other key ends it first. True when the key was handled here."""
        selection, key = self.view.selection, event.key()
        shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.matches(QKeySequence.StandardKey.Copy):
            selection.copy()
            return True
        if event.matches(QKeySequence.StandardKey.Cut):
            selection.copy()
            selection.delete()
            return True
        if key in (Key.Key_Backspace, Key.Key_Delete):
            selection.delete()
            return True
        if key in _NAVIGATION and shifted:  # the selection goes on (`_move`, or the editor)
            return False
        if event.text() and event.text().isprintable() and not event.modifiers() & ~SHIFT_ONLY:
            selection.delete()  # then the editor types the key where the selection was
            return False
        if key not in (Key.Key_Shift, Key.Key_Control, Key.Key_Alt, Key.Key_Meta):
            selection.clear()
        return False

    def _move(self, event: QKeyEvent, position: int, at_end: bool, selected: bool) -> bool:
        editor = self.view.editor
        key, modifiers = event.key(), event.modifiers() & ~KEYPAD
        if modifiers == Qt.KeyboardModifier.ShiftModifier and self._select(key, position, at_end):
            return True
        if event.matches(QKeySequence.StandardKey.SelectStartOfDocument):
            rows = self.view.rows
            if rows is not None and len(rows):
                self.view.selection.select_to(rows.clause(0), 0)
            return True
        if event.matches(QKeySequence.StandardKey.SelectEndOfDocument):
            rows = self.view.rows
            if rows is not None:
                rows.complete()
            if rows is not None and len(rows):
                last = rows.clause(len(rows) - 1)
                self.view.selection.select_to(last, len(last.text))
            return True
        if modifiers == NO_MODIFIER and not selected:
            x = editor.cursorRect().center().x()
            current = self.view.current_clause()
            to_heading = current is not None and self._has_heading(current)
            if (
                to_heading
                and current is not None
                and (key == Key.Key_Up and editor.on_first_line() or key == Key.Key_Left and position == 0)
            ):  # up into the clause's own heading
                self.view.edit_heading(current, len(current.heading) if key == Key.Key_Left else 0)
                if key == Key.Key_Up:
                    self._at_x(x)
                return True
            if key == Key.Key_Up and editor.on_first_line():
                self._go(self._neighbour(-1), x=x, last_line=True)
                return self._neighbour(-1) is not None or True
            if key == Key.Key_Down and editor.on_last_line():
                self._go(self._neighbour(+1), x=x)
                return True
            if key == Key.Key_Left and position == 0:
                previous = self._neighbour(-1)
                self._go(previous, len(previous.text) if previous else 0)
                return True
            if key == Key.Key_Right and at_end:
                self._go(self._neighbour(+1), 0)
                return True
        if key in (Key.Key_PageDown, Key.Key_PageUp) and modifiers == NO_MODIFIER:
            self._page(+1 if key == Key.Key_PageDown else -1)
            return True
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument):
            rows = self.view.rows
            if rows is not None and len(rows):
                self._go(rows.clause(0), 0)
                self.view.verticalScrollBar().setValue(0)
            return True
        if event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            rows = self.view.rows
            if rows is not None:
                rows.complete()  # the last clause's row may not be built yet
            if rows is not None and len(rows):
                last = rows.clause(len(rows) - 1)
                self._go(last, len(last.text))
            return True
        return False

    def _has_heading(self, clause: Clause) -> bool:
        view = self.view
        row = view.rows.row_of(clause.id) if view.rows is not None else None
        return row is not None and view.layout_of(row).heading is not None and bool(clause.heading.strip())

    def _at_x(self, x: float, last_line: bool = False) -> None:
        """The cursor on the editor's first (last) line, at `x`."""
        doc = self.view.editor.document()
        y = doc.size().height() - 2 if last_line else 1
        hit_at = doc.documentLayout().hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
        self.view.editor.set_position(max(0, hit_at))

    def _in_heading(self, event: QKeyEvent, current: Clause) -> bool:
        """Keys in a heading typed in place: Enter, Down or Right at its end go on into the
        clause's text, Up or Left at its start to the clause before; Tab indents; a heading
        has no line breaks, and Backspace or Delete at its edges join nothing."""
        view, editor = self.view, self.view.editor
        cursor = editor.textCursor()
        position, selected = cursor.position(), cursor.hasSelection()
        key, modifiers = event.key(), event.modifiers() & ~KEYPAD
        plain = modifiers == NO_MODIFIER
        at_end = position == len(editor.text())
        x = editor.cursorRect().center().x()
        if (
            key in (Key.Key_Return, Key.Key_Enter)
            or plain
            and not selected
            and (key == Key.Key_Down and editor.on_last_line() or key == Key.Key_Right and at_end)
        ):
            view.show_clause(current.id, 0, field="text")  # its text, a line of its own when empty
            if key == Key.Key_Down:
                self._at_x(x)
            return True
        if (
            plain
            and not selected
            and (key == Key.Key_Up and editor.on_first_line() or key == Key.Key_Left and position == 0)
        ):
            previous = self._neighbour(-1)
            if previous is not None:
                self._go(previous, len(previous.text), x=x if key == Key.Key_Up else None, last_line=True)
            return True
        if (
            plain
            and not selected
            and (key == Key.Key_Backspace and position == 0 or key == Key.Key_Delete and at_end)
        ):
            return True
        policy = view.document.policy if view.document is not None else None
        if key == Key.Key_Tab and plain and policy is not None:
            self._structure(ops.indent(policy, current), QCoreApplication.translate("DocumentKeys", "Indent"))
            return True
        if key == Key.Key_Backtab and policy is not None:
            self._structure(
                ops.outdent(policy, current), QCoreApplication.translate("DocumentKeys", "Outdent")
            )
            return True
        return self._move(event, position, at_end, selected) if key in _PAGE_KEYS else False

    def _select(self, key: int, position: int, at_end: bool) -> bool:
        """Shift and an arrow or Page Up / Down past the clause's edge: the selection goes on
        into the clauses around (True); inside the clause the editor extends it (False)."""
        view, editor = self.view, self.view.editor
        if key in (Key.Key_Up, Key.Key_Down):
            if not (editor.on_first_line() if key == Key.Key_Up else editor.on_last_line()):
                return False
            view.selection.extend(-1 if key == Key.Key_Up else +1)
            return True
        if key == Key.Key_Left and position == 0:
            previous = self._neighbour(-1)
            if previous is not None:
                view.selection.select_to(previous, len(previous.text))
            return True
        if key == Key.Key_Right and at_end:
            following = self._neighbour(+1)
            if following is not None:
                view.selection.select_to(following, 0)
            return True
        if key in (Key.Key_PageDown, Key.Key_PageUp):
            point = self._page_point(+1 if key == Key.Key_PageDown else -1)
            found = hit(view, point)
            if found is not None:
                view.selection.select_to(found[1], found[2] or 0)
            return True
        return False

    def _page_point(self, direction: int) -> QPointF:
        """Scroll a screen up or down; where the cursor was on the screen."""
        view = self.view
        bar = view.verticalScrollBar()
        point = view.editor.mapTo(view.viewport(), view.editor.cursorRect().center())
        bar.setValue(bar.value() + direction * bar.pageStep())
        return QPointF(point.x(), min(max(point.y(), 0), view.viewport().height() - 1))

    def _page(self, direction: int) -> None:
        """Page Down / Up: the page scrolls by a screen, the cursor goes with it."""
        self.view.go_to_point(self._page_point(direction))

    def paste(self, text: str) -> bool:
        """Several pasted paragraphs become clauses (one undo step)."""
        view = self.view
        current = view.current_clause()
        if view.document is None or current is None:
            return False
        if view.field == "heading":  # a heading is one line
            view.editor.insertPlainText(" ".join(text.split()))
            return True
        self._apply(paste_paragraphs(view.document.policy, current, view.cursor_position(), text),
                    QCoreApplication.translate("DocumentKeys", "Paste clauses"))  # fmt: skip
        return True
