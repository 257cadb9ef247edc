"""A numbering finding about a doubtful placement is a warning; a real numbering error stays one."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree


def severities(notation: str) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.label, f.severity)
        for f in run_checks(parse_tree(notation))
        if f.code in ("skipped-level", "wrong-parent", "numbering-gap", "duplicate-number")
    ]


def test_a_clause_placed_outside_its_existing_parent_is_a_warning():
    # "5.1" at the top level while "5" stands just before: the tree, not the label, is in doubt
    found = severities("[1] A |\n  [1.1] x.\n[2] B |\n[2.1] y.\n[2.2] z.\n")
    assert found == [("skipped-level", "2.1", "warning")]
    # nor is it also out of order among the top-level clauses
    assert [f.code for f in run_checks(parse_tree("[1] A |\n[2] B |\n[2.1] y.\n")) if f.is_error] == []


def test_a_label_that_exists_where_it_belongs_is_still_an_error():
    # 2.7.1-2.7.2 under 2.16 while 2.7 has its own: copied labels, a real error
    notation = (
        "[2] A |\n  [2.7] B |\n    [2.7.1] a.\n    [2.7.2] b.\n  [2.16] C |\n    [2.7.1] c.\n    [2.7.2] d.\n"
    )
    assert ("wrong-parent", "2.7.1", "error") in severities(notation)


def test_a_clause_whose_parent_is_nowhere_is_still_an_error():
    assert severities("[1] A |\n[3.1] y.\n") == [("skipped-level", "3.1", "error")]


def test_a_list_opening_with_a_number_that_follows_one_elsewhere_is_a_warning():
    # "20." opens the list under a heading, "19." stands elsewhere: a misread structure
    notation = "[1.] a.\n[2.] b.\n[] Part |\n  [] Intro |\n    [3.] c.\n    [4.] d.\n"
    assert severities(notation) == [("numbering-gap", "3.", "warning")]
    # with nothing before it that could come first, it may go on from another document's
    # numbers: a warning too (checks/continuation.py); "1." written before it keeps the error
    assert severities("[] Part |\n  [20.] c.\n") == [("numbering-gap", "20.", "warning")]
    assert severities("[1.] a.\n[] Part |\n  [20.] c.\n") == [("numbering-gap", "20.", "error")]
