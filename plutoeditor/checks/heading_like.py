"""Whether a line of text reads as a heading, and whether it ends a sentence.

The numbering checks trust the tree the importer built. A line the importer kept as body text
may still be a heading a reader sees at once ("### Your payment details", "**CHILDREN'S
PRIVACY**", "Intellectual Property Rights"); a list that starts again after such a line is a
new list under it, not a run of duplicates. A heading is short, does not end with a full stop
and is set apart: Markdown heading marks, bold, all capitals or title case. A lead-in ending
with ":" or a sentence broken off ("... in the following cases") is not a heading: the text
after it belongs to it.
"""

from __future__ import annotations

import re

#: A heading has at most this many words and characters (markup stripped).
_WORDS_AT_MOST = 14
_CHARS_AT_MOST = 100
#: What ends a sentence or a list item (quotes and brackets after it are looked through).
_SENTENCE_ENDS = ".;!?。；！？"
_CLOSERS = "\"'”’»)]"
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_EMPHASIS = re.compile(r"^[*_]{2,}(?P<inner>.*?)[*_]{2,}$")
#: Little words that title case leaves in lower case, in the languages of the corpus.
_MINOR = frozenset(
    "a an and as at but by for from in into of on or the to with via vs "
    "de du des la le les et en au aux à d l un une "
    "der die das und von zu im am für mit "
    "del el y los las e o".split()
)


def plain(line: str) -> str:
    """The line without Markdown emphasis and escapes: what a reader sees."""
    text = line.strip().replace("\\", "")
    text = re.sub(r"^#{1,6}\s+", "", text)
    return text.replace("**", "").replace("__", "").strip(" *_\t")


def looks_like_heading(line: str) -> bool:
    """Whether a line of body text would read as a heading to someone looking at the page."""
    stripped = line.strip()
    if not stripped:
        return False
    if _MARKDOWN_HEADING.match(stripped):
        return True
    text = plain(stripped)
    words = text.split()
    if not words or len(words) > _WORDS_AT_MOST or len(text) > _CHARS_AT_MOST:
        return False
    bold = _EMPHASIS.match(stripped.replace("\\", "")) is not None
    last = text.rstrip(_CLOSERS)[-1:]
    if last in _SENTENCE_ENDS:
        return False
    if last in ":：":
        return bold  # a bold lead-in ("**How we use it:**") titles what follows; a plain one leads in
    if bold:
        return True
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 3:
        return False
    if sum(ch.isupper() for ch in letters) >= 0.9 * len(letters):
        return True
    return _title_case(words)


def _title_case(words: list[str]) -> bool:
    """ "Intellectual Property Rights", "Limitation of Liability": the words that count are capitalised."""
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    counted = [w for w in words if w[:1].isalpha() and w.lower() not in _MINOR]
    return len(counted) >= 2 and all(w[:1].isupper() for w in counted)


def ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence or a list item (".", ";", "?"), so what follows is not
    inside it. "... as follows:" and "... in the following" do not."""
    text = plain(line).rstrip(_CLOSERS)
    return bool(text) and text[-1] in _SENTENCE_ENDS
