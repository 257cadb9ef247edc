"""Labels as written, scope styles, and the label each clause's position calls for."""

from __future__ import annotations

import pytest

from plutoeditor.model.labels import label_core
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.numbering import (
    ALPHA_LOWER,
    ALPHA_UPPER,
    DECIMAL,
    NUMBER,
    ROMAN_LOWER,
    expected_labels,
    format_label,
    format_number,
    parse_label,
    scopes,
)


@pytest.mark.parametrize(
    ("written", "prefix", "core", "suffix", "parts"),
    [
        ("2.3.9", "", "2.3.9", "", ("2", "3", "9")),
        ("6.", "", "6", ".", ("6",)),
        ("6.9.1:", "", "6.9.1", ":", ("6", "9", "1")),
        ("A.", "", "A", ".", ("A",)),
        ("(a)", "(", "a", ")", ("a",)),
        ("(iv)", "(", "iv", ")", ("iv",)),
        ("1A", "", "1A", "", ("1A",)),
        ("1A.1", "", "1A.1", "", ("1A", "1")),
        ("4.1A", "", "4.1A", "", ("4", "1A")),
        ("1\\.", "", "1", "\\.", ("1",)),
    ],
)
def test_parse_label(written, prefix, core, suffix, parts):
    label = parse_label(written)
    assert (label.prefix, label.core, label.suffix, label.parts) == (prefix, core, suffix, parts)
    assert format_label(label, label.core) == written


def test_schedule_and_unparsable_labels():
    assert parse_label("Schedule 1").kind == "schedule"
    assert parse_label("Schedule 1").word == "Schedule"
    assert parse_label("").raw == ""
    assert parse_label("Section 3 of").kind == "other"
    assert label_core("6.") == label_core("6") == "6"
    assert label_core("(b)") == "b"


def test_format_number():
    assert [format_number(n, ROMAN_LOWER) for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]
    assert [format_number(n, ALPHA_LOWER) for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(3, ALPHA_UPPER) == "C"


def _expected(notation: str) -> list[str]:
    policy = parse_tree(notation)
    labels = expected_labels(policy)
    return [labels[c.id] for c in policy.walk() if c.id in labels]


def test_hierarchical_numbers_follow_position_and_keep_decoration():
    assert _expected(
        """
[1] A |
  [1.1] x
  [1.1] y
[6.] B |
  [6.9.1:] z
  [] unnumbered: takes no number
  [6.9.2:] w
"""
    ) == ["1", "1.1", "1.2", "2.", "2.1:", "2.2:"]


def test_wrong_parent_children_take_their_parent_number():
    policy = parse_tree("[2.16] parties:\n  [2.7.1] a\n  [2.7.2] b\n")
    assert list(expected_labels(policy).values()) == ["1", "1.1", "1.2"]
    policy = parse_tree("[1]\n[2]\n  [2.7.1] a\n  [2.7.2] b\n")
    assert list(expected_labels(policy).values())[-2:] == ["2.1", "2.2"]


def test_local_styles():
    assert _expected(
        """
[A.] First |
  [1.] one
  [3.] two
[C.] Second |
  [(a)] x
  [(c)] y
    [(i)] p
    [(iii)] q
"""
    ) == ["A.", "1.", "2.", "B.", "(a)", "(b)", "(i)", "(ii)"]


def test_ambiguous_letters():
    # "i" after "h" is a letter; a list starting with "i" is roman
    letters = "\n".join(f"  [({c})] x" for c in "abcdefghi")
    assert _expected("[1]\n" + letters)[-1] == "(i)"
    assert _expected("[1]\n  [(i)] x\n  [(v)] y\n")[1:] == ["(i)", "(ii)"]
    policy = parse_tree("[1]\n  [(i)] x\n  [(ii)] y\n")
    assert [s.family for s in scopes(policy)] == [DECIMAL, ROMAN_LOWER]


def test_insertions_are_kept_and_take_no_number():
    assert _expected("[1]\n[1A]\n  [1A.1] x\n[2]\n  [2.1]\n  [2.1A]\n  [2.2]\n") == [
        "1",
        "1A",
        "1A.1",
        "2",
        "2.1",
        "2.1A",
        "2.2",
    ]


def test_schedules_restart_at_one():
    assert _expected(
        """
[1] a
[2] b
sched [Schedule 1] Cookies |
  [1] x
  [2] y
sched [] Cookie Schedule |
  [1] z
sched [Schedule 3] More |
"""
    ) == ["1", "2", "Schedule 1", "1", "2", "1", "Schedule 2"]


def test_unnumbered_headings_restart_numbering():
    assert _expected("[] Part one |\n  [1] a\n  [2] b\n[] Part two |\n  [4] c\n") == ["1", "2", "1"]


def test_local_numbers_under_a_lettered_parent():
    policy = parse_tree("[A.]\n  [1.] x\n  [2.] y\n")
    assert [s.family for s in scopes(policy)] == [ALPHA_UPPER, NUMBER]
