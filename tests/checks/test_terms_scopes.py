"""Defined terms per instrument: a page holding several instruments, schedules, copies and
terms taken from another document; and the uses a reader counts (headings, plurals, hyphens)."""

from __future__ import annotations

from plutoeditor.checks import Checker, run_checks
from plutoeditor.checks.terms import TERM_CODES
from plutoeditor.checks.terms_scopes import borrows_terms, instrument_title
from plutoeditor.importers.text import import_text
from plutoeditor.model.operations import SetClauseField
from plutoeditor.model.policy import Policy


def findings(text: str, code: str) -> list[tuple[str, str]]:
    policy: Policy = import_text(text)
    return [(f.label, f.target) for f in run_checks(policy) if f.code in TERM_CODES and f.code == code]


def page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


TERMS = (
    "Harbour Storage Terms",
    "1 Definitions",
    '1.1 "Stored Goods" means the goods a customer leaves with us for safe keeping.',
    '1.2 "Storage Fee" means the monthly price of keeping the Stored Goods.',
    "2 Storage",
    "2.1 We keep the Stored Goods in a locked unit and charge the Storage Fee each month in advance.",
    "2.2 We insure the Stored Goods against fire and theft while they are kept in our unit.",
)
SECOND = (
    "Harbour Data Processing Agreement",
    "1 Definitions",
    '1.1 "Stored Goods" means any personal data held in the records of the goods we keep for a customer.',
    "2 Processing",
    "2.1 We process the Stored Goods only on the written instructions of the customer, and we "
    "keep a record of each instruction for a year after the storage fee is last paid.",
    "2.2 We keep the Stored Goods confidential and let no one see them except our own staff.",
)


def test_each_instrument_on_a_page_defines_its_own_terms() -> None:
    text = page(*TERMS, *SECOND)
    assert findings(text, "duplicate-definition") == []  # each agreement defines "Stored Goods" once
    # "the storage fee" in the second agreement is not its term: the first defines it
    assert findings(text, "term-case") == []


def test_within_one_instrument_a_second_definition_and_a_variant_are_still_found() -> None:
    text = page(
        *TERMS,
        '2.3 "Stored Goods" means only the boxes we collect from a customer.',
        "2.4 We may raise the storage fee once a year after giving a month's notice of the change.",
        "2.5 The Storage Fee is paid by card. A late Storage Fee bears interest.",
    )
    assert findings(text, "duplicate-definition") == [("2.3", "Stored Goods")]
    assert findings(text, "term-case") == [("2.4", "Storage Fee")]


def test_an_annex_quoting_other_clauses_is_an_instrument_of_its_own() -> None:
    annex = (
        "Annex 1",
        "The clauses below are quoted as the regulator published them. The importer shall keep the "
        "stored goods safe and the exporter shall pay the storage fee when the regulator asks it to.",
        "The importer shall tell the exporter of any loss of the stored goods within three days.",
    )
    assert findings(page(*TERMS, *annex), "term-case") == []


def test_a_second_copy_of_the_terms_on_the_page_does_not_define_them_again() -> None:
    copy = ("Previous version, in force until 1 May 2024", *TERMS[1:])
    assert findings(page(*TERMS, *copy), "duplicate-definition") == []


def test_a_definition_for_one_schedule_governs_that_schedule() -> None:
    schedule = (
        "3 Collection",
        '3.1 In this Section 3, "Stored Goods" means only the goods we collect from the customer\'s address.',
        "3.2 We collect the Stored Goods within five working days of a request.",
    )
    assert findings(page(*TERMS, *schedule), "duplicate-definition") == []


def test_terms_taken_from_another_document_are_not_undefined() -> None:
    addendum = page(
        "Harbour Insurance Addendum",
        "1 Scope",
        "1.1 Capitalised terms not defined in this Addendum have the meanings given to them in the "
        "Storage Agreement between the customer and us.",
        "2 Cover",
        "2.1 We insure the Stored Goods for the Declared Value of each box in the Storage Unit.",
        "2.2 A claim for the Declared Value of the Stored Goods must reach us within a month of the "
        "loss, with a list of what was in the Storage Unit. The value declared for a storage unit "
        "is the value of the goods in it.",
    )
    assert findings(addendum, "undefined-term") == []
    without = addendum.replace(
        "Capitalised terms not defined in this Addendum have the meanings given to them in",
        "This Addendum forms part of",
    )
    assert ("2.1", "Storage Unit") in findings(without, "undefined-term")


def test_a_page_that_starts_in_the_middle_of_an_instrument_reports_no_undefined_terms() -> None:
    excerpt = page(
        "Article 19 Retention",
        "19.1 We keep the Client Records for the Retention Period and then delete the Client Records.",
        "19.2 The Client Records are kept in the European Union for the whole Retention Period.",
        "19.3 The period of retention of the records of each client is set by law.",
    )
    assert findings(excerpt, "undefined-term") == []
    whole = excerpt.replace("Article 19", "Article 1").replace("19.", "1.")
    assert findings(whole, "undefined-term") != []


def test_a_term_named_in_a_heading_or_written_with_a_hyphen_or_in_the_plural_is_used() -> None:
    text = page(
        *TERMS,
        '2.3 Goods we hold for a partner (each a "Partner Box", together the "Partner Boxes") '
        "are kept apart.",
        '2.4 Goods another customer lends us (the "Third Party Goods") are kept apart too.',
        "3 Returning Partner Boxes",
        "3.1 We return each box the day after a request. We check third-party goods before they leave.",
    )
    assert findings(text, "unused-definition") == []
    assert findings(text.replace("3 Returning Partner Boxes", "3 Returning"), "unused-definition") == [
        ("2.3", "Partner Box"),
        ("2.3", "Partner Boxes"),
    ]


def test_the_short_name_of_a_statute_or_a_gloss_is_not_an_unused_definition() -> None:
    text = page(
        *TERMS,
        '2.3 We follow the Storage Industry Act ("SIA") and the rules of the Office of Harbour '
        'Control ("OHC").',
        '2.4 Some boxes carry tracking tags (also known as "Smart Labels") that we do not read.',
        '2.5 A customer may name someone to collect goods for them (the "Collector").',
    )
    assert findings(text, "unused-definition") == [("2.5", "Collector")]


def test_a_longer_capitalised_name_is_not_a_variant_of_the_term_inside_it() -> None:
    text = page(
        "Harbour Privacy Notice",
        "1 Definitions",
        '1.1 "Data Subject" means the person whom personal data is about.',
        '1.2 "Customer Data" means data we hold about a customer.',
        "2 Rights",
        "2.1 A Data Subject may ask for a copy of the data. We answer each Data Subject within a month.",
        "2.2 We treat Personal Data subject to a court order as the order says.",
        "2.3 We tell every data subject when we change this notice.",
    )
    assert findings(text, "term-case") == [("2.3", "Data Subject")]


def test_glossary_entries_with_a_dash_and_each_a_phrases_define_terms() -> None:
    text = page(
        "Harbour Ferry Terms",
        "1 Definitions",
        "1.1 Passenger – a person who books a crossing with us.",
        "1.2 Operators of each vessel (each a Ferry Operator) carry the Passenger.",
        "2 Crossings",
        "2.1 The Passenger must arrive an hour early. The Ferry Operator may refuse a late Passenger.",
        "2.2 Every Ferry Operator keeps a list of each Passenger on board.",
        "2.3 A passenger under sixteen travels with an adult, and the operator of the ferry may "
        "ask for proof.",
    )
    assert findings(text, "undefined-term") == []


def test_alternative_definitions_offered_in_a_template_are_not_duplicates() -> None:
    text = page(
        "Harbour Licence Template",
        "1 Definitions",
        '1.1 [ ] A. "Affiliate" means a company that controls us.',
        '1.2 [ ] B. "Affiliate" means a company that controls us or that we control, at the '
        "date of the licence.",
        "2 Use",
        "2.1 An Affiliate may use the software. Each Affiliate keeps its own copy.",
    )
    assert findings(text, "duplicate-definition") == []


def test_the_shapes_of_titles_and_of_borrowed_terms() -> None:
    assert instrument_title("Data Processing Agreement (DPA)")
    assert instrument_title("BREVO PAYMENT TERMS AND CONDITIONS")
    assert not instrument_title("Entire Agreement")
    assert not instrument_title("Changes to these Terms and Conditions")
    assert borrows_terms(
        "Capitalized terms used but not defined herein have the meanings set forth in the Terms."
    )
    assert not borrows_terms("Capitalised terms have the meanings given to them in this Agreement.")
    assert not borrows_terms("The following capitalised terms have the following meanings:")


def test_an_edit_that_makes_an_instrument_borrow_its_terms_is_seen_on_the_next_check() -> None:
    policy = import_text(
        page(
            "Harbour Insurance Addendum",
            "1 Scope",
            "1.1 This Addendum forms part of the Storage Agreement between the customer and us.",
            "2 Cover",
            "2.1 We insure the goods in the Storage Unit. A claim for the goods in the Storage Unit "
            "must reach us within a month. The value of a storage unit is the value of the goods in it.",
        )
    )
    checker = Checker(policy)
    try:
        assert "Storage Unit" in {f.target for f in checker.findings() if f.code == "undefined-term"}
        clause = next(c for c in policy.walk() if c.label == "1.1")
        borrowing = (
            "Capitalised terms not defined in this Addendum have the meanings given in the Storage Agreement."
        )
        SetClauseField(clause.id, "text", borrowing).apply(policy)
        assert [f for f in checker.findings() if f.code == "undefined-term"] == []
    finally:
        checker.close()
