"""Numbering that opens above 1 with nothing before it: a continuation, whose sequence findings
are warnings; a list that holds the numbers said to be missing, or counts on, keeps its errors."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree


def found(notation: str) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.label, f.severity)
        for f in run_checks(parse_tree(notation))
        if f.code in ("numbering-gap", "duplicate-number", "out-of-order")
    ]


def test_sections_picked_from_another_documents_numbering_are_warnings():
    notation = "[Part 4] Extra owners |\n[Part 7] Extra tenants |\n[Part 7] Extra guarantors |\n"
    assert found(notation) == [
        ("numbering-gap", "Part 4", "warning"),
        ("numbering-gap", "Part 7", "warning"),
        ("duplicate-number", "Part 7", "warning"),
    ]


def test_a_list_that_holds_the_numbers_said_to_be_missing_keeps_its_error():
    # "B." then "A.": both are there, misordered; not a continuation of anything
    assert ("out-of-order", "A.", "error") in found("[1.] Terms |\n  [B.] b.\n  [A.] a.\n")


def test_a_list_that_opens_above_one_and_counts_on_keeps_its_later_gap():
    assert found("[3.] c.\n[4.] d.\n[6.] f.\n") == [
        ("numbering-gap", "3.", "warning"),
        ("numbering-gap", "6.", "error"),
    ]
