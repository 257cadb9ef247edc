"""Open the Word template an export starts from, and make sure the styles it needs exist.

The default template ships as package data, plutoeditor/data/templates/policy-template.docx
(built by resources/templates/make_template.py), so an installed package finds it too;
a user's own .docx or .dotx brings their fonts, margins and letterhead. Whatever the
template lacks (a user's file may define no "Heading 3"), a plain version is added, so
every export uses real Word heading styles.
"""

from __future__ import annotations

import os
import zipfile
from importlib import resources
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from plutoeditor.export.template_safety import safe_template_bytes
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.word_vocabulary import (
    CLAUSE_TEXT,
    DEFINITION,
    FRONT_MATTER,
    FRONT_MATTER_HEADING,
    RUNNING_FOOTER,
    RUNNING_HEADER,
    TABLE_TEXT,
    TITLE,
    heading_level,
    heading_style,
)

DEFAULT_TEMPLATE = resources.files("plutoeditor").joinpath("data", "templates", "policy-template.docx")

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

#: Styles the writers use, with the style each one is based on when it must be added.
PARAGRAPH_STYLES = {
    TITLE: "Normal",
    FRONT_MATTER: "Normal",
    FRONT_MATTER_HEADING: "Normal",
    CLAUSE_TEXT: "Normal",
    DEFINITION: CLAUSE_TEXT,
    TABLE_TEXT: "Normal",
    RUNNING_HEADER: "Normal",
    RUNNING_FOOTER: "Normal",
    **{heading_style(n): "Normal" for n in range(1, 10)},
}


def open_template(template: str | os.PathLike[str] | None = None) -> DocxDocument:
    """A python-docx Document from the template, its body emptied (headers are kept).

    A user's template that is hostile or damaged gives one PolicyFileError naming it.
    """
    if template is None:
        found = DEFAULT_TEMPLATE.is_file()  # read as bytes: works from a zip or frozen build too
        document = Document(BytesIO(DEFAULT_TEMPLATE.read_bytes())) if found else Document()
        _empty_body(document)
        ensure_styles(document)
        return document
    path = str(template)
    document = _open_user_template(path)
    try:
        _empty_body(document)
        ensure_styles(document)
        _check_usable(document)
    except PolicyFileError:
        raise
    except Exception as exc:  # lxml and python-docx raise many kinds on damaged packages
        raise PolicyFileError(path, f"is not a usable Word template ({type(exc).__name__}: {exc})") from None
    return document


def _empty_body(document: DocxDocument) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _check_usable(document: DocxDocument) -> None:
    """Touch what the writers use (page size, headers, footers, properties) while the template
    can still be named in the error."""
    if not document.sections:
        document.element.body.append(OxmlElement("w:sectPr"))
    section = document.sections[0]
    _ = section.page_width, section.left_margin, section.right_margin
    _ = section.different_first_page_header_footer
    _ = document.settings.odd_and_even_pages_header_footer
    for part in (section.header, section.footer, section.first_page_header, section.even_page_header):
        _ = part.paragraphs
    _ = document.core_properties.title


def _open_user_template(path: str) -> DocxDocument:
    data = safe_template_bytes(path)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml")
            if _TEMPLATE_TYPE in types:  # a .dotx: the same package with another content type
                data = _as_document(archive, types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE))
        return Document(BytesIO(data))
    except (KeyError, zipfile.BadZipFile, PackageNotFoundError, ValueError) as exc:
        raise PolicyFileError(path, f"is not a usable Word template ({exc})") from None
    except Exception as exc:  # lxml and python-docx raise many kinds on damaged packages
        raise PolicyFileError(path, f"cannot read the template: {type(exc).__name__}: {exc}") from None


def _as_document(archive: zipfile.ZipFile, content_types: bytes) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in archive.infolist():
            payload = content_types if item.filename == "[Content_Types].xml" else archive.read(item)
            target.writestr(item, payload)
    return out.getvalue()


def ensure_styles(document: DocxDocument) -> dict[str, str]:
    """Add any missing writer style; return style name -> style id for fast XML building."""
    styles = document.styles
    ids: dict[str, str] = {}
    for name, base in PARAGRAPH_STYLES.items():
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            try:
                style.base_style = styles[base]
            except KeyError:
                pass
            _plain_look(style, name)
        ids[name] = style.style_id
    return ids


def _plain_look(style, name: str) -> None:
    """A sober default for a style the user's template does not define."""
    style.quick_style = True
    fmt, font = style.paragraph_format, style.font
    level = heading_level(name)
    if level is not None:
        font.bold = True
        font.size = Pt({1: 13, 2: 11.5}.get(level, 11))
        fmt.keep_with_next = True
        fmt.space_before, fmt.space_after = Pt(12 if level == 1 else 8), Pt(4)
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        style.element.get_or_add_pPr().append(outline)
    elif name == TITLE:
        font.bold, font.size = True, Pt(20)
        fmt.space_after = Pt(6)
    elif name == FRONT_MATTER_HEADING:
        font.bold = True
        fmt.keep_with_next = True
        fmt.space_before, fmt.space_after = Pt(12), Pt(4)
    elif name in (RUNNING_HEADER, RUNNING_FOOTER):
        font.size = Pt(8.5)
