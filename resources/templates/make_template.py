"""Build plutoeditor/data/templates/policy-template.docx, the default look of exported policies.

The template ships inside the package (package data), so an installed PlutoEditor finds it.

Run from the repository root: `python resources/templates/make_template.py`. The template is
derived from python-docx's own default document, so the result is reproducible and needs
nothing but python-docx. It sets A4 pages with 2.5 cm margins, a serif body (Georgia, with
Cambria and Times New Roman as the fall-backs Word and LibreOffice pick when it is missing),
navy headings that keep with their text, and the paragraph styles the DOCX writer uses:
"Clause Text", "Definition", "Table Text", "Front Matter", "Front Matter Heading", "Running Header" and
"Running Footer". The heading styles stay Word's built-in "Heading 1".."Heading 9", so the
navigation pane and a table of contents work.
"""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from plutoeditor.formats.files import write_atomic

BODY_FONT = "Georgia"
NAVY = RGBColor(0x1F, 0x2A, 0x44)
GREY = RGBColor(0x59, 0x59, 0x59)
INK = RGBColor(0x1A, 0x1A, 0x1A)
OUT = Path(__file__).resolve().parents[2] / "plutoeditor" / "data" / "templates" / "policy-template.docx"


def _set_font(rpr_owner, name: str) -> None:
    """Set an explicit font, dropping theme fonts (which would otherwise win)."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _paragraph_style(doc, name: str, base: str | None = "Normal"):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = styles[base]
    style.quick_style = True
    return style


def _bottom_border(style, colour: str = "1F2A44", size: int = 8) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "4"), ("w:color", colour)):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)


def _clear_paragraph_properties(style) -> None:
    """Forget the default template's colours, borders and spacing for this style."""
    ppr = style.element.pPr
    if ppr is not None:
        for child in list(ppr):
            if child.tag in (qn("w:pBdr"), qn("w:spacing"), qn("w:contextualSpacing"), qn("w:ind")):
                ppr.remove(child)
    rpr = style.element.rPr
    if rpr is not None:
        for child in list(rpr):
            if child.tag in (qn("w:color"), qn("w:spacing"), qn("w:kern"), qn("w:i"), qn("w:caps")):
                rpr.remove(child)


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.2)

    # Document defaults: every style (also those a user adds) starts from the body font.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr_default.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), BODY_FONT)

    normal = doc.styles["Normal"]
    _set_font(normal.element, BODY_FONT)
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = INK
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = 1.15
    fmt.widow_control = True

    title = doc.styles["Title"]
    _clear_paragraph_properties(title)
    _set_font(title.element, BODY_FONT)
    title.font.size, title.font.bold, title.font.color.rgb = Pt(24), True, NAVY
    title.paragraph_format.space_after = Pt(6)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _bottom_border(title, size=12)

    front = _paragraph_style(doc, "Front Matter")
    front.font.size, front.font.color.rgb = Pt(10.5), GREY
    front.paragraph_format.space_after = Pt(2)

    front_heading = _paragraph_style(doc, "Front Matter Heading")
    front_heading.font.size, front_heading.font.bold = Pt(11), True
    front_heading.font.color.rgb = NAVY
    front_heading.paragraph_format.space_before = Pt(14)
    front_heading.paragraph_format.space_after = Pt(4)
    front_heading.paragraph_format.keep_with_next = True

    sizes = {1: 13, 2: 11, 3: 10.5}
    for level in range(1, 10):
        heading = doc.styles[f"Heading {level}"]
        _clear_paragraph_properties(heading)
        _set_font(heading.element, BODY_FONT)
        heading.font.size = Pt(sizes.get(level, 10.5))
        heading.font.bold = True
        heading.font.italic = level >= 3
        heading.font.color.rgb = NAVY if level <= 2 else INK
        hf = heading.paragraph_format
        hf.space_before = Pt(18 if level == 1 else 10)
        hf.space_after = Pt(6 if level == 1 else 4)
        hf.keep_with_next = True
        hf.line_spacing = 1.0

    clause = _paragraph_style(doc, "Clause Text")
    clause.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    definition = _paragraph_style(doc, "Definition", "Clause Text")
    definition.paragraph_format.space_after = Pt(4)

    table_text = _paragraph_style(doc, "Table Text")
    table_text.font.size = Pt(9.5)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0

    header = _paragraph_style(doc, "Running Header")
    header.font.size, header.font.color.rgb = Pt(8.5), GREY
    header.paragraph_format.space_after = Pt(0)
    _bottom_border(header, colour="A6A6A6", size=4)
    footer = _paragraph_style(doc, "Running Footer")
    footer.font.size, footer.font.color.rgb = Pt(8.5), GREY
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.space_after = Pt(0)

    # An empty body: the writer adds everything. Keep only the section properties.
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = doc.core_properties
    props.title, props.author, props.comments = "", "PlutoEditor", "Default PlutoEditor policy template"
    props.last_modified_by, props.revision = "PlutoEditor", 1
    props.created = props.modified = FIXED_TIME
    buffer = BytesIO()
    doc.save(buffer)
    return _repacked(buffer.getvalue())


#: One fixed time for the properties and zip entries, so a rebuild gives the same bytes.
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)


def _repacked(data: bytes) -> bytes:
    """The same package with every zip entry stamped FIXED_TIME (python-docx stamps "now")."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def main() -> int:
    write_atomic(OUT, build())
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
