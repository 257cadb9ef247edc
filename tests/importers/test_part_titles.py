"""A bold title line over numbering that starts again is a part of its own, not duplicates.

A page holding general terms and then specific conditions, each with divisions "I.", "II.",
..., separated only by the second part's title written in bold: a reader sees two parts,
each numbered from the start, and no number used twice.
"""

from __future__ import annotations

import textwrap

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text
from plutoeditor.model.clause import ClauseKind


def _errors(source: str, name: str = "terms.md") -> list[str]:
    policy = import_text(textwrap.dedent(source).lstrip(), name)
    return [f"{f.code} {f.label}" for f in run_checks(policy) if f.is_error]


_TWO_PARTS = """\
    ### Conditions of use

    **I. Object**

    **1.** These terms govern the service.

    **2.** Using the service means accepting them.

    **II. Law**

    These terms are governed by the law of Portugal.

    **Specific Conditions of the Hosting Service**

    **I. Object**

    **1.** These conditions govern hosting.

    **II. Definitions**

    **1.** The words below have these meanings.

    **III. Term**

    **1.** The contract lasts one year.
    """


def test_a_bold_part_title_over_numbering_that_starts_again_opens_a_part():
    policy = import_text(textwrap.dedent(_TWO_PARTS).lstrip(), "terms.md")
    general = [c.label for c in policy.clauses if c.label]
    (part,) = [c for c in policy.clauses if c.heading == "Specific Conditions of the Hosting Service"]
    assert general == ["I.", "II."]
    assert [c.label for c in part.children] == ["I.", "II.", "III."]
    assert _errors(_TWO_PARTS) == []


def test_a_bold_line_over_a_list_inside_a_section_does_not_close_the_section():
    source = """\
        **3\\. Fees**

        You pay the fees in the order form.

        **Examples**

        1\\. A monthly fee.

        2\\. A setup fee.

        **4\\. Term**

        The contract lasts a year.
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "terms.md")
    assert [c.label for c in policy.clauses if c.label] == ["3.", "4."]
    assert _errors(source) == []


_ANNEX_INSIDE = """\
    **ARTICLE 1 – Definitions**

    1\\. The service is the scooter rental.

    2\\. The user is anyone who rents.

    **ARTICLE 2 – Insurance**

    The insurer's notice below applies.

    **Annexe : Notice on the insurance cover**

    1\\. How does the cover start?

    2\\. How does the cover end?

    **ARTICLE 3 – Fines**

    The user pays the fines.
    """


def test_a_bold_annex_title_opens_a_schedule_and_the_next_article_goes_back_to_the_body():
    policy = import_text(textwrap.dedent(_ANNEX_INSIDE).lstrip(), "terms.md")
    top = [(c.label, c.kind) for c in policy.clauses]
    assert top == [
        ("ARTICLE 1", ClauseKind.CLAUSE),
        ("ARTICLE 2", ClauseKind.CLAUSE),
        ("", ClauseKind.SCHEDULE),
        ("ARTICLE 3", ClauseKind.CLAUSE),
    ]
    annex = policy.clauses[2]
    assert [c.label for c in annex.children] == ["1.", "2."]
    assert _errors(_ANNEX_INSIDE) == []
