"""The clause tree of a Word document follows its numbering: list levels place numbered
headings and the body paragraphs of their list; run-in headings part heading and text."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.docx import import_docx
from tests.importers.test_docx_numbering import abstract, lvl, num
from tests.importers.test_docx_reading import make_docx, num_ppr, p_xml, r

LIST = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2"), lvl(2, "lowerLetter", "%3.")) + num(
    1, 1
)
TAB = "<w:r><w:tab/></w:r>"
TITLE = p_xml(r("Terms"), '<w:pStyle w:val="Title"/>')


def bold(text: str) -> str:
    return f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def underlined(text: str) -> str:
    return f'<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def item(runs: str, ilvl: int, style: str | None = None) -> str:
    return p_xml(runs, num_ppr(1, ilvl, style=style))


def outline(policy) -> list[str]:
    """One line per clause: "[label] heading / first words of the text"."""
    lines = []
    for clause, depth in policy.walk_with_depth():
        line = f"[{clause.label}]" + (f" {clause.heading}" if clause.heading else "")
        lines.append("  " * depth + line + (f" / {' '.join(clause.text.split()[:4])}" if clause.text else ""))
    return lines


def errors(policy) -> list[str]:
    return [f"{f.code} {f.label}" for f in run_checks(policy) if f.is_error]


def test_heading_1_on_every_list_level_nests_by_the_level(tmp_path):
    body = [
        item(r("Rental"), 0, "Heading1"),
        item(r("Delivery. The supplier delivers."), 1, "Heading1"),
        item(r("Returns. The customer:"), 1, "Heading1"),
        item(r("cleans the equipment; and"), 2, "Heading1"),
        item(r("reports damage."), 2, "Heading1"),
        item(r("Payment"), 0, "Heading1"),
        item(r("Invoices are monthly."), 1, "Heading1"),
    ]
    policy = import_docx(make_docx(tmp_path / "h1.docx", body, LIST))
    assert [("  " * d) + c.label for c, d in policy.walk_with_depth()] == [
        "1.", "  1.1", "  1.2", "    a.", "    b.", "2.", "  2.1",
    ]  # fmt: skip
    assert errors(policy) == []


def test_a_deeper_heading_style_than_the_level_does_not_nest_siblings(tmp_path):
    body = [
        item(r("Pilot"), 0, "Heading1"),
        item(r("Access for evaluation."), 1, "Heading2"),
        item(r("Accounts are the customer's."), 1, "Heading3"),
        item(r("Term"), 0, "Heading3"),
        item(r("The pilot lasts ninety days."), 1, "Heading3"),
    ]
    policy = import_docx(make_docx(tmp_path / "h3.docx", body, LIST))
    assert [("  " * d) + c.label for c, d in policy.walk_with_depth()] == [
        "1.",
        "  1.1",
        "  1.2",
        "2.",
        "  2.1",
    ]
    assert errors(policy) == []


def test_numbered_body_paragraphs_of_the_heading_list_are_siblings_at_their_level(tmp_path):
    body = [
        item(r("Provider Obligations"), 0, "Heading1"),
        item(r("Instructions"), 1, "Heading2"),
        item(r("The provider keeps data secure."), 1),
        item(r("Staff are bound by confidentiality."), 1),
        item(r("Customer Obligations"), 0, "Heading1"),
    ]
    policy = import_docx(make_docx(tmp_path / "body.docx", body, LIST))
    assert outline(policy) == [
        "[1.] Provider Obligations",
        "  [1.1] Instructions",
        "  [1.2] / The provider keeps data",
        "  [1.3] / Staff are bound by",
        "[2.] Customer Obligations",
    ]
    assert errors(policy) == []


def test_typed_numbers_after_a_numbered_heading_continue_beside_it(tmp_path):
    """A heading-styled "4." (its list starts at 4) among typed "1."-"6." paragraphs."""
    defs = abstract(2, lvl(0, "decimal", "%1.", start=4)) + num(2, 2)
    typed = [p_xml(r(f"{n}.") + TAB + r(f"The applicant states fact {n}.")) for n in range(1, 4)]
    body = [
        *typed,
        p_xml(r("The tenant does not protect the applicant because:"), num_ppr(2, 0, style="Heading1")),
        p_xml(r("The tenant moved out in March.")),
        p_xml(r("5.") + TAB + r("The applicant also asks to join.")),
        p_xml(r("6.") + TAB + r("The applicant asks the court to allow it.")),
    ]
    policy = import_docx(make_docx(tmp_path / "typed.docx", body, defs))
    assert [c.label for c in policy.clauses] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert errors(policy) == []


def test_bold_or_underlined_run_in_headings_part_heading_and_text(tmp_path):
    body = [
        item(r("Services"), 0, "Heading1"),
        item(underlined("Access and Use") + r(".  The customer may use the service."), 1, "Heading2"),
        item(bold("Support.") + r(" We answer within a day."), 1),
        item(bold("Fees"), 0, "Heading1"),  # all of it emphasised: a heading, no run-in
        item(r("Invoices are yearly, ") + bold("in advance.") + r(" Always."), 1),  # not at the start
    ]
    policy = import_docx(make_docx(tmp_path / "run-in.docx", body, LIST))
    assert outline(policy) == [
        "[1.] Services",
        "  [1.1] Access and Use / The customer may use",
        "  [1.2] Support. / We answer within a",
        "[2.] Fees",
        "  [2.1] / Invoices are yearly, in",
    ]


def test_a_run_in_heading_in_an_ordinary_numbered_list(tmp_path):
    defs = abstract(3, lvl(0, "decimal", "%1.")) + num(3, 3)
    body = [
        p_xml(bold("Confidentiality.") + r(" Each party keeps secrets."), num_ppr(3, 0)),
        p_xml(bold("Return of Materials") + r(": on request each party returns them."), num_ppr(3, 0)),
        p_xml(bold("A long bold opening that runs on for far more than twelve words before it ends.")
              + r(" x"), num_ppr(3, 0)),
    ]  # fmt: skip
    policy = import_docx(make_docx(tmp_path / "list.docx", body, defs))
    assert [(c.heading, c.text[:12]) for c in policy.clauses] == [
        ("Confidentiality.", "Each party k"),
        ("Return of Materials", "on request e"),
        ("", "A long bold "),
    ]


def test_a_note_between_sub_items_keeps_them_in_their_item(tmp_path):
    defs = abstract(4, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2.")) + num(4, 4)
    body = [
        TITLE,
        p_xml(r("Defences"), '<w:pStyle w:val="Heading1"/>'),
        p_xml(r("The landlord did not end the tenancy, because:"), num_ppr(4, 0)),
        p_xml(r("the notice was defective;"), num_ppr(4, 1)),
        p_xml(r("[Drafting note: keep the next item only if no notice came.]")),
        p_xml(r("no notice was served;"), num_ppr(4, 1)),
        p_xml(r("the notice was too short."), num_ppr(4, 1)),
        p_xml(r("The landlord accepted rent."), num_ppr(4, 0)),
    ]
    policy = import_docx(make_docx(tmp_path / "note.docx", body, defs))
    assert [("  " * d) + c.label for c, d in policy.walk_with_depth()] == [
        "", "  1.", "    a.", "    b.", "    c.", "  2.",
    ]  # fmt: skip
    assert "[Drafting note" in policy.clauses[0].children[0].children[0].text
    assert errors(policy) == []


def test_a_bare_number_typed_before_a_tab_is_a_label_when_it_fits(tmp_path):
    typed = [p_xml(r(f"{n}.") + TAB + r(f"The applicant states fact {n}.")) for n in range(1, 6)]
    body = [
        TITLE,
        p_xml(r("Facts"), '<w:pStyle w:val="Heading1"/>'),
        *typed,
        p_xml(r("6") + TAB + r("The applicant asks for more time.")),
        p_xml(r("7") + TAB + r("The applicant asks to set the order aside.")),
        p_xml(r("30") + TAB + r("days is the usual time.")),  # too far past 7: text
        p_xml(r("80 High Street is the address.")),  # no tab: text
    ]
    policy = import_docx(make_docx(tmp_path / "tab.docx", body))
    assert outline(policy)[6:8] == ["  [6] / The applicant asks for", "  [7] / The applicant asks to"]
    assert [c.label for c in policy.clauses[0].children] == ["1.", "2.", "3.", "4.", "5.", "6", "7", "", ""]


def test_a_title_paragraph_is_the_title_however_long(tmp_path):
    title = "Assessment of Open Source Practices as Part of Due Diligence in Merger and Acquisition Deals"
    body = [p_xml(r(title), '<w:pStyle w:val="Title"/>'), p_xml(r("A contribution to the project"))]
    policy = import_docx(make_docx(tmp_path / "title.docx", body))
    assert policy.metadata.title == title
    assert outline(policy) == ["[] / A contribution to the"]


def test_a_numbered_list_after_a_lead_in_is_the_lead_ins_not_the_documents_sections(tmp_path):
    """The checklist's 13 areas, then sections written as headings "1. Discovery" ...: the
    list items belong to the sentence that introduces them, so no number is used twice."""
    defs = abstract(5, lvl(0, "decimal", "%1.")) + num(5, 5)
    body = [
        TITLE,
        p_xml(r("Evaluation Categories"), '<w:pStyle w:val="Heading1"/>'),
        p_xml(r("The checklist explores two areas:")),
        p_xml(r("Discovery of open source"), num_ppr(5, 0)),
        p_xml(r("Review and approval"), num_ppr(5, 0)),
        p_xml(r("The rest of this paper explores each area.")),
        p_xml(r("1. Discovery"), '<w:pStyle w:val="Heading2"/>'),
        p_xml(r("Discovery finds the software.")),
        p_xml(r("2. Review"), '<w:pStyle w:val="Heading2"/>'),
        p_xml(r("Review approves its use.")),
    ]
    policy = import_docx(make_docx(tmp_path / "lead-in.docx", body, defs))
    assert outline(policy) == [
        "[] Evaluation Categories",
        "  [] / The checklist explores two",
        "    [1.] / Discovery of open source",
        "    [2.] / Review and approval",
        "  [] / The rest of this",
        "  [1.] Discovery",
        "    [] / Discovery finds the software.",
        "  [2.] Review",
        "    [] / Review approves its use.",
    ]
    assert errors(policy) == []


def test_a_typed_label_set_apart_by_no_break_spaces_is_a_label(tmp_path):
    body = [
        TITLE,
        p_xml(r("1.0 Review"), '<w:pStyle w:val="Heading2"/>'),
        p_xml(r("1.1\u00a0 \u00a0\u00a0Bill of Materials")),
        p_xml(r("A process exists for the bill of materials.")),
        p_xml(r("1.2  License Compliance")),
        p_xml(r("The program handles the common cases.")),
        p_xml(r("Mr\u00a0Smith signs for the company.")),
    ]
    policy = import_docx(make_docx(tmp_path / "nbsp.docx", body))
    assert [c.label for c in policy.clauses[0].children] == ["1.1", "1.2"]
    assert policy.clauses[0].children[1].children[-1].text == "Mr\u00a0Smith signs for the company."
    assert errors(policy) == []


def test_a_note_between_top_level_items_of_one_list_is_the_item_above_s(tmp_path):
    defs = abstract(6, lvl(0, "decimal", "%1)")) + num(6, 6)
    body = [
        TITLE,
        p_xml(r("The initiative began after two findings:")),
        p_xml(r("processes differed widely;"), num_ppr(6, 0)),
        p_xml(r("Organisations with mature programmes asked for more.")),
        p_xml(r("many organisations had no process at all."), num_ppr(6, 0)),
        p_xml(r("(B) A typed label after the list is no note.")),
        p_xml(r("a third item of the same list."), num_ppr(6, 0)),
    ]
    policy = import_docx(make_docx(tmp_path / "top-note.docx", body, defs))
    labels = [c.label for c, _ in policy.walk_with_depth()]
    assert labels[:3] == ["", "1)", "2)"]
    first = next(c for c in policy.walk() if c.label == "1)")
    assert first.text.endswith("Organisations with mature programmes asked for more.")
    assert "(B)" in labels


def test_a_heading_numbered_with_a_colon(tmp_path):
    body = [
        TITLE,
        p_xml(r("1: Scope"), '<w:pStyle w:val="Heading1"/>'),
        p_xml(r("This document sets requirements.")),
        p_xml(r("2: Terms"), '<w:pStyle w:val="Heading1"/>'),
        p_xml(r("2019: Results"), '<w:pStyle w:val="Heading1"/>'),  # a year, not a label
    ]
    policy = import_docx(make_docx(tmp_path / "colon.docx", body))
    assert [(c.label, c.heading) for c in policy.clauses] == [
        ("1:", "Scope"),
        ("2:", "Terms"),
        ("", "2019: Results"),
    ]


def test_a_typed_label_straight_before_cjk_text_is_a_label(tmp_path):
    body = [
        TITLE,
        p_xml(r("3.0 レビュー"), '<w:pStyle w:val="Heading2"/>'),
        p_xml(r("3.1部品表（Bill of Materials）")),
        p_xml(r("3.2 ライセンスコンプライアンス")),
        p_xml(r("1年間保存する。")),  # "1 year": a number, not a label
    ]
    policy = import_docx(make_docx(tmp_path / "cjk.docx", body))
    children = [(c.label, c.text[:3]) for c in policy.clauses[0].children]
    assert children == [("3.1", "部品表"), ("3.2", "ライセ"), ("", "1年間")]
