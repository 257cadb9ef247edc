"""What a Word document holds besides its clauses: a table of contents (left out), a
paragraph that only ends a section, the title property, and the document_id an export wrote."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.importers.docx import import_docx
from plutoeditor.model.notation import format_tree, parse_tree
from tests.importers.test_docx_numbering import abstract, lvl, num
from tests.importers.test_docx_reading import W_NS, make_docx, num_ppr, p_xml, r

TAB = "<w:r><w:tab/></w:r>"
FIELD_BEGIN = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
)
FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
HEADINGS = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")) + num(1, 1)


def outline(policy) -> list[str]:
    return ["  " * depth + f"[{c.label}] {c.heading or c.text}" for c, depth in policy.walk_with_depth()]


def entry(number: str, heading: str, style: str = "Normal", begin: str = "") -> str:
    runs = begin + r(number) + TAB + r(heading) + TAB + r("2")
    return p_xml(runs, f'<w:pStyle w:val="{style}"/>')


def contents_styles(document) -> None:
    for name in ("toc 1", "toc 2"):  # "TOC Heading" is in the default template
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


BODY = [
    p_xml(r("Purpose"), num_ppr(1, 0, style="Heading1")),
    p_xml(r("This policy says how long we keep records.")),
    p_xml(r("Retention"), num_ppr(1, 0, style="Heading1")),
    p_xml(r("Customer Records"), num_ppr(1, 1, style="Heading2")),
    p_xml(r("We keep them for six years.")),
]
TREE = ["[1.] Purpose", "  [] This policy says how long we keep records.", "[2.] Retention",
        "  [2.1] Customer Records", "    [] We keep them for six years."]  # fmt: skip


def test_a_table_of_contents_in_its_content_control_is_left_out(tmp_path):
    toc = (
        f"<w:sdt {W_NS}><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/></w:docPartObj>"
        "</w:sdtPr><w:sdtContent>"
        + p_xml(r("Contents"), '<w:pStyle w:val="TOCHeading"/>')
        + entry("1.", "Purpose", "toc1", FIELD_BEGIN)
        + entry("2.", "Retention", "toc1")
        + entry("2.1", "Customer Records", "toc2")
        + p_xml(FIELD_END)
        + "</w:sdtContent></w:sdt>"
    )
    path = make_docx(tmp_path / "toc.docx", [toc, *BODY], HEADINGS, setup=contents_styles)
    assert outline(import_docx(path)) == TREE


def test_a_table_of_contents_field_without_a_control_or_entry_styles_is_left_out(tmp_path):
    """Only the TOC field marks the entries here; the page numbers' PAGEREF fields nest in it."""
    pageref = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>' + FIELD_END
    )
    toc = [
        p_xml(FIELD_BEGIN + r("1.") + TAB + r("Purpose") + TAB + pageref),
        p_xml(r("2.") + TAB + r("Retention") + TAB + pageref),
        p_xml(r("2.1") + TAB + r("Customer Records") + TAB + pageref + FIELD_END),
    ]
    path = make_docx(tmp_path / "field.docx", [*toc, *BODY], HEADINGS)
    assert outline(import_docx(path)) == TREE


def test_a_toc_field_left_open_ends_at_the_first_heading(tmp_path):
    """A damaged file whose TOC field never ends: the entries go, the document stays."""
    toc = [p_xml(FIELD_BEGIN + r("1.") + TAB + r("Purpose")), p_xml(r("2.") + TAB + r("Retention"))]
    path = make_docx(tmp_path / "open.docx", [*toc, *BODY], HEADINGS)
    assert outline(import_docx(path)) == TREE


def test_an_empty_heading_that_only_ends_a_section_takes_no_number(tmp_path):
    """LibreOffice shows no number there, and the text's own "Section 2" counts without it;
    an empty numbered heading without the break keeps its number."""
    section_break = '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>'
    body = [
        p_xml(r("This cover page and the terms below form the agreement.")),
        p_xml("", num_ppr(1, 0, style="Heading1") + section_break),
        *BODY,
        p_xml("", num_ppr(1, 0, style="Heading1")),
    ]
    policy = import_docx(make_docx(tmp_path / "section.docx", body, HEADINGS))
    assert outline(policy)[1:] == [*TREE, "[3.] "]


def test_without_a_title_paragraph_the_first_heading_stays_in_the_tree(tmp_path):
    def setup(document):
        document.core_properties.title = "Quarterly Report"

    body = [p_xml(r("Sales"), '<w:pStyle w:val="Heading1"/>'), p_xml(r("Sales grew.")),
            p_xml(r("Costs"), '<w:pStyle w:val="Heading1"/>'), p_xml(r("Costs stayed flat."))]  # fmt: skip
    policy = import_docx(make_docx(tmp_path / "report.docx", body, setup=setup))
    assert policy.metadata.title == "Quarterly Report"
    assert outline(policy) == ["[] Sales", "  [] Sales grew.", "[] Costs", "  [] Costs stayed flat."]


def test_a_policy_exported_and_imported_again_keeps_its_document_id(tmp_path):
    policy = parse_tree("[1.] Staff may work remotely.\n[2.] The company lends a laptop.")
    policy.metadata.title = "Remote Work Policy"
    export_docx(policy, tmp_path / "sent.docx")
    back = import_docx(tmp_path / "sent.docx")
    assert back.document_id == policy.document_id
    assert format_tree(back) == format_tree(policy)
    assert [c.id for c in back.walk()] == [c.id for c in policy.walk()]
