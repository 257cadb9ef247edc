"""Draft Summary from Previous Version...: compare the policy being edited with the version
before it (on a worker thread), let the policy owner choose and reword the drafted items,
and fill the summary of changes with them as one undoable edit.

The previous version also stays known to the document, so its integrity findings (the date,
version and summary moved with the text) join the others; a Compare With... the older
version does the same, and its window offers the same dialog for its pair.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from plutoeditor.model.operations import SetMetadata
from plutoeditor.model.policy import Policy
from plutoeditor.summary import ChangeSummary
from plutoeditor.ui.common.file_dialogs import importable_filter
from plutoeditor.ui.common.workers import run_with_progress
from plutoeditor.ui.publishing.summary_dialog import DraftSummaryDialog

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from plutoeditor.compare import Comparison
    from plutoeditor.ui.compare.window import CompareWindow
    from plutoeditor.ui.editor.open_document import Document


def draft(old: Policy, new: Policy) -> tuple[Policy, ChangeSummary, int]:
    """The comparison's summary and its number of substantive items (call on a worker thread)."""
    from plutoeditor.compare import compare_policies
    from plutoeditor.summary import SUBSTANTIVE, draft_summary

    summary = draft_summary(compare_policies(old, new))
    return old, summary, len(summary.of_kind(SUBSTANTIVE))


def fill_summary(document: Document, items: list[str]) -> None:
    """Replace the policy's summary of changes with `items`: one undo step."""
    if items != document.policy.metadata.summary_of_changes:
        document.push(SetMetadata("summary_of_changes", list(items), name="Draft summary of changes"))


class DraftingWindow(Protocol):
    """What SummaryDrafting uses of its editor window."""

    document: Document | None

    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class SummaryDrafting(QObject):
    """The editor window's Draft Summary from Previous Version..."""

    def __init__(self, editor: DraftingWindow) -> None:
        super().__init__(editor.window())
        self.editor = editor
        self.dialog: DraftSummaryDialog | None = None

    def draft_dialog(self) -> None:
        document = self.editor.document
        if document is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.editor.window(),
            self.tr("Previous Version"),
            str(Path(document.path).parent) if document.path else "",
            importable_filter(),
        )
        if path:
            self.draft_from(path)

    def draft_from(self, path: str) -> None:
        """Read the previous version at `path`, compare, and show the drafted items."""
        document = self.editor.document
        if document is None:
            return
        mine = document.policy.copy()  # the user may keep editing while the comparison runs

        def work() -> tuple[Policy, ChangeSummary, int]:
            from plutoeditor.file_formats import open_policy

            return draft(open_policy(path), mine)

        def failed(exc: BaseException) -> None:
            QMessageBox.critical(
                self.editor.window(),
                self.tr("Cannot Draft the Summary"),
                self.tr("{0} could not be read as the previous version.\n\n{1}").format(Path(path).name, exc),
            )

        run_with_progress(
            self.editor.window(),
            self.tr("Comparing with {0}…").format(Path(path).name),
            work,
            lambda result: self._drafted(document, *result),
            failed,
        )

    def _drafted(self, document: Document, old: Policy, summary: ChangeSummary, substantive: int) -> None:
        if document is not self.editor.document:
            return  # the document was closed meanwhile
        from plutoeditor.compare.report import long_date
        from plutoeditor.compare.versions import SWAPPED, order_by_effective_date

        note = ""
        chosen, edited = old.metadata.effective_date, document.policy.metadata.effective_date
        if chosen and edited and order_by_effective_date(old, document.policy) == SWAPPED:
            # the file chosen is the newer one: say so, and do not check against it
            note = self.tr(
                "Note: the version chosen takes effect on {0}, after this policy ({1}); "
                "these are the changes from it to this policy."
            ).format(long_date(chosen), long_date(edited))
        else:
            document.set_previous_version(old, substantive)
        self.show_dialog(document, summary, note)

    def show_dialog(self, document: Document, summary: ChangeSummary, note: str = "") -> DraftSummaryDialog:
        dialog = DraftSummaryDialog(
            summary, document.policy.metadata.summary_of_changes, self.editor.window(), note=note
        )
        dialog.accepted.connect(lambda: fill_summary(document, dialog.summary_items()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def follow_compare(self, compare: CompareWindow) -> None:
        """A Compare With... window opened from this editor: when the policy being edited is its
        new side, the old side is the previous version, and its Draft Summary fills this
        policy's summary of changes."""
        document = self.editor.document

        def ready(comparison: Comparison) -> None:
            if document is not self.editor.document or document is None:
                return
            if compare.editor_is_new():  # compared with an older version: it is the previous one
                from plutoeditor.summary import SUBSTANTIVE, draft_summary

                def counted(substantive: int) -> None:
                    if document is self.editor.document:
                        document.set_previous_version(comparison.old, substantive)

                run_with_progress(  # drafting a long comparison takes a moment: not on the GUI thread
                    self.editor.window(),
                    "",
                    lambda: len(draft_summary(comparison).of_kind(SUBSTANTIVE)),
                    counted,
                    lambda exc: log.warning("counting the substantive changes failed: %s", exc),
                    show_progress=False,
                )

        def fill(items: list[str]) -> None:
            if document is not None and document is self.editor.document:
                fill_summary(document, items)

        compare.comparison_ready.connect(ready)
        compare.summary_target = fill
