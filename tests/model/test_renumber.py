"""Renumber: labels follow positions, references follow their clauses, undo restores all."""

from __future__ import annotations

from plutoeditor.checks import NUMBERING_CODES, run_checks
from plutoeditor.file_formats import open_policy
from plutoeditor.model.notation import format_tree, parse_tree
from plutoeditor.model.renumber import renumber

DOC = """\
[1] Scope |
  [1.1] See clause 2.3 and section 4 of the Act.
[2] Data |
  [2.1] a.
  [2.3] b; clause 2.4 applies.
  [2.4] c.
[4.] Contact |
  [4.1] Write to the address in clause 4.2 below.
  [4.2] 1 Main Road.
"""


def test_renumber_relabels_and_references_follow_their_clauses():
    policy = parse_tree(DOC)
    before = format_tree(policy)
    inverse = renumber(policy).apply(policy)
    assert (
        format_tree(policy)
        == """\
[1] Scope |
  [1.1] See clause 2.2 and section 4 of the Act.
[2] Data |
  [2.1] a.
  [2.2] b; clause 2.3 applies.
  [2.3] c.
[3] Contact |
  [3.1] Write to the address in clause 3.2 below.
  [3.2] 1 Main Road."""
    )
    assert not [f for f in run_checks(policy) if f.code in (*NUMBERING_CODES, "label-style")]
    inverse.apply(policy)
    assert format_tree(policy) == before


def test_renumber_writes_each_level_in_its_usual_style():
    """Among "1", "2" a "4." becomes "3" (not "3."); "(d)" among "a." and "b." becomes "c."."""
    policy = parse_tree(
        "[1] a |\n  [1.1:] x.\n  [1.2:] y.\n  [1.4] z.\n[2] b |\n  [a.] p.\n  [b.] q.\n  [(d)] r.\n[4.] c |\n"
    )
    renumber(policy).apply(policy)
    assert [c.label for c in policy.walk()] == ["1", "1.1:", "1.2:", "1.3:", "2", "a.", "b.", "c.", "3"]
    assert not [f for f in run_checks(policy) if f.code == "label-style"]


def test_renumber_a_scope_only():
    policy = parse_tree(DOC)
    section = policy.clauses[1]
    renumber(policy, section).apply(policy)
    assert [c.label for c in section.children] == ["2.1", "2.2", "2.3"]
    assert policy.clauses[2].label == "4."  # outside the scope: untouched


def test_renumber_twice_changes_nothing():
    policy = parse_tree(DOC)
    renumber(policy).apply(policy)
    assert renumber(policy).operations == []


def test_renumber_the_2022_seed(seed_2022):
    policy = open_policy(seed_2022)
    before = format_tree(policy)
    email = next(c for c in policy.walk() if c.label == "7.4.6")
    assert [f.label for f in run_checks(policy) if f.code == "label-style"] == ["6.", "6.9.1:"]
    inverse = renumber(policy).apply(policy)
    assert not [f for f in run_checks(policy) if f.code in (*NUMBERING_CODES, "label-style")]
    assert next(c for c in policy.walk() if c.label.startswith("6.9.1")).label == "6.9.1"
    recipients = next(c for c in policy.walk() if c.label == "2.16").children
    assert [c.label for c in recipients] == [f"2.16.{i}" for i in range(1, 11)]
    six_one = next(c for c in policy.walk() if c.label == "6.1")
    assert f"clause {email.label} below" in six_one.text
    assert [c.label for c in policy.walk() if c.label.startswith("2.3.")][-3:] == ["2.3.7", "2.3.8", "2.3.9"]
    inverse.apply(policy)
    assert format_tree(policy) == before


def test_statute_references_are_untouched():
    policy = parse_tree("[1] a |\n  [1.2] section 1.2 of the Act; clause 1.2.\n")
    renumber(policy).apply(policy)
    assert policy.clauses[0].children[0].text == "section 1.2 of the Act; clause 1.1."


def test_references_through_a_lettered_parent_follow_both():
    policy = parse_tree("[A.] a |\n  [1.] x.\n[C.] d |\n  [1.] y.\n  [3.] See Section C.3 and clause A.1.\n")
    renumber(policy).apply(policy)
    assert policy.clauses[1].children[1].text == "See Section B.2 and clause A.1."


SCHEDULES = """\
[1] See paragraph 3 of Schedule 1, paragraphs 1 and 3 in Schedule 2, and clause 3.
[3] Cookies are described in the schedules.
sched [Schedule 1] Cookies |
  [1] Strictly necessary cookies.
  [3] Analytics cookies.
sched [Schedule 2] Processors |
  [1] Hosting.
  [2] Email.
  [3] Payments.
"""


def test_schedule_references_follow_their_paragraph_inside_that_schedule():
    policy = parse_tree(SCHEDULES)
    before = format_tree(policy)
    inverse = renumber(policy).apply(policy)
    assert [c.label for c in policy.clauses[2].children] == ["1", "2"]
    # Schedule 1's item 3 became 2; Schedule 2's item 3 kept its number; clause 3 became 2
    assert policy.clauses[0].text == (
        "See paragraph 2 of Schedule 1, paragraphs 1 and 3 in Schedule 2, and clause 2."
    )
    inverse.apply(policy)
    assert format_tree(policy) == before


def test_reference_into_a_missing_schedule_is_left_alone():
    policy = parse_tree("[1] See paragraph 3 of Schedule 9 and clause 3.\n[3] x.\n")
    renumber(policy).apply(policy)
    assert policy.clauses[0].text == "See paragraph 3 of Schedule 9 and clause 2."


def test_schedule_name_in_a_reference_follows_a_renumbered_schedule():
    policy = parse_tree(
        "[1] See paragraph 3 of Schedule 3.\n"
        "sched [Schedule 1] Cookies |\n  [1] a.\n"
        "sched [Schedule 3] Processors |\n  [1] Hosting.\n  [3] Email.\n"
    )
    renumber(policy).apply(policy)
    assert policy.clauses[2].label == "Schedule 2"
    assert policy.clauses[0].text == "See paragraph 2 of Schedule 2."  # both followed
