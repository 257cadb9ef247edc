"""An order or gap finding that the source text contradicts is a warning; a real one stays an error."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree


def order_findings(notation: str) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.label, f.severity)
        for f in run_checks(parse_tree(notation))
        if f.code in ("out-of-order", "numbering-gap")
    ]


def test_sections_written_in_order_but_read_as_one_list_are_not_out_of_order():
    # 2.1 2.2 3.1 read as siblings: in the text 3.1 follows 2.2, as it should
    found = order_findings("[1.1] a.\n[1.2] b.\n[2.1] c.\n[2.2] d.\n[3.1] e.\n")
    assert found and all(severity == "warning" for _, _, severity in found)


def test_numbers_read_as_children_of_the_clause_before_are_not_missing():
    # "3." and "4." were put under "2.": in the text "5." follows "4."
    assert order_findings("[1.] a.\n[2.] b.\n  [3.] c.\n  [4.] d.\n[5.] e.\n") == [
        ("numbering-gap", "3.", "warning"),
        ("numbering-gap", "5.", "warning"),
    ]


def test_labels_written_out_of_order_stay_errors():
    assert order_findings("[1.] a.\n[3.] b.\n[2.] c.\n") == [("out-of-order", "2.", "error")]
    assert order_findings("[1.] a.\n[2.] b.\n[4.] c.\n") == [("numbering-gap", "4.", "error")]


def placement(notation: str) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.label, f.severity)
        for f in run_checks(parse_tree(notation))
        if f.code in ("skipped-level", "wrong-parent")
    ]


def test_a_section_whose_labels_continue_the_text_is_not_a_skipped_level():
    # "7." was not read as a clause: 7.1 follows 6.2 in the text
    found = placement("[6] A |\n  [6.1] a.\n  [6.2] b.\n[7.1] c.\n[7.2] d.\n")
    assert found == [("skipped-level", "7.1", "warning")]


def test_a_run_that_does_not_continue_the_text_stays_an_error():
    assert placement("[1] A |\n  [1.1] a.\n  [1.2] b.\n[2] B |\n  [3.1] c.\n") == [
        ("wrong-parent", "3.1", "error")
    ]
