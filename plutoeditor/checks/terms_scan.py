"""What one clause's text says about terms: capitalised phrases used mid-sentence, its
ordinary lower-case words, and the uses of the document's defined names.

A capitalised word that opens a sentence, a paragraph, a list item or a quotation says
nothing (every sentence starts with one); nor do lines in Title Case or in capitals
(headings, disclaimers), words before a number ("Section 5", "Schedule 1") or inside quotes.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_CAP_PHRASE = re.compile(r"[A-Z][a-z][\w’'-]*(?:\s(?:of\s(?:the\s)?)?[A-Z][a-z][\w’'-]*)*")
#: A character that glues a capital to what stands before it: part of a word, address or path.
_GLUED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_’'@./#-")
_QUOTED = re.compile(
    r"(?:[“\"‘«]|``|(?<![\w])')\s?(?:the\s)?([A-Z][^“”\"‘’«»`\n]{0,60}?)\s?(?:[”\"’»]|''|'(?!\w))"
)
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
#: "the Contact Us section below": the name of a part of the document.
_SECTION_AFTER = re.compile(
    r"\s(?:section|sections|tab|page|heading|below|above|button|link|menu|settings|team|department|"
    r"desk|centre|center|portal|app|feature)\b"
)
#: "the Act on the Protection of ...", "Issue/PR": part of a longer name.
_NAME_GOES_ON = re.compile(
    r"/|\s(?:on|for|in|to|and)\s(?:the\s)?[A-Z]|\s\((?:the\s)?[“\"]?[A-Z][A-Z0-9&]{1,7}[”\"]?\)"
)  # "the Act on the Protection of ...", "Issue/PR", "Consent Management Platform (CMP)"
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
#: Words that may follow a term used as a noun: verbs, prepositions, conjunctions.
_FUNCTION_WORDS = frozenset(
    "is are was were be been being will may shall must can could would should might do does did has have "
    "had and or nor but of to in for with by on at from that which who whom whose as under through "
    "including such so than then if when where while not also only only any all each this these its "
    "their our your his her against between within without about after before during into onto upon "
    "over until unless via per except provided available set described referred made used given "
    "uses provides includes contains means applies allows requires offers collects processes shares "
    "remains becomes makes takes gives helps enables supports operates owns controls receives sends "
    "stores displays appears agrees acknowledges reserves grants represents warrants".split()
)
#: Words that end a capitalised phrase: "the Software You distribute" is "Software".
_BREAKS = frozenset("You Your We Our Us They Their He She It Its This That These Those".split())
_POSSESSIVE = ("’s", "'s", "’", "'")
_SPACES = frozenset(" \t\u00a0")
#: One pass finds a capitalised phrase and tells what follows it: something that makes it
#: part of a longer name or a reference (group 1), the name of a part of the document
#: (group 2) or a lower-case word (group 3). The lookaheads are the patterns above.
_SCAN = re.compile(
    _CAP_PHRASE.pattern
    + r"(?:(?=[:@]|"
    + _NUMBER_AFTER.pattern
    + "|"
    + _NAME_GOES_ON.pattern
    + r")()|(?="
    + _SECTION_AFTER.pattern
    + r")()|(?="
    + _NEXT_WORD.pattern
    + "))?"
)
_SKIP, _SECTION, _NEXT = 1, 2, 3
_CAPITALS_NUL = bytes.maketrans(b"\0ABCDEFGHIJKLMNOPQRSTUVWXYZ", bytes(27))


class TextScan(NamedTuple):
    """Capitalised phrases a clause uses mid-sentence (phrase -> count), as nouns, and quoted."""

    phrases: dict[str, int]
    #: the phrases used as nouns of the document: after "the", "our", "this", "any" ...
    nouns: dict[str, int] = {}
    quoted: frozenset[str] = frozenset()  # phrases written in quotes: named, defined or headings
    spaces: int = 0
    #: more than a dozen words, not English (see `foreign`)
    foreign: bool = False


_EMPTY = TextScan({})
_NO_QUOTES = frozenset[str]()
#: TextScan's fields as a tuple, without the Python call of its constructor
_new_scan = tuple.__new__


def scan_text(text: str, quotes: bool = True) -> TextScan:
    """What the text says (see `TextScan`); `quotes`: False if the caller knows it holds no
    quotation mark, apostrophe or backtick."""
    if not text:
        return _EMPTY
    spaces = text.count(" ")
    # " the " settles a passage of up to 100 spaces (see `_little_english`), without its call
    if spaces > 12 and (spaces > 100 or " the " not in text) and _little_english(text, spaces):
        return TextScan({}, spaces=spaces, foreign=True)  # capitals mean other things in German
    phrases: dict[str, int] = {}
    nouns: dict[str, int] = {}
    if "\n" not in text:
        if text[0] != "|":  # table rows hold labels
            _scan_paragraph(text, phrases, nouns, spaces)
    else:
        for paragraph in text.split("\n"):
            if paragraph and paragraph[0] != "|":
                _scan_paragraph(paragraph, phrases, nouns, -1)
    quoted = (
        frozenset(m.group(1).strip().rstrip(".,;:") for m in _QUOTED.finditer(text))
        if quotes
        and ("“" in text or '"' in text or "‘" in text or "«" in text or "'" in text or "``" in text)
        else _NO_QUOTES
    )
    return _new_scan(TextScan, (phrases, nouns, quoted, spaces, False))  # type: ignore[no-any-return]


def _scan_paragraph(paragraph: str, phrases: dict[str, int], nouns: dict[str, int], spaces: int) -> None:
    """Count the capitalised phrases one paragraph uses mid-sentence (see the module docstring);
    `spaces`: the paragraph's spaces, when counted (-1: not counted).

    The cheap tests come first: half the capitals in a policy open a sentence. Whether the
    paragraph is a heading is asked only when a phrase would count (headings say nothing).
    """
    heading: bool | None = None
    # the capitals, found with `bytes.find` in a copy of the paragraph with each of them
    # (and NUL) made NUL, and the pattern matched at each: `_SCAN.finditer` gives the same
    # matches (all start with a capital) but tries its first character at every position,
    # several times slower; a letter outside ASCII is one "?" in the copy, so places agree
    capitals = paragraph.encode("ascii", "replace").translate(_CAPITALS_NUL)
    match = _SCAN.match
    at = capitals.find(0)
    while at >= 0:
        start = at
        glued = False
        if start:
            c = paragraph[start - 1]
            if c in _GLUED:
                glued, initial = True, False  # inside a word, an address, a file: "eBay", "www.Example.com"
            elif c not in _SPACES:
                initial = c in _STARTS_SENTENCE or c.isdigit() or c == ")" and _list_label(paragraph, start)
            elif start == 1:
                initial = True
            else:  # `opens_sentence`, for the usual one space before the word
                b = paragraph[start - 2]
                if b in _SPACES:
                    initial = opens_sentence(paragraph, start)
                else:
                    initial = (
                        b in _STARTS_SENTENCE or b.isdigit() or b == ")" and _list_label(paragraph, start - 1)
                    )
        else:
            initial = True
        if initial and not glued:
            # a phrase goes on past its first word only with a capital at most 8 characters
            # after it ("X of the Y"); without one it is a word opening a sentence, which says
            # nothing: not matched (half the capitals of a policy)
            space = paragraph.find(" ", start)
            next_capital = capitals.find(0, start + 1)
            if space >= 0 and (next_capital < 0 or next_capital > space + 8):
                at = next_capital
                continue
        m = match(paragraph, start)
        if m is None:
            at = capitals.find(0, start + 1)
            continue
        at = capitals.find(0, m.end())
        if glued:
            continue
        after = m.lastindex
        if after == _SKIP:
            continue  # "Subject: ...", "Section 5", "Directive 95/46/EC", "the Act on the ..."
        readings = _OPENING if initial else _INSIDE
        matched = m.group()
        reading = readings.get(matched)
        if reading is None:
            if len(readings) >= 4096:
                readings.clear()
            reading = readings[matched] = _reading(matched, initial)
        phrase, determined = reading
        if not phrase:
            continue
        if (
            start > 2
            and paragraph[start - 2].isupper()
            and _ACRONYM_BEFORE.search(paragraph, max(0, start - 12), start)
        ):
            continue  # "AI Features", "GNU Licenses": part of a name
        if heading is None:
            heading = _heading_like(paragraph, spaces)
        if heading:
            return  # a heading, a line in capitals: says nothing
        phrases[phrase] = phrases.get(phrase, 0) + 1
        if not initial:
            if c == " ":
                before = paragraph[max(0, start - 7) : start - 1]
                determined = before[before.rfind(" ") + 1 :] in _DETERMINERS
            else:
                determined = False
        if determined and after != _SECTION:
            if after == _NEXT:  # "the Policy Updates page": a lower-case noun follows
                following = m.group(_NEXT)
                if following not in _FUNCTION_WORDS and not following.endswith("ed"):
                    continue
            nouns[phrase] = nouns.get(phrase, 0) + 1


#: A capitalised phrase as matched -> its `_reading` (opening a sentence, or inside one): the
#: same phrases come again and again
_OPENING: dict[str, tuple[str, bool]] = {}
_INSIDE: dict[str, tuple[str, bool]] = {}


def _reading(matched: str, initial: bool) -> tuple[str, bool]:
    """The phrase a capitalised phrase as matched counts as ("" for none) and, if it opens a
    sentence (`initial`), whether its first word is a determiner ("Our Website")."""
    if initial:
        space = matched.find(" ")
        if space < 0 or matched[:space].lower() not in _STARTERS:
            return "", False  # "Personal Data is ...", "The ...": a capital any sentence would have
    words = matched.split()
    if "of" in words or not initial and words[0] == "The":
        return "", False  # "sent to The Meet Group", "Terms of Use": names and titles
    determined = False
    if initial:
        determined = words[0].lower() in _DETERMINERS
        words = words[1:]  # "Our Website ...": the words after "Our" still count
    if not _BREAKS.isdisjoint(words):
        for i, word in enumerate(words):
            if word in _BREAKS:
                words = words[:i]  # "the Software You distribute": "You" starts a clause
                break
    if not words:
        return "", False
    phrase = " ".join(words) if len(words) > 1 else words[0]
    last = phrase[-1]
    if last == "s":
        if len(phrase) > 1 and phrase[-2] in "’'":
            phrase = phrase[:-2]  # "the Company's"
    elif last in "’'":
        phrase = phrase[:-1]  # "the Users'"
    return phrase, determined


def _list_label(paragraph: str, start: int) -> bool:
    return bool(_LIST_LABEL.search(paragraph, 0, start))


def _modifies(paragraph: str, end: int) -> bool:
    """Whether the phrase ending at `end` names a kind of something: "the Policy Updates page",
    "our Customer Services team", "Regular members" (a lower-case noun follows it)."""
    m = _NEXT_WORD.match(paragraph, end)
    return m is not None and m.group(1) not in _FUNCTION_WORDS and not m.group(1).endswith("ed")


_ENGLISH = (" the ", " and ", " of ", " to ")
#: Words no other language of the corpus writes, for the passages without the four above:
#: '"Media Product" means any book, magazine or other publication, ... in any format'.
_MORE_ENGLISH = (" or ", " any ", " with ", " you ", " your ", " that ", " which ", " this ", " are ")


def english_words(text: str) -> tuple[int, int]:
    """(" the ", " and ", " of ", " to " written, spaces): a text with 1% of the first is English."""
    english = text.count(" the ") + text.count(" and ") + text.count(" of ") + text.count(" to ")
    return english, text.count(" ")


def foreign(text: str) -> bool:
    """A passage of more than a dozen words that is not English."""
    spaces = text.count(" ")
    return spaces > 12 and _little_english(text, spaces)


def _little_english(text: str, spaces: int) -> bool:
    """Whether " the ", " and ", " of ", " to " (or, failing them, a few other English words)
    make less than 1% of the spaces, in any case; counted only as far as needed (most
    passages are English, and the first word settles it)."""
    enough = 0.01 * spaces
    if enough <= 1:
        if " the " in text or " and " in text or " of " in text or " to " in text:
            return False
    else:
        english = 0
        for word in _ENGLISH:
            english += text.count(word)
            if english >= enough:
                return False
    return not _english_after_all(text, enough)


def _english_after_all(text: str, enough: float) -> bool:
    """The rarer English words, for a passage without the four commonest; in lower case for
    a passage in capitals ("YOU MUST REGISTER FOR EACH COUNTRY (IN EACH CASE, THE ...)")."""
    if text.isupper():
        text = text.lower()
        if " the " in text or " and " in text or " of " in text or " to " in text:
            return True
    english = 0
    for word in _MORE_ENGLISH:
        english += text.count(word)
        if english >= enough:
            return True
    return False


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
    """A line in capitals or Title Case (a heading, a disclaimer, a contents line), not a sentence."""
    return _heading_like(paragraph, -1)


def _heading_like(paragraph: str, spaces: int) -> bool:
    """`heading_like`, told the paragraph's spaces when they are counted (else -1)."""
    if "....." in paragraph or "……" in paragraph or paragraph.isupper():
        return True
    if (
        len(paragraph) > 200
        or (paragraph.endswith((".", ";", ",")) or ". " in paragraph)
        and (spaces if spaces >= 0 else paragraph.count(" ")) > 5
    ):
        return False
    words = _WORD.findall(paragraph)
    significant = [w for w in words if len(w) > 3]
    if len(significant) < 2:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised >= 0.75 * len(significant)
