"""The Document view's editor: one clause's text, edited in place where it is drawn.

It breaks lines exactly as the painted clause does (same document settings, same width),
so the text does not move when the cursor enters a clause. Each change is a typing step on
the document's undo stack (consecutive typing in one clause merges into one step); keys
that change the structure (Enter, Tab, Backspace at the start, ...) and pastes of several
paragraphs go to the view, which turns them into model operations.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QTextEdit, QWidget

from plutoeditor.export.pdf_layout import INK
from plutoeditor.model import Clause
from plutoeditor.model.operations import SetClauseField
from plutoeditor.ui.document.layout import SEVERITY_COLOURS

SEARCH_HIGHLIGHT = QColor(255, 226, 110)  # every match of the find bar, as a highlighter pen


def underline(severity: str) -> QTextCharFormat:
    """How a finding's words are marked: a wavy line in its severity's colour."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(SEVERITY_COLOURS.get(severity, QColor("#777")))
    return fmt


class ClauseTextEdit(QTextEdit):
    """A frameless text field sized to its clause's text, over the view's page."""

    #: the text changed by typing (not by `show`)
    typed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.clause: Clause | None = None
        #: a definition's term and its font, drawn where the page draws it (the editor covers it)
        self.term: tuple[str, QFont] | None = None
        self._showing = False
        #: asked first about every key; True when it handled the key
        self.key_handler: Callable[[QKeyEvent], bool] = lambda event: False
        #: asked to paste text of several paragraphs; True when it did
        self.paste_handler: Callable[[str], bool] = lambda text: False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the document's undo stack undoes typing
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # shown only while the keyboard is here: the page otherwise looks as it is published
        self._placeholder = self.tr("Type the clause's text")
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):  # as the page draws it
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(199, 218, 246))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#1a1a1a"))
        self.setPalette(palette)
        self.textChanged.connect(self._changed)

    def show_text(self, clause: Clause | None, doc: QTextDocument | None, position: int = 0) -> None:
        """Edit another clause's text (`doc` is laid out as the view lays it out)."""
        self._showing = True
        try:
            self.clause = clause
            if doc is not None:
                doc.setParent(self)  # the editor deletes the clause's document it showed before
                self.setDocument(doc)
                self.set_position(position)
        finally:
            self._showing = False

    def replace_text(self, text: str) -> None:
        """The clause's text changed elsewhere (undo, replace): show it, the cursor kept near."""
        position = self.textCursor().position()
        self._showing = True
        try:
            cursor = QTextCursor(self.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
        finally:
            self._showing = False
        self.set_position(min(position, len(text)))

    def set_position(self, position: int, anchor: int | None = None) -> None:
        length = self.document().characterCount() - 1
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(length, position if anchor is None else anchor)))
        if anchor is not None:
            cursor.setPosition(max(0, min(length, position)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def text(self) -> str:
        return self.document().toPlainText()

    def mark(self, spans: list[tuple[int, int, str]], found: list[tuple[int, int]] | None = None) -> None:
        """Underline findings' words ((start, end, severity) in the text) and highlight the
        find bar's matches (`found`)."""
        selections = []
        for start, end in found or []:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            highlight = QTextCharFormat()
            highlight.setBackground(SEARCH_HIGHLIGHT)
            selection.format = highlight  # type: ignore[attr-defined]
            selections.append(selection)
        for start, end, severity in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = underline(severity)  # type: ignore[attr-defined]
            selections.append(selection)
        self.setExtraSelections(selections)

    def on_first_line(self) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        line = block.layout().lineForTextPosition(cursor.positionInBlock())
        return block == self.document().begin() and (not line.isValid() or line.lineNumber() == 0)

    def on_last_line(self) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        layout = block.layout()
        line = layout.lineForTextPosition(cursor.positionInBlock())
        last = not line.isValid() or line.lineNumber() == layout.lineCount() - 1
        return block == self.document().lastBlock() and last

    # -- Qt ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.term is not None:  # a definition's term, before its meaning on the first line
            text, font = self.term
            painter = QPainter(self.viewport())
            painter.setFont(font)
            painter.setPen(INK)
            painter.drawText(QPointF(0, QFontMetricsF(font).ascent()), text + ":")
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setPlaceholderText(self._placeholder)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setPlaceholderText("")
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        if text.strip("\r\n").count("\n") or text.strip("\r\n").count("\r"):
            if self.paste_handler(text):
                return
        super().insertFromMimeData(source)

    def _changed(self) -> None:
        if not self._showing:
            self.typed.emit()


def typing_step(clause: Clause, text: str, name: str, field: str = "text") -> SetClauseField | None:
    """The undo step for what was typed into a clause's text or heading (None: no change)."""
    if field == "heading":
        text = " ".join(text.split("\n"))  # a heading is one line
    if getattr(clause, field) == text:
        return None
    return SetClauseField(clause.id, field, text, name=name)
