"""A case-insensitive search for a few words, tried only where they can be.

Python's regex engine has no fast way into a case-insensitive alternation of words: it tries
the pattern at every position (2 µs for a heading of 26 characters). A plain substring test
on the text in lower case is a few times cheaper, and most texts hold none of the words, so
`WordSearch` looks for a stem of each word first and runs the pattern only where one is.
"""

from __future__ import annotations

import re


class WordSearch:
    """`re.compile(pattern, re.IGNORECASE).search`, for a pattern every match of which holds
    (in lower case) one of `stems`, all of them ASCII."""

    __slots__ = ("pattern", "_stems")

    def __init__(self, pattern: str, stems: tuple[str, ...]) -> None:
        if not all(stem.isascii() and stem == stem.lower() for stem in stems):
            raise ValueError("stems are ASCII in lower case")
        self.pattern = re.compile(pattern, re.IGNORECASE)
        self._stems = stems

    def search(self, text: str) -> re.Match[str] | None:
        # in ASCII text a case-insensitive match is a match of the text in lower case; other
        # letters may match in other ways ("ſ" for "s", "K" for "k"), so they are not screened
        if text.isascii():
            low = text.lower()
            for stem in self._stems:
                if stem in low:
                    break
            else:
                return None
        return self.pattern.search(text)
