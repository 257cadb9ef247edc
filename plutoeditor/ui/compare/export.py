"""Export Redline from the compare window: Word by default, the format a typed name ends in wins."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from plutoeditor.compare.result import Comparison
from plutoeditor.file_formats import REPORTS, by_name
from plutoeditor.formats.files import write_atomic

HTML_FILTER = "HTML redline (*.html)"
DOCX_FILTER = "Word redline with tracked changes (*.docx)"


def docx_redline_writer():  # type: ignore[no-untyped-def]
    """export.redline_docx.write_redline_docx, or None when it is not available."""
    try:
        return by_name(REPORTS, "docx").load()
    except ImportError:
        return None


def redline_path(path: str, chosen_filter: str) -> str:
    """The file to write: a name ending in .docx, .html or .htm keeps its format whatever
    filter is selected; any other name gets the selected filter's ending."""
    if any(by_name(REPORTS, name).matches(path) for name in ("docx", "html")):
        return path
    return path + (".docx" if chosen_filter == DOCX_FILTER else ".html")


def write_redline(comparison: Comparison, path: str) -> None:
    """Write the redline to `path`: Word when it ends in .docx, HTML otherwise."""
    if by_name(REPORTS, "docx").matches(path):
        writer = docx_redline_writer()
        if writer is None:
            raise ValueError("the Word redline is not available in this build")
        writer(comparison, path)
    else:
        write_atomic(path, by_name(REPORTS, "html").load()(comparison))


def ask_redline_path(parent: QWidget, new_name: str) -> str:
    """Ask where to save the redline ("" when cancelled); Word is offered first."""
    word = docx_redline_writer() is not None
    filters = [DOCX_FILTER, HTML_FILTER] if word else [HTML_FILTER]
    suggested = os.path.splitext(new_name)[0] + ("-redline.docx" if word else "-redline.html")
    title = QCoreApplication.translate("CompareWindow", "Export redline")
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, ";;".join(filters), filters[0])
    return redline_path(path, chosen) if path else ""


def export_failed(parent: QWidget, path: str, exc: Exception) -> None:
    message = QCoreApplication.translate("CompareWindow", "Could not save {path}: {error}")
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("CompareWindow", "Export redline"),
        message.format(path=path, error=getattr(exc, "strerror", None) or exc),
    )
