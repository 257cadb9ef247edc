"""A broken reference the document cannot confirm is a warning; one it can confirm stays an error."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree

NUMBERED = "[1.] Scope |\n  [1.1] a.\n  [1.2] b.\n[2.] Use |\n  [2.1] c.\n"


def broken(notation: str) -> list[tuple[str, str]]:
    return [(f.target, f.severity) for f in run_checks(parse_tree(notation)) if f.code == "broken-reference"]


def test_a_reference_to_a_missing_clause_of_a_numbered_document_is_an_error():
    assert broken(NUMBERED + "[3.] Refs |\n  [3.1] As set out in clause 9.4.\n") == [("9.4", "error")]


def test_references_in_a_document_without_numbered_clauses_cannot_be_checked():
    notation = "[] Fees |\n  [] You pay as set out in Section 7.\n[] Term |\n  [] See Section 12.\n"
    assert broken(notation) == [("7", "warning"), ("12", "warning")]


def test_a_reference_to_a_heading_whose_subclauses_exist_is_a_warning():
    # 14.1-14.2 are there: "14" is their heading, not read as a clause
    notation = NUMBERED + "[14.1] d.\n[14.2] e.\n[3.] Refs |\n  [3.1] Subject to Section 14.\n"
    assert broken(notation) == [("14", "warning")]


def test_a_reference_to_a_label_run_into_the_text_is_a_warning():
    notation = (
        NUMBERED + "[3.] Refs |\n  [3.1] Duties:\\n4.2. The supplier keeps records.\n[5.] See clause 4.2.\n"
    )
    assert broken(notation) == [("4.2", "warning")]


def test_a_reference_to_a_label_run_into_a_paragraph_is_a_warning():
    text = "[3.] Refs |\n  [3.1] Goods match the specs. 3.2. Remedies. Subject to paragraph 3.3 below.\n"
    text += "  [3.4] Nothing else. 3.3. Returns. Goods may be returned.\n"
    assert broken(NUMBERED + text) == [("3.3", "warning")]
    # a reference written after a sentence is not a label: "Section 9.1. Then" stays an error
    assert broken(NUMBERED + "[3.] Refs |\n  [3.1] See Section 9.1. Then pay.\n") == [("9.1", "error")]


def test_a_heading_laid_out_in_a_table_row_or_with_a_stray_letter_is_a_label_in_the_text():
    table = "  [3.2] Survival | Sections 1 and 4.\\n| | |\\n| ### 4. CONFIDENTIALITY | Back to top |\n"
    assert broken(NUMBERED + "[3.] Refs |\n" + table) == [("4", "warning")]
    typo = "[3.] Grants |\n  [] 3.1v License Grant. You may copy.\n  [3.2] Limits under Section 3.1.\n"
    assert broken(NUMBERED + typo) == [("3.1", "warning")]
    run_on = "[3.] Refs |\n  [3.1] As set out in Section C.2 and C.3.   C.2. Other products. C.3. More.\n"
    assert broken(NUMBERED + run_on) == [("C.2", "warning"), ("C.3", "warning")]


def test_a_section_of_an_instrument_embedded_in_an_exhibit_is_a_warning():
    notation = (
        "[I.] Amendments |\n  [] The obligations of Section 3 apply to us as well.\n  [] See clause 8.\n"
        "[II.] More |\n  [] c.\n"
        "sched [Exhibit A] The licence |\n  [1.] Definitions |\n    [1.1] d.\n  [2.] Grant |\n"
        "  [3.] Distribution |\n    [3.1] e.\n"
    )
    assert broken(notation) == [("3", "warning"), ("8", "error")]


def test_items_under_unnumbered_headings_are_counted_from_them():
    notation = (
        "[] Preamble\n[] DEFINITIONS |\n  [A.] a.\n[] GRANTS |\n  [A.] b.\n"
        "[] DUTIES |\n  [A.] Except as paragraph 3B allows.\n  [B.] c.\n"
    )
    numbered = notation.replace("[A.] a.", "[A.] a.\n  [1.] x.\n  [2.] y.\n  [3.] z.")
    assert broken(numbered) == [("3B", "warning")]
    assert broken(numbered.replace("3B", "7B")) == [("7B", "error")]  # there are three headings


def test_a_part_whose_sections_lost_their_numbers_cannot_be_checked():
    part = "[] Revenue Terms |\n" + "".join(f"  [] Para {n}.\n" for n in range(6))
    part += "  [a.] Feedback.\n  [b.] Disputes go to Section 13 above.\n  [c.] Notices.\n"
    assert broken(NUMBERED + part) == [("13", "warning")]
    # the same reference from a part numbered with digits is checked
    assert broken(NUMBERED + part.replace("[a.]", "[3.]")) == [("13", "error")]


def test_a_missing_number_inside_numbering_that_skips_is_a_warning_but_a_single_gap_is_not():
    skipping = "".join(f"[{n}.] Item {n}.\n" for n in (1, 3, 5, 6, 8, 10))
    assert broken(skipping + "[12.] Sections 6 through 9 survive.\n") == [("9", "warning")]
    one_gap = "".join(f"[{n}.] Item {n}.\n" for n in (1, 2, 3, 5, 6))
    # a single gap is no skip: the missing 4 is certain, reported once as the gap, which the
    # reference then points at (checks/reported_missing.py); with no gap there it stays an error
    assert broken(one_gap + "[7.] Section 4 survives.\n") == [("4", "warning")]
    assert broken(one_gap + "[7.] Section 9 survives.\n") == [("9", "error")]
    # past the end of the numbering is no skip: clause 2.9 is missing
    assert broken(NUMBERED + "[3.] See clause 2.9.\n") == [("2.9", "error")]


def test_a_section_far_beyond_the_documents_numbering_is_a_warning():
    notice = "[3.] If your notice fails the requirements of sections 512(c)(3), it may not be effective.\n"
    assert broken(NUMBERED + notice) == [("512", "warning")]
    assert broken(NUMBERED + "[3.] See clause 9.\n") == [("9", "error")]


def test_a_reference_to_a_label_run_into_a_paragraph_without_its_point_is_a_warning():
    # "... a contract. 9.4 Contact for rights ...": a heading the page ran into the text, no "." after it
    text = "[9.] Rights |\n  [9.1] Contact us (see section 9.4 below). We answer within a month. 9.4 Contact"
    text += " for rights. Write to the officer.\n"
    assert broken(NUMBERED + text) == [("9.4", "warning")]
