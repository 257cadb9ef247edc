"""Taking the user to what a finding or a search match is about: its clause, the words in
it, its label, or a field of Policy Details.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from plutoeditor.checks.finding import Finding
from plutoeditor.ui.document.findings import span_of
from plutoeditor.ui.editor.find_replace import Match

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from plutoeditor.model import Clause
    from plutoeditor.ui.document.view import DocumentView
    from plutoeditor.ui.editor.clause_editor import ClauseEditor
    from plutoeditor.ui.editor.find_replace import FindBar

# Findings about a clause's number: activating one puts the keyboard in the label.
LABEL_CODES = ("duplicate-number", "numbering-gap", "label-style")


class NavigationWindow(Protocol):
    """What Navigation uses of its editor window."""

    clause_editor: ClauseEditor
    document_view: DocumentView
    find_bar: FindBar

    def current_clause(self) -> Clause | None: ...
    def select_clause(self, clause_id: str) -> bool: ...
    def show_details_field(self, name: str, focus: bool = True) -> None: ...
    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class Navigation(QObject):
    """Activating a finding or a search match in one window."""

    def __init__(self, editor: NavigationWindow) -> None:
        super().__init__(editor.window())
        self.editor = editor

    def show_finding(self, finding: Finding, focus: bool = True) -> None:
        """Select the finding's clause and put the cursor at the text it is about; a finding
        about the policy's details (no clause) puts it in that field of Policy Details. With
        `focus` False (a click in the findings list) it is shown there and the keyboard stays
        where it was: the Enter that follows goes to the finding instead of replacing the
        words just selected with a line break."""
        window = self.editor
        if not finding.clause_id:
            if finding.target:
                window.show_details_field(finding.target, focus)
            return
        if not window.select_clause(finding.clause_id):
            return
        clause = window.current_clause()
        assert clause is not None
        editor, document = window.clause_editor, window.document_view
        span = span_of(finding, clause.text)
        if span is not None:
            editor.select_text(*span, focus=False)
            document.select_text(*span, focus)  # in the document, where it is
        elif finding.code == "incomplete-text":
            editor.select_text(len(clause.text), len(clause.text), focus=False)
            document.select_text(len(clause.text), len(clause.text), focus)
        elif finding.expected_label or finding.code in LABEL_CODES:
            if focus:
                editor.label_edit.setFocus()
            editor.label_edit.selectAll()
        else:
            editor.select_text(0, 0, focus=False)
            document.select_text(0, 0, focus)

    def show_match(self, match: Match) -> None:
        """Select a search match; typing in the find bar, the keyboard stays there (Enter
        goes on to the next match instead of replacing this one with a line break)."""
        window = self.editor
        focus = QApplication.focusWidget()
        in_bar = focus is not None and window.find_bar.isAncestorOf(focus)
        if window.select_clause(match.clause_id):
            in_pane = focus is not None and window.clause_editor.isAncestorOf(focus)
            to_pane = match.field == "heading" or in_pane
            window.clause_editor.select_text(
                match.start, match.end, match.field, focus=to_pane and not in_bar
            )
            if match.field == "text":
                window.document_view.select_text(match.start, match.end, focus=not to_pane and not in_bar)
