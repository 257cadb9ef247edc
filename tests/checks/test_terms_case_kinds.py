"""A defined term's words written in lower case as one of several kinds of a thing, someone
else's, or modifying a head noun are the ordinary words, not the term in another case."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text
from plutoeditor.model.clause import Clause

TERMS = (
    "Harbour Ferry Terms",
    "1 Definitions",
    '1.1 "Public Transport" means the buses and trains we sell tickets for with a Crossing.',
    '1.2 "Mobile Apps" means our apps for phones.',
    '1.3 "Customer Data" means what we hold about a customer.',
    '1.4 "AI Models" means the models that plan our routes.',
    "2 Travel",
    "2.1 Public Transport tickets are sold in the Mobile Apps; Customer Data stays with us.",
    "2.2 We keep the Customer Data of each Public Transport ticket sold in the Mobile Apps.",
    "2.3 Public Transport runs hourly, and the Mobile Apps show it; Customer Data is private.",
    "2.5 The AI Models plan each Crossing; we test the AI Models, and the AI Models learn.",
)


def variants(*paragraphs: str) -> list[tuple[str, str]]:
    policy = import_text("\n\n".join((*TERMS, *paragraphs)) + "\n")
    return [(f.label, f.target) for f in run_checks(policy) if f.code == "term-case"]


def test_the_words_offered_as_one_kind_of_several_are_not_a_case_variant() -> None:
    assert variants("2.4 You may travel on to the harbour by car, or private or public transport.") == []
    assert variants("2.4 Others show ads on third-party websites and mobile apps.") == []
    assert variants("2.4 Some routes are planned by third party AI models.") == []
    assert variants("2.4 We delete customer data usage logs after a year.") == []
    # the term itself, written in lower case, stays a finding
    assert variants("2.4 We sell public transport tickets on board.") == [("2.4", "Public Transport")]


def test_apps_others_publish_and_such_apps_after_them_are_not_the_term() -> None:
    assert variants("2.4 Our pages link to mobile apps published by third parties.") == []
    assert variants("2.4 You may use mobile apps operated by other companies.") == []
    # "such mobile apps" after someone else's apps are those apps
    others = "2.4 We link to third-party mobile apps; we do not check such mobile apps."
    assert variants(others) == []
    # our own apps in lower case, or "such" with no one else's apps before it, stay findings
    assert variants("2.4 Ferries are shown in mobile apps published by us.") == [("2.4", "Mobile Apps")]
    assert variants("2.4 Tickets are in the Mobile Apps; such mobile apps are free.") == [
        ("2.4", "Mobile Apps")
    ]


def test_the_words_in_the_definition_of_another_term_are_the_ordinary_words() -> None:
    # a definition is written in general words: "customer data" there is any customer's data
    assert variants('1.5 "Route Data" means customer data and timetables that name no one.') == []
    assert variants("1.5 Harbour Fee means a fee for each public transport ticket.") == []
    # outside a definition, and in a paragraph that only mentions a meaning, it stays a finding
    assert variants("2.4 We never sell customer data.") == [("2.4", "Customer Data")]
    assert variants("2.4 This means we never sell customer data.") == [("2.4", "Customer Data")]
    # a definition clause ("Term: meaning") is one too
    glossary = (
        "Harbour Ferry Terms",
        "1 Definitions",
        "Public Transport: the buses and trains we sell tickets for.",
        "Harbour Fee: a fee for each public transport ticket.",
        "2 Travel",
        "2.1 Public Transport runs hourly; Public Transport is cheap.",
        "2.2 Public Transport tickets include the Harbour Fee; public transport is cheap.",
    )
    policy = import_text("\n\n".join(glossary) + "\n")
    assert [(f.label, f.target) for f in run_checks(policy) if f.code == "term-case"] == [
        ("2.2", "Public Transport")
    ]


def test_the_words_pointing_to_their_definition_are_not_a_slip() -> None:
    pointer = "2.4 Tickets for public transport (as defined in section 1) are valid for a day."
    assert variants(pointer) == []
    assert variants("2.4 Tickets for public transport (defined below) are valid for a day.") == []
    other = "2.4 Tickets for public transport (buses only) are valid for a day."
    assert variants(other) == [("2.4", "Public Transport")]


def test_a_category_of_copyright_law_in_lower_case_is_the_law_s_category() -> None:
    licence = (
        "Harbour Chart Licence",
        "1 Definitions",
        '1.1 "Derivative Work" means a chart made from the Harbour Chart.',
        "2 Licence",
        "2.1 You may share a Derivative Work; each Derivative Work names its source.",
        "2.2 A Derivative Work stays under this licence.",
    )
    concept = "2.3 Other licences require derivative works to be shared."
    policy = import_text("\n\n".join((*licence, concept)) + "\n")
    assert [f.target for f in run_checks(policy) if f.code == "term-case"] == []


def test_a_heading_line_in_sentence_case_is_not_a_slip() -> None:
    def with_line(line: str) -> list[str]:
        policy = import_text("\n\n".join(TERMS) + "\n")
        policy.clauses.append(Clause(text=line))  # a line the importer kept as a paragraph
        return [f.target for f in run_checks(policy) if f.code == "term-case"]

    assert with_line("Buying public transport tickets") == []
    # a sentence stays a finding
    assert with_line("We sell public transport tickets.") == ["Public Transport"]


def test_a_capital_after_a_hyphen_is_the_term_written_in_title_case() -> None:
    terms = (
        "Harbour Ferry Terms",
        "1 Definitions",
        '1.1 "Pick-up Point" means where a bus meets the ferry.',
        "2 Travel",
        "2.1 The Pick-up Point is shown on the ticket; each Pick-up Point has a shelter.",
        "2.2 Buses wait at the Pick-up Point.",
    )
    policy = import_text("\n\n".join((*terms, "2.3 Be at the Pick-Up Point early.")) + "\n")
    assert [f.target for f in run_checks(policy) if f.code == "term-case"] == []
    policy = import_text("\n\n".join((*terms, "2.3 Be at the pick-up point early.")) + "\n")
    assert [f.target for f in run_checks(policy) if f.code == "term-case"] == ["Pick-up Point"]


def test_the_words_modifying_rights_rules_or_requests_are_not_the_term() -> None:
    assert variants("2.4 We answer customer data requests within a month.") == []
    assert variants("2.4 Our public transport rules are posted at each stop.") == []
    assert variants("2.4 You may use your customer data rights at any time.") == []


def test_the_words_describing_another_term_defined_inline_are_the_ordinary_words() -> None:
    inline = "2.4 We link to sites, apps and other mobile apps of partners (hereinafter “Partner Apps”)."
    assert variants(inline) == []
    assert variants("2.4 Fares for public transport (the “Harbour Fares”) change in May.") == []
    # the term itself, then another sentence defining something, stays a finding
    assert variants("2.4 We sell public transport tickets. Our partners (the “Partners”) too.") == [
        ("2.4", "Public Transport")
    ]


def test_the_words_in_the_term_s_own_explanation_are_not_a_slip() -> None:
    own = "2.4 We share Customer Data (such as anonymous customer data and route counts) with ports."
    assert variants(own) == []
    assert variants("2.4 We share Customer Data with ports (but never customer data of children).") == [
        ("2.4", "Customer Data")
    ]


def test_a_plain_language_summary_uses_ordinary_words() -> None:
    assert variants("2.4 In summary: we keep customer data safe and never sell it.") == []
    assert variants("2.4 Short version: your customer data stays with us.") == []
    assert variants("2.4 In the summary we keep customer data safe.") == [("2.4", "Customer Data")]


def test_a_government_as_one_kind_of_the_thing_is_another_category() -> None:
    assert variants("2.4 If you are a U.S. Government end user of public transport, ask the crew.") != []
    assert variants("2.4 We sell tickets for U.S. Government public transport too.") == []
    assert variants("2.4 Federal public transport passes are free.") == []


def test_the_words_before_an_inline_definition_coins_a_term_from_them_are_the_ordinary_words() -> None:
    def found(*paragraphs: str) -> list[tuple[str, str]]:
        policy = import_text("\n\n".join(paragraphs) + "\n")
        return [(f.label, f.target) for f in run_checks(policy) if f.code == "term-case"]

    opening = "1 About\n\n1.1 This licence covers the harbour timetable software we publish."
    coined = (
        "2 Grant\n\n2.1 We license this harbour timetable software "
        '(the "Timetable Software") to you.\n\n'
        "2.2 You may copy the Timetable Software; the Timetable Software is free.\n\n"
        "2.3 The Timetable Software runs daily."
    )
    # before the term is coined from its words, they are ordinary words
    assert found(opening, coined) == []
    # after it, the same words in lower case are the term in another case
    later = "3 Use\n\n3.1 You may share the timetable software with friends."
    assert found(coined, later) == [("3.1", "Timetable Software")]
    # a term defined in a definitions clause has no "before": the preamble rule decides there
    listed = (
        '2 Definitions\n\n2.1 "Timetable Software" means the harbour timetable software.\n\n'
        "2.2 You may copy the Timetable Software; the Timetable Software is free.\n\n"
        "2.3 The Timetable Software runs daily."
    )
    preamble = "1 About\n\n1.1 Copy the timetable software freely."
    assert found(preamble, listed) == [("1.1", "Timetable Software")]


def test_a_sentence_that_names_a_law_speaks_in_the_laws_words() -> None:
    # the law's own concept, in a sentence that cites the law: not the document's term
    assert variants("2.4 Under the CCPA you may ask which customer data a business holds.") == []
    assert variants("2.4 Harbour law requires us to tell you what customer data we keep.") == []
    assert variants("2.4 We sell no customer data (as those terms are defined under local rules).") == []
    assert variants("2.4 The Privacy Act lets you see the customer data an agency holds.") == []
    # a law's name in the next sentence, or only "applicable law", changes nothing
    assert variants("2.4 We never sell customer data. The GDPR applies.") == [("2.4", "Customer Data")]
    assert variants("2.4 Applicable law says we keep customer data a year.") == [("2.4", "Customer Data")]
    # nor does a defined term that merely ends in "Code"
    code = (
        '1.5 "Source Code" means the files we edit.',
        "2.4 You may see the source code on request.",
        "2.6 The Source Code is ours, and each Crossing uses the Source Code.",
    )
    assert variants(*code) == [("2.4", "Source Code")]


def test_the_words_said_to_be_someone_elses_concept_are_not_the_term() -> None:
    contrast = (
        "2.4 A claim that is not Customer Data under these terms may still be customer data "
        "pursuant to the regulator's own rules."
    )
    assert variants(contrast) == []
    assert variants("2.4 We list customer data as defined in the port authority's code.") == []
    # under this document's own rules it is the term, in another case
    own = "2.4 We keep customer data under the terms of this Agreement."
    assert variants(own) == [("2.4", "Customer Data")]
