"""Reading Word documents: body order, headings, tables, tracked changes, comments, footnotes.

Fixtures are built here with python-docx plus raw WordprocessingML written for the test
(`make_docx`); the numbering tests reuse the builder.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from plutoeditor.importers.docx import import_docx, read_word_document
from plutoeditor.model.notation import format_tree

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def p_xml(inner: str, ppr: str = "") -> str:
    """One raw paragraph; `inner` holds runs (use r() for plain text)."""
    return f"<w:p {W_NS}><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def num_ppr(num_id: int, ilvl: int | None = 0, style: str | None = None) -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'{style_xml}<w:numPr>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'


def make_docx(
    path: Path,
    body: list[str],
    numbering: str | None = None,
    footnotes: str | None = None,
    setup=None,
) -> Path:
    """A .docx whose body is the given raw paragraphs (and tables), saved by python-docx.

    `numbering` is the inner XML of w:numbering; `setup(document)` may add styles,
    properties or comments before the body is written.
    """
    document = docx.Document()
    for p in list(document.element.body.iterchildren()):
        if not p.tag.endswith("sectPr"):
            document.element.body.remove(p)
    if setup is not None:
        setup(document)
    sect = document.element.body.sectPr
    for xml in body:
        sect.addprevious(parse_xml(xml))
    if numbering is not None:
        part = document.part.numbering_part
        part._element = parse_xml(f"<w:numbering {W_NS}>{numbering}</w:numbering>")
    if footnotes is not None:
        blob = f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W_NS}>{footnotes}</w:footnotes>'
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob.encode(), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))
    return path


def texts(path: Path) -> list[str]:
    return [p.text for p in read_word_document(path).paragraphs]


# -- body order, headings, tables -----------------------------------------------------------
def test_headings_give_levels_and_body_paragraphs_attach_to_the_clause_above(tmp_path):
    body = [
        p_xml(r("Acme Privacy Notice"), '<w:pStyle w:val="Title"/>'),
        p_xml(r("1 Who we are"), '<w:pStyle w:val="Heading1"/>'),
        p_xml(r("1.1 Acme Widgets Ltd runs the shop.")),
        p_xml(r("1.2 We answer questions by post.")),
        p_xml(r("2 What we collect"), '<w:pStyle w:val="Heading1"/>'),
        p_xml(r("Contact details"), '<w:pStyle w:val="Heading2"/>'),
        p_xml(r("2.1 Your name and address.")),
        p_xml(r("3 Outline-level heading"), '<w:outlineLvl w:val="0"/>'),
        p_xml(r("3.1 Text under it.")),
    ]
    path = make_docx(tmp_path / "headings.docx", body)
    paragraphs = read_word_document(path).paragraphs
    assert [p.heading_level for p in paragraphs] == [None, 1, None, None, 1, 2, None, 1, None]
    assert paragraphs[0].is_title
    policy = import_docx(path)
    assert policy.metadata.title == "Acme Privacy Notice"
    assert format_tree(policy).splitlines() == [
        "[1] Who we are |",
        "  [1.1] Acme Widgets Ltd runs the shop.",
        "  [1.2] We answer questions by post.",
        "[2] What we collect |",
        "  [] Contact details |",
        "    [2.1] Your name and address.",
        "[3] Outline-level heading |",
        "  [3.1] Text under it.",
    ]


def _table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:p>{r(c)}</w:p></w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl {W_NS}><w:tblPr/><w:tblGrid/>{cells}</w:tbl>"


def test_tables_are_read_in_body_order_as_pipe_rows(tmp_path):
    body = [
        p_xml(r("1 Retention periods")),
        _table([["Record", "Kept for"], ["Invoices", "7 years"]]),
        p_xml(r("2 After that we delete them.")),
    ]
    path = make_docx(tmp_path / "table.docx", body)
    doc = read_word_document(path)
    assert [p.text for p in doc.paragraphs] == [
        "1 Retention periods",
        "| Record | Kept for |\n| Invoices | 7 years |",  # no w:tblHeader: no header row
        "2 After that we delete them.",
    ]
    assert [p.in_table for p in doc.paragraphs] == [False, True, False]
    labels = [c.label for c in import_docx(path).walk()]
    assert labels.count("1") == 1 and "2" in labels  # rows do not become clauses of their own


def test_a_repeated_first_row_is_the_header_and_pipes_in_cells_are_escaped(tmp_path):
    table = _table([["Name", "Use"], ["a | b", ""], ["only one"]]).replace(
        "<w:tr>", "<w:tr><w:trPr><w:tblHeader/></w:trPr>", 1
    )
    doc = read_word_document(make_docx(tmp_path / "header.docx", [p_xml(r("1 Cookies")), table]))
    assert doc.paragraphs[1].text == "| Name | Use |\n| --- | --- |\n| a \\| b | |\n| only one | |"


def test_soft_line_breaks_are_new_lines_like_in_a_text_file(tmp_path):
    br = "<w:r><w:br/></w:r>"
    body = [p_xml(r("1 Write to us at:") + br + r("Acme Ltd") + br + r("9 High St"))]
    path = make_docx(tmp_path / "br.docx", body)
    assert texts(path) == ["1 Write to us at:", "Acme Ltd", "9 High St"]
    (clause,) = import_docx(path).clauses
    assert clause.label == "1" and clause.text == "Write to us at:\nAcme Ltd\n9 High St"


def test_strict_open_xml_documents_are_read(tmp_path):
    path = make_docx(tmp_path / "transitional.docx", [p_xml(r("1 Strict clause."))])
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(strict, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                )
            dst.writestr(info, data)
    assert texts(strict) == ["1 Strict clause."]


# -- tracked changes, comments, footnotes ---------------------------------------------------
def test_tracked_changes_are_read_as_accepted_with_a_warning(tmp_path):
    ins = '<w:ins w:id="1" w:author="Ann" w:date="2024-01-01T00:00:00Z">{}</w:ins>'
    dele = '<w:del w:id="2" w:author="Ann"><w:r><w:delText>{}</w:delText></w:r></w:del>'
    body = [
        p_xml(r("1 We keep data for ") + dele.format("ten") + ins.format(r("five")) + r(" years.")),
        p_xml('<w:moveFrom w:id="3" w:author="Ann">' + r("2 Moved away.") + "</w:moveFrom>"),
        p_xml(r("2 We delete"), '<w:rPr><w:del w:id="4" w:author="Ann"/></w:rPr>'),
        p_xml(r(" it afterwards.")),
        p_xml('<w:moveTo w:id="5" w:author="Ann">' + r("3 Moved here.") + "</w:moveTo>"),
    ]
    path = make_docx(tmp_path / "tracked.docx", body)
    assert texts(path) == ["1 We keep data for five years.", "2 We delete it afterwards.", "3 Moved here."]
    policy = import_docx(path)
    assert any("tracked changes" in note for note in policy.import_notes)


def test_hidden_text_is_left_out(tmp_path):
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t> [drafting note: check with legal]</w:t></w:r>"
    path = make_docx(tmp_path / "hidden.docx", [p_xml(r("1 We keep data safe.") + hidden)])
    assert texts(path) == ["1 We keep data safe."]


def test_a_document_without_changes_or_comments_has_no_notes(tmp_path):
    path = make_docx(tmp_path / "plain.docx", [p_xml(r("1 Plain."))])
    assert import_docx(path).import_notes == []


def test_comments_are_ignored_with_a_note(tmp_path):
    def setup(document):
        para = document.add_paragraph("1 We never sell your data.")
        document.add_comment(para.runs, text="Is this still true? SECRET-REMARK", author="Bob")

    path = make_docx(tmp_path / "comments.docx", [], setup=setup)
    policy = import_docx(path)
    assert [c.text for c in policy.walk()] == ["We never sell your data."]
    assert "SECRET-REMARK" not in format_tree(policy)
    assert any("1 comment was ignored" in note for note in policy.import_notes)


def test_footnotes_are_kept_with_their_clause(tmp_path):
    notes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        + r(" As amended in 2021.")
        + "</w:p></w:footnote>"
    )
    body = [
        p_xml(r("1 The Act applies.") + '<w:r><w:footnoteReference w:id="1"/></w:r>'),
        p_xml(r("2 Next clause.")),
    ]
    path = make_docx(tmp_path / "footnotes.docx", body, footnotes=notes)
    first, second = import_docx(path).clauses
    assert first.text == "The Act applies.[1]\n[1] As amended in 2021."
    assert second.text == "Next clause."


# -- metadata ---------------------------------------------------------------------------------
def test_metadata_from_properties_and_the_page_header(tmp_path):
    def setup(document):
        document.core_properties.title = "Staff Privacy Notice"
        document.core_properties.author = "Jane Writer"
        document.sections[0].header.paragraphs[0].text = "Effective from 1 March 2024"

    path = make_docx(tmp_path / "meta.docx", [p_xml(r("1 Scope."))], setup=setup)
    meta = import_docx(path).metadata
    assert meta.title == "Staff Privacy Notice"
    assert meta.effective_date == dt.date(2024, 3, 1)


def test_the_visible_title_beats_a_stale_title_property(tmp_path):
    def setup(document):
        document.core_properties.title = "Template v2 (do not use)"

    body = [p_xml(r("Supplier Code of Conduct"), '<w:pStyle w:val="Title"/>'), p_xml(r("1 Scope."))]
    path = make_docx(tmp_path / "stale.docx", body, setup=setup)
    assert import_docx(path).metadata.title == "Supplier Code of Conduct"


def test_effective_date_in_the_first_paragraphs(tmp_path):
    body = [
        p_xml(r("Cookie Notice"), '<w:pStyle w:val="Title"/>'),
        p_xml(r("Last updated: 21st November 2022")),
        p_xml(r("1 Cookies we use.")),
    ]
    meta = import_docx(make_docx(tmp_path / "date.docx", body)).metadata
    assert (meta.title, meta.effective_date) == ("Cookie Notice", dt.date(2022, 11, 21))
