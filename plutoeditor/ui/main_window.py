"""The editor window: outline on the left, the clause in the centre, metadata on the right,
findings at the bottom. Layout and wiring only; the work is done by the parts it holds.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid as shiboken_valid

from plutoeditor.model import Clause
from plutoeditor.recovery import RecoveryStore
from plutoeditor.ui.actions import ActionRegistry
from plutoeditor.ui.autosave import Autosave
from plutoeditor.ui.clause_actions import ClauseActions
from plutoeditor.ui.clause_editor import ClauseEditor
from plutoeditor.ui.document import Document
from plutoeditor.ui.document_files import DocumentFiles
from plutoeditor.ui.find_replace import FindBar, Match
from plutoeditor.ui.findings_panel import FindingsPanel
from plutoeditor.ui.metadata_panel import MetadataPanel
from plutoeditor.ui.outline_view import OutlineView
from plutoeditor.ui.publishing import Publishing
from plutoeditor.ui.settings import Settings
from plutoeditor.ui.start_page import StartPage

APP_NAME = "PlutoEditor"


class MainWindow(QMainWindow):
    """One window, one document at a time (or the start page)."""

    def __init__(self, settings: Settings | None = None, recovery: RecoveryStore | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.document: Document | None = None
        self.setObjectName("MainWindow")
        self.resize(1400, 900)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.actions_ = ActionRegistry(self)
        self.clause_actions = ClauseActions(self)
        self.files = DocumentFiles(self)
        self.publishing = Publishing(self)

        self.clause_editor = ClauseEditor()
        self.find_bar = FindBar(lambda: self.document.policy if self.document else None, self._push)
        self.find_bar.match_selected.connect(self.show_match)
        self.find_bar.closed.connect(self._find_closed)
        self._focus_before_find: QWidget | None = None
        editor_page = QWidget()
        editor_layout = QVBoxLayout(editor_page)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(0)
        editor_layout.addWidget(self.find_bar)
        editor_layout.addWidget(self.clause_editor, 1)
        self.start_page = StartPage()
        self.start_page.new_requested.connect(self.files.new)
        self.start_page.open_requested.connect(self.files.open_dialog)
        self.start_page.sample_requested.connect(self.files.open_sample)
        self.start_page.recent_requested.connect(lambda path: self.files.open_path(path))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(editor_page)
        self.setCentralWidget(self.pages)

        self.outline = OutlineView()
        self.outline.setAccessibleName(self.tr("Outline of clauses"))
        self.outline.indent_requested.connect(self.clause_actions.indent)
        self.outline.outdent_requested.connect(self.clause_actions.outdent)
        self.outline.delete_requested.connect(self.clause_actions.delete)
        self.metadata_panel = MetadataPanel()
        self.findings_panel = FindingsPanel()
        self.findings_panel.fix_lookup = self.clause_actions.fix_lookup
        self.findings_panel.finding_activated.connect(self.show_finding)
        self.findings_panel.fix_requested.connect(self.clause_actions.apply_fix)
        self.docks = [
            self._dock("outline", self.tr("Outline"), self.outline, Qt.DockWidgetArea.LeftDockWidgetArea),
            self._dock(
                "metadata",
                self.tr("Policy Details"),
                self.metadata_panel,
                Qt.DockWidgetArea.RightDockWidgetArea,
            ),
            self._dock(
                "findings", self.tr("Findings"), self.findings_panel, Qt.DockWidgetArea.BottomDockWidgetArea
            ),
        ]
        for dock in self.docks:
            tip = self.tr("Show or hide the {0} pane").format(dock.windowTitle())
            dock.toggleViewAction().setToolTip(tip)
            dock.toggleViewAction().setStatusTip(tip)
        self.resizeDocks(self.docks[:2], [400, 330], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks[2]], [230], Qt.Orientation.Vertical)

        self.findings_status = QLabel()
        self.statusBar().addPermanentWidget(self.findings_status)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.actions_.build_menus(
            self.menuBar(), self.recent_menu, [d.toggleViewAction() for d in self.docks]
        )
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("toolbar.main")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions_.build_toolbar(toolbar)
        self.addToolBar(toolbar)
        for action_id in (
            "clause.add_after",
            "clause.add_child",
            "clause.delete",
            "clause.move_up",
            "clause.move_down",
            "clause.indent",
            "clause.outdent",
            "clause.merge",
        ):
            self.outline.addAction(self.actions_[action_id])
        self._connect_actions()
        self._set_tab_order()

        self.autosave = Autosave(self, recovery or RecoveryStore(), self.settings.autosave_interval_seconds)
        state = self.settings.window_state()
        if state.geometry is not None:
            self.restoreGeometry(state.geometry)
        if state.state is not None:
            self.restoreState(state.state)
        self.set_document(None)
        self.update_recent_menu()

    # -- construction helpers ----------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock.{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _set_tab_order(self) -> None:
        """Tab goes outline → label → kind → heading → text → findings → policy details.
        (Tab in the outline indents; Shift+Tab and F6 leave it.)"""
        editor, details = self.clause_editor, self.metadata_panel
        chain = [
            self.outline,
            editor.label_edit,
            editor.kind_box,
            editor.heading_edit,
            editor.text_edit,
            self.findings_panel.view,
            self.findings_panel.fix_button,
            *details.edits.values(),
            details.has_date,
            details.date_edit,
            details.summary,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _panes(self) -> list[tuple[QWidget, QWidget]]:
        """(pane, widget to focus) in F6 order, for the panes now shown."""
        editor = self.clause_editor
        panes = [
            (self.outline, self.outline),
            (self.pages, editor.text_edit if editor.clause is not None else self.outline),
            (self.findings_panel, self.findings_panel.view),
            (self.metadata_panel, self.metadata_panel.edits["title"]),
        ]
        return [(pane, target) for pane, target in panes if pane.isVisible() and target.isVisible()]

    def cycle_pane(self, delta: int) -> None:
        """Move the keyboard to the next (+1) or previous (-1) pane (F6 / Shift+F6)."""
        panes = self._panes()
        if not panes:
            return
        focus = QApplication.focusWidget()
        here = next(
            (i for i, (pane, _t) in enumerate(panes) if focus is pane or pane.isAncestorOf(focus)), None
        )
        index = (0 if delta > 0 else len(panes) - 1) if here is None else (here + delta) % len(panes)
        panes[index][1].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _open_find(self, replace: bool) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and not self.find_bar.isAncestorOf(focus):
            self._focus_before_find = focus
        self.find_bar.open(replace=replace, text=self._selected_text())

    def _find_closed(self) -> None:
        """Esc in the find bar: back to the match it showed, else to where the user was."""
        match = self.find_bar.current_match()
        editor = self.clause_editor
        if match is not None and editor.clause is not None and editor.clause.id == match.clause_id:
            (editor.heading_edit if match.field == "heading" else editor.text_edit).setFocus()
            return
        before = self._focus_before_find
        if before is not None and shiboken_valid(before) and before.isVisible() and before.isEnabled():
            before.setFocus()
        elif editor.clause is not None:
            editor.text_edit.setFocus()
        else:
            self.outline.setFocus()

    def _connect_actions(self) -> None:
        a, c, f = self.actions_, self.clause_actions, self.files
        handlers: dict[str, Any] = {
            "file.new": f.new,
            "file.open": f.open_dialog,
            "file.open_sample": f.open_sample,
            "file.save": f.save,
            "file.save_as": f.save_as,
            "file.revert": f.revert,
            "file.close": f.close_document,
            "file.quit": self.close,
            "file.export_docx": lambda: self.publishing.export("docx"),
            "file.export_html": lambda: self.publishing.export("html"),
            "file.export_pdf": lambda: self.publishing.export("pdf"),
            "file.compare": self.publishing.compare_dialog,
            "edit.undo": lambda: self.document and self.document.undo_stack.undo(),
            "edit.redo": lambda: self.document and self.document.undo_stack.redo(),
            "edit.find": lambda: self._open_find(replace=False),
            "edit.replace": lambda: self._open_find(replace=True),
            "edit.find_next": self.find_bar.find_next,
            "edit.find_previous": self.find_bar.find_previous,
            "clause.add_after": c.add_after,
            "clause.add_child": c.add_child,
            "clause.delete": c.delete,
            "clause.move_up": lambda: c.move(-1),
            "clause.move_down": lambda: c.move(+1),
            "clause.indent": c.indent,
            "clause.outdent": c.outdent,
            "clause.split": c.split,
            "clause.merge": c.merge,
            "clause.renumber": c.renumber,
            "findings.refresh": lambda: self.document and self.document.refresh_findings(),
            "findings.fix": c.fix_selected,
            "findings.next": lambda: self.findings_panel.step(+1),
            "findings.previous": lambda: self.findings_panel.step(-1),
            "view.next_pane": lambda: self.cycle_pane(+1),
            "view.previous_pane": lambda: self.cycle_pane(-1),
            "help.about": self._about,
        }
        for action_id, handler in handlers.items():
            a.connect(action_id, handler)

    # -- the document ------------------------------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        """Show another document (None: the start page). The old one is closed."""
        old = self.document
        if old is not None:
            self.autosave.discard()  # its recovery copy is no longer needed (asked before)
            old.close()
            old.deleteLater()
        self.document = document
        old_selection = self.outline.selectionModel()
        self.outline.setModel(document.outline if document else None)
        if old_selection is not None:
            old_selection.deleteLater()  # setModel leaves the old selection model to us
        self.clause_editor.set_document(document)
        self.metadata_panel.set_document(document)
        self.files.document_changed(document)
        self.pages.setCurrentIndex(1 if document else 0)
        for dock in self.docks:
            dock.setVisible(document is not None)
        if document is None:
            self.start_page.set_recent_files(self.settings.recent_files())
            self.findings_panel.set_findings([])
            self.findings_status.clear()
        else:
            header = self.outline.header()
            # ResizeToContents would ask every row for its label on each edit: fixed widths
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            header.resizeSection(0, self._label_column_width(document))
            self.outline.selectionModel().currentChanged.connect(self._current_changed)
            if len(document.policy) <= 3000:
                self.outline.expandAll()
            elif document.policy.clauses:  # big documents open with the sections collapsed
                self.outline.expand(document.outline.index_of(document.policy.clauses[0]))
            document.findings_changed.connect(self._findings_changed)
            document.check_failed.connect(self._check_failed)
            document.set_findings_delay(self.settings.findings_debounce_ms)
            document.modified_changed.connect(self.setWindowModified)
            document.path_changed.connect(self._update_title)
            document.path_changed.connect(self._update_enabled)
            stack = document.undo_stack
            for action_id, can, text in (
                ("edit.undo", stack.canUndoChanged, stack.undoTextChanged),
                ("edit.redo", stack.canRedoChanged, stack.redoTextChanged),
            ):
                can.connect(self.actions_[action_id].setEnabled)
                text.connect(self._update_undo_texts)
            self._findings_changed()
            if document.policy.clauses:
                self.select_clause(document.policy.clauses[0].id)
            self.outline.setFocus()  # keyboard work starts in the outline, not in a field
        self._update_undo_texts()
        self._update_title()
        self._update_enabled()

    def _label_column_width(self, document: Document) -> int:
        """Wide enough for the labels (with expected labels) of the first clauses, within limits."""
        metrics = self.outline.fontMetrics()
        widest = metrics.horizontalAdvance(self.tr("Label")) + 24
        for count, (clause, depth) in enumerate(document.policy.walk_with_depth()):
            if count > 3000:
                break
            text = document.outline.label_text(clause)
            icon = 22 if document.outline.findings_for(clause) else 0
            widest = max(
                widest, (depth + 1) * self.outline.indentation() + icon + metrics.horizontalAdvance(text) + 12
            )
        return min(widest, 300)

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.document.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_modified)

    def _update_undo_texts(self, *_args: object) -> None:
        stack = self.document.undo_stack if self.document else None
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
            action = self.actions_[action_id]
            action.setEnabled(can)
            action.setText(f"{base} {text}".strip() if text else base)

    def _update_enabled(self) -> None:
        has_doc = self.document is not None
        for action_id in self.actions_.ids():
            if action_id.startswith(
                ("clause.", "findings.", "edit.find", "edit.replace", "view.")
            ) or action_id in (
                "file.save",
                "file.save_as",
                "file.close",
                "file.export_docx",
                "file.export_html",
                "file.export_pdf",
                "file.compare",
            ):
                self.actions_[action_id].setEnabled(has_doc)
        self.actions_["file.revert"].setEnabled(bool(has_doc and self.document.path))

    def update_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for path in files:
            action = self.recent_menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.files.open_path(p))
        self.recent_menu.setEnabled(bool(files))
        if self.document is None:
            self.start_page.set_recent_files(files)

    # -- selection ---------------------------------------------------------------------------
    def current_clause(self) -> Clause | None:
        if self.document is None:
            return None
        return self.document.outline.clause_at(self.outline.currentIndex())

    def select_clause(self, clause_id: str) -> bool:
        """Select a clause in the outline (and so show it in the editor)."""
        if self.document is None:
            return False
        clause = self.document.policy.find(clause_id)
        if clause is None:
            return False
        index = self.document.outline.index_of(clause)
        self.outline.setCurrentIndex(index)
        self.outline.scrollTo(index)
        self.clause_editor.show_clause(clause)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        clause = self.document.outline.clause_at(current) if self.document else None
        self.clause_editor.show_clause(clause)

    def show_finding(self, finding: Any) -> None:
        """Select the finding's clause and put the cursor at the text it is about; a finding
        about the policy's details (no clause) puts it in that field of Policy Details."""
        if not finding.clause_id:
            if finding.target:
                self.show_details_field(finding.target)
            return
        if not self.select_clause(finding.clause_id):
            return
        clause = self.current_clause()
        assert clause is not None
        editor = self.clause_editor
        if finding.target and finding.target in clause.text:
            start = clause.text.index(finding.target)
            editor.select_text(start, start + len(finding.target))
        elif finding.code == "incomplete-text":
            editor.select_text(len(clause.text), len(clause.text))
        elif finding.expected_label or finding.code in ("duplicate-number", "numbering-gap", "label-style"):
            editor.label_edit.setFocus()
            editor.label_edit.selectAll()
        else:
            editor.select_text(0, 0)

    def show_details_field(self, name: str) -> None:
        """Show the Policy Details pane (if it was closed) with the keyboard in one field."""
        dock = next(d for d in self.docks if d.widget() is self.metadata_panel)
        dock.show()
        dock.raise_()
        self.metadata_panel.focus_field(name)

    def show_match(self, match: Match) -> None:
        """Select a search match; typing in the find bar, the keyboard stays there (Enter
        goes on to the next match instead of replacing this one with a line break)."""
        focus = QApplication.focusWidget()
        in_bar = focus is not None and self.find_bar.isAncestorOf(focus)
        if self.select_clause(match.clause_id):
            self.clause_editor.select_text(match.start, match.end, match.field, focus=not in_bar)

    def _selected_text(self) -> str:
        text = self.clause_editor.text_edit.textCursor().selectedText()
        return text if text and "\u2029" not in text else ""

    def _push(self, operation: Any) -> None:
        if self.document is not None:
            self.document.push(operation)

    # -- findings ----------------------------------------------------------------------------
    def _findings_changed(self) -> None:
        document = self.document
        if document is None:
            return
        findings = document.findings
        self.findings_panel.set_findings(findings)
        # The findings panel's own count ("5 errors, 6 warnings, 1 note"), so the two agree.
        self.findings_status.setText(self.findings_panel.summary.text())

    def _check_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("The checks could not run ({0}); see the log").format(message), 15000
        )

    # -- other windows and closing ------------------------------------------------------------
    def _about(self) -> None:
        from plutoeditor.ui.about import show_about

        show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosave.discard()
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.autosave.timer.stop()
        event.accept()
