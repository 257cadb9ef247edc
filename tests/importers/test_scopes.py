"""Scopes of a page: several documents, tables of contents and quoted instruments are not numbered twice."""

from __future__ import annotations

import textwrap

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text
from plutoeditor.model.notation import format_tree


def page(source: str, name: str = "page.md"):
    return import_text(textwrap.dedent(source).lstrip(), name)


def error_codes(policy) -> list[str]:
    return [f.code for f in run_checks(policy) if f.is_error]


# -- several documents on one page ------------------------------------------------------


def test_a_document_after_a_rule_that_numbers_from_one_again_is_its_own_scope():
    policy = page(
        """\
        # Harbour Club terms

        ## 1. Membership
        Members keep their card.
        ## 2. Fees
        Fees are due monthly.

        * * *

        ## 1. What we record
        We record your visits.
        ## 2. How long
        One year.
        """
    )
    assert format_tree(policy) == textwrap.dedent(
        """\
        [1.] Membership |
          [] Members keep their card.
        [2.] Fees |
          [] Fees are due monthly.
        []
          [1.] What we record |
            [] We record your visits.
          [2.] How long |
            [] One year."""
    )
    assert error_codes(policy) == []


def test_the_later_documents_title_becomes_the_heading_of_its_scope():
    policy = page(
        """\
        Lighthouse Ferries Conditions

        1. Tickets

        A ticket is valid for one crossing.

        2. Luggage

        Two bags travel free.

        ----------

        Lighthouse Ferries Privacy Notice

        1. Data we keep

        We keep your booking reference.
        """,
        "ferries.txt",
    )
    last = policy.clauses[-1]
    assert (last.label, last.heading) == ("", "Lighthouse Ferries Privacy Notice")
    assert [c.label for c in last.children] == ["1."]
    assert [c.label for c in policy.clauses[:2]] == ["1.", "2."]
    assert error_codes(policy) == []


def test_a_document_opens_at_its_level_one_title_above_the_rule():
    policy = page(
        """\
        # Orchard Market rules

        1. Stalls open at eight.
        2. Stalls close at six.

        Orchard Market privacy
        ======================

        We respect your privacy.

        ---

        1. We keep the list of stallholders.
        2. We delete it after a year.
        """
    )
    last = policy.clauses[-1]
    assert last.heading == "Orchard Market privacy"
    assert [c.text for c in last.children][:1] == ["We respect your privacy."]
    assert [c.label for c in last.children if c.label] == ["1.", "2."]
    assert error_codes(policy) == []


def test_a_titled_and_dated_document_after_another_is_its_own_scope_without_a_rule():
    policy = page(
        """\
        **Dock Hire Agreement**

        1 Hire
        ======

        1.1 The dock is hired by the day.

        2 Payment
        =========

        2.1 Payment is due in advance.

        **Dock Hire Cleaning Terms**

        Version: 2 March 2024

        1 Cleaning
        ==========

        1.1 The hirer leaves the dock clean.
        """
    )
    last = policy.clauses[-1]
    assert (last.label, last.heading) == ("", "Dock Hire Cleaning Terms")
    assert [c.label for c in last.children if c.label] == ["1"]
    assert [c.label for c in policy.clauses[:-1]] == ["1", "2"]
    assert error_codes(policy) == []


def test_an_earlier_version_under_its_version_line_is_its_own_scope():
    policy = page(
        """\
        # Allotment society rules

        ## 1. Plots
        Each member tends one plot.
        ## 2. Water
        Water butts are shared.

        **Version applicable from 1 March 2021**

        ## 1. Plots
        Each member tends one or two plots.
        ## 2. Water
        Hoses are not allowed.
        """
    )
    last = policy.clauses[-1]
    assert not last.label and last.children[0].text == "Version applicable from 1 March 2021"
    assert [c.label for c in last.children if c.label] == ["1.", "2."]
    assert error_codes(policy) == []


def test_a_dated_heading_inside_a_document_does_not_start_another():
    policy = page(
        """\
        ## 1. Bookings
        Book a week ahead.
        ## 2. Prices
        Prices are on the board.

        **Winter opening**

        Last updated: 1 November 2024

        ## 3. Winter hours
        We close at four.
        """
    )
    assert [c.label for c in policy.clauses if c.label] == ["1.", "2.", "3."]


def test_a_rule_between_sections_leaves_the_numbering_running_on():
    source = """\
        ## 1. Scope
        These rules apply to the library.

        ---

        ## 2. Loans
        Books are lent for three weeks.

        * * *

        ## 2. Fines
        Late books cost ten pence a day.
        """
    policy = page(source)
    assert [c.label for c in policy.clauses] == ["1.", "2.", "2."]
    assert "duplicate-number" in error_codes(policy)


def test_a_rule_before_a_list_written_otherwise_does_not_start_a_document():
    policy = page(
        """\
        ## 1. Opening hours
        The pool opens at seven.

        ## 2. Rules

        ---

        1. Shower first.
        2. No running.
        """
    )
    assert [c.label for c in policy.clauses] == ["1.", "2."]
    assert [c.label for c in policy.clauses[1].children] == ["1.", "2."]


# -- tables of contents -------------------------------------------------------------------


def test_a_plain_contents_list_is_kept_as_text_not_as_clauses():
    policy = page(
        """\
        # Garden Share agreement

        **Contents**

        1. Plots
        2. Tools
        3. Ending the agreement

        **1\\. Plots**

        1.1. Each member tends one plot.

        **2\\. Tools**

        2.1. Tools go back to the shed.

        **3\\. Ending the agreement**

        3.1. Either side may end it with a month's notice.
        """
    )
    assert policy.clauses[0].text == "Contents\n1. Plots\n2. Tools\n3. Ending the agreement"
    assert [c.label for c in policy.clauses if c.label] == ["1.", "2.", "3."]
    assert error_codes(policy) == []


def test_a_linked_contents_list_is_text_even_when_the_titles_differ():
    policy = page(
        """\
        # Repair cafe terms

        1. [Who we are](#who)
        2. [Repairs](#repairs)

        ## 1. About us
        We are volunteers.

        ## 2. Repairs at your own risk
        We try our best.
        """
    )
    assert policy.clauses[0].text == "1. Who we are\n2. Repairs"
    assert [c.label for c in policy.clauses[1:]] == ["1.", "2."]
    assert error_codes(policy) == []


def test_a_dot_leadered_contents_page_in_plain_text():
    policy = page(
        """\
        Canal Trust volunteer policy

        Contents

        1. Purpose ........................ 2
        2. Safety ......................... 3

        1. Purpose

        This policy says what volunteers may do.

        2. Safety

        Wear a life jacket on the towpath.
        """,
        "canal.txt",
    )
    assert (
        policy.clauses[0].text
        == "Contents\n1. Purpose ........................ 2\n2. Safety ......................... 3"
    )
    assert [c.label for c in policy.clauses[1:]] == ["1.", "2."]
    assert error_codes(policy) == []


def test_dot_leaders_make_a_contents_list_even_when_the_headings_lost_their_numbers():
    policy = page(
        """\
        Quarry Walks privacy notice

        Summary

        1. What we collect ....................... 2
        2. Who sees it............................ 3
        3. Your rights .............................

        Quarry Walks privacy notice - page 1

        What we collect

        We collect the names of walkers who book a guided walk.
        """,
        "quarry.txt",
    )
    assert policy.clauses[0].text.splitlines() == [
        "Summary",
        "1. What we collect ....................... 2",
        "2. Who sees it............................ 3",
        "3. Your rights .............................",
    ]
    assert not any(c.label for c in policy.walk())
    assert error_codes(policy) == []


def test_a_short_list_written_twice_is_not_a_contents_list():
    policy = page(
        """\
        ## 1. Members

        We ask members for:

        1. Name
        2. Email

        ## 2. Guests

        We ask guests for:

        1. Name
        2. Email
        """
    )
    items = [c.label for clause in policy.walk() for c in clause.children if c.label]
    assert items.count("1.") == 2 and items.count("2.") == 2


def test_the_contents_list_ends_where_its_first_label_comes_again():
    policy = page(
        """\
        Our notice covers:

        **I. Who We Are**

        **II. How We Use What We Collect**

        **III. How Long We Keep It**

        **I. About The Club**

        We collect the names of club members and their e-mail addresses.

        **II. How We Use What We Collect**

        We use the addresses to send the newsletter to members who asked for it.

        **III. How Long We Keep It**

        We keep the list while you are a member and delete it a year after.
        """
    )
    assert [c.label for c in policy.clauses if c.label] == ["I.", "II.", "III."]
    assert error_codes(policy) == []


def test_items_of_a_nested_list_that_recur_in_the_next_list_are_not_contents():
    policy = page(
        """\
        We log these events:

        1. Account events, including:
           1. Sign-up and closing of an account;
           2. Changes of e-mail address;
           3. Password resets.

        2. Payment events, including:
           1. Card payments;
           2. Changes of e-mail address;
           3. Password resets.
        """
    )
    labelled = [c.label for c in policy.walk() if c.label]
    assert labelled.count("1.") == 3 and labelled.count("3.") == 2


def test_a_contents_entry_may_say_in_a_line_what_its_section_is_about():
    policy = page(
        """\
        # Tide Tables privacy

        1.  [**WHAT WE COLLECT**](#collect)

            The details you give us when you subscribe

        2.  [**WHO WE TELL**](#tell)

            The companies that help us send the tables

        ## 1. What we collect
        Your name and e-mail address.

        ## 2. Who we tell
        Only our mailing service.
        """
    )
    assert policy.clauses[0].text.splitlines()[:2] == [
        "1. WHAT WE COLLECT",
        "The details you give us when you subscribe",
    ]
    assert [c.label for c in policy.clauses if c.label] == ["1.", "2."]
    assert error_codes(policy) == []


def test_linked_items_that_hold_their_sections_text_are_clauses_not_contents():
    policy = page(
        """\
        Contents

        1. [Who we are](#who)

            We run the harbour ferry between the two quays and sell tickets on board.

            We are a charity registered in the town.

        2. [Tickets](#tickets)

            A ticket is valid for one crossing on the day it was bought.

            Children under five travel free with an adult.
        """
    )
    assert [c.label for c in policy.walk() if c.label] == ["1.", "2."]


def test_links_to_parts_of_the_page_with_descriptions_are_a_list_not_contents():
    policy = page(
        """\
        ## 7. Other terms

        These terms include:

        1. [Fan terms](#fans) - which apply when you follow a creator;
        2. [Creator terms](#creators) - which apply when you publish.

        ## 8. Changes
        We may change these terms.
        """
    )
    assert any(c.label == "1." for c in policy.walk())


# -- quoted instruments --------------------------------------------------------------------


def test_numbered_text_in_a_block_quote_is_quoted_not_numbered():
    policy = page(
        """\
        ## 1. Inventions

        The Harbour Act says:

        > 12. (b) A term that assigns an invention made on the
        > employee's own time is void.
        >
        > 13. No employer may require such a term.

        ## 2. Our practice
        We follow the Act.
        """
    )
    quoted = [c for c in policy.walk() if c.text.startswith("12.")]
    assert len(quoted) == 1 and not quoted[0].label
    assert quoted[0].text == (
        "12. (b) A term that assigns an invention made on the employee's own time is void.\n"
        "13. No employer may require such a term."
    )
    assert not any(c.label in ("12.", "13.", "(b)") for c in policy.walk())
    assert error_codes(policy) == []


def test_emphasis_running_across_quoted_lines_leaves_no_stray_marks():
    policy = page(
        """\
        ## 3. Adverts

        The rules say adverts shall not:

        > _(i) mislead the buyer;
        > (ii) hide their price._
        """
    )
    quoted = [c.text for c in policy.walk() if c.text.startswith("(i)")]
    assert quoted == ["(i) mislead the buyer;\n(ii) hide their price."]


def test_a_block_quote_without_labels_is_left_as_it_is():
    policy = page(
        """\
        ## 1. Contact

        Write to:

        > Harbour Office
        > Quay Street
        """
    )
    assert format_tree(policy) == "[1.] Contact |\n  [] Write to:\\nHarbour Office Quay Street"
