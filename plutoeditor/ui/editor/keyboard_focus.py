"""Where the keyboard goes in the editor window: Tab through the fields, F6 and Shift+F6 from
pane to pane, and back to where the user was when the find bar closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid as shiboken_valid

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

    from plutoeditor.ui.document.view import DocumentView
    from plutoeditor.ui.editor.clause_editor import ClauseEditor
    from plutoeditor.ui.editor.find_replace import FindBar
    from plutoeditor.ui.editor.findings_panel import FindingsPanel
    from plutoeditor.ui.editor.metadata_panel import MetadataPanel
    from plutoeditor.ui.editor.outline_view import OutlineView

    pass


class FocusWindow(Protocol):
    """What KeyboardFocus uses of its editor window."""

    pages: QStackedWidget
    outline: OutlineView
    clause_editor: ClauseEditor
    document_view: DocumentView
    metadata_panel: MetadataPanel
    findings_panel: FindingsPanel
    find_bar: FindBar

    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class KeyboardFocus(QObject):
    """Keyboard movement between the panes of one window."""

    def __init__(self, editor: FocusWindow) -> None:
        super().__init__(editor.window())
        self.editor = editor
        self._before_find: QWidget | None = None

    def set_tab_order(self) -> None:
        """Tab goes outline → label → kind → heading → text → findings → policy details.
        (Tab in the outline indents; Shift+Tab and F6 leave it.)"""
        window = self.editor
        editor, details = window.clause_editor, window.metadata_panel
        chain = [
            window.outline,
            editor.label_edit,
            editor.kind_box,
            editor.heading_edit,
            editor.text_edit,
            window.findings_panel.view,
            window.findings_panel.fix_button,
            *details.edits.values(),
            details.has_date,
            details.date_edit,
            details.summary,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _panes(self) -> list[tuple[QWidget, QWidget]]:
        """(pane, widget to focus) in F6 order, for the panes now shown."""
        window = self.editor
        editor = window.clause_editor
        document = window.document_view
        panes = [
            (window.outline, window.outline),
            (window.pages, document.editor if document.editor.isVisible() else window.outline),
            (editor, editor.label_edit if editor.clause is not None else window.outline),
            (window.findings_panel, window.findings_panel.view),
            (window.metadata_panel, window.metadata_panel.edits["title"]),
        ]
        return [(pane, target) for pane, target in panes if pane.isVisible() and target.isVisible()]

    def cycle_pane(self, delta: int) -> None:
        """Move the keyboard to the next (+1) or previous (-1) pane (F6 / Shift+F6)."""
        panes = self._panes()
        if not panes:
            return
        focus = QApplication.focusWidget()
        here = next(
            (
                i
                for i, (pane, _t) in enumerate(panes)
                if focus is pane or (focus and pane.isAncestorOf(focus))
            ),
            None,
        )
        index = (0 if delta > 0 else len(panes) - 1) if here is None else (here + delta) % len(panes)
        panes[index][1].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- the find bar --------------------------------------------------------------------
    def open_find(self, replace: bool) -> None:
        """Edit > Find (or Replace): the find bar takes the keyboard, remembering where it was."""
        find_bar = self.editor.find_bar
        focus = QApplication.focusWidget()
        if focus is not None and not find_bar.isAncestorOf(focus):
            self._before_find = focus
        find_bar.open(replace=replace, text=self._selected_text())

    def find_closed(self) -> None:
        """Esc in the find bar: back to the match it showed, else to where the user was."""
        window = self.editor
        match = window.find_bar.current_match()
        editor = window.clause_editor
        before = self._before_find
        if match is not None and editor.clause is not None and editor.clause.id == match.clause_id:
            in_pane = before is not None and shiboken_valid(before) and editor.isAncestorOf(before)
            if match.field == "heading" or in_pane:
                (editor.heading_edit if match.field == "heading" else editor.text_edit).setFocus()
            else:
                window.document_view.editor.setFocus()
            return
        if before is not None and shiboken_valid(before) and before.isVisible() and before.isEnabled():
            before.setFocus()
        elif window.document_view.current_clause() is not None:
            window.document_view.editor.setFocus()
        else:
            window.outline.setFocus()

    def _selected_text(self) -> str:
        """The text selected in the clause, to search for (not across paragraphs)."""
        field: QPlainTextEdit | QTextEdit = self.editor.clause_editor.text_edit
        if self.editor.document_view.editor.hasFocus():
            field = self.editor.document_view.editor
        text = field.textCursor().selectedText()
        return text if text and "\u2029" not in text else ""
