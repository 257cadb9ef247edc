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
    assert errors(path) == [("duplicate-number", label) for label in ("(A)", "(B)", "(C)")]


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
