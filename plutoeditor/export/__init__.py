"""Export a policy (DOCX, HTML; PDF lives in plutoeditor.ui.pdf_export because it uses Qt)
and write the DOCX redline of a comparison. Nothing here imports Qt."""

from __future__ import annotations

from plutoeditor.export.docx_writer import build_docx, export_docx
from plutoeditor.export.html_writer import export_html, render_html
from plutoeditor.export.redline_docx import write_redline_docx

__all__ = ["build_docx", "export_docx", "export_html", "render_html", "write_redline_docx"]
