"""Labels under a heading without a label: the heading may stand for their level."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree


def errors(notation: str) -> list[tuple[str, str]]:
    return [(f.code, f.label) for f in run_checks(parse_tree(notation)) if f.is_error]


def test_sub_clauses_under_a_heading_that_stands_for_their_section():
    # a specification's "G1: ..." goals hold requirements 1.1, 1.2; "G2: ..." holds 2.1
    notation = "[1)] Introduction |\n[2)] Requirements |\n"
    notation += "  [] G1: Know your obligations |\n    [1.1] a.\n    [1.2] b.\n"
    notation += "  [] G2: Assign responsibility |\n    [2.1] c.\n"
    assert errors(notation) == []


def test_a_heading_between_a_clause_and_its_sub_clauses():
    notation = "[1.] Foundation |\n  [1.1] A policy exists.\n    [] Verification material: |\n"
    notation += "      [1.1.1] a.\n      [1.1.2] b.\n"
    assert errors(notation) == []


def test_numbers_under_such_a_heading_are_still_checked_in_order():
    notation = "[] G1: Know your obligations |\n  [1.1] a.\n  [1.3] b.\n  [1.3] c.\n"
    # the first 1.3 stands where 1.2 belongs: one finding there, not a gap and a repeat
    assert errors(notation) == [("duplicate-number", "1.3")]


def test_prefixes_under_a_numbered_clause_or_at_the_top_are_still_checked():
    assert errors("[1.] One |\n  [2.1] a.\n") == [("wrong-parent", "2.1")]
    assert errors("[1.1] a.\n[1.2] b.\n") == [("skipped-level", "1.1")]


def test_under_such_a_heading_each_sections_numbers_count_on_their_own():
    # 1.2's sub-clauses beside it (a note closed 1.2 before them), then 1.3
    notation = "[] G1: Know your obligations |\n  [1.1] a.\n  [1.2] b.\n  [1.2.1] c.\n  [1.2.2] d.\n"
    notation += "  [1.3] e.\n"
    assert errors(notation) == []
    assert errors("[] G1: Goals |\n  [1.1] a.\n  [1.2.1] c.\n  [1.2.3] d.\n") == [("numbering-gap", "1.2.3")]


def test_a_gap_after_a_heading_names_only_the_numbers_missing():
    # "4." stands before the heading, "6." opens the list under it: 5 is missing, not 1-5
    from plutoeditor.checks import run_checks
    from plutoeditor.model.notation import parse_tree

    notation = "[] Basics |\n  [1.] a.\n  [2.] b.\n  [3.] c.\n  [4.] d.\n[] General |\n  [6.] e.\n  [7.] f.\n"
    gaps = [(f.label, f.message) for f in run_checks(parse_tree(notation)) if f.code == "numbering-gap"]
    assert gaps == [("6.", "5 is missing: 6. comes after 4")]


def test_a_gap_after_a_heading_with_deeper_lists_is_counted_from_the_start():
    # the last number written before "9." stands under a subheading: 5 is not what it follows
    from plutoeditor.checks import run_checks
    from plutoeditor.model.notation import parse_tree

    notation = (
        "[] Basics |\n  [4.] d.\n  [5.] e.\n  [] More |\n    [6.] f.\n    [7.] g.\n[] End |\n  [9.] h.\n"
    )
    messages = [f.message for f in run_checks(parse_tree(notation)) if f.label == "9."]
    assert not any("comes after 5" in m for m in messages)
