"""Export a policy to PDF through Qt's own print support (no extra dependency).

The policy is laid out in a QTextDocument with the same layout as the HTML and DOCX
exports (title block, summary of changes, contents, labels hanging in the margin,
schedules on a new page) and painted page by page onto a QPdfWriter, with the title and
effective date in the running header and "Page X of Y" in the footer of every page.
Works headless: a QGuiApplication is created (offscreen) when none exists.

The parts: pdf_layout builds the document from the policy, pdf_pages paints it page by
page, pdf_table_rules adds what Qt does not paint of tables. This module ties them to a
QPdfWriter and a file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QMessageLogContext,
    QSizeF,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from plutoeditor.export.page_text import document_title
from plutoeditor.export.pdf_layout import (
    DPI,
    MM,
    PAGE_MARGINS_MM,
    Layout,
    fill_contents_pages,
    keep_headings_with_text,
)
from plutoeditor.export.pdf_pages import paint_pages
from plutoeditor.formats.files import write_atomic
from plutoeditor.model import Policy

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

Progress = Callable[[int, int], None]
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    """Qt needs a GUI application for fonts; the CLI has none, so make an offscreen one.

    A QApplication (not just a QGuiApplication), so that a window or test that later
    wants one in the same process still finds the kind it expects.
    """
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        qInstallMessageHandler(_to_log)  # the command line prints one line at most, not Qt's
        try:
            from PySide6.QtWidgets import QApplication
        except ImportError:  # pragma: no cover - PySide6 without widgets
            _app = QGuiApplication([])
        else:
            _app = QApplication([])


def _to_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own messages (49 lines of "OpenType support missing for ..., script 11" for one
    clause in Hindi) go to the application log, not to the terminal of `plutoeditor export`."""
    logging.getLogger("plutoeditor.qt").info("Qt %s: %s", kind.name, message)


def render_pdf(policy: Policy, progress: Progress | None = None) -> bytes:
    """The PDF file's bytes."""
    _ensure_app()
    buffer = QBuffer()
    data = QByteArray()
    buffer.setBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(document_title(policy.metadata))
    writer.setCreator("PlutoEditor")
    try:
        paint_policy(writer, policy, progress)
    finally:
        buffer.close()
    return bytes(data.data())


def paint_policy(device: QPdfWriter | QPrinter, policy: Policy, progress: Progress | None = None) -> None:
    """Lay the policy out on A4 pages of `device` and paint them: the PDF writer, or a printer
    (Print, Print Preview), so what is printed is what the PDF shows."""
    device.setResolution(DPI)
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))  # fmt: skip
    page_rect = device.pageLayout().fullRectPixels(DPI)
    left, top, right, bottom = (m * MM for m in PAGE_MARGINS_MM)
    body_width = page_rect.width() - left - right
    body_height = page_rect.height() - top - bottom

    layout = Layout(body_width)
    layout.doc.documentLayout().setPaintDevice(device)
    layout.doc.setPageSize(QSizeF(body_width, body_height))
    layout.cursor.beginEditBlock()  # one layout pass at the end, not one per paragraph
    layout.front_matter(policy)
    total = len(policy)
    for done, (clause, depth) in enumerate(policy.walk_with_depth(), start=1):
        layout.clause(clause, depth)
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    layout.cursor.endEditBlock()
    keep_headings_with_text(layout, body_height)
    fill_contents_pages(layout, body_height)

    painter = QPainter(device)
    try:
        paint_pages(painter, device, layout, policy, (left, top, right, bottom))
    finally:
        painter.end()  # a painter left open on the writer crashes Qt at exit


def export_pdf(policy: Policy, path: str | os.PathLike[str], progress: Progress | None = None) -> None:
    """Write the policy as PDF, atomically."""
    write_atomic(path, render_pdf(policy, progress))
