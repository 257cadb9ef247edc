"""What the window says about its document around the panes: the title with its modified
mark, Undo and Redo named after the step they would take, which actions apply, and the
findings (in their pane and counted in the status bar).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from plutoeditor.paths import APP_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

    from plutoeditor.ui.common.actions import ActionRegistry
    from plutoeditor.ui.editor.findings_panel import FindingsPanel
    from plutoeditor.ui.editor.open_document import Document


# Actions that need a document: every one whose id starts so, and these File ones.
DOCUMENT_PREFIXES = ("clause.", "findings.", "edit.find", "edit.replace", "view.")
DOCUMENT_FILE_ACTIONS = (
    "file.save",
    "file.save_as",
    "file.close",
    "file.export_docx",
    "file.export_html",
    "file.export_pdf",
    "file.print_preview",
    "file.print",
    "file.compare",
)


class StatusWindow(Protocol):
    """What DocumentStatus uses of its editor window."""

    document: Document | None
    actions_: ActionRegistry
    findings_panel: FindingsPanel
    findings_status: QLabel

    def setWindowTitle(self, title: str, /) -> None: ...
    def setWindowModified(self, modified: bool, /) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class DocumentStatus(QObject):
    """Keeps one window's title, actions and findings count in step with its document."""

    def __init__(self, editor: StatusWindow) -> None:
        super().__init__(editor.window())
        self.editor = editor

    def follow(self, document: Document | None) -> None:
        """Listen to a newly shown document (None: the start page, nothing to report)."""
        window = self.editor
        if document is None:
            window.findings_panel.set_findings([])
            window.findings_status.clear()
            return
        document.findings_changed.connect(self.findings_changed)
        document.findings_outdated.connect(self.findings_outdated)
        document.check_failed.connect(self.check_failed)
        document.modified_changed.connect(window.setWindowModified)
        document.path_changed.connect(self.update_title)
        document.path_changed.connect(self.update_enabled)
        stack = document.undo_stack
        for action_id, can, text in (
            ("edit.undo", stack.canUndoChanged, stack.undoTextChanged),
            ("edit.redo", stack.canRedoChanged, stack.redoTextChanged),
        ):
            can.connect(window.actions_[action_id].setEnabled)
            text.connect(self.update_undo_texts)
        self.findings_changed()

    def refresh(self) -> None:
        """Bring the title and the actions up to date (after another document is shown)."""
        self.update_undo_texts()
        self.update_title()
        self.update_enabled()

    def update_title(self) -> None:
        window, document = self.editor, self.editor.document
        if document is None:
            window.setWindowTitle(APP_NAME)
            window.setWindowModified(False)
            return
        window.setWindowTitle(f"{document.display_name()}[*] — {APP_NAME}")
        window.setWindowModified(document.is_modified)

    def update_undo_texts(self, *_args: object) -> None:
        document = self.editor.document
        stack = document.undo_stack if document else None
        for action_id, can, text, base in (
            (
                "edit.undo",
                stack.canUndo() if stack else False,
                stack.undoText() if stack else "",
                self.tr("&Undo"),
            ),
            (
                "edit.redo",
                stack.canRedo() if stack else False,
                stack.redoText() if stack else "",
                self.tr("&Redo"),
            ),
        ):
            action = self.editor.actions_[action_id]
            action.setEnabled(can)
            action.setText(f"{base} {text}".strip() if text else base)

    def update_enabled(self) -> None:
        actions, document = self.editor.actions_, self.editor.document
        has_doc = document is not None
        for action_id in actions.ids():
            if action_id.startswith(DOCUMENT_PREFIXES) or action_id in DOCUMENT_FILE_ACTIONS:
                actions[action_id].setEnabled(has_doc)
        actions["file.revert"].setEnabled(document is not None and bool(document.path))

    def findings_changed(self) -> None:
        window, document = self.editor, self.editor.document
        if document is None:
            return
        window.findings_panel.set_findings(document.findings)
        # The findings panel's own count ("5 errors, 6 warnings, 1 note"), so the two agree.
        window.findings_status.setText(window.findings_panel.summary.text())

    def findings_outdated(self, failed: bool = False) -> None:
        window = self.editor
        window.findings_panel.mark_outdated(failed)
        window.findings_status.setText(window.findings_panel.summary.text())

    def check_failed(self, message: str) -> None:
        self.findings_outdated(failed=True)
        self.editor.statusBar().showMessage(
            self.tr("The checks could not run ({0}); see the log").format(message), 15000
        )
