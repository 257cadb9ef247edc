"""One label grammar: what the importers read off the page as a label is what numbering,
references and compare take apart (model.labels), letters and roman numerals alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plutoeditor.importers.labels import label_key, split_label
from plutoeditor.model.labels import OTHER, ROMAN_LOWER, ROMAN_UPPER, letter_families, parse_label

_LETTERS = st.text(alphabet="abcilvxABCILVXEUR", min_size=1, max_size=5)
_NUMBERS = st.lists(st.integers(min_value=0, max_value=120), min_size=1, max_size=4).map(
    lambda parts: ".".join(map(str, parts))
)
_LABELS = st.one_of(
    _LETTERS.map(lambda s: f"({s})"),
    _LETTERS.map(lambda s: f"{s}."),
    _LETTERS.map(lambda s: f"{s})"),
    _NUMBERS,
    _NUMBERS.map(lambda s: f"{s}."),
    _NUMBERS.map(lambda s: f"({s})"),
)


@given(_LABELS, st.sampled_from(["The Supplier delivers.", "Fees", "Scope of this policy"]))
def test_every_label_read_off_a_line_is_one_numbering_takes_apart(label, text):
    found, rest = split_label(f"{label} {text}")
    if found:
        assert parse_label(found).kind != OTHER, found


@given(_LETTERS)
def test_a_list_item_is_roman_for_the_tree_only_when_it_is_for_numbering(letters):
    key = label_key(f"({letters})")
    if key[0] in ("r", "R"):
        assert {ROMAN_LOWER, ROMAN_UPPER} & set(letter_families(letters)), letters


@pytest.mark.parametrize(
    "line",
    [
        "(EU) Nr. 531/2012 über das Roaming",  # a regulation's abbreviation, not item EU
        "(XXXX) §§ 12a und 12b (weggefallen)",  # a placeholder, as numbering reads it
        "(IR) team. If you do not hear from us, call again.",
        "ici. Le formulaire est en ligne.",  # a word, not a roman numeral
    ],
)
def test_letters_that_are_no_item_number_are_text(line):
    assert split_label(line) == ("", line)


def test_c_and_l_alone_are_letters_for_the_tree_as_for_numbering():
    # "(c)" is item c; the numeral 100 is no list item's number (numbering reads up to xxxix)
    assert label_key("(c)")[0] == "a"
    assert label_key("(l)")[0] == "a"
    assert label_key("(xl)")[0] == "a"
    assert label_key("(x)")[0] == "r" and label_key("(iv)")[0] == "r"


def test_a_letter_item_glued_to_its_capitalised_first_word_is_a_label():
    # a PDF capture lost the space: "a)Le Passager ne devra pas ..." is item a)
    assert split_label("a)Le Passager ne devra pas inclure") == ("a)", "Le Passager ne devra pas inclure")
    # not a word glued to a letter and a full stop, nor a bracket before a small word
    assert split_label("A.Smith signed it.") == ("", "A.Smith signed it.")
    assert split_label("b)and so on") == ("", "b)and so on")
