"""Definition forms a policy writes that a reader takes for definitions, so their terms are
neither undefined nor reported against a definition that is not there."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.checks.terms import TERM_CODES
from plutoeditor.checks.terms_index import term_index
from plutoeditor.importers.text import import_text
from plutoeditor.model.policy import Policy


def page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def defined(text: str) -> set[str]:
    policy: Policy = import_text(text)
    return {name for d in term_index(policy).definitions for name in d.names}


def findings(text: str, code: str) -> list[tuple[str, str]]:
    policy: Policy = import_text(text)
    return [(f.label, f.target) for f in run_checks(policy) if f.code in TERM_CODES and f.code == code]


HEAD = (
    "Harbour Ferry Terms",
    "1 Definitions",
    '1.1 "Crossing" means one trip of a ferry from one harbour to the other.',
    '1.2 "Ticket Office" means the desk at each harbour where tickets are sold.',
)


def test_a_short_definition_without_the_commonest_english_words_is_read() -> None:
    # no " the ", " and ", " of ", " to ": still English, and a definition
    text = page(
        *HEAD,
        '1.3 "Media Item" means any book, magazine or other publication, sound recording, video '
        "recording, software product, computer game, or any similar item in any format, including "
        "any subscription, sold on board.",
    )
    assert "Media Item" in defined(text)


def test_a_definition_written_in_a_clause_that_has_only_a_heading_is_read() -> None:
    policy = import_text(page(*HEAD, "2 Orders"))
    clause = next(c for c in policy.walk() if c.label == "2")
    clause.heading = (
        "This Agreement governs all applications for the services (each referred to as a "
        "“Service Order”). The terms of the Service Order prevail."
    )
    clause.text = ""
    assert "Service Order" in {n for d in term_index(policy).definitions for n in d.names}


def test_a_quoted_term_with_a_plural_ending_in_parentheses_is_read() -> None:
    text = page(
        *HEAD,
        "1.3 Our ferries and the other boats we run (collectively the “Vessel(s)”) carry passengers.",
        '1.4 Any harbour where we land (herein “Landing(s)” or "Pier(s)") is listed on the board.',
    )
    assert {"Vessel", "Landing", "Pier"} <= defined(text)


def test_a_bold_term_followed_by_a_comma_and_means_is_read() -> None:
    text = page(*HEAD, "1.3 **Passenger**, means a person travelling on a Crossing with a ticket.")
    assert "Passenger" in defined(text)


def test_hereinafter_with_a_colon_defines_the_term() -> None:
    text = page(*HEAD, "1.3 These terms bind the person who books (hereinafter: Booking Party) and us.")
    assert "Booking Party" in defined(text)


def test_a_term_on_a_line_of_its_own_ending_in_a_colon_with_its_meaning_below_is_defined() -> None:
    text = page(
        "Harbour Ferry Terms",
        "1. Definitions",
        "Account:",
        "the record we keep for each passenger who registers.",
        "Fee:",
        "the price of a crossing.",
        "2. Paying",
        "2.1 You pay the Fee from your Account; the Fee is taken when you board, and your Account shows it.",
        "2.2 We refund the Fee to your Account when a crossing is cancelled.",
    )
    assert {"Account", "Fee"} <= defined(text)
    assert findings(text, "undefined-term") == []


def test_a_quoted_term_in_capitals_in_parentheses_in_each_case_is_read() -> None:
    text = page(
        *HEAD,
        '1.3 YOU MUST REGISTER FOR EACH HARBOUR YOU SAIL FROM (IN EACH CASE, THE "HOME HARBOUR").',
    )
    assert "HOME HARBOUR" in defined(text)


def test_a_paragraph_saying_what_the_term_is_or_glossing_it_defines_it() -> None:
    text = page(
        *HEAD,
        "1.3 The Operator is a company licensed to run ferries between the two harbours.",
        "1.4 The Skipper (the person in command of a ferry on a Crossing) decides who boards.",
    )
    assert {"Operator", "Skipper"} <= defined(text)
    assert "Skipper" not in defined(page(*HEAD, "1.3 The Skipper decides who boards (at the gangway)."))
