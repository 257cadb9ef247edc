"""A term defined again with one meaning is no duplicate: the document named twice, an inline
definition given again in its words. Defined again in other words, it is reported at the
full number of the first definition, with the two wordings."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Metadata, Policy


def _section(label: str, heading: str, *texts: str) -> Clause:
    section = Clause(label=label, heading=heading)
    section.children = [Clause(label=f"{at}.", text=text) for at, text in enumerate(texts, 1)]
    for child in section.children:
        child.parent = section
    return section


def _duplicates(*clauses: Clause) -> list:
    policy = Policy(Metadata(title="Harbour Storage Terms"), list(clauses))
    return [f for f in run_checks(policy) if f.code == "duplicate-definition"]


def test_a_definition_in_other_words_is_reported_at_the_full_number_with_both_wordings() -> None:
    text = _section(
        "11.",
        "Buying storage",
        "You may pay for storage by the month.",
        "You may buy storage from a harbour agent we appoint for your region (a “Reseller”); a "
        "Reseller may add its own terms.",
    )
    glossary = _section("18.", "Glossary", "Reseller means any company licensed to sell cold storage.")
    found = _duplicates(text, glossary)
    assert [(f.label, f.target) for f in found] == [("1.", "Reseller")]
    message = found[0].message
    assert "first defined in 11.2" in message  # not the "2." of the list item alone
    assert "“… a harbour agent we appoint for your region”" in message
    assert "“any company licensed to sell cold storage”" in message


def test_the_document_named_twice_is_not_a_duplicate() -> None:
    opening = Clause(text='These storage terms (these "Terms") apply to goods you leave with us.')
    again = "By storing goods you agree to be bound by these terms of use (“Terms”) and our prices."
    assert _duplicates(opening, Clause(label="1.", text=again)) == []
    more = 'These terms together with the Order Form (the "Terms") govern your storage.'
    assert [f.target for f in _duplicates(opening, Clause(label="1.", text=more))] == ["Terms"]


def test_an_inline_definition_given_again_in_its_words_is_not_a_duplicate() -> None:
    first = Clause(
        label="1.",
        text='If you live outside the European Economic Area ("EEA"), the United Kingdom and '
        'Switzerland ("Europe"), other terms apply.',
    )
    again = Clause(
        label="2.",
        text="If you are located in the European Economic Area, the United Kingdom or Switzerland "
        "(“Europe”), we store your goods in Rotterdam.",
    )
    assert _duplicates(first, again) == []
    other = Clause(
        label="2.",
        text="If you ship goods to our warehouses in Rotterdam or Antwerp (“Europe”), we insure them.",
    )
    assert [f.target for f in _duplicates(first, other)] == ["Europe"]


def test_a_pointer_to_where_a_term_is_defined_is_not_a_definition() -> None:
    pointer = Clause(
        label="2.",
        text="You may copy the Charts and share them with the crew of any vessel that you own or sail. "
        '(The terms "Charts" and "Soundings" are defined in the Harbour Licence.)',
    )
    definition = Clause(
        label="3.", text='"Soundings" means the depths we measure, and each Chart shows them.'
    )
    assert _duplicates(pointer, definition) == []
    defined_twice = Clause(label="2.", text='"Soundings" means the tide tables we print, with the Charts.')
    assert [f.target for f in _duplicates(defined_twice, definition)] == ["Soundings"]
