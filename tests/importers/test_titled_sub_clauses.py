"""Plain-text licences whose sub-clauses have a title line with their text right below it.

"2.2. Contributor Grant." then, on the very next line, "Subject to ..." and a lettered list:
the paragraph is the clause's text and the list its items, so the section's numbering and the
list's letters are checked where they stand, and a reference in that text is reported at its
own line.
"""

from __future__ import annotations

import textwrap

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text
from plutoeditor.model.notation import format_tree

LICENCE = """\
Example Public Licence

1. Definitions.

     1.1. "Code" means the software.

     1.2. "You" means the licensee.

2. Source Code Licence.

     2.1. Contributor Grant.
Subject to the terms below, each Contributor grants You a licence

          (b) under patents it owns;

          (c) effective on the date of first use;

          (d) not for code deleted from the Code;

          (a) under its other rights.

     2.2. Effective Date.
The licences of Section 2.1 start on first use.
You may stop using the Code at any time.

3. Distribution Obligations.

     3.1. Application.
The terms of Section 9.1 apply to every copy.

     3.2.

The terms of Section 9.2 apply to every change.
"""


def policy():
    return import_text(textwrap.dedent(LICENCE), "licence.txt")


def test_a_title_line_takes_the_paragraph_right_below_it_as_its_text():
    outline = format_tree(policy(), True)
    assert "[2.1.] Contributor Grant. | Subject to the terms below" in outline
    assert "\n    [(b)] under patents it owns;" in outline  # the items are 2.1's
    assert "\n  [2.2.] Effective Date. | The licences of Section 2.1 start on first use." in outline
    assert "\n[3.] Distribution Obligations." in outline  # not under the last item


def test_an_item_out_of_order_under_a_titled_sub_clause_is_an_error():
    found = [f for f in run_checks(policy()) if f.is_error]
    assert [(f.code, f.label, f.line) for f in found if f.code != "broken-reference"] == [
        ("out-of-order", "(a)", 20)
    ]


def test_a_reference_in_the_text_below_a_title_is_reported_at_the_text_s_line():
    found = [f for f in run_checks(policy()) if f.code == "broken-reference"]
    # 3.1.'s title is on line 28, the label 3.2. alone on line 31
    assert [(f.target, f.line) for f in found] == [("9.1", 29), ("9.2", 33)]


def test_a_paragraph_after_a_titled_section_s_last_sub_clause_stays_in_the_section():
    source = textwrap.dedent(
        """\
        Example Licence

        1. Definitions.

        1.1. "Code" means the software.

        2. Source Code Licence.

        2.1. Grant.

        You may use the Code.

        3. Distribution.

        3.1. Copies carry this licence.
        """
    )
    outline = format_tree(import_text(source, "licence.txt"), True)
    assert "\n  [] You may use the Code." in outline
    assert "\n[3.] Distribution." in outline


def test_a_bare_section_number_under_a_heading_is_read_after_three_sections():
    source = textwrap.dedent(
        """\
        Example Licence

        Version 1.0

        This licence is derived from another licence.

        EXAMPLE TERMS

        1  DEFINITIONS.

        1.1. "Code" means the software.

        2  GRANT.

        2.1. You may use the Code.

        3  OBLIGATIONS.

        3.1. Keep this notice.

        4  INABILITY TO COMPLY DUE TO STATUTE.

        If you cannot comply, describe why.

        5  APPLICATION OF THIS LICENCE.

        5.1. This licence applies to the Code.
        """
    )
    policy = import_text(source, "licence.txt")
    labels = [c.label for c in policy.walk() if c.label and "." not in c.label]
    assert labels == ["1", "2", "3", "4", "5"]
    assert not [f for f in run_checks(policy) if f.is_error]
