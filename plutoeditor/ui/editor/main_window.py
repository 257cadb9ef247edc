"""The editor window: outline on the left, the policy as a document in the centre, the
clause under the cursor and the metadata on the right, findings at the bottom. Layout and
wiring only; the work is done by the parts it holds.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from plutoeditor.checks.finding import Finding
from plutoeditor.model import Clause
from plutoeditor.model.operations import Operation
from plutoeditor.recovery import RecoveryStore
from plutoeditor.ui.common.actions import ActionRegistry
from plutoeditor.ui.common.quitting import quit_application
from plutoeditor.ui.common.settings import Settings
from plutoeditor.ui.common.workers import running_workers, work_of
from plutoeditor.ui.document.view import FOLLOW_MS, DocumentView
from plutoeditor.ui.editor.actions import MENUS, SPECS, TOOLBAR
from plutoeditor.ui.editor.autosave import Autosave
from plutoeditor.ui.editor.clause_actions import ClauseActions
from plutoeditor.ui.editor.clause_editor import ClauseEditor
from plutoeditor.ui.editor.definitions_pane import DefinitionsPane, definition_at
from plutoeditor.ui.editor.file_commands import DocumentFiles
from plutoeditor.ui.editor.find_replace import FindBar
from plutoeditor.ui.editor.findings_panel import FindingsPanel
from plutoeditor.ui.editor.keyboard_focus import KeyboardFocus
from plutoeditor.ui.editor.metadata_panel import MetadataPanel
from plutoeditor.ui.editor.navigation import Navigation
from plutoeditor.ui.editor.open_document import Document
from plutoeditor.ui.editor.outline_view import OutlineView
from plutoeditor.ui.editor.start_page import StartPage
from plutoeditor.ui.editor.status import DocumentStatus
from plutoeditor.ui.editor.term_tooltips import TermTooltips
from plutoeditor.ui.publishing.exports import Publishing
from plutoeditor.ui.publishing.printing import Printing
from plutoeditor.ui.publishing.summary_drafting import SummaryDrafting


class MainWindow(QMainWindow):
    """One window, one document at a time (or the start page)."""

    def __init__(self, settings: Settings | None = None, recovery: RecoveryStore | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.document: Document | None = None
        self.setObjectName("MainWindow")
        self._fit_to_screen()
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.actions_ = ActionRegistry(self, SPECS)
        self.clause_actions = ClauseActions(self)
        self.files = DocumentFiles(self)
        self.publishing = Publishing(self)
        self.summary_drafting = SummaryDrafting(self)
        self.printing = Printing(self)
        self.navigation = Navigation(self)
        self.keyboard = KeyboardFocus(self)
        self.document_status = DocumentStatus(self)

        self.clause_editor = ClauseEditor()
        self.document_view = DocumentView()
        self.document_view.current_changed.connect(self._document_cursor_moved)
        self._outline_follows: Clause | None = None
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(FOLLOW_MS)
        self._follow_timer.timeout.connect(self._outline_follow)
        self.find_bar = FindBar(lambda: self.document.policy if self.document else None, self._push)
        self.find_bar.match_selected.connect(self.navigation.show_match)
        self.find_bar.closed.connect(self.keyboard.find_closed)
        self.find_bar.searched.connect(self.document_view.set_search)
        editor_page = QWidget()
        editor_layout = QVBoxLayout(editor_page)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(0)
        editor_layout.addWidget(self.find_bar)
        editor_layout.addWidget(self.document_view, 1)
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
        self.findings_panel.finding_activated.connect(self.navigation.show_finding)
        self.findings_panel.finding_clicked.connect(lambda f: self.navigation.show_finding(f, focus=False))
        self.findings_panel.fix_requested.connect(self.clause_actions.apply_fix)
        self.definitions_pane = DefinitionsPane()
        self.definitions_pane.push = self._push
        self.definitions_pane.clause_requested.connect(self._show_span)
        self.term_tooltips = TermTooltips(
            self.clause_editor.text_edit, lambda: self.document.policy if self.document else None
        )
        self.docks = [
            self._dock("outline", self.tr("Outline"), self.outline, Qt.DockWidgetArea.LeftDockWidgetArea),
            self._dock(
                "clause", self.tr("Clause"), self.clause_editor, Qt.DockWidgetArea.RightDockWidgetArea
            ),
            self._dock(
                "metadata",
                self.tr("Policy Details"),
                self.metadata_panel,
                Qt.DockWidgetArea.RightDockWidgetArea,
            ),
            self._dock(
                "findings", self.tr("Findings"), self.findings_panel, Qt.DockWidgetArea.BottomDockWidgetArea
            ),
            self._dock(
                "definitions",
                self.tr("Definitions"),
                self.definitions_pane,
                Qt.DockWidgetArea.BottomDockWidgetArea,
            ),
        ]
        self.tabifyDockWidget(self.docks[3], self.docks[4])  # beside the findings
        self.docks[4].visibilityChanged.connect(self.definitions_pane.set_shown)
        self.docks[3].raise_()
        for dock in self.docks:
            tip = self.tr("Show or hide the {0} pane").format(dock.windowTitle())
            dock.toggleViewAction().setToolTip(tip)
            dock.toggleViewAction().setStatusTip(tip)
        self.resizeDocks(self.docks[:2], [300, 340], Qt.Orientation.Horizontal)
        self.resizeDocks(self.docks[1:3], [420, 330], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks[3]], [200], Qt.Orientation.Vertical)

        self.findings_status = QLabel()
        self.statusBar().addPermanentWidget(self.findings_status)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        docks = [d.toggleViewAction() for d in self.docks]
        self.actions_.build_menu_bar(self.menuBar(), MENUS, {"recent": self.recent_menu, "docks": docks})
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("toolbar.main")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions_.build_toolbar(toolbar, TOOLBAR)
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
        self.keyboard.set_tab_order()

        self.closes_when_idle = False
        work_of(self).idle.connect(self._work_done)
        self.autosave = Autosave(self, recovery or RecoveryStore(), self.settings.autosave_interval_seconds)
        state = self.settings.window_state()
        if state.geometry is not None:
            self.restoreGeometry(state.geometry)
        if state.state is not None:
            self.restoreState(state.state)
        self.set_document(None)
        self.update_recent_menu()

    # -- construction helpers ----------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        """1400x900 where it fits, else nine tenths of the screen's free area (1280x800 too)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 900)
            return
        free = screen.availableGeometry()
        width = min(1400, free.width() * 9 // 10)
        height = min(900, free.height() * 9 // 10)
        self.resize(width, height)
        self.move(free.x() + (free.width() - width) // 2, free.y() + (free.height() - height) // 2)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock.{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _connect_actions(self) -> None:
        a, c, f = self.actions_, self.clause_actions, self.files
        handlers: dict[str, Callable[[], object]] = {
            "file.new": f.new,
            "file.open": f.open_dialog,
            "file.open_sample": f.open_sample,
            "file.save": f.save,
            "file.save_as": f.save_as,
            "file.revert": f.revert,
            "file.close": f.close_document,
            "file.quit": lambda: quit_application(self),
            "file.export_docx": lambda: self.publishing.export("docx"),
            "file.export_html": lambda: self.publishing.export("html"),
            "file.export_pdf": lambda: self.publishing.export("pdf"),
            "file.print_preview": self.printing.preview,
            "file.print": self.printing.print_,
            "file.compare": self.publishing.compare_dialog,
            "file.draft_summary": self.summary_drafting.draft_dialog,
            "edit.undo": self._on_document(lambda document: document.undo_stack.undo()),
            "edit.redo": self._on_document(lambda document: document.undo_stack.redo()),
            "edit.find": lambda: self.keyboard.open_find(replace=False),
            "edit.replace": lambda: self.keyboard.open_find(replace=True),
            "edit.find_next": self.find_bar.find_next,
            "edit.find_previous": self.find_bar.find_previous,
            "edit.rename_term": self._rename_term,
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
            "findings.refresh": self._on_document(lambda document: document.check_soon()),
            "findings.fix": c.fix_selected,
            "findings.next": lambda: self.findings_panel.step(+1),
            "findings.previous": lambda: self.findings_panel.step(-1),
            "view.next_pane": lambda: self.keyboard.cycle_pane(+1),
            "view.previous_pane": lambda: self.keyboard.cycle_pane(-1),
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
        self.outline.show_document(document)
        self.clause_editor.set_document(document)
        self.document_view.set_document(document)
        self.metadata_panel.set_document(document)
        self.definitions_pane.set_document(document)
        self.files.document_changed(document)
        self.pages.setCurrentIndex(1 if document else 0)
        for dock in self.docks:
            dock.setVisible(document is not None)
        if document is None:
            self.start_page.set_recent_files(self.settings.recent_files())
            self.document_status.follow(None)
        else:
            self.outline.selectionModel().currentChanged.connect(self._current_changed)
            document.set_findings_delay(self.settings.findings_debounce_ms)
            self.document_status.follow(document)
            if document.policy.clauses:
                self.select_clause(document.policy.clauses[0].id)
            self.outline.setFocus()  # keyboard work starts in the outline, not in a field
        self.document_status.refresh()

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
        if self._follow_timer.isActive():  # the outline is about to follow the document's cursor
            self._follow_timer.stop()
            self._outline_follow()
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
        self.document_view.show_clause(clause.id)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        clause = self.document.outline.clause_at(current) if self.document else None
        self.clause_editor.show_clause(clause)
        # the user moved in the outline (not the outline's selection moving off a deleted row)
        if (
            clause is not None
            and self.outline.hasFocus()
            and clause is not self.document_view.current_clause()
        ):
            self.document_view.show_clause(clause.id)

    def _document_cursor_moved(self, clause: Clause) -> None:
        """The cursor went into another clause in the Document view: the outline and the
        Clause pane follow FOLLOW_MS later (after the document has repainted; the moves and
        Enters of a burst make one: following costs more than the keystroke)."""
        self._outline_follows = clause
        if not self._follow_timer.isActive():
            self._follow_timer.start()

    def _outline_follow(self) -> None:
        clause, self._outline_follows = self._outline_follows, None
        document = self.document
        if document is None or clause is None or clause is not self.document_view.current_clause():
            return
        if self.current_clause() is not clause:
            index = document.outline.index_of(clause)
            self.outline.setCurrentIndex(index)
            self.outline.scrollTo(index)

    def show_details_field(self, name: str, focus: bool = True) -> None:
        """Show the Policy Details pane (if it was closed) with the keyboard in one field
        (with `focus` False, the keyboard stays where it is)."""
        dock = next(d for d in self.docks if d.widget() is self.metadata_panel)
        dock.show()
        dock.raise_()
        if focus:
            self.metadata_panel.focus_field(name)

    def show_finding_in_panel(self, finding: Finding) -> None:
        """Show the Findings pane (if it was closed) with one finding selected and focused."""
        dock = next(d for d in self.docks if d.widget() is self.findings_panel)
        dock.show()
        dock.raise_()
        self.findings_panel.select_finding(finding)

    def _show_span(self, clause_id: str, start: int, end: int) -> None:
        """Show a clause with a span of its text selected (a term's definition or a use)."""
        if self.select_clause(clause_id):
            self.clause_editor.select_text(start, end, focus=False)
            self.document_view.select_text(start, end)

    def _rename_term(self) -> None:
        """Rename Term (F2): the term selected in Definitions when the keyboard is there, else
        the term under the cursor in the Clause pane or the document."""
        pane, document = self.definitions_pane, self.document
        if document is None:
            return
        focus = QApplication.focusWidget()
        definition = None
        if focus is not None and pane.isAncestorOf(focus):
            definition = pane.current_definition()
        else:
            editor = self.clause_editor
            clause = self.current_clause() if focus in (editor.text_edit, editor.heading_edit) else None
            if clause is not None:
                field = "text" if focus is editor.text_edit else "heading"
                position = editor.text_edit.textCursor().position()
                definition = definition_at(document.policy, clause, position, field)
            elif (clause := self.document_view.current_clause()) is not None:
                view = self.document_view
                definition = definition_at(document.policy, clause, view.cursor_position(), view.field)
        if definition is None:
            self.statusBar().showMessage(
                self.tr("Put the cursor on a defined term to rename it, or select one in Definitions"), 5000
            )
            return
        pane.rename_current(definition)

    def _on_document(self, act: Callable[[Document], None]) -> Callable[[], None]:
        """An action's handler that does `act` on the open document, and nothing when none is."""
        return lambda: None if self.document is None else act(self.document)

    def _push(self, operation: Operation) -> None:
        if self.document is not None:
            self.document.push(operation)

    # -- other windows and closing ------------------------------------------------------------
    def _work_done(self) -> None:
        if self.closes_when_idle:
            QTimer.singleShot(0, self, self.close)  # after the worker's own report has run

    def _about(self) -> None:
        from plutoeditor.ui.common.about import show_about

        show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if running_workers(self):  # an export or a save: the window closes when it is done
            event.ignore()
            self.closes_when_idle = True
            self.statusBar().showMessage(self.tr("Finishing the work in progress, then closing…"))
            return
        self.closes_when_idle = False
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosave.wait()  # a copy started while Save ran lands now, then goes
        self.autosave.discard()
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.autosave.timer.stop()
        self.publishing.drop_waiting_export()
        event.accept()
