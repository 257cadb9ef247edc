"""Definitions nobody has to use: an abbreviation explained in passing, a gloss with two
names, the short name of a statute written in capitals."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text

TERMS = (
    "Harbour Ferry Terms",
    "1 Definitions",
    '1.1 "Crossing" means one trip of a ferry from one harbour to the other.',
    "2 Travel",
    "2.1 Each Crossing is tracked.",
)


def unused(*paragraphs: str) -> list[str]:
    policy = import_text("\n\n".join((*TERMS, *paragraphs)) + "\n")
    return [f.target for f in run_checks(policy) if f.code == "unused-definition"]


def test_an_abbreviation_spelt_out_in_passing_is_not_an_unused_definition() -> None:
    assert unused('2.2 Each ferry carries a Global Positioning System ("GPS") receiver.') == []
    assert unused('2.2 Our apps use software development kits ("SDKs") from others.') == []
    assert unused('2.2 Each ticket shows a Personalised Service ID ("PSID") for the crossing.') == []
    # letters that do not spell the words before them make a name of the document's own
    assert unused('2.2 Each crossing gets a number ("TXID") on the ticket.') == ["TXID"]


def test_a_gloss_with_two_names_and_a_statute_in_capitals_are_not_unused_definitions() -> None:
    gloss = '2.2 We may use so-called "flash cookies" (also known as "Local Shared Objects" or "LSOs").'
    assert unused(gloss) == []
    statute = '2.2 DISPUTES UNDER THE DIGITAL SERVICES ACT ("DSA") MAY GO TO A SETTLEMENT BODY.'
    assert unused(statute) == []


def test_a_term_defined_in_the_singular_and_plural_at_once_is_one_unused_definition() -> None:
    both = (
        '2.2 Our crews and agents (each, a "Harbour Party" and together, the "Harbour Parties") are insured.'
    )
    assert unused(both) == ["Harbour Party"]


def test_an_abbreviation_in_capitals_used_in_a_paragraph_written_in_capitals_is_used() -> None:
    shouting = (
        '3 NEITHER THE OPERATOR NOR ITS HARBOUR AGENTS (TOGETHER, "HFO") GIVE ANY WARRANTY.',
        "4 IN NO EVENT SHALL HFO BE LIABLE FOR (i) DELAYS CAUSED BY WEATHER OR (ii) STRIKES AT A HARBOUR.",
    )
    assert unused(*shouting) == []
    # its own quoted mention is not a use: named once and never again, it is unused
    assert unused(shouting[0], "4 IN NO EVENT SHALL THE OPERATOR BE LIABLE FOR DELAYS.") == ["HFO"]


def test_a_term_used_with_another_word_in_the_plural_or_in_other_capitals_is_used() -> None:
    # defined in the singular, used with its first word in the plural and a Latin plural
    addendum = (
        '2.2 "Crossing Addendum(a)" means the extra terms for one route.',
        "2.3 The Crossings Addenda apply to night ferries; each Crossings Addendum is on the website.",
    )
    assert unused(*addendum) == []
    # written with a hyphen and in other capitals than the definition's
    hyphen = (
        '2.2 We work with other harbours ("Partner Harbour Apps").',
        "2.3 Partner-Harbour Apps may show our timetable.",
    )
    assert unused(*hyphen) == []
    shouted = (
        '2.2 A copy of an older ticket (an "Earlier ISSUED TICKET") stays valid.',
        "2.3 Each Earlier Issued Ticket is honoured for one year.",
    )
    assert unused(*shouted) == []
    # its own quoted mention is still not a use
    assert unused(shouted[0]) == ["Earlier ISSUED TICKET"]
    # the words of the name in two paragraphs are not the name
    apart = (
        '2.2 Tickets bought at the pier ("Pier Harbour Tickets") are cash only.',
        "2.3 Ask at the pier\nHarbour Tickets are sold online too.",
    )
    assert unused(*apart) == ["Pier Harbour Tickets"]


def test_a_term_with_a_placeholder_is_a_pattern_its_uses_fill_in() -> None:
    # 'A section "Entitled XYZ" means ...': the uses write 'Entitled "History"'
    pattern = '1.2 A notice "Posted XYZ" means a notice whose title is XYZ.'
    assert unused(pattern, '2.2 Keep each notice Posted "Timetable" on the quay.') == []
    assert unused('1.2 "Berth ___" means the berth the ticket names.') == []
    # a term with no placeholder, never used, is still reported
    assert unused('1.2 A notice "Posted Timetable" means the timetable on the quay.') == ["Posted Timetable"]
