"""A term defined again in a copy of its passage is not a duplicate definition: the page holds
a document twice, or a part written again for other readers; nor in a licence's file notice."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy


def duplicates(*paragraphs: str) -> list[tuple[str, str]]:
    policy = import_text("\n\n".join(paragraphs) + "\n")
    return [(f.label, f.target) for f in run_checks(policy) if f.code == "duplicate-definition"]


def test_a_definition_in_a_part_written_again_for_other_readers_is_not_a_duplicate() -> None:
    part = (
        "You shall hold us harmless from all claims, costs and losses arising from your use of the "
        'ferry (collectively, "Claims"), and you shall pay the Claims within a month.'
    )
    text = (
        "Harbour Ferry Terms",
        "1 Passengers",
        "1.1 THIS SECTION APPLIES TO YOU IF YOU TRAVEL AS A PASSENGER.",
        f"1.2 {part}",
        "2 Hauliers",
        "2.1 THIS SECTION APPLIES TO YOU IF YOU SHIP GOODS WITH US.",
        f"2.2 {part.replace('use of the ferry', 'shipments on the ferry')}",
    )
    assert duplicates(*text) == []
    other = (
        "You shall hold us harmless from any fine a harbour master imposes on a vessel because of "
        'your cargo or your vehicle (the "Claims").'
    )
    assert duplicates(*text[:-1], f"2.2 {other}") == [("2.2", "Claims")]


def test_a_licence_notice_naming_the_licence_is_not_a_second_definition() -> None:
    text = (
        "Harbour Public Licence",
        '1. This licence (the "License") lets anyone copy the charts.',
        "2. You may copy the charts if you keep this notice.",
        "Appendix: notice",
        'Licensed under the Harbour Public Licence (the "License"); you may not use these charts '
        "except in compliance with the License.",
    )
    assert duplicates(*text) == []


def test_each_notice_of_a_page_that_holds_several_defines_its_own_terms() -> None:
    text = (
        "Harbour Privacy Notices",
        "1 Passengers",
        '1.1 This notice covers passengers who keep a travel account with us (the "Account"), '
        "and what we hold in the Account.",
        "1.2 We keep the Account for as long as you travel with us, and a year after that.",
        "2 Hauliers",
        "2.1 This notice covers hauliers who register a business account for their lorries (the "
        '"Account"), and what the Account holds.',
        "2.2 We close the Account when the haulier stops shipping with us.",
    )
    policy = import_text("\n\n".join(text) + "\n")
    assert _duplicates(policy) == [("2.1", "Account")]
    # the first notice ends with its date line (the Markdown of a captured page keeps it)
    policy.insert(None, 1, Clause(label="", text="This notice was last updated on 1 May 2026."))
    assert _duplicates(policy) == []


def _duplicates(policy: Policy) -> list[tuple[str, str]]:
    return [(f.label, f.target) for f in run_checks(policy) if f.code == "duplicate-definition"]


def test_a_glossary_entry_restating_an_inline_definition_is_not_a_duplicate() -> None:
    inline = "2.1 Crew members may accept feedback, ideas and suggestions from passengers (“Suggestions”)."
    restated = '3.1 "Suggestions" means any feedback, ideas or suggestions a passenger sends to the crew.'
    text = ("Harbour Ferry Terms", "1 Travel", "1.1 We sail daily.", "2 Feedback", inline, "3 Definitions")
    assert duplicates(*text, restated) == []
    # a glossary entry that says something else is still a second definition
    other = '3.1 "Suggestions" means the notes a harbour master files about a crossing.'
    assert duplicates(*text, other) == [("3.1", "Suggestions")]


def test_a_title_naming_the_term_then_its_definition_is_not_a_duplicate() -> None:
    title = 'Harbour Ferry Data Terms ("Data Terms")'
    body = "These Harbour Ferry Data Terms (“Data Terms”) apply to every crossing booked online."
    rest = ("1 Scope", "1.1 The Data Terms cover bookings.", "1.2 The Data Terms end with the booking.")
    assert duplicates("Harbour Ferry Terms", "1 Travel", "1.1 We sail daily.", title, body, *rest) == []
    # two definitions in running text are two
    again = "2.1 Our notices (“Data Terms”) may change."
    assert duplicates(
        "Harbour Ferry Terms", "1 Travel", "1.1 We sail daily.", body, *rest, "2 Notices", again
    ) == [("2.1", "Data Terms")]
