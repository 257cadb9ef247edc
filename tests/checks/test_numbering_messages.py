"""Numbering messages say what a reader sees: the label expected after the one written before,
where an item out of order belongs, and every place a number is written again."""

from __future__ import annotations

import textwrap

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text


def _errors(source: str) -> list[tuple[str, str, int | None, str]]:
    policy = import_text(textwrap.dedent(source), "terms.txt")
    return [(f.code, f.label, f.line, f.message) for f in run_checks(policy) if f.is_error]


def test_a_repeat_after_a_gap_names_the_label_after_the_one_before_it():
    found = _errors(
        """\
        Review Rules

        1. Reviews.

        1.1. These rules apply to reviews:

        (a) a review reflects your own experience;

        (b) it uses no offensive words;

        (c) it is fair;

        (e) it respects others' rights;

        (f) it holds no personal data;

        (e) it holds no advertising.
        """
    )
    assert found == [
        ("numbering-gap", "(e)", 13, "(d) is missing: (e) comes after (c)"),
        ("duplicate-number", "(e)", 17, "Number used twice (also at line 13); after (f) it would be (g)"),
    ]


def test_an_item_out_of_order_says_where_it_belongs():
    found = _errors(
        """\
        Licence

        1. Grant.

        1.1. Each contributor grants you a licence:

        (b) under its patents;

        (c) from the day you first use the work;

        (d) for no code it deleted;

        (a) under its other rights.
        """
    )
    assert found == [("out-of-order", "(a)", 13, "Out of order: (a) comes after (d); it belongs before (b)")]


def test_a_number_written_three_times_is_said_once_with_all_three_places():
    found = _errors(
        """\
        Arbitration

        1. Arbitration.

        1.1. The parties agree as follows:

        d. Decision. The arbitrator decides.

        e. Fees. Each party pays its own fees.

        f. Offers. A party may make an offer.

        f. Batches. Claims may be batched.

        f. Relief. Courts may grant relief.

        g. Claims. Claims are brought in a year.
        """
    )
    assert found == [
        (
            "duplicate-number",
            "f.",
            13,
            "Number used 3 times (also at lines 11 and 15); after f. it would be g.",
        )
    ]
