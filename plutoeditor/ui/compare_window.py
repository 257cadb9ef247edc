"""The compare window: old and new versions side by side, aligned clause by clause.

One QTreeView over a ComparisonModel shows both versions as two columns, so they scroll
together by construction. A summary bar counts the changes; F8 / Shift+F8 (and Alt+Down /
Alt+Up) step through them; "Changes Only" hides the rest; activating a clause asks the
editor to open it (standing alone, standalone_compare opens that version's file); Export
redline writes the HTML (or Word) redline. The comparison itself runs in a worker thread
with progress in the status bar. Every command is in the menu bar (File, View, Go, Help), so
it can be found there and reached with Alt.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from plutoeditor.compare.report import field_name, field_value
from plutoeditor.compare.result import Comparison
from plutoeditor.compare.wording import count_parts
from plutoeditor.formats.files import write_atomic
from plutoeditor.ui.compare_delegate import RichTextDelegate
from plutoeditor.ui.compare_model import NEW_COLUMN, OLD_COLUMN, ClauseIdRole, ComparisonModel, describe
from plutoeditor.ui.compare_view import CompareView
from plutoeditor.ui.compare_worker import Source, cancel_comparison, prepare_comparison, source_name

HTML_FILTER = "HTML redline (*.html)"
DOCX_FILTER = "Word redline with tracked changes (*.docx)"


def docx_redline_writer():  # type: ignore[no-untyped-def]
    """export.redline_docx.write_redline_docx, or None when it is not available."""
    try:
        from plutoeditor.export.redline_docx import write_redline_docx
    except ImportError:
        return None
    return write_redline_docx


class CompareWindow(QMainWindow):
    """Compare two versions; `old` and `new` are each a Policy or a file path."""

    #: The user asked to open this clause (its id, old or new side) in the editor.
    open_clause_requested = Signal(str)
    #: The same request with the version it came from ("old" or "new"), for opening that
    #: version's file when the window stands alone (`plutoeditor compare`).
    open_version_clause_requested = Signal(str, str)
    #: The comparison is ready (also emitted in tests to wait for the worker).
    comparison_ready = Signal(object)
    #: The comparison could not be made (the message names the file and place).
    comparison_failed = Signal(str)

    def __init__(self, old: Source, new: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)  # the editor keeps a list until then
        self._old_name, self._new_name = source_name(old), source_name(new)
        self.setWindowTitle(self.tr("Compare {old} → {new}").format(old=self._old_name, new=self._new_name))
        self.resize(1200, 800)
        self.model = ComparisonModel(parent=self)
        self._build_view()
        self._build_actions()
        self._build_status()
        self._set_busy(True)
        self._thread, self._worker = prepare_comparison(old, new)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        thread = self._thread
        self.destroyed.connect(lambda *_: cancel_comparison(thread))  # closed while comparing: stop
        self._thread.start()

    # -- building ------------------------------------------------------------------
    def _build_view(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        self.summary_label = QLabel(self.tr("Comparing…"), central)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setAccessibleName(self.tr("Summary of changes"))
        layout.addWidget(self.summary_label)
        self.view = CompareView(central)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setUniformRowHeights(False)
        self.view.setAlternatingRowColors(False)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.header().setStretchLastSection(True)
        self.view.setAccessibleName(self.tr("Old and new versions, clause by clause"))
        self.delegate = RichTextDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.model.modelReset.connect(self.delegate.clear)
        self.view.activated.connect(self._on_activated)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        """The window's commands, each in the menu bar (so Alt reaches it) and most on the toolbar."""
        self.toolbar = self.addToolBar(self.tr("Compare"))
        self.toolbar.setObjectName("compare-toolbar")
        self.export_action = self._action(
            "compare.export",
            self.tr("&Export Redline…"),
            self.tr("Save the comparison as an HTML or Word redline"),
            self.export_redline_dialog,
            "Ctrl+Shift+E",
        )
        self.close_action = self._action(
            "compare.close",
            self.tr("&Close"),
            self.tr("Close the compare window"),
            self.close,
            QKeySequence.StandardKey.Close,  # Ctrl+W as well as Ctrl+F4
        )
        self.changes_only_action = self._action(
            "compare.changes_only",
            self.tr("&Changes Only"),
            self.tr("Hide the clauses that did not change"),
            None,
            "Ctrl+Shift+H",
        )
        self.changes_only_action.setCheckable(True)
        self.changes_only_action.toggled.connect(self.set_changes_only)
        toolbar_toggle = self.toolbar.toggleViewAction()
        toolbar_toggle.setText(self.tr("&Toolbar"))
        toolbar_toggle.setStatusTip(self.tr("Show or hide the toolbar"))
        toolbar_toggle.setToolTip(toolbar_toggle.statusTip())
        self.next_action = self._action(
            "compare.next",
            self.tr("&Next Change"),
            self.tr("Go to the next changed clause"),
            self.next_change,
            "F8",
            "Alt+Down",
        )
        self.previous_action = self._action(
            "compare.previous",
            self.tr("&Previous Change"),
            self.tr("Go to the previous changed clause"),
            self.previous_change,
            "Shift+F8",
            "Alt+Up",
        )
        self.open_action = self._action(
            "compare.open",
            self.tr("&Open in Editor"),
            self.tr("Open the selected clause in the editor"),
            self._open_current,
            "Ctrl+E",
        )
        self.about_action = self._action(
            "compare.about", self.tr("&About PlutoEditor"), self.tr("Version and licences"), self._about
        )
        for action in (
            self.previous_action,
            self.next_action,
            self.changes_only_action,
            self.open_action,
            self.export_action,
        ):
            self.toolbar.addAction(action)
        menus = (
            (self.tr("&File"), (self.export_action, None, self.close_action)),
            (self.tr("&View"), (self.changes_only_action, None, toolbar_toggle)),
            (self.tr("&Go"), (self.next_action, self.previous_action, None, self.open_action)),
            (self.tr("&Help"), (self.about_action,)),
        )
        for title, actions in menus:
            menu = self.menuBar().addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    def _action(
        self,
        action_id: str,
        text: str,
        tip: str,
        slot: Callable[[], object] | None,
        *keys: str | QKeySequence.StandardKey,
    ) -> QAction:
        """An action of this window: its shortcuts work wherever the focus is in it, its tooltip
        names them, and the status bar explains it while it is highlighted in a menu."""
        action = QAction(text, self)
        action.setObjectName(action_id)
        if len(keys) == 1 and isinstance(keys[0], QKeySequence.StandardKey):
            action.setShortcuts(keys[0])  # every binding the platform has
        else:
            action.setShortcuts([QKeySequence(key) for key in keys])
        names = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({names})" if names else tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _about(self) -> None:
        from plutoeditor.ui.about import show_about

        show_about(self)

    def _build_status(self) -> None:
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setAccessibleName(self.tr("Comparison progress"))
        self.statusBar().addPermanentWidget(self.progress_bar)

    # -- worker --------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        for action in (self.previous_action, self.next_action, self.changes_only_action, self.export_action):
            action.setEnabled(not busy)
        if busy:
            self.statusBar().showMessage(self.tr("Comparing…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_finished(self, comparison: Comparison) -> None:
        self._thread = self._worker = None
        self.model.set_comparison(comparison)
        self._set_busy(False)
        self.summary_label.setText(self._summary_text(comparison))
        self.statusBar().showMessage(self.tr("Comparison ready"), 5000)
        self.comparison_ready.emit(comparison)

    def _on_failed(self, message: str) -> None:
        self._thread = self._worker = None
        self._set_busy(False)
        self.export_action.setEnabled(False)
        self.summary_label.setText(self.tr("Could not compare: {message}").format(message=message))
        self.statusBar().showMessage(message)
        self.comparison_failed.emit(message)

    def comparison(self) -> Comparison | None:
        return self.model.comparison()

    def _summary_text(self, comparison: Comparison) -> str:
        lines = [self.tr(" · ").join(count_parts(comparison))]  # the words every report uses
        if comparison.is_identical():
            lines = [self.tr("The two versions are the same.")]
        for change in comparison.metadata_changes:
            before = field_value(change.field, change.old, "—")
            after = field_value(change.field, change.new, "—")
            lines.append(f"{field_name(change.field)}: {before} → {after}")
        return "\n".join(lines)

    # -- navigation ----------------------------------------------------------------
    def set_changes_only(self, on: bool) -> None:
        """Show only added, removed, changed, moved and relabelled clauses."""
        current = self._current_change()
        self.model.set_changes_only(on)
        if self.changes_only_action.isChecked() != on:
            self.changes_only_action.setChecked(on)
        if current is not None:
            for row in range(self.model.rowCount()):
                if self.model.change_at(row) is current:
                    self._select_row(row)
                    break

    def _current_change(self):  # type: ignore[no-untyped-def]
        index = self.view.currentIndex()
        return self.model.change_at(index.row()) if index.isValid() else None

    def _select_row(self, row: int) -> None:
        # Stay in the column the user was in (the new version at first), so Enter after F8
        # opens the version they were reading.
        current = self.view.currentIndex()
        self.view.go_to_row(row, current.column() if current.isValid() else NEW_COLUMN)
        self.statusBar().showMessage(describe(self.model.change_at(row)))

    def select_clause(self, clause_id: str) -> bool:
        """Show the row of the clause with this id (either version); False if it is not shown."""
        row = self.model.row_of_clause(clause_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def next_change(self) -> bool:
        """Select the next changed clause; False when there is none after the current one."""
        return self._step(1)

    def previous_change(self) -> bool:
        """Select the previous changed clause; False when there is none before the current one."""
        return self._step(-1)

    def _step(self, direction: int) -> bool:
        rows = self.model.rowCount()
        current = self.view.currentIndex()
        row = current.row() if current.isValid() else (-1 if direction > 0 else rows)
        row += direction
        while 0 <= row < rows:
            if self.model.change_at(row).is_change:
                self._select_row(row)
                return True
            row += direction
        self.statusBar().showMessage(
            self.tr("No more changes below.") if direction > 0 else self.tr("No more changes above."), 3000
        )
        return False

    def _on_activated(self, index: QModelIndex) -> None:
        column = index.column()
        clause_id = index.data(ClauseIdRole)
        if not clause_id:  # that side has no such clause (added or removed): take the other
            column = 1 - column
            clause_id = self.model.index(index.row(), column).data(ClauseIdRole)
        if clause_id:
            self.open_clause_requested.emit(clause_id)
            self.open_version_clause_requested.emit(clause_id, "old" if column == OLD_COLUMN else "new")

    def _open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._on_activated(self.model.index(index.row(), NEW_COLUMN))

    # -- export --------------------------------------------------------------------
    def export_redline_dialog(self) -> None:
        """Ask where to save the redline, then write it."""
        if self.comparison() is None:
            return
        filters = [HTML_FILTER] + ([DOCX_FILTER] if docx_redline_writer() else [])
        suggested = os.path.splitext(self._new_name)[0] + "-redline.html"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export redline"), suggested, ";;".join(filters)
        )
        if not path:
            return
        if chosen == DOCX_FILTER and not path.lower().endswith(".docx"):
            path += ".docx"
        elif chosen == HTML_FILTER and not path.lower().endswith((".html", ".htm")):
            path += ".html"
        try:
            self.export_redline(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Export redline"),
                self.tr("Could not save {path}: {error}").format(
                    path=path, error=getattr(exc, "strerror", None) or exc
                ),
            )

    def export_redline(self, path: str) -> None:
        """Write the redline to `path`: Word when it ends in .docx, HTML otherwise."""
        comparison = self.comparison()
        if comparison is None:
            raise ValueError("the comparison is not ready yet")
        if path.lower().endswith(".docx"):
            writer = docx_redline_writer()
            if writer is None:
                raise ValueError("the Word redline is not available in this build")
            writer(comparison, path)
        else:
            from plutoeditor.export.redline_html import render_redline_html

            write_atomic(path, render_redline_html(comparison))
        self.statusBar().showMessage(self.tr("Redline saved to {path}").format(path=path), 5000)
