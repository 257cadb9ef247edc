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
