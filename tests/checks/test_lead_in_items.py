"""The first item after a lead-in written with the level above's next number: one finding there."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.checks.fixes import fix_for
from plutoeditor.model.notation import parse_tree

_SEQUENCE = ("numbering-gap", "duplicate-number", "out-of-order")
_PAGE = (
    "[1] Liability |\n  [(a)] Personal injury:\n  [(b)] Under the law we are liable.\n"
    "    [(ii)] The liability may be reduced.\n    [(iii)] No limit applies.\n"
    "  [(b)] Delay:\n    [(i)] What is recoverable.\n    [(ii)] How far we are liable.\n"
)


def sequence_errors(policy, errors_only=True):
    return [f for f in run_checks(policy) if (f.is_error or not errors_only) and f.code in _SEQUENCE]


def test_the_item_labelled_one_level_up_is_the_one_reported():
    policy = parse_tree(_PAGE)
    [found] = sequence_errors(policy, errors_only=False)
    first_b = policy.clauses[0].children[1]
    assert (found.code, found.clause_id, found.expected_label) == ("duplicate-number", first_b.id, "(i)")
    assert "the first item after “Personal injury:” ((a))" in found.message
    assert fix_for(policy, found) is None  # renumbering section 1 would make it (c)


def test_without_a_lead_in_the_repeat_and_the_gap_stay_as_they_were():
    policy = parse_tree(_PAGE.replace("Personal injury:", "Personal injury is covered."))
    assert [(f.code, f.label) for f in sequence_errors(policy, errors_only=False)] == [
        ("numbering-gap", "(ii)"),
        ("duplicate-number", "(b)"),
    ]
