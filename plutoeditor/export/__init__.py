"""Export a policy (DOCX, HTML, PDF) and write the redlines of a comparison.

The PDF modules (pdf_export, pdf_layout, pdf_pages, pdf_table_rules) draw with Qt's print
support: the one place outside plutoeditor.ui that imports Qt, and only when a PDF is made
(nothing here imports them; `file_formats` names pdf_export to load on demand)."""

from __future__ import annotations

from plutoeditor.export.docx_writer import build_docx, export_docx
from plutoeditor.export.html_writer import export_html, render_html
from plutoeditor.export.redline_docx import write_redline_docx

__all__ = ["build_docx", "export_docx", "export_html", "render_html", "write_redline_docx"]
