"""Numbering findings: each defect reported once, at its cause, with the label expected."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree


def clause_findings(policy):
    """Findings about clauses; these trees have no title or date (missing-metadata is tested apart)."""
    return [f for f in run_checks(policy) if f.code != "missing-metadata"]


def codes(notation: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.label, f.expected_label) for f in clause_findings(parse_tree(notation))]


def test_clean_numbering_has_no_findings():
    assert codes("[1] A |\n  [1.1] x.\n  [1.2] y.\n[2] B |\n  [2.1] z.\n") == []


def test_duplicate_and_gap():
    found = codes("[1] A |\n  [1.1] a.\n  [1.2] b.\n  [1.3] c.\n  [1.6] d.\n  [1.6] e.\n  [1.7] f.\n")
    assert found == [("numbering-gap", "1.6", "1.4"), ("duplicate-number", "1.6", "1.5")]
    message = clause_findings(parse_tree("[1]\n  [1.1] a.\n  [1.3] b.\n"))[0].message
    assert "1.2 is missing" in message


def test_out_of_order():
    # 2 is not missing, only out of place: one finding, not a gap as well
    assert codes("[1] a.\n[3] b.\n[2] c.\n") == [("out-of-order", "2", "3")]


def test_swapped_siblings_are_out_of_order_not_a_gap():
    found = codes("[1] A |\n[2] B |\n  [2.2] x.\n  [2.1] y.\n  [2.3] z.\n")
    assert found == [("out-of-order", "2.1", "2.2")]


def test_a_real_gap_beside_a_swap_is_still_reported():
    found = codes("[1] a.\n[3] b.\n[2] c.\n[5] d.\n")
    assert ("numbering-gap", "5", "4") in found and ("out-of-order", "2", "3") in found
    messages = [f.message for f in clause_findings(parse_tree("[1] a.\n[3] b.\n[2] c.\n[5] d.\n"))]
    assert any("4 is missing" in m for m in messages)


def test_wrong_parent_members_are_not_also_duplicates():
    found = clause_findings(parse_tree("[1] A |\n  [1.1] a.\n  [1.2] b.\n  [2.1] c.\n  [2.2] d.\n[2] B |\n"))
    assert [(f.code, f.label) for f in found] == [("wrong-parent", "2.1")]
    assert "2.1–2.2" in found[0].message


def test_wrong_parent_is_one_finding_per_run_and_not_duplicates():
    found = clause_findings(
        parse_tree(
            "[1] A |\n  [1.1] a.\n[2] B |\n"
            + "".join(f"  [2.{i}] x.\n" for i in range(1, 7))
            + "  [2.7] consent:\n"
            + "".join(f"    [2.7.{i}] own {i}.\n" for i in range(1, 10))
            + "  [2.8] other.\n  [2.9] parties:\n"
            + "".join(f"    [2.7.{i}] party {i}.\n" for i in range(1, 11))
        )
    )
    assert [(f.code, f.label, f.expected_label) for f in found] == [("wrong-parent", "2.7.1", "2.9.1")]
    assert "2.7.1–2.7.10" in found[0].message and "2.9.1–2.9.10" in found[0].message


def test_skipped_level():
    before = "".join(f"[{i}] x.\n" for i in range(1, 10))
    assert codes(before + "[10] A |\n  [10.1.1] x.\n  [10.1.2] y.\n") == [("skipped-level", "10.1.1", "10.1")]


def test_a_wrong_parent_label_does_not_cascade_to_its_children():
    # 3 is written twice (the first where 2 belongs); the children of each 3 match their parent
    found = codes("[1] a.\n[3] b.\n  [3.1] x.\n[3] c.\n  [3.1] y.\n")
    assert found == [("duplicate-number", "3", "2")]


def test_label_style_one_warning_per_deviating_style():
    found = clause_findings(
        parse_tree(
            "[1] a |\n  [1.1] x.\n[2] b |\n[3] c |\n[4.] d |\n  [4.1] y.\n  [4.1.1:] z.\n  [4.1.2:] w.\n"
        )
    )
    styles = [(f.code, f.label, f.severity) for f in found if f.code == "label-style"]
    assert styles == [("label-style", "4.", "warning")]  # levels 3 has only one style
    found = clause_findings(
        parse_tree(
            "[1] a |\n  [1.1] x.\n    [1.1.1] p.\n    [1.1.2:] q.\n    [1.1.3:] r.\n"
            "    [1.1.4] s.\n    [1.1.5] t.\n"
        )
    )
    assert [(f.label, f.expected_label) for f in found] == [("1.1.2:", "1.1.2")]
    assert "2 labels" in found[0].message


def test_local_lists():
    assert codes("[1] a |\n  [(a)] x.\n  [(b)] y.\n  [(d)] z.\n") == [("numbering-gap", "(d)", "(c)")]
    assert codes("[1] a |\n  [(i)] x.\n  [(ii)] y.\n  [(iv)] z.\n") == [("numbering-gap", "(iv)", "(iii)")]


def test_insertions_and_schedules_are_not_gaps():
    assert codes("[1] a.\n[1A] b.\n[2] c.\nsched [Schedule 1] S |\n  [1] x.\n  [2] y.\n") == []
    assert codes("[1] a.\n[2] b.\nsched [Schedule 1] S |\nsched [Schedule 3] T |\n") == [
        ("numbering-gap", "Schedule 3", "Schedule 2")
    ]


def test_findings_carry_line_and_clause_id():
    policy = parse_tree("[1] a.\n[2] b.\n[2] c.\n")
    (finding,) = clause_findings(policy)
    assert finding.line == 3 and finding.clause_id == policy.clauses[2].id
    assert finding.to_dict()["code"] == "duplicate-number"


def test_markdown_auto_numbered_list_is_not_duplicates():
    assert codes("[1] a |\n  [] Options:\n  [1.] x.\n  [1.] y.\n  [1.] z.\n") == [
        ("unnumbered-paragraph", "", "")
    ]
    assert codes("[] Part one |\n  [1] a.\n  [2] b.\n[] Part two |\n  [1] c.\n") == []


def test_word_numbered_parts_count_per_word():
    notation = (
        "[SECTION 1:] a |\n  [1.1] x.\n[SECTION 2:] b |\n  [2.1] y.\n[EXHIBIT A:] c |\n[EXHIBIT B:] d |\n"
    )
    assert codes(notation) == []
    assert codes(notation + "[EXHIBIT B:] e |\n") == [("duplicate-number", "EXHIBIT B", "EXHIBIT C")]


def _sequence_findings(notation: str, errors_only: bool = True) -> list[tuple[str, str, str]]:
    from plutoeditor.checks import run_checks
    from plutoeditor.model.notation import parse_tree

    return [
        (f.code, f.label, f.expected_label)
        for f in run_checks(parse_tree(notation))
        if (f.is_error or not errors_only) and f.code in ("duplicate-number", "numbering-gap", "out-of-order")
    ]


def test_a_number_written_twice_is_reported_at_the_twin_that_breaks_the_sequence():
    # 5.2, 5.4, 5.4: the first 5.4 stands where 5.3 belongs; one finding there, not a gap and a repeat
    found = _sequence_findings(
        "[5] Payments |\n  [5.1] a.\n  [5.2] Monitoring | b.\n"
        "  [5.4] Notification | c.\n  [5.4] Support | d.\n"
    )
    assert found == [("duplicate-number", "5.4", "5.3")]


def test_a_letter_list_that_skips_a_letter_and_repeats_the_next_is_one_finding():
    found = _sequence_findings("[a] x.\n[b] y.\n[c] z.\n[e] w.\n[e] v.\n[f] u.\n")
    assert found == [("duplicate-number", "e", "d")]


def test_a_repeat_after_the_number_in_place_is_reported_at_the_repeat():
    assert _sequence_findings("[a] x.\n[b] y.\n[b] z.\n") == [("duplicate-number", "b", "c")]


def test_a_number_three_times_before_the_next_is_reported_once():
    # e, f, f, f, g: the last f stands where f belongs before g; the repeat is the middle one
    found = _sequence_findings("[a] a.\n[b] b.\n[c] c.\n[d] d.\n[e] e.\n[f] f.\n[f] g.\n[f] h.\n[g] i.\n")
    assert found == [("duplicate-number", "f", "g")]


def test_a_repeat_with_a_gap_on_both_sides_is_not_re_aimed():
    # 2, 4, 4, 6: either 4 could be the mistyped one; gap and repeat stay as they are
    found = _sequence_findings("[1] a.\n[2] b.\n[4] c.\n[4] d.\n[6] e.\n", errors_only=False)
    assert [code for code, _, _ in found] == ["numbering-gap", "duplicate-number", "numbering-gap"]
