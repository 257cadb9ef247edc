"""A heading that lost its number: the gap is reported at the heading, not at the next section."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.checks.fixes import fix_for
from plutoeditor.model.notation import parse_tree

_SEQUENCE = ("numbering-gap", "duplicate-number", "out-of-order")


def gaps(policy):
    return [f for f in run_checks(policy) if f.code in _SEQUENCE]


def test_a_heading_over_the_missing_numbers_sub_clauses_is_where_the_gap_is_reported():
    policy = parse_tree(
        "[1] Sharing |\n  [1.1] With partners.\n[] Security and retention |\n"
        "  [2.1] Security.\n  [2.2] Retention.\n[3] Transfers |\n  [] Abroad.\n"
    )
    [gap] = gaps(policy)
    heading = policy.clauses[1]
    assert (gap.severity, gap.clause_id, gap.expected_label) == ("error", heading.id, "2")
    assert gap.line == heading.line
    assert gap.message.startswith(
        "2 is missing: the heading “Security and retention” between 1 and 3 has no number"
    )


def test_the_fix_gives_the_heading_its_number_and_the_gap_goes():
    policy = parse_tree(
        "[1] Sharing |\n  [1.1] With partners.\n[] Security and retention |\n"
        "  [2.1] Security.\n  [2.2] Retention.\n[3] Transfers |\n  [] Abroad.\n"
    )
    [gap] = gaps(policy)
    name, edit = fix_for(policy, gap)
    assert name == "Number “Security and retention” 2"
    edit.apply(policy)
    assert policy.clauses[1].label == "2"
    assert gaps(policy) == []


def test_a_title_among_titles_before_the_first_number_is_the_one_that_lost_it():
    policy = parse_tree(
        "[1] Use |\n  [1.1] Compliance |\n    [] Each party complies.\n    [] User rights |\n"
        "      [] Users authorise us.\n    [1.1.2] Our rights |\n      [] All programs are ours.\n"
    )
    [gap] = gaps(policy)
    assert gap.label == "" and gap.expected_label == "1.1.1"
    assert "“User rights” right before 1.1.2 has no number" in gap.message
    assert fix_for(policy, gap) is not None


def test_a_heading_in_capitals_inside_the_section_before_is_named_and_offers_no_number():
    # read into section 4 by the tree: numbering it "2" there would not make it section 2
    policy = parse_tree(
        "[1] RIGHT TO BE FORGOTTEN |\n  [a] We delete.\n  [b] We tell you.\n  [] RIGHT TO BE INFORMED\n"
        "  [] We tell you more.\n[3] RIGHT TO OPT-OUT |\n  [a] You may opt out.\n"
    )
    [gap] = gaps(policy)
    assert gap.label == "" and gap.expected_label == "2" and "“RIGHT TO BE INFORMED”" in gap.message
    assert fix_for(policy, gap) is None


def test_a_heading_written_unlike_the_sections_leaves_the_gap_in_doubt():
    # "Refund Rules" may be a sub-heading of 1: the gap stays at 3, as a warning naming it
    policy = parse_tree(
        "[1] PAYMENTS |\n  [] We bill you.\n  [] Refund Rules\n  [] We refund.\n[3] TERMINATION |\n"
    )
    [gap] = gaps(policy)
    assert (gap.label, gap.severity) == ("3", "warning")
    assert "“Refund Rules” stands between them without a number" in gap.message


def test_a_gap_of_two_numbers_is_not_explained_by_one_heading():
    policy = parse_tree("[1] A |\n  [] Text.\n[] Lost Heading |\n  [] More.\n[4] B |\n")
    [gap] = gaps(policy)
    assert (gap.label, gap.severity) == ("4", "error")


def test_a_gap_with_no_heading_between_stays_at_the_number_after_it():
    policy = parse_tree("[1] A |\n  [] Text.\n[2] B |\n  [] More.\n[4] C |\n")
    [gap] = gaps(policy)
    assert (gap.label, gap.severity) == ("4", "error")


def test_a_gap_beside_one_unnumbered_paragraph_names_it_and_stays_at_the_member_after():
    policy = parse_tree(
        "[1] Scope.\n[2] Termination |\n  [2.1] Fixed terms end as agreed.\n"
        "  [2.2] Other contracts end on notice.\n"
        "  [] Good cause for termination exists if the relationship cannot go on.\n"
        "  [2.4] Either party may end a project found unfeasible.\n"
    )
    [gap] = gaps(policy)
    assert (gap.severity, gap.label) == ("error", "2.4")
    assert gap.message == (
        "2.3 is missing: 2.4 comes after 2.2 (the paragraph between them, “Good cause for termination"
        " exists if the relationship cannot…”, has no number: it may be 2.3 or go on from 2.2)"
    )


def test_a_paragraph_going_on_in_lower_case_is_not_named():
    policy = parse_tree(
        "[1] Scope.\n[2] Termination |\n  [2.1] Fixed terms end as agreed.\n"
        "  [2.2] Other contracts end on notice\n"
        "  [] given in writing.\n  [2.4] Either party may end a project found unfeasible.\n"
    )
    [gap] = gaps(policy)
    assert gap.message == "2.3 is missing: 2.4 comes after 2.2"
