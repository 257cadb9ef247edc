"""Numbering checks on input nobody drafts by hand: no crash, bounded memory, linear time."""

from __future__ import annotations

import tracemalloc

from plutoeditor.checks import run_checks
from plutoeditor.model.clause import Clause
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.policy import Policy


def errors(policy: Policy) -> list[tuple[str, str, str]]:
    return [(f.code, f.label, f.message) for f in run_checks(policy) if f.is_error]


def test_a_placeholder_label_of_repeated_capitals_is_not_a_crash():
    # "(XXXX)" is neither a letter nor a roman numeral; it stood among (a) (b) in a statute
    policy = parse_tree("[1] A |\n  [(a)] x.\n  [(XXXX)] (weggefallen)\n  [(b)] y.\n")
    assert [code for code, _, _ in errors(policy)] == []


def test_a_huge_label_counts_the_missing_numbers_without_listing_them():
    policy = parse_tree("[1] a.\n[3000000] b.\n")
    tracemalloc.start()
    try:
        found = [(f.code, f.label, f.message) for f in run_checks(policy) if f.code == "numbering-gap"]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000
    # one finding, counted; a warning, as so wide a gap after one clause is more likely another
    # list (checks/confidence.py)
    assert [(code, label) for code, label, _ in found] == [("numbering-gap", "3000000")]
    assert found[0][2].startswith("2,999,998 numbers are missing: 3000000 comes after 1")


def test_a_list_starting_at_a_million_is_one_gap_finding():
    policy = Policy(clauses=[Clause(label=str(n), text="x.") for n in (1_000_000, 1_000_001)])
    # nothing before it could come first: a warning (checks/continuation.py), still one finding
    found = [(f.code, f.label, f.message) for f in run_checks(policy) if f.code == "numbering-gap"]
    assert [(code, label) for code, label, _ in found] == [("numbering-gap", "1000000")]
    assert found[0][2].startswith("999,999 numbers are missing")


def test_short_gaps_are_still_named():
    assert errors(parse_tree("[1] a.\n[4] b.\n"))[0][2].startswith("2–3 are missing")
    # 3 stands elsewhere in the list, so only 4 and 6 are missing before 7 (three defects in
    # five clauses make the list's reading doubtful, so these are warnings: checks/confidence.py)
    found = [f.message for f in run_checks(parse_tree("[1] a.\n[2] b.\n[5] c.\n[3] d.\n[7] e.\n"))]
    assert found[-1].startswith("2 numbers between 4 and 6 are missing")


def test_document_order_of_findings_is_found_in_one_pass():
    # a flat document: every clause's position was looked up with list.index (quadratic)
    policy = Policy(clauses=[Clause(label=str(n), text="Contact us at") for n in range(1, 2001)])
    found = run_checks(policy)
    lines = [f.clause_id for f in found if f.code == "incomplete-text"]
    assert lines == [c.id for c in policy.clauses]


def test_a_flat_document_is_put_in_order_without_a_search_per_finding(monkeypatch):
    # every paragraph has a finding (unnumbered among numbered); ordering them used to search
    # the sibling list once per finding: 40-100 s for 100,000 paragraphs
    from plutoeditor.checks import checker

    searched = []
    real = checker.position

    def counted(policy, clause):  # type: ignore[no-untyped-def]
        searched.append(clause)
        return real(policy, clause)

    monkeypatch.setattr(checker, "position", counted)
    policy = Policy(clauses=[Clause(label="1" if i == 0 else "", text=f"Note {i}.") for i in range(3000)])
    found = [f for f in run_checks(policy) if f.code == "unnumbered-paragraph"]
    assert [f.clause_id for f in found] == [c.id for c in policy.clauses[1:]]
    assert len(searched) < 10
