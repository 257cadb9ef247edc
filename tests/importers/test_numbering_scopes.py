"""A list that numbers from 1 again under a title is that title's own list, not duplicates.

Each fixture is a small document in one layout real policies use: sections written as
bold titles with their own lists, division titles ("ARTICLE 3", "II.") over lists that
restart, roman divisions holding lettered items. The assertion is the tree a reader sees
and that no numbering error is reported.
"""

from __future__ import annotations

import textwrap

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy


def read(source: str, name: str = "terms.md") -> Policy:
    return import_text(textwrap.dedent(source).lstrip(), name)


def errors(policy: Policy) -> list[str]:
    return [f"{f.code} {f.label}" for f in run_checks(policy) if f.is_error]


def labels(clauses: list[Clause]) -> list[str]:
    return [c.label for c in clauses if c.label]


def test_a_list_from_one_under_a_bold_section_title_is_its_own_even_with_sub_items():
    policy = read(
        """\
        # Marketplace Terms

        **1\\. About us**

        We run the marketplace.

        **2\\. Selling**

        To sell, follow these steps.

        1\\. Create an offer:

        1.1. choose a category;

        1.2. upload pictures.

        2\\. Confirm the offer.

        **3\\. Sorting**

        Offers are sorted by date.

        1\\. Promoted offers are shown first.

        2\\. All other offers follow.

        **4\\. Closing**

        We may close the marketplace.
        """
    )
    sections = policy.clauses  # the level-1 heading is the document's title
    assert labels(sections) == ["1.", "2.", "3.", "4."]
    selling, sorting = sections[1], sections[2]
    assert labels(selling.children) == ["1.", "2."]
    assert labels(selling.children[0].children) == ["1.1.", "1.2."]
    assert labels(sorting.children) == ["1.", "2."]
    assert errors(policy) == []


def test_a_list_from_one_under_a_bold_sub_section_title_is_its_own():
    policy = read(
        """\
        **1\\. Courier delivery**

        **1.1 Words used**

        A courier brings the parcel.

        **1.2 How delivery works**

        1\\. The seller books the courier.

        2\\. The buyer pays on delivery.

        **2\\. Returns**

        Returns are free.
        """
    )
    assert labels(policy.clauses) == ["1.", "2."]
    how = policy.clauses[0].children[-1]
    assert how.label == "1.2"
    assert labels(how.children) == ["1.", "2."]
    assert errors(policy) == []


def test_an_article_title_closes_the_list_before_it_and_holds_its_own():
    policy = read(
        """\
        # Conditions of Hire

        In these conditions:

        1. "Hirer" means the person who books.
        2. "Vehicle" means the car hired.

        ARTICLE 1 - BOOKING

        1. A booking is final.
        2. We confirm it by email.

        ARTICLE 2 - PRICE

        1. The price is shown before booking.
        """
    )
    articles = [c for c in policy.clauses if c.label.startswith("ARTICLE")]
    assert [c.parent for c in articles] == [None, None]
    assert [labels(a.children) for a in articles] == [["1.", "2."], ["1."]]
    assert errors(policy) == []


def test_a_roman_title_closes_the_numbered_list_before_it():
    policy = read(
        """\
        Conditions of Hire

        In these conditions:

        1. "Hirer" means the person who books.

        2. "Vehicle" means the car hired.

        I. Booking

        1. A booking is final.

        2. We confirm it by email.

        II. Price

        1. The price is shown before booking.
        """,
        "hire.md",
    )
    romans = [c for c in policy.clauses if c.label in ("I.", "II.")]
    assert [labels(c.children) for c in romans] == [["1.", "2."], ["1."]]
    assert errors(policy) == []


def test_indented_letter_items_under_a_roman_title_are_its_items():
    policy = read(
        """\
        I. USING THE APP

                  A. Age. You must be 16 or older.

                  B. Devices. You need a phone.

        II. FEATURES

                  A. Backup. We keep a copy of your data.

                  B. Sharing. You can share albums.

        III. PAYING

                  A. Price. Plans are paid monthly.

                  B. Refunds. You may cancel within 14 days.

                  C. Taxes. Prices include taxes.

                  D. Currency. We bill in euros.

                  E. Changes. We announce price changes.

        IV. ENDING

                  A. By you. You may stop at any time.
        """,
        "app.md",
    )
    assert labels(policy.clauses) == ["I.", "II.", "III.", "IV."]
    assert policy.clauses[0].heading == "USING THE APP"
    assert [labels(c.children) for c in policy.clauses] == [
        ["A.", "B."],
        ["A.", "B."],
        ["A.", "B.", "C.", "D.", "E."],
        ["A."],
    ]
    assert errors(policy) == []


def test_the_next_roman_numeral_after_its_lettered_items_is_not_a_letter():
    policy = read(
        """\
        IV. Paying

        A. Price. Plans are paid monthly.

        B. Refunds. You may cancel within 14 days.

        C. Taxes. Prices include taxes.

        D. Currency. We bill in euros.

        E. Changes. We announce price changes.

        V. Ending

        A. By you. You may stop at any time.
        """,
        "app.txt",
    )
    assert labels(policy.clauses) == ["IV.", "V."]
    assert labels(policy.clauses[1].children) == ["A."]


def test_numbered_paragraphs_run_on_across_parallel_group_headings():
    policy = read(
        """\
        Right to Copy

        (1)  You may copy the manual.

        Right to Share

        (2)  You may share it with colleagues.

        (3)  You may quote from it.
        """,
        "manual.txt",
    )
    assert [(c.heading, labels(c.children)) for c in policy.clauses] == [
        ("Right to Copy", ["(1)"]),
        ("Right to Share", ["(2)", "(3)"]),
    ]
    assert errors(policy) == []


def test_a_title_over_the_first_section_stays_the_title():
    policy = read(
        """\
        Rental Terms

        1. Scope

        These terms cover every rental.

        Delivery

        2. Price

        The price is shown before booking.
        """,
        "rental.txt",
    )
    assert policy.metadata.title == "Rental Terms"


def test_a_numbered_title_in_capitals_after_a_capitals_heading_list_is_the_next_section():
    policy = read(
        """\
        # Hosting Agreement

        INTERPRETATION

        1. "Host" means us.
        2. "Site" means your website.

        2. FEES AND PAYMENT
        """
    )
    assert [(c.heading or c.text, labels(c.children)) for c in policy.clauses] == [
        ("INTERPRETATION", ["1.", "2."]),
        ("FEES AND PAYMENT", []),
    ]
    # "1" is the unnumbered INTERPRETATION title: the gap before "2." is at most a warning
    assert errors(policy) == []


def test_a_flattened_list_under_a_list_item_written_as_a_title_is_its_own():
    policy = read(
        """\
        # Marketing

        1. **Newsletter**

        You can subscribe in the app.

        1. We record your consent.
        2. You can unsubscribe at any time.

        2. **Offers**

        1. We send offers by email.
        2. You can opt out.
        """
    )
    assert [(c.heading, labels(c.children)) for c in policy.clauses if c.label] == [
        ("Newsletter", ["1.", "2."]),
        ("Offers", ["1.", "2."]),
    ]
    assert errors(policy) == []


def test_sub_clauses_on_the_lines_under_a_list_item_are_clauses_of_their_own():
    policy = read(
        """\
        # Supply Terms

        1. Scope. These terms govern supply.

        2. Orders
        2.1. Placing orders. The buyer orders in writing, stating:
        (a) the product,
        (b) the quantity.
        2.2. Accepting orders
        (a) By notice. We accept in writing.
        (b) By delivery. Delivery is acceptance.

        3. Delivery. We deliver to your site.
        """
    )
    orders = policy.clauses[1]
    assert orders.heading == "Orders"
    assert labels(orders.children) == ["2.1.", "2.2."]
    assert [labels(c.children) for c in orders.children] == [["(a)", "(b)"], ["(a)", "(b)"]]
    assert errors(policy) == []


def test_a_bold_article_title_after_paragraphs_and_bullets_is_the_next_article():
    policy = read(
        """\
        **ARTICLE 1 – CANCELLATION**

        You may cancel within fourteen days.

        If the hire has started, you pay:

        *   for the days used;
        *   for the fuel used.

        **ARTICLE 2 – PRICE**

        The price is shown before booking.

        If you pay late, we may charge:

        *   interest;
        *   a fixed fee.

        **ARTICLE 3 – LAW**

        French law applies.
        """
    )
    articles = [c for c in policy.clauses if c.label]
    assert [c.label for c in articles] == ["ARTICLE 1", "ARTICLE 2", "ARTICLE 3"]
    assert errors(policy) == []


def test_a_second_copy_of_the_document_on_the_page_is_its_own_scope():
    policy = read(
        """\
        # Privacy Notice

        ## 1. Who we are

        We run the shop.

        ## 2. What we collect

        We collect your address.

        **Welcome!** This notice explains how we use your data.

        ## 1. Who we are

        We run the shop and the app.

        ## 2. What we collect

        We collect your address and your orders.
        """
    )
    numbered = [c for root in policy.clauses for c in root.walk() if c.label]
    assert [c.label for c in numbered] == ["1.", "2.", "1.", "2."]
    assert numbered[2].parent is not None and numbered[0].parent is None
    assert errors(policy) == []


def test_paragraphs_under_a_bold_section_title_stay_in_that_section():
    policy = read(
        """\
        # Privacy

        **8\\. Your Choices**

        Depending on where you live, you may have these rights.

        To use them, write to us.

        **(1) Access**

        You may ask for a copy of your data.

        **(2) Correction**

        You may ask us to correct it.

        **9\\. Children**

        Our services are for adults.

        **(1) Where we check ages**

        We ask for a date of birth.

        Parents may withdraw consent.

        **(2) Where we do not**

        We rely on what you tell us.
        """
    )
    choices, children = policy.clauses[0].children, policy.clauses[1].children
    assert labels(choices) == ["(1)", "(2)"]
    assert labels(children) == ["(1)", "(2)"]
    assert errors(policy) == []
