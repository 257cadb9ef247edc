"""WordSearch: a case-insensitive search of a few words, screened with a substring test."""

from __future__ import annotations

import re

import pytest

from plutoeditor.checks.word_search import WordSearch

_PATTERN = r"\b(?:definitions?|glossary|interpretation)\b"


@pytest.mark.parametrize(
    "text",
    [
        "Definitions",
        "1. DEFINITIONS AND INTERPRETATION",
        "dEfInItIoN of terms",
        "Glossary",
        "Definitely not",
        "Sharing with third parties",
        "",
        "Gloſſary",  # a long s: a case-insensitive match, though not a substring of the lower case
        "Définitions",
        "Interpretations",
    ],
)
def test_it_finds_what_the_case_insensitive_pattern_finds(text: str) -> None:
    words = WordSearch(_PATTERN, ("defin", "glossar", "interpret"))
    expected = re.compile(_PATTERN, re.IGNORECASE).search(text)
    found = words.search(text)
    assert (found.span() if found else None) == (expected.span() if expected else None)


def test_stems_are_ascii_in_lower_case() -> None:
    with pytest.raises(ValueError):
        WordSearch(_PATTERN, ("Defin",))
