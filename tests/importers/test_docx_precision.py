"""Word documents whose numbering is not a plain 1, 2, 3: what `check` may call an error.

Each fixture is a small .docx written here. An addendum that goes on with its main form's
numbers, a bilingual document that gives each clause twice, typed requirement ids and
Chinese headings with a full-width colon all read as a reader reads them; the errors a
reader accepts stay errors.
"""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.docx import import_docx
from tests.importers.test_docx_numbering import abstract, lvl, num
from tests.importers.test_docx_reading import make_docx, num_ppr, p_xml, r

_SEQUENCE = ("numbering-gap", "duplicate-number", "out-of-order")


def plain(text: str) -> str:
    return p_xml(r(text))


def bold(text: str) -> str:
    return p_xml(f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>')


def errors(path) -> list[tuple[str, str]]:
    return [(f.code, f.label) for f in run_checks(import_docx(path)) if f.is_error]


def sequence_findings(path) -> list[tuple[str, str, str]]:
    return [(f.code, f.label, f.severity) for f in run_checks(import_docx(path)) if f.code in _SEQUENCE]


# -- an addendum that continues its main form's numbering ------------------------------------
def _addendum(tmp_path, sections: list[str], start: int = 5):
    """An attachment page per main-form section it adds to; the people listed on each page
    go on from the form's own list (Word's list starts at `start`)."""
    body = [bold("EXTRA PAGES TO THE TENANCY APPLICATION"), plain("The case number is on page one.")]
    for n, section in enumerate(sections):
        body.append(bold(f"SECTION {section}. More household members"))
        body += [p_xml(r(f"Person {k} of page {n}"), num_ppr(n + 1, 0)) for k in range(2)]
        body.append(plain("The applicant signs this page as well."))
    # one list per page, each its own definition starting at `start` (as the form's pages are)
    numbering = "".join(abstract(n + 1, lvl(0, "decimal", "%1.", start=start)) for n in range(len(sections)))
    numbering += "".join(num(n + 1, n + 1) for n in range(len(sections)))
    return make_docx(tmp_path / "addendum.docx", body, numbering)


def test_an_addendum_that_goes_on_with_the_main_forms_numbers_has_no_numbering_errors(tmp_path):
    path = _addendum(tmp_path, ["3", "9", "14", "14", "11"])
    assert errors(path) == []
    found = sequence_findings(path)
    # still shown, as warnings: the first page's gap, the picked section numbers, the lists from 5
    assert ("numbering-gap", "SECTION 3.", "warning") in found
    assert ("duplicate-number", "SECTION 14.", "warning") in found
    assert ("out-of-order", "SECTION 11.", "warning") in found
    assert ("numbering-gap", "5.", "warning") in found
    assert all(severity == "warning" for _, _, severity in found)


def test_sections_that_count_from_one_keep_their_gap_as_an_error(tmp_path):
    # SECTION 1 is there: the document counts its own sections, and 3 is missing from them
    path = _addendum(tmp_path, ["1", "2", "4"], start=1)
    assert errors(path) == [("numbering-gap", "SECTION 4.")]


def test_a_list_opening_at_a_number_after_one_written_before_keeps_its_gap(tmp_path):
    # "2." stands before the list that opens at "5.": the document's own list lost 3-4
    body = [
        p_xml(r("Scope"), '<w:pStyle w:val="Heading1"/>'),
        plain("1. The first rule."),
        plain("2. The second rule."),
        p_xml(r("Conduct"), '<w:pStyle w:val="Heading1"/>'),
        plain("5. The fifth rule."),
        plain("6. The sixth rule."),
    ]
    path = make_docx(tmp_path / "lost.docx", body)
    assert ("numbering-gap", "5.") in errors(path)


# -- item ids typed before the text of clauses Word numbers ----------------------------------
def _request_list(tmp_path, reference: str):
    """A due-diligence list numbered by Word (1., 1.1) whose items also carry typed ids (B.2)."""
    numbering = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")) + num(1, 1)
    body = []
    for letter, area in (("A", "Corporate records"), ("B", "Tax matters")):
        body.append(p_xml(r(f"Section {letter} — {area}"), num_ppr(1, 0)))
        for k in (1, 2, 3):
            body.append(p_xml(r(f"{letter}.{k} Copies of the {area.lower()} file {k}."), num_ppr(1, 1)))
    audit = f"Audit reports for the past 3 years (see also Section {reference})."
    body.append(p_xml(r(audit), num_ppr(1, 1)))
    return make_docx(tmp_path / "requests.docx", body, numbering)


def test_a_reference_to_an_item_id_typed_in_the_text_is_not_a_broken_reference(tmp_path):
    # "Section B.2" names the item typed "B.2" that Word numbers 2.2: it is there
    assert errors(_request_list(tmp_path, "B.2")) == []


def test_a_reference_to_an_item_id_nobody_typed_is_still_broken(tmp_path):
    assert errors(_request_list(tmp_path, "B.7")) == [("broken-reference", "2.4")]


# -- a bilingual document: each clause in English, then in Chinese ----------------------------
def _bilingual(tmp_path, second_language: list[str]):
    english = ["We value open source software.", "We manage the risks it brings.", "This policy helps staff."]
    body = [p_xml(r("Purpose"), '<w:pStyle w:val="Heading1"/>')]
    for letter, first, second in zip("ABC", english, second_language, strict=True):
        body += [plain(f"({letter}) {first}"), plain(f"({letter}) {second}")]
    return make_docx(tmp_path / "bilingual.docx", body)


def test_each_clause_given_again_in_chinese_is_its_translation_not_a_duplicate(tmp_path):
    chinese = ["本公司重視開放原始碼軟體。", "本公司管理其帶來的風險。", "本政策協助全體員工。"]
    path = _bilingual(tmp_path, chinese)
    assert errors(path) == []
    assert [severity for code, _, severity in sequence_findings(path) if code == "duplicate-number"] == [
        "warning"
    ] * 3


def test_a_number_given_twice_in_one_language_is_still_a_duplicate(tmp_path):
    path = _bilingual(tmp_path, ["Staff are trained.", "Managers review it.", "It is reviewed yearly."])
    found = [f for f in run_checks(import_docx(path)) if f.code == "duplicate-number"]
    assert [f.label for f in found] == ["(A)", "(B)", "(C)"]
    assert not any("another script" in f.message for f in found)  # not read as translations
    # three repeats in six clauses make the list's reading doubtful: warnings (checks/confidence.py)
    assert all("3 numbering findings in this list" in f.message for f in found)


# -- requirement ids typed over the clauses of a template ------------------------------------
def _template(tmp_path, labels: list[str]):
    body = [p_xml(r("Open source policy"), '<w:pStyle w:val="Title"/>')]
    body += [plain(f"{label} The company meets requirement {label} of the standard.") for label in labels]
    return make_docx(tmp_path / "template.docx", body)


def test_requirement_ids_whose_parents_the_document_never_has_are_no_placement_errors(tmp_path):
    # 1.2, 1.4, 2.1 and 2.2 are sections of the specification, not clauses of this template
    path = _template(tmp_path, ["1.1.1", "1.1.2", "1.2.1", "1.4.1", "1.4.2", "2.1.1", "2.2.1", "2.2.2"])
    assert errors(path) == []
    placements = [f for f in run_checks(import_docx(path)) if f.code in ("wrong-parent", "skipped-level")]
    assert placements and all(f.severity == "warning" for f in placements)


def test_one_clause_whose_parent_is_missing_is_still_an_error(tmp_path):
    path = _template(tmp_path, ["1.", "1.1", "1.2", "2.", "2.1", "4.1"])
    assert errors(path) == [("wrong-parent", "4.1")]


# -- Chinese headings numbered with a full-width colon ----------------------------------------
def heading(text: str, level: int) -> str:
    return p_xml(r(text), f'<w:pStyle w:val="Heading{level}"/>')


def test_a_heading_numbered_with_a_full_width_colon_has_its_label(tmp_path):
    body = [
        p_xml(r("安全规范"), '<w:pStyle w:val="Title"/>'),
        heading("规范正文", 1),
        heading("1：适用范围", 2),
        plain("本规范适用于所有软件。"),
        heading("2：术语", 2),
        heading("2.1 软件", 3),
        plain("指计算机程序。"),
        heading("2.2 组件", 3),
        plain("指软件的一部分。"),
    ]
    policy = import_docx(make_docx(tmp_path / "wide-colon.docx", body))
    section = policy.clauses[0]
    assert [(c.label, c.heading) for c in section.children] == [("1：", "适用范围"), ("2：", "术语")]
    assert [c.label for c in section.children[1].children] == ["2.1", "2.2"]
    assert [f for f in run_checks(policy) if f.is_error] == []


def test_a_list_after_a_lead_in_ending_in_a_full_width_colon_is_the_lead_ins(tmp_path):
    # the two areas belong to the sentence that introduces them, not to the sections after it
    numbering = abstract(5, lvl(0, "decimal", "%1.")) + num(5, 5)
    body = [
        p_xml(r("开源政策"), '<w:pStyle w:val="Title"/>'),
        heading("评估类别", 1),
        plain("本清单涵盖两个方面："),
        p_xml(r("发现开源软件"), num_ppr(5, 0)),
        p_xml(r("审查与批准"), num_ppr(5, 0)),
        heading("1. 发现", 2),
        plain("发现过程找出所用软件。"),
        heading("2. 审查", 2),
        plain("审查过程批准其使用。"),
    ]
    policy = import_docx(make_docx(tmp_path / "lead-in.docx", body, numbering))
    lead_in = policy.clauses[0].children[0]
    assert lead_in.text == "本清单涵盖两个方面：" and [c.label for c in lead_in.children] == ["1.", "2."]
    assert [f for f in run_checks(policy) if f.is_error] == []


def test_a_bold_opening_closed_by_a_full_width_colon_is_a_run_in_heading(tmp_path):
    numbering = abstract(3, lvl(0, "decimal", "%1.")) + num(3, 3)
    opening = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">保密义务：</w:t></w:r>'
    body = [p_xml(opening + r("双方均应保守对方的商业秘密。"), num_ppr(3, 0))]
    policy = import_docx(make_docx(tmp_path / "run-in.docx", body, numbering))
    assert [(c.heading, c.text) for c in policy.clauses] == [("保密义务：", "双方均应保守对方的商业秘密。")]


def test_a_numbered_heading_right_after_a_list_item_is_not_inside_it(tmp_path):
    numbering = abstract(5, lvl(0, "decimal", "%1.")) + num(5, 5)
    body = [
        p_xml(r("Open source policy"), '<w:pStyle w:val="Title"/>'),
        heading("Evaluation", 1),
        plain("The checklist covers two areas:"),
        p_xml(r("Discovery of open source"), num_ppr(5, 0)),
        p_xml(r("Review and approval"), num_ppr(5, 0)),
        heading("1. Discovery", 2),  # straight after item 2., with no paragraph between
        plain("Discovery finds the software."),
        heading("2. Review", 2),
        plain("Review approves its use."),
    ]
    policy = import_docx(make_docx(tmp_path / "heading-after-item.docx", body, numbering))
    section = policy.clauses[0]
    assert [(c.label, c.heading) for c in section.children] == [
        ("", ""),
        ("1.", "Discovery"),
        ("2.", "Review"),
    ]
    assert [c.label for c in section.children[0].children] == ["1.", "2."]
    assert [f for f in run_checks(policy) if f.is_error] == []


# -- long metadata through Word's 255-character document properties -----------------------------
def test_a_title_and_organisation_longer_than_a_word_property_survive_export_and_import(tmp_path):
    from plutoeditor.export import export_docx
    from plutoeditor.model.notation import parse_tree

    policy = parse_tree("[1] Scope |\n  [1.1] This policy applies to every member of staff.\n")
    policy.metadata.title = ("Policy on the handling of information about customers and suppliers " * 7)[
        :450
    ].strip()
    policy.metadata.organisation = ("Northern Cooperative Housing Trust and Associated Tenants " * 8)[
        :480
    ].strip()
    path = tmp_path / "long.docx"
    export_docx(policy, path)
    back = import_docx(path)
    assert back.metadata.title == policy.metadata.title
    assert back.metadata.organisation == policy.metadata.organisation
