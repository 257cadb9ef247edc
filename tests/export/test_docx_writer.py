"""DOCX export: read back with python-docx, as Word would show it."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.model import ClauseKind
from tests.export.wordml import NS, body, part


def _export(policy, tmp_path: Path, **kwargs) -> Path:
    """Labels as literal text: these tests read the layout off the paragraphs' own text (Word's
    own numbering is tested in test_word_numbering)."""
    kwargs.setdefault("numbering", "text")
    out = tmp_path / "policy.docx"
    export_docx(policy, out, **kwargs)
    return out


def _expected_lines(policy) -> list[str]:
    """Label, heading and every paragraph of text, in document order."""
    lines = []
    for clause in policy.walk():
        lines.extend(part for part in (clause.label.strip(), clause.heading.strip()) if part)
        lines.extend(clause.paragraphs)
    return lines


def _assert_in_order(document_text: str, pieces: list[str]) -> None:
    position = 0
    for piece in pieces:
        found = document_text.find(piece, position)
        assert found >= 0, f"{piece!r} missing or out of order after position {position}"
        position = found + len(piece)


def test_seed_reads_back_with_header_and_every_clause_in_order(seed_policy, tmp_path):
    out = _export(seed_policy, tmp_path)
    document = docx.Document(str(out))
    header_text = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Effective date: 21 November 2022" in header_text
    assert "Effective date" not in "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    text = "\n".join(p.text for p in document.paragraphs)
    _assert_in_order(text, _expected_lines(seed_policy))
    # the seed's defects survive: labels are exactly the document's labels
    for label in ("2.3.9\t", "6.\tYour Rights", "6.9.1:\t", "2.7.10\t"):
        assert label in text
    assert text.count("2.3.9\t") == 2


def test_footer_has_real_page_and_numpages_fields(policy, tmp_path):
    out = _export(policy, tmp_path)
    with zipfile.ZipFile(out) as archive:
        footers = [n for n in archive.namelist() if n.startswith("word/footer")]
    instructions = " ".join(
        "".join(t.text for t in part(out, name).iterfind(".//w:instrText", NS)) for name in footers
    )
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    document = docx.Document(str(out))
    assert document.sections[0].footer.paragraphs[-1].text.startswith("Page ")


def test_header_carries_version_when_set(policy, tmp_path):
    document = docx.Document(str(_export(policy, tmp_path)))
    header = document.sections[0].header.paragraphs[-1].text
    assert "Customer Privacy Notice" in header
    assert "Effective date: 1 March 2024 · Version 4" in header


def test_headings_use_word_heading_styles_by_level_and_labels_are_literal(policy, tmp_path):
    document = docx.Document(str(_export(policy, tmp_path)))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["1\tIntroduction"] == "Heading 1"
    assert styles["3.\tWhat we collect"] == "Heading 1"
    assert styles["How long we keep data"] == "Heading 2"
    assert styles["Customer Privacy Notice"] == "Title"
    # built-in heading styles, so Word's navigation pane and TOC see them
    heading = document.styles["Heading 2"]
    assert (
        heading.type == WD_STYLE_TYPE.PARAGRAPH and heading.element.get(f"{{{NS['w']}}}styleId") == "Heading2"
    )
    # labels are text, never Word list numbering that would renumber on its own
    assert not body(_export(policy, tmp_path)).findall(".//w:numPr", NS)


def test_body_paragraphs_indent_by_level(policy, tmp_path):
    document = docx.Document(str(_export(policy, tmp_path)))
    by_text = {p.text: p for p in document.paragraphs}
    level1 = by_text["3.1\tWe collect:"].paragraph_format
    level2 = by_text["3.1.1\tyour name;"].paragraph_format
    assert level2.left_indent > level1.left_indent > 0
    assert level1.first_line_indent < 0  # the label hangs in front of the text
    # an unnumbered clause lines up with its parent's text
    assert by_text["We do not collect more than we need."].paragraph_format.left_indent == level1.left_indent
    # the second paragraph of 1.2 sits in the text column, without a label
    second = by_text["It also applies to visitors of the shop's website."].paragraph_format
    assert (
        second.left_indent
        == by_text["1.2\tIt applies to every customer of the shop."].paragraph_format.left_indent
    )


def test_definitions_have_the_term_in_bold(policy, tmp_path):
    document = docx.Document(str(_export(policy, tmp_path)))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Customer: "))
    assert paragraph.runs[0].text == "Customer" and paragraph.runs[0].bold
    assert not paragraph.runs[-1].bold and paragraph.style.name == "Definition"
    assert any(c.kind is ClauseKind.DEFINITION for c in policy.walk())


def test_schedules_start_on_a_new_page(policy, tmp_path):
    document = docx.Document(str(_export(policy, tmp_path)))
    schedule = next(p for p in document.paragraphs if p.text.startswith("Schedule 1"))
    assert schedule.paragraph_format.page_break_before
    assert schedule.text == "Schedule 1\tRetention Schedule"
    breaks = [p.text for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == [schedule.text]


def test_summary_of_changes_section_only_when_there_is_one(policy, tmp_path):
    texts = [p.text for p in docx.Document(str(_export(policy, tmp_path))).paragraphs]
    assert texts[texts.index("Summary of changes") + 1] == "1)\tNew retention schedule"
    policy.metadata.summary_of_changes = []
    texts = [p.text for p in docx.Document(str(_export(policy, tmp_path))).paragraphs]
    assert "Summary of changes" not in texts


def test_document_properties(policy, tmp_path):
    out = _export(policy, tmp_path)
    props = docx.Document(str(out)).core_properties
    assert props.title == "Customer Privacy Notice"
    assert props.author == "Meridian Books Ltd"
    assert props.version == "4"
    assert props.language == "en-GB"
    assert "2024-03-01" in props.keywords and "1 March 2024" in props.comments
    company = part(out, "docProps/app.xml").find(
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company"
    )
    assert company is not None and company.text == "Meridian Books Ltd"


def test_default_template_look(policy, tmp_path):
    document = docx.Document(str(_export(policy, tmp_path)))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.1) and abs(section.left_margin - Cm(2.5)) < Cm(0.1)
    assert document.styles["Normal"].font.name == "Georgia"


def test_default_template_ships_inside_the_package():
    """An installed (non-editable) package has no resources/ folder: the template is package data."""
    import tomllib

    import plutoeditor
    from plutoeditor.export.docx_template import DEFAULT_TEMPLATE

    package = Path(plutoeditor.__file__).resolve().parent
    template = Path(str(DEFAULT_TEMPLATE)).resolve()
    assert template.is_file() and package in template.parents
    pyproject = tomllib.loads((package.parent / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["plutoeditor"]
    assert any(template in {p.resolve() for p in package.glob(pattern)} for pattern in patterns)


def _letterhead_template(path: Path, heading_font: str = "Arial", dotx: bool = False) -> Path:
    template = docx.Document()
    section = template.sections[0]
    section.left_margin = Cm(4)
    section.header.paragraphs[0].text = "HARGREAVE & LYLE LLP · Solicitors"
    template.styles["Heading 1"].font.name = heading_font
    template.styles["Heading 1"].font.size = Pt(17)
    template.add_paragraph("Sample body text that must not appear in exports.")
    buffer = BytesIO()
    template.save(buffer)
    data = buffer.getvalue()
    if dotx:
        out = BytesIO()
        with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                payload = src.read(item)
                if item.filename == "[Content_Types].xml":
                    payload = payload.replace(b"document.main+xml", b"template.main+xml")
                dst.writestr(item, payload)
        data = out.getvalue()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("dotx", [False, True], ids=["docx", "dotx"])
def test_user_template_keeps_letterhead_margins_and_fonts(policy, tmp_path, dotx):
    template = _letterhead_template(tmp_path / ("firm.dotx" if dotx else "firm.docx"), dotx=dotx)
    document = docx.Document(str(_export(policy, tmp_path, template=template)))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == "HARGREAVE & LYLE LLP · Solicitors"
    assert "Effective date: 1 March 2024" in header[-1]
    assert abs(document.sections[0].left_margin - Cm(4)) < Cm(0.1)
    assert document.styles["Heading 1"].font.name == "Arial"
    texts = [p.text for p in document.paragraphs]
    assert "Sample body text that must not appear in exports." not in texts
    assert "1\tIntroduction" in texts
    # styles the user's template lacks are added
    assert document.styles["Clause Text"] is not None and document.styles["Definition"] is not None


@pytest.mark.parametrize(
    "content", [b"", b"not a zip at all", b"PK\x03\x04 broken"], ids=["empty", "text", "broken-zip"]
)
def test_bad_template_is_one_clear_error_and_no_file(policy, tmp_path, content):
    template = tmp_path / "bad.docx"
    template.write_bytes(content)
    with pytest.raises(PolicyFileError) as error:
        _export(policy, tmp_path, template=template)
    assert str(error.value).startswith(str(template)) and "\n" not in str(error.value)
    assert not (tmp_path / "policy.docx").exists()


def test_text_with_control_characters_still_exports(policy, tmp_path):
    clause = next(policy.walk())
    clause.heading = "Intro\x0bduction\x00"
    document = docx.Document(str(_export(policy, tmp_path)))
    assert "1\tIntroduction" in [p.text for p in document.paragraphs]


def test_progress_reaches_the_total(policy, tmp_path):
    calls = []
    _export(policy, tmp_path, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(policy), len(policy))


def test_existing_file_is_replaced_whole(policy, tmp_path):
    out = tmp_path / "policy.docx"
    out.write_bytes(b"old")
    export_docx(policy, out, numbering="text")
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["policy.docx"]  # no temporary file left


def test_template_without_page_size_or_margins(policy, tmp_path):
    template = docx.Document()
    sect_pr = template.sections[0]._sectPr
    for child in list(sect_pr):
        sect_pr.remove(child)
    path = tmp_path / "bare.docx"
    template.save(str(path))
    document = docx.Document(str(_export(policy, tmp_path, template=path)))
    assert "Effective date: 1 March 2024" in document.sections[0].header.paragraphs[-1].text
