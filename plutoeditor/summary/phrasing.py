"""Plain words for a change inside a clause: the sentence as it now reads, each changed
passage followed by what it was ("for seven years (was six)", "(was “may”)", "(“and our
couriers” added)"), whole new or removed sentences quoted as such.
"""

from __future__ import annotations

import re

from plutoeditor.summary.segments import Segment

#: Where one sentence ends and the next begins: after . ! ? and a space, before a capital,
#: a digit or an opening mark; and at every line break (a paragraph or a list row).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘'(])|\n+")
_ABBREVIATION = re.compile(
    r"(?:(?<![\w.])(?:[A-Za-z]\.){2,4}|\b(?:e\.g|i\.e|etc|Inc|Ltd|Co|No|Nos|Mr|Mrs|Ms|Dr|St|vs|cf|art|s)\.)$"
)
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million half quarter double twice single once".split()
)
#: Units a number is followed by, which its old value is said after ("seven years (was six)").
_UNIT = re.compile(
    r" (?:(?:business|working|calendar|consecutive) )?(?:years?|months?|weeks?|days?|hours?|minutes?|"
    r"seconds?|times|percent|per cent)\b",
    re.IGNORECASE,
)
_CURRENCY = "£$€¥"
#: The longest quotation an item carries; longer sentences are cut around their changes.
MAX_SENTENCE = 240
MAX_QUOTE = 160
#: At most this many changed sentences of one clause are quoted; the rest are counted.
MAX_SENTENCES = 3


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without the spaces around it; "U.S.", "e.g." and
    "Inc." do not end one."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if "\n" not in match.group() and _ABBREVIATION.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def is_number(text: str) -> bool:
    """Whether the words hold a number: digits, "seven", "twelve months"."""
    return any(ch.isdigit() for ch in text) or any(w.lower() in _NUMBER_WORDS for w in text.split())


def changed_sentences(new_text: str, old_text: str, segments: list[Segment]) -> list[str]:
    """The sentences of the new text that the segments change, each worded as it now reads
    with the changes marked; a removed sentence is quoted from the old text."""
    parts: list[tuple[int, str]] = []
    spans = sentence_spans(new_text)
    inline: dict[int, list[Segment]] = {}
    for segment in segments:
        whole = _whole_sentences(segment, new_text, old_text)
        if whole:
            parts.append((segment.new_start, whole))
            continue
        where = _sentence_of(spans, segment.new_start if segment.new else max(segment.new_start - 1, 0))
        inline.setdefault(where, []).append(segment)
    for index in sorted(inline):
        start, end = spans[index] if spans else (0, len(new_text))
        parts.append((start, _marked(new_text, start, end, inline[index])))
    texts = [text for _start, text in sorted(parts, key=lambda part: part[0])]
    if len(texts) > MAX_SENTENCES:
        more = len(texts) - MAX_SENTENCES
        texts = [*texts[:MAX_SENTENCES], f"and {more} more change{'s' if more > 1 else ''} in this clause"]
    return texts


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> int:
    for i, (_start, end) in enumerate(spans):
        if offset < end:
            return i
    return max(len(spans) - 1, 0)


def _whole_sentences(segment: Segment, new_text: str, old_text: str) -> str:
    """ "added: “...”" / "removed: “...”" when a segment is one or more whole sentences."""
    if (
        segment.new.strip()
        and not segment.old.strip()
        and _is_sentences(segment.new, segment.new_start, new_text)
    ):
        return f"added: “{_cut(segment.new.strip(), MAX_SENTENCE)}”"
    if (
        segment.old.strip()
        and not segment.new.strip()
        and _is_sentences(segment.old, segment.old_start, old_text)
    ):
        return f"removed: “{_cut(segment.old.strip(), MAX_SENTENCE)}”"
    return ""


def _is_sentences(passage: str, start: int, text: str) -> bool:
    stripped = passage.strip()
    lead = start + len(passage) - len(passage.lstrip())
    before = text[:lead].rstrip()
    starts = not before or before.endswith((".", "!", "?", ":", ";")) or text[:lead].endswith("\n")
    return starts and len(stripped.split()) >= 3 and stripped.endswith((".", "!", "?", ";"))


def _marked(text: str, start: int, end: int, segments: list[Segment]) -> str:
    """text[start:end] with each segment's old wording after it (built from the end)."""
    sentence = text[start:end]
    first = min(s.new_start for s in segments) - start
    last = max(s.new_end for s in segments) - start
    for segment in sorted(segments, key=lambda s: s.new_start, reverse=True):
        at, note = _note(segment, text)
        at = min(max(at - start, 0), len(sentence))
        sentence = sentence[:at] + note + sentence[at:]
        last += len(note)
    return _window(sentence, first, last)


def _note(segment: Segment, text: str) -> tuple[int, str]:
    """Where in the text the note about a segment goes, and the note."""
    old, new = " ".join(segment.old.split()), " ".join(segment.new.split())
    if not new:
        note = f"(“{_cut(old, MAX_QUOTE)}” removed)"
        at = segment.new_start
        # "we (“typically” removed) ask": the note takes the place of the words, spaced as they were
        if at == 0 or text[at - 1] in " \n":
            return at, note + " "
        return at, " " + note
    end = segment.new_start + len(segment.new.rstrip())  # the note goes before the space after
    if not old:
        if text[: segment.new_start].rstrip().endswith(":") and not text[end:].strip(" .;"):
            return end, " (added)"  # "e-mail address: dpo@... (added)"
        return end, f" (“{_cut(new, MAX_QUOTE)}” added)"
    if is_number(old) and is_number(new):
        old_words, new_words = old.split(), new.split()
        # "two years" -> "one year": the unit is said once ("one year (was two)")
        while len(old_words) > 1 and len(new_words) > 1 and _same_unit(old_words[-1], new_words[-1]):
            old_words, new_words = old_words[:-1], new_words[:-1]
        at = end
        numbers = [m for m in re.finditer(r"\S+", segment.new) if is_number(m.group())]
        unit = _UNIT.match(text, segment.new_start + numbers[-1].end()) if numbers else None
        if unit and unit.end() > at:  # "seven" + " years": after the unit
            at = unit.end()
        currency = (
            text[segment.new_start - 1]
            if segment.new_start and text[segment.new_start - 1] in _CURRENCY
            else ""
        )
        return at, f" (was {currency}{' '.join(old_words)})"
    return end, f" (was “{_cut(old, MAX_QUOTE)}”)"


def _same_unit(a: str, b: str) -> bool:
    a, b = a.lower().rstrip(".,;:"), b.lower().rstrip(".,;:")
    return a == b or a + "s" == b or b + "s" == a


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _window(sentence: str, first: int, last: int) -> str:
    """The sentence, or the part of a long one around its changes."""
    sentence = " ".join(sentence.split(" "))
    if len(sentence) <= MAX_SENTENCE:
        return sentence.strip()
    if last - first > 2 * MAX_SENTENCE:  # changes all through a long sentence: the first ones
        note_end = sentence.rfind(")", first, first + 2 * MAX_SENTENCE)
        last = note_end + 1 if note_end > first else first + 2 * MAX_SENTENCE
    margin = max((MAX_SENTENCE - (last - first)) // 2, 40)
    start, end = max(first - margin, 0), min(last + margin, len(sentence))
    if start > 0:
        space = sentence.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    if end < len(sentence):
        space = sentence.rfind(" ", last, end)
        end = space if space > last else end
    return ("…" if start > 0 else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")
