"""How a change inside a clause is worded: its sentence as it now reads, with what it was."""

from __future__ import annotations

from plutoeditor.compare.worddiff import word_diff
from plutoeditor.summary.phrasing import changed_sentences, sentence_spans
from plutoeditor.summary.segments import segments_of


def _said(old: str, new: str) -> list[str]:
    return changed_sentences(new, old, segments_of(word_diff(old, new)))


def test_abbreviations_do_not_end_a_sentence():
    text = "Transfers follow the EU-U.S. Data Privacy Framework, e.g. for GitHub Inc. staff. We tell you."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Transfers follow the EU-U.S. Data Privacy Framework, e.g. for GitHub Inc. staff.",
        "We tell you.",
    ]
    old = "If there is any conflict between this policy and the EU-U.S. Principles, the Principles govern."
    new = old.replace("this policy", "this statement")
    assert _said(old, new) == [
        "If there is any conflict between this statement (was “policy”) and the EU-U.S. Principles, "
        "the Principles govern."
    ]


def test_amounts_and_periods_keep_their_unit_and_currency():
    old = "You must pay £10 within 14 days of the invoice."
    new = "You must pay £12 within 30 business days of the invoice."
    assert _said(old, new) == ["You must pay £12 (was £10) within 30 business days (was 14) of the invoice."]


def test_only_the_first_three_changed_sentences_are_quoted():
    old = "One a. Two b. Three c. Four d. Five e."
    new = "One x. Two y. Three z. Four w. Five e."
    said = _said(old, new)
    assert said[:3] == ["One x (was “a”).", "Two y (was “b”).", "Three z (was “c”)."]
    assert said[3] == "and 1 more change in this clause"


def test_a_long_sentence_changed_all_through_is_cut_after_its_first_changes():
    items = [f"item {n} of the list" for n in range(40)]
    old = "You must not: " + "; ".join(items) + "."
    new = "You must not: " + "; ".join(item.replace("of the", "in the") for item in items) + "."
    (said,) = _said(old, new)
    assert said.startswith("You must not: item 0 in (was “of”) the list;") and said.endswith("…")
    assert len(said) <= 520
