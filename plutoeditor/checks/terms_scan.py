"""What one clause's text says about terms: capitalised phrases used mid-sentence, its
ordinary lower-case words, and the uses of the document's defined names.

A capitalised word that opens a sentence, a paragraph, a list item or a quotation says
nothing (every sentence starts with one); nor do lines in Title Case or in capitals
(headings, disclaimers), words before a number ("Section 5", "Schedule 1") or inside quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CAP_PHRASE = re.compile(
    r"(?<![\w’'@./#-])([A-Z][a-z][\w’'-]*(?:\s(?:of\s(?:the\s)?)?[A-Z][a-z][\w’'-]*)*)(?![\w@])"
)
_LOWER_WORD = re.compile(r"(?<![\w’'@:/.-])[a-z][a-z-]+(?![\w@]|\.[a-z])")
_QUOTED = re.compile(r"(?:[“\"‘«]|(?<![\w])')\s?(?:the\s)?([A-Z][^“”\"‘’«»\n]{0,60}?)\s?(?:[”\"’»]|'(?!\w))")
_STARTS_SENTENCE = frozenset('.!?:;•·*–—-"“”‘([{>|/=+_')
_LIST_LABEL = re.compile(r"(?:^|\s)\(?(?:[a-z]|[ivx]{1,5}|\d{1,3}(?:\.\d{1,3})*)[.)]$")
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]+[ \u00a0]$")
_NUMBER_AFTER = re.compile(r"\s?(?:\d|[IVX]{1,6}\b|[A-Z]\b(?![’'])|\((?:EU|EC|EEC|UK|\d))")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
#: Words that open a sentence before a term: "The Company may ...", "Our Website uses ...".
_STARTERS = frozenset(
    "the our your this these that those any all such each every no if when where while in for by "
    "to as at on with from under upon after before unless until please we you a an its their "
    "his her other some many both either neither".split()
)
_DETERMINERS = frozenset(
    "the our your this these that those any such each every all a an its their my no".split()
)
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w-])(?:the|our|your|this|these|that|those|any|such|each|every|all|a|an|its|their|my|no)\s$"
)
#: "the Contact Us section below": the name of a part of the document.
_SECTION_AFTER = re.compile(
    r"\s(?:section|sections|tab|page|heading|below|above|button|link|menu|settings)\b"
)
#: Words that end a capitalised phrase: "the Software You distribute" is "Software".
_BREAKS = frozenset("You Your We Our Us They Their He She It Its This That These Those".split())
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass(frozen=True)
class TextScan:
    """Capitalised phrases a clause uses mid-sentence (phrase -> count) and its lower-case words."""

    phrases: dict[str, int]
    lower_words: frozenset[str]
    quoted: frozenset[str] = frozenset()  # phrases written in quotes: named, defined or headings
    english: int = 0  # " the ", " and ", " of ", " to " written: how English the text is
    spaces: int = 0
    #: the phrases used as nouns of the document: after "the", "our", "this", "any" ...
    nouns: dict[str, int] = field(default_factory=dict)


def scan_text(text: str) -> TextScan:
    phrases: dict[str, int] = {}
    nouns: dict[str, int] = {}
    if not text:
        return TextScan(phrases, frozenset())
    for paragraph in text.split("\n"):
        if not paragraph or paragraph[0] == "|" or heading_like(paragraph):
            continue  # table rows hold labels; headings and capitals say nothing
        for m in _CAP_PHRASE.finditer(paragraph):
            phrase = m.group(1)
            start = m.start(1)
            words = phrase.split()
            determined = _DETERMINER_BEFORE.search(paragraph, max(0, start - 8), start) is not None
            initial = opens_sentence(paragraph, start)
            if words[0] == "The" and not initial:
                continue  # "sent to The Meet Group": "The" capitalised mid-sentence is part of a name
            if "of" in words:
                continue  # "Processing of Personal Data", "Terms of Use": titles of laws and documents
            if initial:
                if words[0].lower() not in _STARTERS:
                    continue  # "Personal Data is ...": a capital any sentence would have
                determined = words[0].lower() in _DETERMINERS
                words = words[1:]  # "Our Website ...": the words after "Our" still count
                if not words or words[0] == "of":
                    continue
            if _NUMBER_AFTER.match(paragraph, m.end(1)):
                continue  # "Section 5", "Schedule 1", "Directive 95/46/EC"
            if paragraph.startswith(":", m.end(1)):
                continue  # a label: "Subject: ...", "Note: ..."
            if _ACRONYM_BEFORE.search(paragraph, max(0, start - 12), start):
                continue  # "AI Features", "GNU Licenses": part of a name
            for i, word in enumerate(words):
                if word in _BREAKS:
                    words = words[:i]  # "the Software You distribute": "You" starts a clause
                    break
            while words and words[-1] in ("of", "the"):
                words.pop()
            phrase = " ".join(words)
            for end in _POSSESSIVE:
                if phrase.endswith(end):
                    phrase = phrase[: -len(end)]
                    break
            if phrase:
                phrases[phrase] = phrases.get(phrase, 0) + 1
                if determined and not _SECTION_AFTER.match(paragraph, m.end(1)):
                    nouns[phrase] = nouns.get(phrase, 0) + 1
    quoted = (
        frozenset(m.group(1).strip() for m in _QUOTED.finditer(text))
        if "“" in text or '"' in text or "‘" in text or "«" in text or "'" in text
        else frozenset()
    )
    english, spaces = english_words(text)
    if spaces > 12 and english < 0.01 * spaces:
        phrases, nouns = {}, {}  # a passage in another language inside an English document
    return TextScan(phrases, frozenset(_LOWER_WORD.findall(text)), quoted, english, spaces, nouns)


def english_words(text: str) -> tuple[int, int]:
    """(" the ", " and ", " of ", " to " written, spaces): a text with 1% of the first is English."""
    english = text.count(" the ") + text.count(" and ") + text.count(" of ") + text.count(" to ")
    return english, text.count(" ")


def foreign(text: str) -> bool:
    """A passage of more than a dozen words that is not English."""
    english, spaces = english_words(text)
    return spaces > 12 and english < 0.01 * spaces


def opens_sentence(paragraph: str, start: int) -> bool:
    """Whether the word at `start` is the first of a sentence, list item or quotation."""
    i = start - 1
    while i >= 0 and paragraph[i] in " \t\u00a0":
        i -= 1
    if i < 0:
        return True
    c = paragraph[i]
    if c in _STARTS_SENTENCE or c.isdigit():
        return True
    if c == ")":
        return bool(_LIST_LABEL.search(paragraph, 0, i + 1))
    return False


def heading_like(paragraph: str) -> bool:
    """A line in capitals or Title Case (a heading, a disclaimer), not a sentence."""
    letters = [ch for ch in paragraph[:400] if ch.isalpha()]
    if not letters or "....." in paragraph or "…………" in paragraph:
        return True  # no words, or a line of a table of contents
    upper = sum(1 for ch in letters if ch.isupper())
    if upper > 0.6 * len(letters) and len(letters) > 3:
        return True
    words = _WORD.findall(paragraph[:200])
    sentence = any(mark in paragraph for mark in (". ", "; ", ", ")) or paragraph.rstrip().endswith(
        (".", ";", ",")
    )
    if sentence and len(words) > 6:
        return False
    significant = [w for w in words if len(w) > 3]
    if len(significant) < 2:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised >= 0.75 * len(significant)
