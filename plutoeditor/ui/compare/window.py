"""The compare window: old and new versions side by side, aligned clause by clause.

One QTreeView over a ComparisonModel shows both versions as two columns, so they scroll
together by construction; beside it, the change list (kind, labels, first words) filtered by
kind, where a run of renumbering-only changes is one row. A summary bar counts the changes in
the words every report uses, and a key explains the marks. F8 / Shift+F8 step through the
changes of the kinds shown (renumbering only is skipped unless asked for); "Changes Only"
hides the rest; Find looks for words or a label; Swap Sides compares the other way round.
Opened by Compare With... the older version by effective date is the old one (when the dates
do not tell, the window asks). The comparison itself runs in a worker thread with progress in
the status bar. Every command is in the menu bar (File, View, Go, Help).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from plutoeditor.compare.result import ClauseChange, Comparison
from plutoeditor.compare.versions import SWAPPED, UNKNOWN
from plutoeditor.compare.wording import kind_of
from plutoeditor.ui.common.screen_fit import resize_to_fit
from plutoeditor.ui.compare.actions import KIND_ACTION_TEXT, build_actions
from plutoeditor.ui.compare.changes import ALL_KINDS, ChangeListModel, FirstChangeRole, kind_counts
from plutoeditor.ui.compare.delegate import RichTextDelegate
from plutoeditor.ui.compare.export import ask_redline_path, export_failed, write_redline
from plutoeditor.ui.compare.model import (
    COLUMNS,
    NEW,
    NEW_COLUMN,
    OLD,
    ComparisonModel,
    clause_on,
    describe,
)
from plutoeditor.ui.compare.summary import TOLD, legend, summary_text
from plutoeditor.ui.compare.view import CompareView
from plutoeditor.ui.compare.worker import (
    CompareWorker,
    Source,
    cancel_comparison,
    prepare_comparison,
    source_name,
)

if TYPE_CHECKING:
    from plutoeditor.ui.publishing.summary_dialog import DraftSummaryDialog


class CompareWindow(QMainWindow):
    """Compare two versions; `old` and `new` are each a Policy or a file path.

    With `order_by_date` (Compare With... from the editor) the two are put in order by their
    effective dates, and the user is asked when the dates do not tell.
    """

    #: The user asked to open this clause (its id, old or new side) in the editor.
    open_clause_requested = Signal(str)
    #: The same request with the version it came from ("old" or "new"), for opening that
    #: version's file when the window stands alone (`plutoeditor compare`).
    open_version_clause_requested = Signal(str, str)
    #: The comparison is ready (also emitted in tests to wait for the worker).
    comparison_ready = Signal(object)
    #: The comparison could not be made (the message names the file and place).
    comparison_failed = Signal(str)

    # made by compare_actions.build_actions
    toolbar: QToolBar
    export_action: QAction
    close_action: QAction
    changes_only_action: QAction
    kind_actions: dict[str, QAction]
    swap_action: QAction
    change_list_action: QAction
    next_action: QAction
    previous_action: QAction
    find_action: QAction
    find_next_action: QAction
    open_action: QAction
    summary_action: QAction
    about_action: QAction
    find_field: QLineEdit

    def __init__(
        self,
        old: Source,
        new: Source,
        parent: QWidget | None = None,
        order_by_date: bool = False,
        names: tuple[str, str] | None = None,
    ) -> None:
        """`names`: what to call the versions (their file names when given policies read
        from files); by default their file names or titles."""
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)  # the editor keeps a list until then
        self._old_name, self._new_name = names or (source_name(old), source_name(new))
        self._order = ""  # what ordering by date found: "", "kept", "swapped", "unknown"
        #: the sides are the other way round from how they were given (ordered by date, swapped)
        self.flipped = False
        #: where Draft Summary puts the chosen items (the editor's policy), when it is the new side
        self.summary_target: Callable[[list[str]], None] | None = None
        self.order_question: QMessageBox | None = None
        self._thread: QThread | None = None  # the comparison running, if any
        self._worker: CompareWorker | None = None
        resize_to_fit(self, 1200, 800)
        self.model = ComparisonModel(parent=self)
        self.changes = ChangeListModel(self)
        self._build_view()
        build_actions(self)
        self.model.set_kinds(self.shown_kinds())
        self.changes.set_kinds(self.shown_kinds())
        self._build_status()
        self._start(old, new, order_by_date)

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
        self.legend_label = QLabel(legend(), central)
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setAccessibleName(self.tr("Key to the marks"))
        layout.addWidget(self.legend_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.change_list = QTreeView(splitter)
        self.change_list.setModel(self.changes)
        self.change_list.setRootIsDecorated(False)
        self.change_list.setUniformRowHeights(True)
        self.change_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.change_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.change_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.change_list.setAccessibleName(self.tr("Changes"))
        self.change_list.header().setStretchLastSection(True)
        for column, width in enumerate((120, 64, 64)):  # measuring 10,000 rows to fit would stall
            self.change_list.setColumnWidth(column, width)
        self.change_list.activated.connect(self._on_change_listed)
        self.change_list.clicked.connect(self._on_change_listed)
        self.view = CompareView(splitter)
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
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 880])
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _build_status(self) -> None:
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setAccessibleName(self.tr("Comparison progress"))
        self.statusBar().addPermanentWidget(self.progress_bar)

    def about(self) -> None:
        from plutoeditor.ui.common.about import show_about

        show_about(self)

    # -- worker --------------------------------------------------------------------
    def _start(self, old: Source, new: Source, order_by_date: bool = False) -> None:
        self._update_title()
        self._set_busy(True)
        self._thread, self._worker = thread, worker = prepare_comparison(old, new, order_by_date)
        worker.progress.connect(self._on_progress)
        worker.ordered.connect(self._on_ordered)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self.destroyed.connect(lambda *_: cancel_comparison(thread))  # closed while comparing: stop
        thread.start()

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Compare {old} → {new}").format(old=self._old_name, new=self._new_name))

    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        for action in (
            self.previous_action, self.next_action, self.changes_only_action, self.export_action,
            self.swap_action, self.find_next_action, self.summary_action,
        ):  # fmt: skip
            action.setEnabled(not busy)
        if busy:
            self.statusBar().showMessage(self.tr("Comparing…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_ordered(self, order: str) -> None:
        self._order = order
        if order == SWAPPED:  # the chosen file was the newer one
            self.flipped = not self.flipped
            self._old_name, self._new_name = self._new_name, self._old_name
            self._update_title()

    def _on_finished(self, comparison: Comparison) -> None:
        self._thread = self._worker = None
        self.model.set_comparison(comparison)
        self.changes.set_comparison(comparison)
        self._name_kinds(comparison)
        self._set_busy(False)
        self.summary_label.setText(self._summary_text(comparison))
        self.statusBar().showMessage(self.tr("Comparison ready"), 5000)
        self.comparison_ready.emit(comparison)
        if self._order == UNKNOWN:
            self._ask_which_is_older()

    def _on_failed(self, message: str) -> None:
        self._thread = self._worker = None
        self._set_busy(False)
        self.export_action.setEnabled(False)
        self.swap_action.setEnabled(False)
        self.summary_action.setEnabled(False)
        self.summary_label.setText(self.tr("Could not compare: {message}").format(message=message))
        self.statusBar().showMessage(message)
        self.comparison_failed.emit(message)

    def comparison(self) -> Comparison | None:
        return self.model.comparison()

    def _summary_text(self, comparison: Comparison) -> str:
        return summary_text(comparison, self._order, self._old_name, self._new_name)

    def _name_kinds(self, comparison: Comparison) -> None:
        counts = kind_counts(comparison)
        for kind, action in self.kind_actions.items():
            action.setText(f"{self.tr(KIND_ACTION_TEXT[kind])} ({counts[kind]:,})")

    # -- which version is older ----------------------------------------------------------
    def _ask_which_is_older(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Which version is older?"), "", parent=self)
        box.setText(self.tr("The effective dates do not say which version is the older one. Which is older?"))
        self._older_buttons = {
            box.addButton(self._old_name, QMessageBox.ButtonRole.AcceptRole): False,
            box.addButton(self._new_name, QMessageBox.ButtonRole.AcceptRole): True,
        }
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.buttonClicked.connect(lambda button: self.answer_older(self._older_buttons.get(button, False)))
        self.order_question = box
        box.open()

    def answer_older(self, new_side_is_older: bool) -> None:
        """The user said which version is older: swap the sides when it is the one shown as new."""
        self.order_question = None
        if new_side_is_older:
            self.swap_sides()
        self._order = TOLD

    def swap_sides(self) -> None:
        """Compare the other way round: the new version becomes the old one."""
        comparison = self.comparison()
        if comparison is None or self._worker is not None:
            return
        self._old_name, self._new_name = self._new_name, self._old_name
        self.flipped = not self.flipped
        if self._order:
            self._order = TOLD
        self._start(comparison.new, comparison.old)

    # -- summary of changes ---------------------------------------------------------------
    def editor_is_new(self) -> bool:
        """Whether the version given second (the editor's policy, from Compare With...) is the
        new side now."""
        return not self.flipped

    def draft_summary_dialog(self) -> DraftSummaryDialog | None:
        """Draft the summary of changes for the pair shown: Fill Summary puts the chosen items
        into the editor's policy when it is the new side; otherwise they can be copied."""
        from plutoeditor.summary import draft_summary
        from plutoeditor.ui.publishing.summary_dialog import DraftSummaryDialog

        comparison = self.comparison()
        if comparison is None or self._worker is not None:
            return None
        target = self.summary_target if self.editor_is_new() else None
        current = comparison.new.metadata.summary_of_changes
        dialog = DraftSummaryDialog(draft_summary(comparison), current, self, can_fill=target is not None)
        if target is not None:
            dialog.accepted.connect(lambda: target(dialog.summary_items()))
        dialog.finished.connect(dialog.deleteLater)
        self.summary_dialog = dialog
        dialog.open()
        return dialog

    # -- filters -------------------------------------------------------------------
    def shown_kinds(self) -> frozenset[str]:
        """The kinds of change listed and stepped through (View menu)."""
        return frozenset(k for k in ALL_KINDS if self.kind_actions[k].isChecked())

    def set_kind_shown(self, kind: str, on: bool) -> None:
        self.kind_actions[kind].setChecked(on)

    def kinds_changed(self) -> None:
        current = self._current_change()
        kinds = self.shown_kinds()
        self.changes.set_kinds(kinds)
        self.model.set_kinds(kinds)
        self._reselect(current)

    def set_changes_only(self, on: bool) -> None:
        """Show only the changes of the kinds shown."""
        current = self._current_change()
        self.model.set_changes_only(on)
        if self.changes_only_action.isChecked() != on:
            self.changes_only_action.setChecked(on)
        self._reselect(current)

    def _reselect(self, change: ClauseChange | None) -> None:
        if change is not None:
            row = self.model.row_of_change(change)
            if row >= 0:
                self._select_row(row)

    # -- navigation ----------------------------------------------------------------
    def _current_change(self) -> ClauseChange | None:
        index = self.view.currentIndex()
        return self.model.change_at(index.row()) if index.isValid() else None

    def _select_row(self, row: int) -> None:
        # Stay in the column the user was in (the new version at first), so Enter after F8
        # opens the version they were reading.
        current = self.view.currentIndex()
        self.view.go_to_row(row, current.column() if current.isValid() else NEW_COLUMN)
        change = self.model.change_at(row)
        self.statusBar().showMessage(describe(change))
        listed = self.changes.row_of_change(change)
        if listed >= 0:
            self.change_list.setCurrentIndex(self.changes.index(listed, 0))

    def _on_change_listed(self, index: QModelIndex) -> None:
        change = index.data(FirstChangeRole)
        row = self.model.row_of_change(change) if change is not None else -1
        if row >= 0:
            self._select_row(row)

    def select_clause(self, clause_id: str) -> bool:
        """Show the row of the clause with this id (either version); False if it is not shown."""
        row = self.model.row_of_clause(clause_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def next_change(self) -> bool:
        """Select the next change of a kind shown; False when there is none after the current one."""
        return self._step(1)

    def previous_change(self) -> bool:
        """Select the previous change of a kind shown; False when there is none before it."""
        return self._step(-1)

    def _step(self, direction: int) -> bool:
        rows = self.model.rowCount()
        kinds = self.shown_kinds()
        current = self.view.currentIndex()
        row = current.row() if current.isValid() else (-1 if direction > 0 else rows)
        row += direction
        while 0 <= row < rows:
            if kind_of(self.model.change_at(row)) in kinds:
                self._select_row(row)
                return True
            row += direction
        self.statusBar().showMessage(
            self.tr("No more changes below.") if direction > 0 else self.tr("No more changes above."), 3000
        )
        return False

    # -- find ----------------------------------------------------------------------
    def focus_find(self) -> None:
        self.find_field.setFocus()
        self.find_field.selectAll()

    def find_next(self, text: str | None = None) -> bool:
        """Select the next row (after the current one, wrapping) whose label or words, old or
        new, contain `text` (the Find field's text when not given), ignoring case."""
        needle = (self.find_field.text() if text is None else text).strip().casefold()
        rows = self.model.rowCount()
        if not needle or not rows:
            return False
        current = self.view.currentIndex()
        start = current.row() + 1 if current.isValid() else 0
        for offset in range(rows):
            row = (start + offset) % rows
            change = self.model.change_at(row)
            if any(needle in column.plain(change).casefold() for column in COLUMNS):
                self._select_row(row)
                return True
        self.statusBar().showMessage(self.tr("No clause contains “{text}”.").format(text=needle), 5000)
        return False

    # -- opening in the editor -----------------------------------------------------
    def _on_activated(self, index: QModelIndex) -> None:
        change = self.model.change_at(index.row())
        side = COLUMNS[index.column()].side or NEW  # a column about the change: the new version
        clause = clause_on(change, side)
        if clause is None:  # that side has no such clause (added or removed): take the other
            side = OLD if side == NEW else NEW
            clause = clause_on(change, side)
        if clause is not None:
            self.open_clause_requested.emit(clause.id)
            self.open_version_clause_requested.emit(clause.id, side)

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._on_activated(self.model.index(index.row(), NEW_COLUMN))

    # -- export --------------------------------------------------------------------
    def export_redline_dialog(self) -> None:
        """Ask where to save the redline (Word by default), then write it."""
        if self.comparison() is None:
            return
        path = ask_redline_path(self, self._new_name)
        if not path:
            return
        try:
            self.export_redline(path)
        except (OSError, ValueError) as exc:
            export_failed(self, path, exc)

    def export_redline(self, path: str) -> None:
        """Write the redline to `path`: Word when it ends in .docx, HTML otherwise."""
        comparison = self.comparison()
        if comparison is None:
            raise ValueError("the comparison is not ready yet")
        write_redline(comparison, path)
        self.statusBar().showMessage(self.tr("Redline saved to {path}").format(path=path), 5000)
