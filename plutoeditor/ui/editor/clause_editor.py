"""The centre of the window: one clause's label, heading and text, edited in place.

Every keystroke becomes a SetClauseField on the undo stack (consecutive typing merges into
one step). When the clause changes by other means (undo, replace, renumber) the fields are
refreshed without moving the cursor more than needed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from plutoeditor.model import ChangeEvent, Clause, ClauseKind
from plutoeditor.model.labels import plain_label
from plutoeditor.model.operations import SetClauseField
from plutoeditor.ui.editor.open_document import Document

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


class UndoKeys(QObject):
    """Sends Undo/Redo keys in text fields to the document's undo stack, not the field's own."""

    def __init__(self, editor: QWidget) -> None:
        """`editor` is any widget with a `document` attribute (clause editor, metadata panel)."""
        super().__init__(editor)
        self._editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            for key, method in (
                (QKeySequence.StandardKey.Undo, "undo"),
                (QKeySequence.StandardKey.Redo, "redo"),
            ):
                if event.matches(key):  # type: ignore[attr-defined]
                    document = getattr(self._editor, "document", None)
                    if event.type() == QEvent.Type.KeyPress and document is not None:
                        getattr(document.undo_stack, method)()
                    event.accept()
                    return True
        return False


class ClauseEditor(QWidget):
    """Label (with the expected label beside it), kind, heading and text of one clause."""

    #: emitted when the text cursor moves, with (clause id, position) - for split at cursor
    cursor_moved = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.clause: Clause | None = None
        self._updating = False

        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.tr("unnumbered"))
        self.label_edit.setMaximumWidth(140)
        self.label_edit.setToolTip(self.tr("The label exactly as written in the policy"))
        self.expected = QLabel()
        self.expected.setObjectName("expectedLabel")
        self.expected.setStyleSheet("#expectedLabel { color: #9a5b00; font-weight: 600; }")
        # "→ 2.1.1", as the outline writes it, the sentence in its tooltip: "→ position calls
        # for 2.1.1" went into the pane's minimum width, and a mislabelled clause widened the
        # pane for good, the document narrowing by as much.
        self.kind_box = QComboBox()
        for kind, text in (
            (ClauseKind.CLAUSE, self.tr("Clause")),
            (ClauseKind.DEFINITION, self.tr("Definition")),
            (ClauseKind.SCHEDULE, self.tr("Schedule")),
        ):
            self.kind_box.addItem(text, kind.value)
        self.kind_box.setToolTip(self.tr("A definition's heading is the term it defines"))
        self.heading_edit = QLineEdit()
        self.heading_edit.setPlaceholderText(self.tr("No heading"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("Clause text. Paragraphs are separated by line breaks."))
        self.text_edit.setUndoRedoEnabled(False)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setAccessibleName(
            self.tr("Clause text")
        )  # keyboard users go on to the findings and details
        text_font = QFont(self.text_edit.font())
        text_font.setPointSizeF(max(text_font.pointSizeF(), 10.0) + 1.5)
        self.text_edit.setFont(text_font)
        heading_font = QFont(self.heading_edit.font())
        heading_font.setPointSizeF(max(heading_font.pointSizeF(), 10.0) + 2)
        heading_font.setBold(True)
        self.heading_edit.setFont(heading_font)
        self.context = QLabel()
        self.context.setObjectName("clauseContext")
        self.context.setStyleSheet("#clauseContext { color: #666; }")
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        # clipped, not widening the pane: a long path of headings narrowed the Document view
        self.context.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notes = QLabel()
        self.notes.setObjectName("clauseNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setStyleSheet(
            "#clauseNotes { background: #fff8e6; border: 1px solid #e8d9a8;"
            " border-radius: 4px; padding: 6px; }"
        )
        # The findings in a scroll area that is always there, closed when there are none;
        # when they show, the text field gives up the first line of them from its minimum
        # height, so the pane's minimum stays the same from clause to clause. The label wraps,
        # and its whole height had been added to the pane's minimum, so a clause with a few
        # findings made the window grow (past the bottom of a 1366x768 screen). Shown whole
        # when there is room, scrolled when there is not.
        self.notes_area = QScrollArea()
        self.notes_area.setWidget(self.notes)
        self.notes_area.setWidgetResizable(True)
        self.notes_area.setFrameShape(QFrame.Shape.NoFrame)
        self.notes_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.notes_area.setMaximumHeight(0)
        self.placeholder = QLabel(self.tr("Select a clause in the outline to edit it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #777;")

        label_row = QHBoxLayout()
        label_row.addWidget(self.label_edit)
        label_row.addWidget(self.expected)
        label_row.addStretch(1)
        kind_caption = QLabel(self.tr("&Kind:"))
        kind_caption.setBuddy(self.kind_box)
        label_row.addWidget(kind_caption)
        label_row.addWidget(self.kind_box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        label_caption = QLabel(self.tr("&Label:"))
        label_caption.setBuddy(self.label_edit)
        form.addRow(label_caption, label_row)
        form.addRow(self.tr("Headi&ng:"), self.heading_edit)
        self.fields = QWidget()
        fields_layout = QVBoxLayout(self.fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.context)
        fields_layout.addLayout(form)
        fields_layout.addWidget(self.text_edit, 1)
        fields_layout.addWidget(self.notes_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addWidget(self.fields, 1)
        layout.addWidget(self.placeholder, 1)

        undo_keys = UndoKeys(self)
        for widget in (self.label_edit, self.heading_edit, self.text_edit):
            widget.installEventFilter(undo_keys)
        self.label_edit.textEdited.connect(lambda text: self._push("label", text))
        self.heading_edit.textEdited.connect(lambda text: self._push("heading", text))
        self.text_edit.textChanged.connect(lambda: self._push("text", self.text_edit.toPlainText()))
        self.kind_box.activated.connect(lambda i: self._push("kind", self.kind_box.itemData(i)))
        self.text_edit.cursorPositionChanged.connect(self._cursor_moved)
        self.show_clause(None)

    # -- public ---------------------------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.policy.unsubscribe(self._on_change)
            self.document.findings_changed.disconnect(self._show_expected)
        self.document = document
        self.clause = None
        if document is not None:
            document.policy.subscribe(self._on_change)
            document.findings_changed.connect(self._show_expected)
        self.show_clause(None)

    def show_clause(self, clause: Clause | None) -> None:
        """Show a clause (None: the hint to select one)."""
        if clause is self.clause and clause is not None:
            return
        self.clause = clause
        # the one hidden goes first: for a moment both were shown, and the window grew to hold
        # the two (a policy opened made it taller than a 1366x768 screen)
        hidden, shown = (self.fields, self.placeholder) if clause is None else (self.placeholder, self.fields)
        hidden.setVisible(False)
        shown.setVisible(True)
        if clause is None:
            return
        self._updating = True
        try:
            self.label_edit.setText(clause.label)
            self.heading_edit.setText(clause.heading)
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(clause.kind.value)))
            self.text_edit.setPlainText(clause.text)
            self.heading_edit.setPlaceholderText(
                self.tr("Term defined") if clause.kind == ClauseKind.DEFINITION else self.tr("No heading")
            )
        finally:
            self._updating = False
        self._show_context()
        self._show_expected()

    def select_text(self, start: int, end: int, field: str = "text", focus: bool = True) -> None:
        """Put the cursor on a span of the heading or text (finding, search match); with
        `focus` False the span is selected but the keyboard stays where it is (find bar)."""
        if field == "heading":
            if focus:
                self.heading_edit.setFocus()
            self.heading_edit.setSelection(start, end - start)
            return
        cursor = self.text_edit.textCursor()
        cursor.setPosition(min(start, len(self.text_edit.toPlainText())))
        cursor.setPosition(min(end, len(self.text_edit.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
        self.text_edit.setTextCursor(cursor)
        self.text_edit.centerCursor()
        if focus:
            self.text_edit.setFocus()

    def cursor_position(self) -> int:
        return self.text_edit.textCursor().position()

    # -- internals ------------------------------------------------------------------
    def _push(self, field: str, value: object) -> None:
        if self._updating or self.clause is None or self.document is None:
            return
        if getattr(self.clause, field) == value:
            return
        name = {
            "label": self.tr("Edit label"),
            "heading": self.tr("Edit heading"),
            "text": self.tr("Typing"),
            "kind": self.tr("Change kind"),
        }[field]
        self.document.push(SetClauseField(self.clause.id, field, value, name=name), typing=field != "kind")

    def _on_change(self, event: ChangeEvent) -> None:
        clause = self.clause
        if event.phase != "done" or event.kind != "update" or clause is None or event.clause is not clause:
            return
        self._updating = True
        try:
            if event.field == "label" and self.label_edit.text() != clause.label:
                self.label_edit.setText(clause.label)
            elif event.field == "heading" and self.heading_edit.text() != clause.heading:
                self.heading_edit.setText(clause.heading)
            elif event.field == "kind":
                self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(clause.kind.value)))
            elif event.field == "text" and self.text_edit.toPlainText() != clause.text:
                position = self.text_edit.textCursor().position()
                self.text_edit.setPlainText(clause.text)
                cursor = self.text_edit.textCursor()
                cursor.setPosition(min(position, len(clause.text)))
                self.text_edit.setTextCursor(cursor)
        finally:
            self._updating = False

    def _show_context(self) -> None:
        """Where the clause stands: its ancestors' labels and headings."""
        names = []
        node = self.clause.parent if self.clause else None
        while node is not None:
            names.append(f"{node.label.strip()} {node.display_name(40)}".strip())
            node = node.parent
        self.context.setText("  ›  ".join(reversed(names)) if names else self.tr("Top level"))
        self.context.setToolTip(self.context.text())

    def _show_notes(self) -> None:
        """The findings about this clause, under its text."""
        clause, document = self.clause, self.document
        findings = [f for f in document.findings if f.clause_id == clause.id] if clause and document else []
        marks = {"error": "✖", "warning": "⚠", "info": "ℹ"}
        self.notes.setText("\n".join(f"{marks.get(f.severity, '•')}  {f.message}" for f in findings))
        self.notes.setVisible(bool(findings))
        text_least = self.text_edit.minimumSizeHint().height()
        # one line of the notes (with the label's padding and border), taken from the text's
        # minimum, leaving it two lines
        line = self.notes.fontMetrics().lineSpacing() + 14
        line = max(0, min(line, text_least - 2 * self.text_edit.fontMetrics().lineSpacing()))
        self.notes_area.setMinimumHeight(line if findings else 0)
        self.notes_area.setMaximumHeight(QWIDGETSIZE_MAX if findings else 0)
        self.text_edit.setMinimumHeight(text_least - line if findings else 0)

    def _show_expected(self) -> None:
        self._show_notes()
        clause, document = self.clause, self.document
        expected = document.expected.get(clause.id) if clause and document else None
        if clause and expected and plain_label(expected) != plain_label(clause.label):
            self.expected.setText(self.tr("→ {0}").format(expected))
            tip = self.tr("Its position calls for {0}: renumber the document, or apply a fix, to relabel it")
            self.expected.setToolTip(tip.format(expected))
            self.expected.show()
        else:
            self.expected.hide()

    def _cursor_moved(self) -> None:
        if self.clause is not None:
            self.cursor_moved.emit(self.clause.id, self.cursor_position())
