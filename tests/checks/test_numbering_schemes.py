"""Numbering schemes real documents use on purpose are not numbering errors."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import format_tree, parse_tree
from plutoeditor.model.numbering import expected_labels


def errors(notation: str) -> list[tuple[str, str]]:
    return [(f.code, f.label) for f in run_checks(parse_tree(notation)) if f.is_error]


def test_numbering_runs_on_across_unnumbered_headings():
    # court pleadings, some licences: paragraphs 1-5 through the whole document
    notation = "[] Denial |\n  [1.] a.\n[] Defences |\n  [2.] b.\n  [3.] c.\n[] Prayer |\n  [4.] d.\n"
    assert errors(notation) == []
    policy = parse_tree(notation)
    assert sorted(expected_labels(policy).values()) == ["1.", "2.", "3.", "4."]


def test_numbering_runs_on_from_a_numbered_paragraph_into_a_heading():
    assert errors("[(1)] You may use it.\n[] Distribution |\n  [(2)] copies.\n  [(3)] fixes.\n") == []


def test_numbering_runs_on_across_parts():
    notation = "[Part I] Intro |\n  [1.0] A |\n  [2.0] B |\n[Part II] Rights |\n  [3.0] C |\n    [3.1] x.\n"
    assert errors(notation) == []


def test_a_heading_that_restarts_or_skips_is_still_judged():
    assert errors("[] One |\n  [1] a.\n  [2] b.\n[] Two |\n  [1] c.\n  [2] d.\n") == []
    # 4 neither restarts nor follows 2: numbers are missing
    assert errors("[] One |\n  [1] a.\n  [2] b.\n[] Two |\n  [4] c.\n") == [("numbering-gap", "4")]


def test_a_schedule_restarts_rather_than_running_on():
    found = run_checks(parse_tree("[1] a.\nsched [Schedule 1] S |\n  [3] c.\n"))
    assert [(f.code, f.label, f.severity) for f in found if f.code == "numbering-gap"] == [
        ("numbering-gap", "3", "error")
    ]


def test_roman_annex_numbers():
    assert errors("[1] a.\n[ANNEX I] Processing |\n[ANNEX II] Security |\n[ANNEX III] Transfers |\n") == []
    assert errors("[1] a.\n[ANNEX I] Processing |\n") == []
    assert errors("[1] a.\n[ANNEX I] P |\n[ANNEX III] T |\n") == [("numbering-gap", "ANNEX III")]
    # letters stay letters: Exhibit A, B, C
    assert errors("[1] a.\n[Exhibit A] x |\n[Exhibit B] y |\n[Exhibit D] z |\n") == [
        ("numbering-gap", "Exhibit D")
    ]


def test_numbering_from_zero():
    assert errors("[0.] Definitions.\n[1.] Grant.\n[2.] Conditions.\n") == []
    assert errors("[0.] Definitions.\n[2.] Grant.\n") == [("numbering-gap", "2.")]
    assert sorted(expected_labels(parse_tree("[0.] a.\n[5.] b.\n")).values()) == ["0.", "1."]


def test_n0_section_numbers():
    notation = "[1.0] Scope |\n  [1.1.] applies.\n  [1.2.] also.\n[2.0] Security |\n  [2.1.] safe.\n"
    found = [(f.code, f.label) for f in run_checks(parse_tree(notation)) if f.code != "missing-metadata"]
    assert found == []
    assert sorted(expected_labels(parse_tree("[1.0] A |\n[3.0] B |\n")).values()) == ["1.0", "2.0"]


def test_a_duplicate_under_an_n0_section_is_still_one():
    found = errors("[1.0] A |\n  [1.1.] x.\n  [1.2.] y.\n  [1.2.] z.\n")
    assert found == [("duplicate-number", "1.2.")]


def test_renumbering_keeps_numbering_running_on_across_headings():
    from plutoeditor.model.renumber import renumber

    # (e) is wrong; the paragraph under the next heading runs on from it and follows it
    policy = parse_tree("[1] A |\n  [(e)] x.\n  [] Notes |\n    [(f)] y.\n")
    renumber(policy).apply(policy)
    assert [c.label for c in policy.walk() if c.label] == ["1", "(a)", "(b)"]
    assert errors(format_tree(policy, text=False)) == []


def test_a_list_restarting_after_a_paragraph_is_a_new_list():
    notation = "[1] A |\n  [1.] a.\n  [2.] b.\n  [] The following also apply:\n  [1.] c.\n  [2.] d.\n"
    assert errors(notation) == []
    assert sorted(expected_labels(parse_tree(notation)).values()) == ["1", "1.", "1.", "2.", "2."]
    # without a paragraph between, or a full hierarchical label repeated: still duplicates
    assert errors("[1] A |\n  [1.] a.\n  [2.] b.\n  [1.] c.\n") == [("duplicate-number", "1.")]
    assert errors("[1] A |\n  [1.1] a.\n  [] Note.\n  [1.1] c.\n") == [("duplicate-number", "1.1")]


def gaps(notation: str) -> list[tuple[str, str]]:
    """Gap findings of either severity: a list opening above 1 with nothing before it that
    could come first is a warning (checks/continuation.py), still reported."""
    return [(f.code, f.label) for f in run_checks(parse_tree(notation)) if f.code == "numbering-gap"]


def test_numbering_runs_on_only_in_the_same_family_and_style():
    # "(b)" under the heading does not continue "2" written in another style
    assert gaps("[1] a.\n[2] b.\n[] H |\n  [(b)] c.\n") == [("numbering-gap", "(b)")]
    # "(iv)" after "(iii)" is roman even alone under its heading
    assert gaps("[1] A |\n  [(iii)] a.\n  [] H |\n    [(iv)] b.\n") == [("numbering-gap", "(iii)")]


def test_a_clause_inserted_at_the_head_of_a_section_as_1_0_1_is_no_numbering_error():
    # the Mozilla family's "1.0.1" between "1." and "1.1": neither a skipped level nor 1.1 twice
    policy = parse_tree(
        "[1.] Definitions |\n  [1.0.1] Commercial Use.\n  [1.1] Contributor.\n  [1.2] Code.\n"
    )
    assert [(f.code, f.label) for f in run_checks(policy) if f.is_error] == []


def test_a_lettered_annex_then_roman_annexes_are_two_series():
    # the agreement's own "ANNEX A" holds standard clauses whose annexes are "ANNEX I", "II", "III"
    notation = "[1] a.\n[ANNEX A] Clauses |\n[ANNEX I] Parties |\n[ANNEX II] Measures |\n[ANNEX III] Subs |\n"
    assert errors(notation) == []
    policy = parse_tree(notation)
    assert [v for v in expected_labels(policy).values() if v.startswith("ANNEX")] == [
        "ANNEX A",
        "ANNEX I",
        "ANNEX II",
        "ANNEX III",
    ]
    # the ninth letter after the eighth is a letter; a gap in the second series is still a gap
    eight = "".join(f"[Annex {c}] x |\n" for c in "ABCDEFGH")
    assert errors("[1] a.\n" + eight + "[Annex I] y |\n[Annex J] z |\n") == []
    assert errors("[1] a.\n[ANNEX A] C |\n[ANNEX I] P |\n[ANNEX III] S |\n") == [
        ("numbering-gap", "ANNEX III")
    ]


def test_articles_numbered_on_across_parts():
    # "PART I" holds ARTICLE 1-2 and "PART II" goes on with ARTICLE 3: one numbering, no gap
    notation = (
        "[PART I] General |\n  [ARTICLE 1] Definitions |\n  [ARTICLE 2] Law |\n"
        "[PART II] Processing |\n  [ARTICLE 3] Scope |\n  [ARTICLE 4] Duties |\n"
    )
    assert errors(notation) == []
    labels = expected_labels(parse_tree(notation))
    assert [v for v in labels.values() if v.startswith("ARTICLE")] == [f"ARTICLE {n}" for n in range(1, 5)]
    # a part that skips on from the one before still has its gap
    skipped = notation.replace("ARTICLE 3", "ARTICLE 5").replace("ARTICLE 4", "ARTICLE 6")
    assert errors(skipped) == [("numbering-gap", "ARTICLE 5")]
