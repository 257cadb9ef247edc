"""The evidence a reader needs before accepting "X is used as a defined term but is not defined"
in a document of some length: it defines terms at all, X is used as a noun in several clauses
and capitalised more often than not, and X is no name, body, address or offer."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plutoeditor.checks import run_checks
from plutoeditor.checks.terms_memo import lower_uses, name_uses
from plutoeditor.importers.text import import_text

DEFINITIONS = (
    "Harbour Ferry Terms",
    "1 Definitions",
    '1.1 "Crossing" means one trip of a ferry from one harbour to the other.',
    '1.2 "Ticket Office" means the desk at each harbour where tickets are sold.',
)
#: clauses that say nothing about terms, so that the document is not a short notice
FILLER = tuple(
    f"{n} Item {n}\n\n{n}.1 A passenger keeps to the rules posted at the gangway on each Crossing, "
    f"and buys a ticket at the Ticket Office or in our app before boarding; a saver discount, a "
    f"commission or a fee for a harbour line at high tide is shown on the ticket."
    for n in range(3, 16)
)


def undefined(*paragraphs: str, definitions: tuple[str, ...] = DEFINITIONS) -> list[tuple[str, str]]:
    policy = import_text("\n\n".join((*definitions, *paragraphs, *FILLER)) + "\n")
    return [(f.target, f.message) for f in run_checks(policy) if f.code == "undefined-term"]


def targets(*paragraphs: str, definitions: tuple[str, ...] = DEFINITIONS) -> set[str]:
    return {target for target, _ in undefined(*paragraphs, definitions=definitions)}


USED_TWICE = (
    "2 Tickets",
    "2.1 Buy your ticket in the Ferry App, our app, before the Crossing, or at the Ticket Office.",
    "2.2 The Ferry App shows each ticket; show the Ferry App at the gangway.",
)


def test_a_term_used_as_a_noun_in_several_clauses_of_a_document_that_defines_terms_is_reported() -> None:
    assert targets(*USED_TWICE) == {"Ferry App"}


def test_a_phrase_used_in_one_clause_only_of_a_long_document_is_not_reported() -> None:
    one_clause = (
        "2 Tickets",
        "2.1 Buy your ticket in the Ferry App, our app, before the Crossing. The Ferry App shows each "
        "ticket; show the Ferry App at the gangway.",
    )
    assert targets(*one_clause) == set()


def test_a_phrase_used_only_twice_in_a_long_document_is_not_reported() -> None:
    twice = (
        "2 Tickets",
        "2.1 Buy your ticket in the Ferry App, our app, before the Crossing.",
        "2.2 We show each ticket in the Ferry App at the gangway.",
    )
    assert targets(*twice) == set()


def test_a_long_document_that_defines_nothing_reports_no_undefined_terms() -> None:
    plain = (
        "Harbour Ferry Terms",
        "1 Tickets",
        "1.1 Tickets are sold at the desk of each harbour, and the ferry leaves on time.",
    )
    assert targets(*USED_TWICE, definitions=plain) == set()


def test_a_phrase_written_in_lower_case_more_often_than_capitalised_is_not_reported() -> None:
    lower = (
        "2.3 The ferry app is free; any ferry app of another operator works too.",
        "2.4 A ferry app keeps your receipts, and the ferry app warns you of delays.",
    )
    assert targets(*USED_TWICE, *lower) == set()


def test_a_name_with_a_capital_the_or_an_address_is_not_reported() -> None:
    group = (
        "2 Operator",
        "2.1 Ferries are run by The Harbour Line, and the Harbour Line is the employer of every crew.",
        "2.2 Write to the Harbour Line at its office; the Harbour Line will answer within a week.",
    )
    assert targets(*group) == set()
    address = (
        "2 Tickets",
        "2.1 Buy your ticket at Tide.fm before the Crossing; the Tide site is open all night.",
        "2.2 Tickets from the Tide are valid; show the Tide at the gangway.",
    )
    assert "Tide" not in targets(*address)


def test_the_singular_and_plural_of_a_phrase_are_one_finding() -> None:
    plural = (
        "2.3 Each Ferry App account is personal; Ferry Apps of children are linked to a parent.",
        "2.4 We update the Ferry Apps each month.",
        "2.5 The Ferry Apps are free, and all Ferry Apps are updated by us.",
    )
    found = undefined(*USED_TWICE, *plural)
    assert [t for t, _ in found] == ["Ferry App"]
    alone = undefined(*USED_TWICE)[0][1]
    assert "(3 times, first here)" in alone and "(3 times" not in found[0][1]  # the plural's uses count


def test_a_body_or_an_offer_named_short_is_not_reported() -> None:
    names = (
        "2 Prices",
        "2.1 The Commission sets the fares, and the Saver Discount applies to children.",
        "2.2 We follow the Commission on fares; ask for the Saver Discount at the desk.",
        "2.3 The Commission publishes the fares, and the Saver Discount is shown on each ticket.",
    )
    assert targets(*names) == set()


def test_a_data_processing_agreement_takes_its_terms_from_the_agreement_it_belongs_to() -> None:
    dpa = ("Harbour Data Processing Agreement", *DEFINITIONS[1:])
    assert targets(*USED_TWICE, definitions=dpa) == set()


def _a_name_by_search(text: str, forms: tuple[str, ...]) -> bool:
    """The test as first written: one search of the whole text per form."""
    return any(
        re.search(rf"[a-z,] The {re.escape(form)}\b|(?<![\w.]){re.escape(form)}\.[a-z]{{2,}}\b", text)
        for form in forms
    )


_PIECES = ["a", "Z", ",", " ", ".", "The", "Meet", "fm", "_", "\n", "é"]


@given(
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
    st.lists(st.sampled_from(["Meet", "Last", "The Meet", "Meet.", "a"]), min_size=1, max_size=3),
)
@settings(max_examples=400)
def test_a_name_is_found_where_the_search_finds_it(text, forms):
    """The patterns are tried only where str.find puts their words (the search of a 1.5 MB
    text per phrase was most of the term checks' time): the same answer everywhere."""
    assert any(name_uses(text, form) for form in forms) == _a_name_by_search(text, tuple(forms))


_LOWER_PIECES = [*(p for p in _PIECES if p != "\n"), "meet", "-", "Meet.fm", "the"]


@given(
    st.lists(st.lists(st.sampled_from(_LOWER_PIECES), max_size=12).map("".join), max_size=6),
    st.sampled_from(["Meet", "Last", "The Meet", "Meet.", "a", "Z"]),
)
@settings(max_examples=400)
def test_what_the_clauses_say_of_a_form_adds_up_to_what_the_document_says(texts, form):
    """After an edit the counts are adjusted by what the edited clause said before and after,
    which holds only if they are sums over the clauses: no use spans two clauses."""
    joined = "\n".join(texts)
    assert sum(name_uses(text, form) for text in texts) == name_uses(joined, form)
    assert sum(lower_uses(text, form) for text in texts) == lower_uses(joined, form)


def test_a_phrase_described_in_the_definitions_section_is_defined_there() -> None:
    described = "1.3 Tickets may be shown in a Ferry App next to the notice; such a Ferry App is ours."
    uses = (
        "2 Gangway",
        "2.1 The crew reads the Ferry App of each passenger at the gangway.",
        "2.2 Passengers may ask for the Ferry App at the Ticket Office.",
        "2.3 The Ferry App is kept for a year; the Ferry App is never sold.",
    )
    assert "Ferry App" not in targets(*uses, definitions=(*DEFINITIONS, described))
    # first used outside the definitions, it is undefined
    assert "Ferry App" in targets(*uses)


def test_a_licence_read_with_the_licence_it_wraps_takes_its_terms_from_it() -> None:
    wrapper = (
        "Harbour Chart Licence",
        "This licence operates as a wraparound licence to the Sea Chart Licence and must be read in "
        "conjunction with it.",
        *DEFINITIONS[1:],
    )
    assert "Ferry App" not in targets(*USED_TWICE, definitions=wrapper)
    assert targets(*USED_TWICE) == {"Ferry App"}


def test_an_assessment_the_document_is_or_refers_to_is_a_document() -> None:
    assessment = (
        "2 Safety",
        "2.1 This Ferry Assessment covers the Crossing in winter; the Ferry Assessment is yearly.",
        "2.2 The Ferry Assessment names each risk; our Ferry Assessment is public.",
        "2.3 Each assessment is made by the crew.",
    )
    assert targets(*assessment) == set()


def test_a_phrase_whose_meaning_another_document_sets_out_is_defined_there() -> None:
    order = (
        "2 Gangway",
        "2.1 Show the Ferry App set forth in the Booking Form at the gangway.",
        "2.2 Passengers may ask for the Ferry App at the Ticket Office.",
        "2.3 The Ferry App is kept for a year; the Ferry App is never sold.",
    )
    assert "Ferry App" not in targets(*order)
    assert "Ferry App" in targets(order[0], *order[2:], "2.1 Show the Ferry App at the gangway.")


def test_the_tax_office_named_short_is_a_body() -> None:
    names = (
        "2 Prices",
        "2.1 The harbour tax is set by the Revenue; the revenue of a crossing pays the crew.",
        "2.2 We pay the Revenue each month, and the Revenue checks our books.",
        "2.3 The Revenue may change the tax; ask the Revenue for the rate.",
    )
    assert targets(*names) == set()
