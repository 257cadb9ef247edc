"""What is not a change: the same words in another tree shape, layout lines, guessed metadata;
and what is not a move: a clause that kept its place in the reading order."""

from __future__ import annotations

import random

from plutoeditor.compare import compare_policies
from plutoeditor.importers.text import import_text
from plutoeditor.model.clause import Clause
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.policy import Policy


def _compare(old: str, new: str):
    return compare_policies(parse_tree(old), parse_tree(new))


def _entries(comparison):
    return [c for c in comparison.changes if c.is_change]


def test_heading_with_paragraph_under_it_is_heading_with_text():
    old = "[1] Orders |\n  [] We ship within five days.\n[2] Returns |\n  [] Send goods back in a month."
    new = "[1] Orders | We ship within five days.\n[2] Returns | Send goods back in a month."
    comparison = _compare(old, new)
    assert comparison.is_identical(), [c.to_dict() for c in _entries(comparison)]


def test_paragraph_after_a_clause_travels_with_it():
    old = "[1] Orders |\n[] We ship within five days.\n[2] Returns |\n[] Send goods back."
    new = "[1] Returns |\n[] Send goods back.\n[2] Orders |\n[] We ship within five days."
    entries = _entries(_compare(old, new))
    moved = [c for c in entries if c.moved]
    assert len(moved) == 1 and not any(c.status != "matched" for c in entries)


def test_rulers_and_empty_numbered_clauses_are_not_changes():
    text = "Terms\n\n1. Scope\n\nThese terms apply.\n\n* * *\n\n1.1\n\n2. Fees\n\nWe charge fees.\n\n=====\n"
    old, new = import_text(text, "a.txt"), import_text(text, "b.txt")
    comparison = compare_policies(old, new)
    assert comparison.is_identical(), [c.to_dict() for c in _entries(comparison)]


def test_a_ruler_added_is_not_a_change():
    old = "[1] Scope | These terms apply.\n[2] Fees | We charge fees."
    new = "[1] Scope | These terms apply.\n[] * * *\n[2] Fees | We charge fees."
    assert _compare(old, new).is_identical()


def test_rewrapped_lines_read_as_one_clause():
    old = (
        "[1] Grant | Subject to these terms, the\n"
        "  [] Licensor grants you\n  [] a licence to share the Material."
    )
    new = "[1] Grant | Subject to these terms, the Licensor grants you a licence to share the Material."
    comparison = _compare(old, new)
    assert comparison.is_identical(), [c.to_dict() for c in _entries(comparison)]


def test_heading_line_broken_in_two_is_not_a_change():
    old = "[1] Licence grant. Subject to the terms | of this licence you may share.\n[2] Term | Ever."
    new = "[1] Licence grant. | Subject to the terms of this licence you may share.\n[2] Term | Ever."
    assert _compare(old, new).is_identical()


def test_short_headings_are_not_paired_across_on_one_word():
    old = (
        "[1] Definitions |\n  [1.1] “Contributor” means each entity that contributes.\n"
        "[2] Licence Grants |\n  [2.1] Contributor Grant.\n  [] Each Contributor grants You a licence."
    )
    new = (
        "[1] Definitions |\n  [1.1] “Contributor” |\n"
        "    [] means each individual or legal entity that contributes.\n"
        "[2] Licence Grants |\n  [2.1] Grants.\n  [] Each Contributor grants You a licence."
    )
    entries = _entries(_compare(old, new))
    assert [(c.status, c.old_label, c.new_label, c.moved, c.relabelled) for c in entries] == [
        ("matched", "1.1", "1.1", False, False),
        ("matched", "2.1", "2.1", False, False),
    ]


def test_guessed_title_is_not_a_metadata_change():
    body = "1. Scope\n\nThese terms apply to you.\n\n2. Fees\n\nWe charge fees.\n"
    old, new = import_text(body, "terms-2022.txt"), import_text(body, "terms-2023.txt")
    assert old.metadata.title != new.metadata.title  # both guessed from the file names
    assert compare_policies(old, new).is_identical()


def test_stated_title_change_is_a_metadata_change():
    old = import_text("Terms of Use\n\n1. Scope\n\nThese terms apply.\n", "a.txt")
    new = import_text("Terms of Service\n\n1. Scope\n\nThese terms apply.\n", "b.txt")
    changes = compare_policies(old, new).metadata_changes
    assert [(m.field, m.old, m.new) for m in changes] == [("title", "Terms of Use", "Terms of Service")]


def test_guessed_title_then_edited_is_stated():
    old = import_text("1. Scope\n\nThese terms apply.\n", "terms.txt")
    new = old.copy()
    new.metadata.title = "Terms of Use"
    changes = compare_policies(old, new).metadata_changes
    assert [(m.field, m.old, m.new) for m in changes] == [("title", "", "Terms of Use")]


def _section(label: str, texts: list[str]) -> Clause:
    return Clause(label=label, heading=f"Part {label}", children=[Clause(text=t) for t in texts])


def test_inserted_clauses_are_not_paired_with_alike_deleted_ones_far_away():
    # a tiny vocabulary: every clause shares most words with every other
    rng = random.Random(4)
    words = "we may share your data with our partners when law requires".split()

    def sentence() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(8, 14))).capitalize() + "."

    texts = [[sentence() for _ in range(6)] for _ in range(12)]
    old = Policy(clauses=[_section(str(i + 1), t) for i, t in enumerate(texts)])
    new_texts = [list(t) for t in texts]
    deleted = new_texts[1].pop(2)  # early
    inserted = sentence()
    new_texts[10].insert(3, inserted)  # late
    new = Policy(clauses=[_section(str(i + 1), t) for i, t in enumerate(new_texts)])
    entries = _entries(compare_policies(old, new))
    assert [(c.status, c.clause.text) for c in entries] == [("removed", deleted), ("added", inserted)]


def test_sections_nested_under_a_new_part_are_not_moved():
    old = "[1] Scope | A.\n[2] Fees | B.\n[3] Refunds | C.\n[4] Law | D."
    new = "[1] Scope | A.\n[] Money |\n  [2] Fees | B.\n  [3] Refunds | C.\n[4] Law | D."
    entries = _entries(_compare(old, new))
    assert [(c.status, c.clause.heading, c.moved) for c in entries] == [("added", "Money", False)]


def test_a_clause_moved_into_another_section_is_moved():
    old = "[1] Scope |\n  [1.1] Applies to you.\n  [1.2] Read it well.\n[2] Fees |\n  [2.1] We charge."
    new = "[1] Scope |\n  [1.1] Applies to you.\n[2] Fees |\n  [2.1] We charge.\n  [2.2] Read it well."
    moved = [c for c in _entries(_compare(old, new)) if c.moved]
    assert [(c.old_label, c.new_label) for c in moved] == [("1.2", "2.2")]


def test_sections_with_the_same_heading_pair_by_their_clauses_not_by_order():
    old = (
        "[1] Scope | A.\n[2] Children |\n  [2.1] Under thirteen may not sign up.\n  [2.2] Parents may ask.\n"
        "[3] Fees | B.\n[4] Children |\n  [4.1] Schools register pupils.\n  [4.2] Teachers see their work."
    )
    new = (
        "[1] Scope | A.\n[2] Children |\n  [2.1] Schools register pupils.\n  [2.2] Teachers see their work.\n"
        "[3] Children |\n  [3.1] Under thirteen may not sign up.\n  [3.2] Parents may ask.\n[4] Fees | B."
    )
    comparison = _compare(old, new)
    sections = {c.old_label: c.new_label for c in comparison.changes if c.clause.heading == "Children"}
    assert sections == {"4": "2", "2": "3"}
