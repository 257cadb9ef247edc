"""Print Preview and Print: the pages of the PDF export, painted on Qt's preview or printer.

The same layout and painting as `pdf_export` (`paint_policy`), so the preview, the printed
pages and the PDF agree page for page: title block, contents, labels in the margin, the
running header and "Page X of Y".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog

from plutoeditor.export.page_text import document_title
from plutoeditor.export.pdf_export import paint_policy
from plutoeditor.ui.common import snapshot
from plutoeditor.ui.common.screen_fit import resize_to_fit
from plutoeditor.ui.common.workers import run_and_wait

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from plutoeditor.ui.editor.open_document import Document


class PrintingWindow(Protocol):
    """What Printing uses of its editor window."""

    document: Document | None

    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class Printing(QObject):
    """File > Print Preview and File > Print for one window."""

    def __init__(self, editor: PrintingWindow) -> None:
        super().__init__(editor.window())
        self.editor = editor
        self.printer: QPrinter | None = None

    def _printer(self) -> QPrinter:
        if self.printer is None:  # kept, so a second print remembers the printer chosen
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setFullPage(True)  # the layout sets its own margins, as in the PDF
        document = self.editor.document
        if document is not None:
            self.printer.setDocName(document_title(document.policy.metadata))
        return self.printer

    def paint(self, printer: QPrinter) -> None:
        """Lay out and paint the open policy on `printer`, on a worker thread: the window keeps
        painting, a progress dialog shows when it takes long (the pages of 10,000 clauses take
        1.4 s of CPU), and a copy of the policy is what is printed."""
        document = self.editor.document
        if document is None:
            return
        data = snapshot.take(document.policy)

        def work() -> None:
            policy = snapshot.policy_from(data)
            try:
                paint_policy(printer, policy)
            finally:
                snapshot.dispose(policy)

        parent = QApplication.activeModalWidget() or self.editor.window()
        run_and_wait(parent, self.tr("Laying out the pages…"), work)

    def preview_dialog(self) -> QPrintPreviewDialog:
        dialog = QPrintPreviewDialog(self._printer(), self.editor.window())
        dialog.setWindowTitle(self.tr("Print Preview"))
        dialog.paintRequested.connect(self.paint)
        resize_to_fit(dialog, 900, 1000)
        return dialog

    def preview(self) -> None:
        if self.editor.document is None:
            return
        dialog = self.preview_dialog()
        dialog.exec()
        dialog.deleteLater()

    def print_(self) -> None:
        if self.editor.document is None:
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self.editor.window())
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.paint(printer)
        dialog.deleteLater()


def preview_page_count(dialog: QPrintPreviewDialog) -> int:
    """How many pages a preview shows (after it has painted)."""
    widget = dialog.findChild(QPrintPreviewWidget)
    if widget is None:
        return 0
    widget.updatePreview()
    return widget.pageCount()
