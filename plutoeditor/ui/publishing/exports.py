"""Export (Word, HTML, PDF) off the GUI thread, and "Compare With..." another version.

Publishing a policy with error findings (broken references, duplicate numbers) first asks:
Export Anyway / Show Findings / Cancel. Right after an edit the findings are still being worked
out on the checks' worker thread: the export waits for them (busy cursor, the window keeps
responding) rather than checking the whole policy on the GUI thread.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from plutoeditor.file_formats import PUBLISHERS, by_name
from plutoeditor.formats import native
from plutoeditor.ui.common import snapshot
from plutoeditor.ui.common.file_dialogs import importable_filter
from plutoeditor.ui.common.workers import run_with_progress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from plutoeditor.checks.finding import Finding
    from plutoeditor.model.policy import Policy
    from plutoeditor.ui.compare.window import CompareWindow
    from plutoeditor.ui.editor.open_document import Document
    from plutoeditor.ui.publishing.summary_drafting import SummaryDrafting


#: A PDF of more clauses than this is drawn by a `plutoeditor export` child process: Qt lays
#: the whole document out in one call that holds Python's interpreter lock (2.8 s for
#: 10,000 clauses), which would freeze the window even on a worker thread.
PDF_IN_PROCESS_CLAUSES = 1000

#: An export that waited for the findings of the latest edits starts this long after they
#: arrive, when the window has painted them: painting the findings list calls the Python model
#: for every cell, and each call waited for the interpreter lock once the export's worker ran
#: (bench_ui export_after_edit_gui_stall_max_ms 103-112 -> 58-76 ms at 0 -> 30, alternated).
EXPORT_AFTER_FINDINGS_MS = 30


def export_pdf_in_child(data: dict[str, Any], target: str) -> None:
    """Write the PDF of a snapshot with `plutoeditor export` in its own process (call on a
    worker thread: it waits for the child, without the interpreter lock)."""
    command = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "plutoeditor"]
    with tempfile.TemporaryDirectory(prefix="plutoeditor-export-") as folder:
        source = Path(folder) / "snapshot.policy.yaml"
        source.write_text(native.dumps_data(data), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run(
            [*command, "export", str(source), "-o", target],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        problem = lines[-1] if lines else f"exit status {done.returncode}"
        raise OSError(problem.replace(str(source), "the policy").removeprefix("plutoeditor: "))


class PublishingWindow(Protocol):
    """What Publishing uses of its editor window."""

    document: Document | None
    summary_drafting: SummaryDrafting

    def select_clause(self, clause_id: str) -> bool: ...
    def show_finding_in_panel(self, finding: Finding) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class Publishing(QObject):
    """File > Export and File > Compare With... for one window."""

    def __init__(self, editor: PublishingWindow) -> None:
        super().__init__(editor.window())
        self.editor = editor
        self.compare_windows: list[CompareWindow] = []
        #: the export waiting for current findings (a newer request replaces it)
        self._waiting: tuple[str, str | None, str] | None = None

    def export(self, kind: str, path: str | None = None, numbering: str = "word") -> None:
        """File > Export. For Word the dialog's file type is the numbering choice: Word's own
        numbering (the default) or labels as literal text (`plutoeditor export --numbering`).

        Right after an edit it first waits for the findings that have seen it (so the error
        question never counts stale findings): the rest happens when they arrive."""
        document = self.editor.document
        if document is None:
            return
        if document.findings_current:
            self._export(document, kind, path, numbering)
            return
        already = self._waiting is not None
        self._waiting = (kind, path, numbering)
        if already:
            return  # the wait going on ends with this request
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.editor.statusBar().showMessage(self.tr("Checking the latest edits before exporting…"))

        def then(outcome: str) -> None:
            QApplication.restoreOverrideCursor()
            request, self._waiting = self._waiting, None
            if outcome == "closed":
                return  # closed meanwhile (perhaps with its window): nothing to export
            self.editor.statusBar().clearMessage()
            if request is None or self.editor.document is not document:
                return  # the window closed or shows another document: nothing to export
            if outcome == "failed":
                document.refresh_findings()  # one more try, here (a fresh copy when it was lost)
                if not document.findings_current:
                    QMessageBox.critical(
                        self.editor.window(),
                        self.tr("Export Failed"),
                        self.tr(
                            "The checks failed: the errors in this policy are unknown. Nothing was exported."
                        ),
                    )
                    return
            # once the findings that just arrived are painted (see EXPORT_AFTER_FINDINGS_MS)
            QTimer.singleShot(
                EXPORT_AFTER_FINDINGS_MS, self, lambda: self._export_if_current(document, request)
            )

        document.when_findings_current(then)

    def _export_if_current(self, document: Document, request: tuple[str, str | None, str]) -> None:
        if self.editor.document is not document:
            return
        if document.findings_current:
            self._export(document, *request)
        else:  # edited in the meantime: its findings first
            self.export(*request)

    def drop_waiting_export(self) -> None:
        """The window closes: an export still waiting for the findings is not made."""
        self._waiting = None

    def _export(self, document: Document, kind: str, path: str | None, numbering: str) -> None:
        if not self.confirm_errors(document):
            return
        word_numbering = self.tr("Word documents, numbered by Word (*.docx)")
        text_numbering = self.tr("Word documents, labels as typed text (*.docx)")
        filters = {
            "docx": f"{word_numbering};;{text_numbering}",
            "html": self.tr("Web pages (*.html)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
        }
        if path is None:
            base = document.path or document.source or self.tr("Untitled")
            stem = Path(base).name.split(".")[0]
            suggestion = str(Path(base).with_name(f"{stem}.{kind}"))
            path, chosen = QFileDialog.getSaveFileName(
                self.editor.window(), self.tr("Export"), suggestion, filters[kind]
            )
            if not path:
                return
            if kind == "docx" and chosen == text_numbering:
                numbering = "text"
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        data = snapshot.take(document.policy)  # the user keeps editing while the export runs
        target = path
        in_child = kind == "pdf" and len(document.policy) > PDF_IN_PROCESS_CLAUSES

        def work() -> None:  # the exporter is imported there too: the first import takes long
            if in_child:
                export_pdf_in_child(data, target)
            else:
                policy = snapshot.policy_from(data)
                try:
                    by_name(PUBLISHERS, kind).write(policy, target, numbering=numbering)
                finally:
                    snapshot.dispose(policy)

        def failed(exc: BaseException) -> None:
            QMessageBox.critical(
                self.editor.window(),
                self.tr("Export Failed"),
                self.tr("{0} could not be written.\n\n{1}").format(Path(target).name, exc),
            )

        run_with_progress(
            self.editor.window(),
            self.tr("Exporting {0}…").format(Path(target).name),
            work,
            lambda _result: self.editor.statusBar().showMessage(self.tr("Exported {0}").format(target), 8000),
            failed,
        )

    def confirm_errors(self, document: Document) -> bool:
        """True when the policy has no error findings or the user chose Export Anyway;
        Show Findings selects the first error in the Findings pane instead."""
        if document.findings_pending():  # not through export(), which waits for them
            document.refresh_findings()  # the last edit's findings, not the ones before it
        errors = [finding for finding in document.findings if finding.is_error]
        if not errors:
            return True
        examples = ", ".join(f"{f.code} {f.label}".strip() for f in errors[:2])
        if len(errors) > 2:
            examples += ", …"
        if len(errors) == 1:
            text = self.tr("This policy has 1 error ({0}). Publish it anyway?").format(examples)
        else:
            text = self.tr("This policy has {0} errors ({1}). Publish it anyway?").format(
                len(errors), examples
            )
        Button = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Errors in This Policy"),
            text,
            Button.Yes | Button.Open | Button.Cancel,
            self.editor.window(),
        )
        box.setInformativeText(self.tr("Show Findings selects the first error in the Findings pane."))
        box.button(Button.Yes).setText(self.tr("Export Anyway"))
        box.button(Button.Open).setText(self.tr("Show Findings"))
        box.setDefaultButton(Button.Cancel)
        box.setEscapeButton(Button.Cancel)
        answer = Button(box.exec())
        box.deleteLater()
        if answer == Button.Open:
            self.editor.show_finding_in_panel(errors[0])
        return answer == Button.Yes

    def compare_dialog(self) -> None:
        document = self.editor.document
        if document is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.editor.window(),
            self.tr("Compare With"),
            str(Path(document.path).parent) if document.path else "",
            importable_filter(),
        )
        if path:
            self.compare_with(path)

    def compare_with(self, other: str | Policy) -> CompareWindow | None:
        """Open the comparison window on `other` (path or policy) and ours: the older one by
        effective date is the old version (the window asks when the dates do not tell)."""
        from plutoeditor.ui.compare.window import CompareWindow

        document = self.editor.document
        if document is None:
            return None
        compare = CompareWindow(other, document.policy.copy(), self.editor.window(), order_by_date=True)
        compare.open_clause_requested.connect(self.editor.select_clause)
        self.editor.summary_drafting.follow_compare(compare)  # the older version is the previous one
        self.compare_windows.append(compare)
        compare.destroyed.connect(
            lambda *_: self.compare_windows.remove(compare) if compare in self.compare_windows else None
        )
        compare.show()
        return compare
