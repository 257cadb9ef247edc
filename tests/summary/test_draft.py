"""The drafted summary of changes on small version pairs written in the fixture notation:
one pair for each kind of item a reader of a "what changed" notice needs."""

from __future__ import annotations

from plutoeditor.compare import compare_policies
from plutoeditor.model.notation import parse_tree
from plutoeditor.summary import EDITORIAL, STRUCTURAL, SUBSTANTIVE, draft_summary

BASE = """
[1] Introduction |
  [1.1] This policy explains how Acme handles personal data.
[2] Collection |
  [2.1] We collect your name and postal address.
  [2.2] We keep payment records for six years.
[3] Sharing |
  [3.1] We share data with the courier who delivers your order.
  [3.2] We never sell personal data to advertisers.
[4] Your rights |
  [4.1] You may ask for a copy of your data, as set out in clause 3.2.
  [4.2] You may ask us to erase your data.
"""


def _items(old: str, new: str) -> list[tuple[str, str]]:
    old_policy, new_policy = parse_tree(old), parse_tree(new)
    for a, b in zip(old_policy.walk(), new_policy.walk(), strict=False):
        if a.label == b.label:
            b.id = a.id  # the same clause in both versions, as a saved policy keeps it
    return [(item.kind, item.text) for item in draft_summary(compare_policies(old_policy, new_policy)).items]


def test_identical_versions_have_no_items():
    assert _items(BASE, BASE) == []


def test_a_period_changed_says_the_new_period_and_the_old():
    new = BASE.replace("six years", "seven years")
    assert _items(BASE, new) == [(SUBSTANTIVE, "2.2: We keep payment records for seven years (was six).")]


def test_a_new_clause_is_substantive_and_quotes_its_words():
    new = BASE.replace(
        "  [3.2] We never sell",
        "  [3.2] We share your delivery address with our couriers.\n  [3.3] We never sell",
    ).replace("clause 3.2", "clause 3.3")
    items = _items(BASE, new)
    assert items[0] == (SUBSTANTIVE, "New clause 3.2: We share your delivery address with our couriers.")
    assert (EDITORIAL, "Clause 3.2 renumbered 3.3") in items
    # the reference followed its clause: editorial, not a change of substance
    assert (EDITORIAL, "References updated to follow the renumbering in 4.1") in items
    assert [kind for kind, _ in items].count(SUBSTANTIVE) == 1


def test_a_removed_clause_quotes_what_it_said():
    new = BASE.replace("  [3.2] We never sell personal data to advertisers.\n", "").replace(
        ", as set out in clause 3.2", ""
    )
    items = _items(BASE, new)
    assert items[0] == (SUBSTANTIVE, "Clause 3.2 removed: “We never sell personal data to advertisers.”")
    assert items[1][0] == SUBSTANTIVE and items[1][1].startswith("4.1: You may ask for a copy of your data")


def test_words_added_to_a_sentence_are_named():
    new = BASE.replace("with the courier who", "with the courier and our insurer who")
    assert _items(BASE, new) == [
        (
            SUBSTANTIVE,
            "3.1: We share data with the courier and our insurer (“and our insurer” added) "
            "who delivers your order.",
        )
    ]


def test_a_word_replaced_says_what_it_was():
    new = BASE.replace("You may ask us to erase", "You must ask us to erase")
    assert _items(BASE, new) == [(SUBSTANTIVE, "4.2: You must (was “may”) ask us to erase your data.")]


def test_a_whole_new_sentence_is_quoted():
    new = BASE.replace("erase your data.", "erase your data. We answer within one month.")
    assert _items(BASE, new) == [(SUBSTANTIVE, "4.2: added: “We answer within one month.”")]


def test_spelling_punctuation_and_capitalisation_fixes_are_editorial_and_grouped():
    old = (
        BASE.replace("postal address", "postal adress")
        .replace("order.", "order")
        .replace("erase your data", "erase your Data")
    )
    items = _items(old, BASE)
    assert items == [
        (EDITORIAL, "Spelling corrected in 2.1 (“adress” → “address”)"),
        (EDITORIAL, "Punctuation corrected in 3.1"),
        (EDITORIAL, "Capitalisation changed in 4.2"),
    ]


def test_a_one_letter_change_to_another_word_is_not_a_spelling_fix():
    # "sell" -> "tell" is one letter, but a different promise
    new = BASE.replace("We never sell personal data", "We never tell personal data")
    assert _items(BASE, new)[0][0] == SUBSTANTIVE


def test_a_move_names_the_new_place_and_what_it_follows():
    moved = """
[1] Introduction |
  [1.1] This policy explains how Acme handles personal data.
[2] Collection |
  [2.1] We collect your name and postal address.
  [2.2] We keep payment records for six years.
[3] Your rights |
  [3.1] You may ask for a copy of your data, as set out in clause 4.2.
  [3.2] You may ask us to erase your data.
[4] Sharing |
  [4.1] We share data with the courier who delivers your order.
  [4.2] We never sell personal data to advertisers.
"""
    old, new = parse_tree(BASE), parse_tree(moved)
    by_text = {c.text or c.heading: c.id for c in old.walk()}
    for clause in new.walk():
        key = (clause.text or clause.heading).replace("clause 4.2", "clause 3.2")
        clause.id = by_text[key]
    items = [(i.kind, i.text) for i in draft_summary(compare_policies(old, new)).items]
    assert items == [
        (STRUCTURAL, "Sharing (now section 4) moved after Your rights"),
        (EDITORIAL, "Section 4 renumbered 3"),
        (EDITORIAL, "References updated to follow the renumbering in 3.1"),
    ]


def test_relabels_are_grouped_into_one_run():
    old = "[1] A |\n[2] B |\n[3] C |\n[4] D |\n[5] E |\n"
    new = "[1] A |\n[2] B |\n[3] C |\n[5] D |\n[6] E |\n"
    assert _items(old, new) == [(EDITORIAL, "Sections 4 and 5 renumbered 5 and 6")]
    many_old = "".join(f"[{n}] Heading {n} |\n" for n in range(1, 10))
    many_new = "[1] Heading 1 |\n" + "".join(f"[{n - 1}] Heading {n} |\n" for n in range(2, 10))
    assert _items(many_old, many_new) == [(EDITORIAL, "Sections 2-9 renumbered 1-8")]


def test_json_shape_names_each_clause_in_both_versions():
    new = BASE.replace("six years", "seven years")
    old_policy, new_policy = parse_tree(BASE), parse_tree(new)
    data = draft_summary(compare_policies(old_policy, new_policy)).to_dict()
    (item,) = data["items"]
    assert set(item) == {"text", "kind", "clauses"}
    (clause,) = item["clauses"]
    assert clause == {"old_label": "2.2", "new_label": "2.2", "id": clause["id"]} and clause["id"]


def test_another_form_of_a_word_is_not_a_spelling_fix():
    # "merged" -> "merges" is one letter but another tense: it changes what the sentence says
    old = BASE.replace("Acme handles", "Acme handled")
    assert _items(old, BASE) == [
        (SUBSTANTIVE, "1.1: This policy explains how Acme handles (was “handled”) personal data.")
    ]


def test_words_removed_are_named_where_they_stood():
    new = BASE.replace("We never sell personal data", "We never sell data")
    assert _items(BASE, new) == [
        (SUBSTANTIVE, "3.2: We never sell (“personal” removed) data to advertisers.")
    ]


def test_a_new_section_names_the_clauses_right_under_it():
    new = (
        BASE
        + "[5] Cookies |\n  [5.1] We use cookies.\n"
        + "    [(a)] Session cookies keep you signed in.\n  [5.2] You can refuse them.\n"
    )
    assert _items(BASE, new) == [(SUBSTANTIVE, "New section 5 “Cookies” (with clauses 5.1 and 5.2)")]


def test_heading_added_removed_and_renamed():
    new = BASE.replace("[3] Sharing |", "[3] Who we share with |").replace("[4] Your rights |", "[4]  |")
    assert _items(BASE, new) == [
        (EDITORIAL, "Heading “Sharing” of section 3 now “Who we share with”"),
        (EDITORIAL, "Heading “Your rights” of section 4 removed"),
    ]


def test_a_lettered_clause_is_named_with_its_noun():
    old = "[1] Uses |\n  [(a)] We send you receipts.\n"
    new = "[1] Uses |\n  [(a)] We send you receipts and offers.\n"
    assert _items(old, new) == [
        (SUBSTANTIVE, "Clause (a): We send you receipts and offers (“and offers” added).")
    ]


def test_labels_taken_away_or_given_are_said_so():
    old = "[1] Uses |\n  [1.1] We send receipts.\n  [1.2] We send offers.\n"
    new = "[1] Uses |\n  [] We send receipts.\n  [] We send offers.\n"
    assert _items(old, new) == [(EDITORIAL, "Clauses 1.1 and 1.2 no longer numbered")]
    assert _items(new, old) == [(EDITORIAL, "Clauses now numbered 1.1 and 1.2")]


def test_a_new_section_with_one_clause_and_a_new_schedule():
    new = BASE + "[5] Cookies |\n  [5.1] We use cookies.\nsched [] Cookie Schedule |\n"
    assert _items(BASE, new) == [
        (SUBSTANTIVE, "New section 5 “Cookies” (with clause 5.1)"),
        (SUBSTANTIVE, "New schedule “Cookie Schedule”"),
    ]


def test_a_heading_put_over_existing_clauses_is_structural():
    old = "[] We send receipts.\n[] We send offers.\n"
    new = "[] Messages |\n  [] We send receipts.\n  [] We send offers.\n"
    kinds_and_texts = _items(old, new)
    assert kinds_and_texts[0] == (
        STRUCTURAL,
        "New heading “Messages” over “We send receipts.” and “We send offers.”",
    )
    assert SUBSTANTIVE not in [kind for kind, _ in kinds_and_texts]


def test_renumbering_in_many_sections_is_one_line():
    sections = range(1, 9)
    old = "".join(f"[{n}] Part {n} |\n  [{n}.1] First {n}.\n  [{n}.2] Second {n}.\n" for n in sections)
    new = "".join(f"[{n}] Part {n} |\n  [{n}.1] Second {n}.\n" for n in sections)
    old_policy, new_policy = parse_tree(old), parse_tree(new)
    by_text = {c.text or c.heading: c.id for c in old_policy.walk()}
    for clause in new_policy.walk():
        clause.id = by_text[clause.text or clause.heading]
    items = draft_summary(compare_policies(old_policy, new_policy)).items
    editorial = [i.text for i in items if i.kind == EDITORIAL]
    assert editorial == ["8 clauses renumbered in sections 1, 2, 3, 4, 5, 6, 7 and 8"]
    assert len([i for i in items if i.kind == SUBSTANTIVE]) == 8  # each removed clause is its own item


def test_renumbering_of_many_sections_is_one_line():
    old = "".join(f"[{n}] Part {n} |\n" for n in range(1, 31))
    headings = []
    for n in range(1, 31):
        headings += [f"Part {n}"] + ([f"New part after {n}"] if n % 4 == 0 else [])
    new = "".join(f"[{i}] {heading} |\n" for i, heading in enumerate(headings, start=1))
    old_policy, new_policy = parse_tree(old), parse_tree(new)
    by_heading = {c.heading: c.id for c in old_policy.walk()}
    for clause in new_policy.walk():
        clause.id = by_heading.get(clause.heading, clause.id)
    items = draft_summary(compare_policies(old_policy, new_policy)).items
    editorial = [i.text for i in items if i.kind == EDITORIAL]
    assert editorial == ["26 sections renumbered, from 5 (now 6) to 30 (now 37)"]
    assert len([i for i in items if i.kind == SUBSTANTIVE]) == 7


def test_a_defined_term_renamed_or_redefined_is_substantive():
    old = "[1] Definitions |\n  def [] Learner | a person who takes a course;\n"
    renamed = "[1] Definitions |\n  def [] Student | a person who takes a course;\n"
    assert _items(old, renamed) == [(SUBSTANTIVE, "The defined term “Learner” is now “Student”")]
    redefined = "[1] Definitions |\n  def [] Learner | a person who takes or reviews a course;\n"
    assert _items(old, redefined) == [
        (
            SUBSTANTIVE,
            "The definition of “Learner”: a person who takes or reviews (“or reviews” added) a course;",
        )
    ]
