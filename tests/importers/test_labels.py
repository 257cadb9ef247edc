"""Labels as written: what is a label, what is not, and which labels are siblings."""

from __future__ import annotations

import pytest

from plutoeditor.importers.labels import label_key
from plutoeditor.importers.structure import split_label
from plutoeditor.model.labels import roman_value


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("2.3.9 Bank account details", "2.3.9", "Bank account details"),
        ("6.9.1: South Africa", "6.9.1:", "South Africa"),
        ("1.Definitions.", "1.", "Definitions."),
        ("(a) first", "(a)", "first"),
        ("(iv) fourth", "(iv)", "fourth"),
        ("A. Definitions", "A.", "Definitions"),
        ("iv. item", "iv.", "item"),
        ("1) Legal entity name change", "1)", "Legal entity name change"),
        ("SECTION 2: GitHub Enterprise Cloud", "SECTION 2:", "GitHub Enterprise Cloud"),
        ("Schedule 1 – Cookies", "Schedule 1", "Cookies"),
    ],
)
def test_labels_are_split_from_their_text_as_written(text, label, rest):
    assert split_label(text) == (label, rest)


@pytest.mark.parametrize(
    "text",
    [
        "71-75 Shelton Street",
        "2024 was a good year",
        "010 023 5207",
        "100% of users",
        "e.g. this one",
        "Section 69 of the Act applies",
        "Cookie Schedule",
        "3.5million users",
    ],
)
def test_text_that_only_looks_like_a_label(text):
    assert split_label(text) == ("", text)


def test_decimal_labels_are_siblings_by_level_not_prefix():
    assert label_key("2.7.1") == label_key("2.16.3") == ("d", 3)
    assert label_key("6.") == label_key("1") == label_key("1A") == ("d", 1)
    assert label_key("4.1A") == label_key("1A.1") == ("d", 2)


def test_roman_or_letter_depends_on_the_letter_before():
    assert label_key("(i)")[0] == "r"
    assert label_key("(i)", previous_alpha="h")[0] == "a"
    assert label_key("(v)", previous_alpha="u")[0] == "a"
    assert label_key("(ii)", previous_alpha="h")[0] == "r"


def test_roman_value_reads_numerals_and_rejects_letters():
    assert [roman_value(r) for r in ("i", "iv", "v", "ix", "XII", "xl", "c")] == [1, 4, 5, 9, 12, 40, 100]
    assert roman_value("b") is None
