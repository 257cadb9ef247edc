"""Searching a policy's text: the uses of its defined names, and the texts holding a mark.

`NameSearch(names)` finds where the defined names are used in a text: in any case, with a
plural or possessive ending, as words of their own, not in quotes. In one clause's text it
matches a pattern of the names written as a tree of their common beginnings; in the whole
document's text (the clauses' texts joined by line breaks) it searches name by name with
`str.find` (`find_all`), a fraction of the pattern's cost, with the same result.
"""

from __future__ import annotations

import bisect
import re

_SUFFIXES = ("’s", "'s", "s’", "s'", "es", "s")
_SUFFIX_STARTS = frozenset(s[0] for s in _SUFFIXES)
_BEFORE_NAME = frozenset("-_@/“\"‘'«")


class NameSearch:
    """The uses of a policy's defined names `names` (longest first) in its texts."""

    def __init__(self, names: tuple[str, ...] = ()) -> None:
        #: each name in lower case (and a plural one in the singular: "APIs" defined, "API"
        #: written, the same term) -> the name as defined
        self.folded: dict[str, str] = {}
        for name in names:
            self.folded.setdefault(name.casefold(), name)
        for name in names:
            if len(name) > 3 and name[-1] == "s" and name[-2] != "s":
                self.folded.setdefault(name[:-1].casefold(), name)
        # searched in the text in lower case (a case-insensitive pattern is ten times slower);
        # pronoun names ("we", "you") are not counted: they are used whatever their case
        self.searched = sorted(
            (n for n, name in self.folded.items() if name[:1].isupper() or name[:1].isdigit()),
            key=lambda n: (-len(n), n),
        )
        self.pattern = re.compile(_alternatives(self.searched)) if self.searched else None

    def find_all(self, text: str, low: str) -> list[tuple[int, int, str, str]]:
        """What `find_uses` finds in `text` (`low`: in lower case, as long), found with
        `str.find`: where names occur (the longest at each place), taken from the left
        without overlaps as the pattern's search takes them."""
        ends: dict[int, int] = {}  # where the longest name at each place ends
        for lowered, places in _places(self.searched, low).items():  # shortest first: the longest
            ends.update(zip(places, map(len(lowered).__add__, places), strict=True))  # is written last
        return self._accepted(text, low, sorted(ends.items()))

    def find_uses(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, as written, defined name) of each use of a defined name in `text`, in any
        case, with a plural or possessive ending; not a mention in quotes."""
        pattern = self.pattern
        if pattern is None:
            return []
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): positions move
            low = "".join(ch.lower()[0] for ch in text)
        return self._accepted(text, low, [m.span() for m in pattern.finditer(low)])

    def _accepted(self, text: str, low: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
        """The names found at `spans` of `low` (`text` in lower case, the spans in order; one
        that starts inside the one before is not a name, the search goes on after that) that are
        uses: words of their own, with a plural or possessive ending; (start, end, as written,
        defined name)."""
        found = []
        folded = self.folded
        size = len(text)
        resume = 0
        for start, stem in spans:
            if start < resume:
                continue  # inside the name found before
            resume = stem
            if start and (low[start - 1].isalnum() or low[start - 1] in _BEFORE_NAME):
                continue  # part of a word, an address, or a mention in quotes (the definition itself)
            end = stem
            if end < size and low[end] in _SUFFIX_STARTS:
                for suffix in _SUFFIXES:
                    if low.startswith(suffix, end):
                        end += len(suffix)
                        break
            if end < size and (low[end].isalnum() or low[end] == "-"):
                continue
            name = folded.get(low[start:stem])
            if name is not None:
                found.append((start, end, text[start:stem], name))
        return found


def same_term(written: str, form: str) -> bool:
    """A use of the term `form` written so: exactly, with a capital that opens a sentence
    ("Permanent cookies" for "permanent cookies"), or without the capital of a term in
    sentence case ("permanent cookies" for "Permanent cookies"); "portal" is not "Portal"."""
    if written == form:
        return True
    if written[1:] != form[1:]:
        return False
    return written[0].isupper() or (" " in form and form[1:] == form[1:].lower())


def _tree_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _tree_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    # a longer name is tried before the one ending here, as longest first does
    return "(?:" + "|".join(branches) + (")?" if "" in node else ")")


def _inner(name: str, found: dict[str, list[int]]) -> str | None:
    """The longest name of `found` with few places that `name` begins or ends with."""
    for size in range(len(name) - 1, 0, -1):
        for part in (name[:size], name[-size:]):
            places = found.get(part)
            if places is not None and len(places) <= _FEW_PLACES:
                return part
    return None


def _alternatives(names: list[str]) -> str:
    """A pattern matching the longest of `names` that matches at a position, as the plain
    alternation of them longest first would, written as a tree of their common beginnings:
    the search then compares each character once instead of once per name."""
    tree: dict[str, dict] = {}
    for name in names:
        node = tree
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}  # a name ends here

    return _tree_pattern(tree)


#: Places of a shorter name worth checking one by one rather than searching the text again
#: for a longer name that holds it (a search of 1.5 MB costs some thousand checks).
_FEW_PLACES = 2000


def _places(names: list[str], low: str) -> dict[str, list[int]]:
    """Where each of `names` occurs in `low`, overlaps included (what repeated `str.find` gives),
    shortest name first.

    A name that begins or ends with a shorter one ("data protection laws", "data protection
    law"; "session cookie", "cookie") occurs only where the shorter one does, at the same
    distance: its places are those of the shorter one where it starts, when they are few; the
    text is searched only for the others."""
    found: dict[str, list[int]] = {}
    for name in sorted(names, key=len):
        inner = _inner(name, found)
        if inner is not None:
            shift = len(name) - len(inner) if name.endswith(inner) and not name.startswith(inner) else 0
            found[name] = [
                at - shift for at in found[inner] if at >= shift and low.startswith(name, at - shift)
            ]
            continue
        places = []
        at = low.find(name)
        while at >= 0:
            places.append(at)
            at = low.find(name, at + 1)
        found[name] = places
    return found


#: What a text must hold for `scan_text` to look for quoted phrases ("``": TeX quotes), and for
#: `definitions_in` to look for definitions, if it has no word of definition ("means").
QUOTE_MARKS = ("“", '"', "‘", "«", "'", "`")
FORM_MARKS = ("(", ":", "“", '"', "‘", "|", "–", "—")


def text_starts(texts: list[str]) -> list[int]:
    """Where each text starts in the texts joined by line breaks."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return starts


def holding(joined: str, starts: list[int], marks: tuple[str, ...]) -> set[int]:
    """The texts (numbered from 0) holding one of `marks`, in the texts joined by line breaks
    that start at `starts`: a search per mark and text holding it."""
    found = set()
    last = len(starts) - 1
    for mark in marks:
        at = joined.find(mark)
        while at >= 0:
            k = bisect.bisect_right(starts, at) - 1
            found.add(k)
            at = joined.find(mark, starts[k + 1]) if k < last else -1
    return found
