"""Sub-clauses under the wrong parent when the parent they name is nowhere written: the finding
names the missing number, not a relabelling into the clause above."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.checks.fixes import fix_for
from plutoeditor.model.notation import parse_tree


def placements(notation: str):
    policy = parse_tree(notation)
    return policy, [f for f in run_checks(policy) if f.code in ("wrong-parent", "skipped-level")]


def test_a_run_whose_parent_number_is_missing_says_so_and_offers_no_relabelling():
    policy, found = placements(
        "[14] Other |\n  [14.1] x.\n[15] Final |\n  [15.1] Law.\n"
        "    [15.2.1] Courts.\n    [15.2.2] Mediation.\n    [15.2.3] Costs.\n  [15.3] Changes.\n"
    )
    [finding] = found
    assert finding.severity == "error"
    assert finding.message.startswith("15.2 is missing: 15.2.1–15.2.3 stand under 15.1")
    assert "15.1.1" not in finding.message
    assert fix_for(policy, finding) is None


def test_a_section_title_left_out_is_named_missing():
    _, found = placements(
        "[1] A |\n  [1.1] x.\n[2] Scope |\n  [] Text.\n  [3.1] Data.\n  [3.2] More.\n[4] Use |\n"
    )
    assert [f.message.split(":")[0] for f in found] == ["3 is missing"]


def test_a_parent_written_further_on_keeps_the_relabelling():
    # 1.1, 1.2, 2.1, 2.2 under 1, then 2: the run belongs to the 2 that follows
    policy, found = placements("[1] A |\n  [1.1] a.\n  [1.2] b.\n  [2.1] c.\n  [2.2] d.\n[2] B |\n")
    [finding] = found
    assert "is missing" not in finding.message and "2.1–2.2" in finding.message
    assert fix_for(policy, finding) is not None


def test_a_label_with_a_stray_point_reads_as_the_next_number():
    _, found = placements("[15] Google |\n  [15.1] First.\n    [1.5.2] Second.\n  [15.3] Third.\n")
    [finding] = found
    assert "reads as 15.2 written with a stray point" in finding.message
    assert finding.expected_label == "15.2"


def test_sub_clauses_right_under_an_unnumbered_heading_are_numbered_as_its_section():
    # every section is an unnumbered bold title; 15.1-15.3 take the title as section 15
    _, found = placements(
        "[] Indemnity.\n[] We indemnify you.\n[] Disclaimers and Warranties\n"
        "[15.1] AS IS.\n[15.2] NO ADVICE.\n"
    )
    assert [f.severity for f in found] == ["warning"]
    assert "may stand for 15" in found[0].message


def test_a_duplicate_standing_where_its_number_belongs_names_no_other_number():
    # "(g)" after the second "(e)": which "(e)" is wrong is not said, so the second is reported
    policy = parse_tree("[a] x.\n[b] y.\n[c] z.\n[e] w.\n[e] v.\n[g] u.\n")
    [message] = [f.message for f in run_checks(policy) if f.code == "duplicate-number"]
    assert message.startswith("Number used twice (also at line 4)")
    assert "calls for" not in message  # not "...; its position calls for e"


def test_a_run_right_after_the_number_it_names_was_misplaced_by_the_tree():
    # a second instrument on the page: its "1. ACCEPTANCE" landed inside the first one's 13.,
    # and its 1.1 under 13: "1." is written just before 1.1, so the placement is the tree's
    _, found = placements(
        "[1] Terms |\n  [1.1] a.\n[13] Misc |\n  [13.1] b.\n  [13.2] c.\n"
        "    [1.] ACCEPTANCE |\n  [1.1] You accept.\n"
    )
    assert [(f.label, f.severity) for f in found] == [("1.1", "warning")]
    assert "1. is written just before it" in found[0].message


def numbering_codes(notation: str) -> list[tuple[str, str]]:
    return [
        (f.code, f.label)
        for f in run_checks(parse_tree(notation))
        if f.is_error and f.code in ("wrong-parent", "numbering-gap", "duplicate-number")
    ]


def test_a_missing_parent_is_one_finding_not_also_a_gap_after_it():
    # 15.2 is reported missing under 15.1; "15.3 comes after 15.1" would say it again
    assert numbering_codes(
        "[15] Final |\n  [15.1] Law.\n    [15.2.1] Courts.\n    [15.2.2] Mediation.\n  [15.3] Changes.\n"
    ) == [("wrong-parent", "15.2.1")]


def test_a_section_title_left_out_is_not_also_a_gap_at_the_next_section():
    assert numbering_codes("[1] A |\n  [1.1] x.\n[2] Scope |\n  [3.1] Data.\n  [3.2] More.\n[4] Use |\n") == [
        ("wrong-parent", "3.1")
    ]


def test_a_stray_point_is_not_also_a_gap_at_the_next_number():
    assert numbering_codes("[15] Google |\n  [15.1] First.\n    [1.5.2] Second.\n  [15.3] Third.\n") == [
        ("wrong-parent", "1.5.2")
    ]


def test_a_gap_beside_a_missing_parent_that_leaves_out_more_is_still_reported():
    # 15.2 is missing under 15.1 and 15.3 is left out too: 15.4 after 15.1 is a gap of its own
    found = numbering_codes("[15] Final |\n  [15.1] Law.\n    [15.2.1] Courts.\n  [15.4] Changes.\n")
    assert ("numbering-gap", "15.4") in found
