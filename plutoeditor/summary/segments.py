"""The word changes of one clause, each classified as a reader would: a spelling,
punctuation or capitalisation fix, a reference that follows renumbering, or a change of
substance.

A segment is one run of deleted and inserted words (with the spaces between them) between
unchanged words; it knows where it stands in both texts so its sentence can be quoted.
"""

from __future__ import annotations

import re
import string
from collections.abc import Container
from dataclasses import dataclass

from plutoeditor.compare.result import DELETE, EQUAL, INSERT, Ops

WHITESPACE, PUNCTUATION, CAPITALISATION, SPELLING, REFERENCE, SUBSTANCE = (
    "whitespace",
    "punctuation",
    "capitalisation",
    "spelling",
    "reference",
    "substance",
)

#: Marks whose change does not change what a sentence says. Currency, percent and other
#: symbols are not here: "£10" -> "$10" is a change of substance.
_MARKS = str.maketrans(
    dict.fromkeys(string.punctuation.translate(str.maketrans("", "", "$%&@#+=<>")) + "“”‘’„«»–—…", "")
)
_WORD = re.compile(r"\w+")
#: A clause label as references write it: "7.2", "4.1(a)", "12", "(b)".
_LABEL = re.compile(r"\(?[0-9]{1,3}[A-Za-z]?\)?(?:\.[0-9]{1,3}[A-Za-z]?)*(?:\([a-z0-9]{1,4}\))*\.?")
_LABEL_CHAR = re.compile(r"[0-9A-Za-z.()]")
_REFERENCE_BEFORE = re.compile(
    r"(?i)\b(?:sub-?clauses?|clauses?|sections?|paragraphs?)\s+(?:[\w.()]+(?:,\s*|\s+(?:and|or|to)\s+))*$"
)


@dataclass
class Segment:
    """Deleted text `old` (at old_start in the old text) replaced by `new` (at new_start in
    the new text); either may be empty."""

    old: str
    new: str
    old_start: int
    new_start: int
    kind: str = SUBSTANCE

    @property
    def old_end(self) -> int:
        return self.old_start + len(self.old)

    @property
    def new_end(self) -> int:
        return self.new_start + len(self.new)


def segments_of(ops: Ops) -> list[Segment]:
    """The runs of changed words in a word diff; whitespace kept between two changes joins them."""
    segments: list[Segment] = []
    old_at = new_at = 0
    current: Segment | None = None
    pending = ""  # unchanged whitespace after the current run, joined if another change follows
    for op, text in ops:
        if op == EQUAL:
            if current is not None and not text.strip():
                pending += text
            else:
                current, pending = None, ""
            old_at += len(text)
            new_at += len(text)
            continue
        if current is None:
            current = Segment("", "", old_at, new_at)
            segments.append(current)
        elif pending:
            current.old += pending
            current.new += pending
            pending = ""
        if op == DELETE:
            current.old += text
            old_at += len(text)
        elif op == INSERT:
            current.new += text
            new_at += len(text)
    return segments


def classify(
    segment: Segment,
    old_text: str,
    new_text: str,
    relabelled: dict[str, str],
    new_words: Container[str],
) -> str:
    """What kind of change a segment is. `relabelled` maps old labels to new ones (clauses
    renumbered between the versions); `new_words` is every word of the new version, lower case."""
    old, new = segment.old, segment.new
    if " ".join(old.split()) == " ".join(new.split()):
        return WHITESPACE
    bare_old, bare_new = _bare(old), _bare(new)
    if bare_old == bare_new:
        return PUNCTUATION  # also "e-mail" -> "email"
    if bare_old.casefold() == bare_new.casefold():
        return CAPITALISATION
    if _follows_renumbering(segment, old_text, new_text, relabelled):
        return REFERENCE
    old_words, new_words_here = _WORD.findall(old), _WORD.findall(new)
    if (
        old_words
        and len(old_words) == len(new_words_here)
        and all(
            a == b or _spelling_fix(a, b, new_words) for a, b in zip(old_words, new_words_here, strict=True)
        )
    ):
        return SPELLING
    return SUBSTANCE


def _bare(text: str) -> str:
    return "".join(text.translate(_MARKS).split())


def _spelling_fix(old: str, new: str, new_words: Container[str]) -> bool:
    """A misspelt word corrected (or a spelling convention changed: "organisation" ->
    "organization"): both long enough that one slip cannot make another word ("sell" ->
    "tell"), the same first letter, one edit apart (two in long words), and the old spelling
    gone from the new version (a word still used there was not a misspelling)."""
    if not (old.isalpha() and new.isalpha()) or old.casefold() == new.casefold():
        return False
    a, b = old.casefold(), new.casefold()
    if min(len(a), len(b)) < 5 or a[0] != b[0] or a in new_words or _inflected(a, b):
        return False
    return edit_distance(a, b) <= (2 if min(len(a), len(b)) >= 8 else 1)


#: Word endings that change number or tense ("merged" -> "merges", "interviews" -> "interview").
_ENDINGS = frozenset({"", "s", "es", "d", "ed", "ing", "e", "er", "ers", "ly", "n", "en"})


def _inflected(a: str, b: str) -> bool:
    """The same word in another form: only the endings differ, and both are inflections."""
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return a[common:] in _ENDINGS and b[common:] in _ENDINGS


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) that turn a into b."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def _follows_renumbering(segment: Segment, old_text: str, new_text: str, relabelled: dict[str, str]) -> bool:
    """Whether the change is a cross-reference moved to the new label of the clause it
    names ("clause 7.2" -> "clause 6.2" when 7.2 became 6.2)."""
    if not relabelled:
        return False
    old_start, old_end = segment.old_start, segment.old_end
    new_start, new_end = segment.new_start, segment.new_end
    # widen to the whole label: the word diff splits "7.2" into "7", "." and "2"
    while old_start > 0 and new_start > 0 and _LABEL_CHAR.match(new_text[new_start - 1]):
        old_start, new_start = old_start - 1, new_start - 1
    while old_end < len(old_text) and new_end < len(new_text) and _LABEL_CHAR.match(new_text[new_end]):
        old_end, new_end = old_end + 1, new_end + 1
    old_labels = old_text[old_start:old_end].split()
    new_labels = new_text[new_start:new_end].split()
    if not old_labels or len(old_labels) != len(new_labels):
        return False
    if not _REFERENCE_BEFORE.search(new_text[max(0, new_start - 80) : new_start]):
        return False
    for before, after in zip(old_labels, new_labels, strict=True):
        before, after = before.rstrip(".,;:"), after.rstrip(".,;:")
        if before == after:
            continue
        if not (_LABEL.fullmatch(before) and _LABEL.fullmatch(after)):
            return False
        if normalise(relabelled.get(normalise(before), "")) != normalise(after):
            return False
    return True


def normalise(label: str) -> str:
    """A label as references name it: no trailing dot or colon, no spaces."""
    return "".join(label.split()).rstrip(".:")
