"""Recognising clause labels as written ("2.3.9", "6.", "6.9.1:", "(a)", "iv.", "1A.1", "SECTION 2").

A label is kept exactly as written, minus the whitespace that separates it from the text,
because a wrong label is what the checks exist to find. Its *style key* tells the tree
builder which labels are siblings: decimal labels by their number of components (the
level), lettered and roman items by their form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plutoeditor.model.labels import (
    LABEL_WORD_PATTERN,
    ROMAN_LETTERS,
    ROMAN_NUMERAL_PATTERN,
    letter_families,
    to_roman,
)

# "1", "1.", "1.1", "2.3.9", "6..", "6.9.1:", "1A", "1A.1", "4.1A" - at most 3 digits per part, so
# years ("2024 was") and amounts are not labels.
_DECIMAL = re.compile(
    r"(?P<label>(?P<num>\d{1,3}[A-Z]?(?:\.\d{1,3}[A-Z]?)*)(?P<dots>\.{0,2})(?P<colon>:?)(?P<paren>\)?))"
    r"(?P<sep>[ \t]+|$|(?<=\.)(?=[A-Z\"“'‘(]))"
)
_LOWER_ROMAN, _UPPER_ROMAN = ROMAN_NUMERAL_PATTERN.lower(), ROMAN_NUMERAL_PATTERN
# "(a)", "(iv)", "(A)", "(1)", "(aa)": which letters are a label's is model.labels' to say
# (letter_families), so "(EU)" and the placeholder "(XXXX)" are none, as in numbering
_PAREN = re.compile(r"(?P<label>\((?P<letters>[a-zA-Z]{1,6}|\d{1,3})\))(?P<sep>[ \t]+|$)")
# "a.", "A.", "iv.", "IV)", "a)"; not "ici."
_LETTER = re.compile(
    rf"(?P<label>(?P<letters>[a-z]|{_LOWER_ROMAN}|[A-Z]|{_UPPER_ROMAN})[.)])(?P<sep>[ \t]+|$)"
)
# "SECTION 2", "Section 2:", "Article IV.", "Part 3 -", "Schedule 1", "Annex A"
_WORD = re.compile(
    rf"(?P<label>(?P<word>{LABEL_WORD_PATTERN})"
    rf"[ \t]+(?:\d{{1,3}}[A-Z]?(?:\.\d{{1,3}}[A-Z]?)*|{_UPPER_ROMAN}|[A-Z])\b[.:]?)"
    r"(?P<sep>[ \t]*(?:[\u2013\u2014-][ \t]*)?)",
    re.IGNORECASE,
)
_ROMAN_FORM = re.compile(f"^[{ROMAN_LETTERS}]+$", re.IGNORECASE)
#: The roman numerals a list item may carry, as model.labels reads them ("c" and "xl" are not)
_LIST_ROMANS = frozenset(to_roman(n) for n in range(1, 40))
# "§ 1 Grundsätze", "§3 Sperrung, Kündigung": a section sign over a short title (not "§ 7 Abs. 1 gilt.")
_SECTION_SIGN_SENTENCE = re.compile(r"(?:Abs|Absatz|Satz|Halbsatz|Nr|Nummer|S\.|ff|[A-Z]{2,}\b|[a-zäöü])")
_SECTION_SIGN = re.compile(r"(?P<label>§[ \t]?\d{1,4}[a-z]?\.?)(?:[ \t]+|$)")
_VERSION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\b")
# "(Scope) survives termination": a cross-reference with its title, then the sentence goes on
_SENTENCE_AFTER_TITLE = re.compile(r"^\([^()]{1,80}\)[ \t]+[a-z]")
_DIGITS = re.compile(r"\d+")
_FIRST_NUMBER = re.compile(r"\d{1,3}")
# Numbers that only look like labels: "170 00 Praha" (a postcode), "521 724 336" (a registration
# number), "3 ans" and "30 days" (a quantity), "3.7 million", "9.165.940 euros" (an amount).
_NUMBER_GOES_ON = re.compile(r"\d|(?!https?:|www\.)[a-zà-ÿ]")
# "thirty (30) days", "douze (12) mois": a number written out, then in figures, then its unit
_UNIT = re.compile(
    r"(?:calendar|business|working|days?|weeks?|months?|years?|hours?|minutes?|jours?|mois|ans|années?"
    r"|semaines?|heures?|tagen?|wochen|monaten?|jahren?|stunden|días|meses|años|giorni|mesi|anni|dni|dias)\b"
)
_AMOUNT = re.compile(
    r"(?i:million|billion|thousand|per\s*cent|percent|%|€|\$|£|eur\b|euros?\b|usd\b|dollars?\b|pounds?\b)"
)
# "27. April 2016", "31. Dezember 2019", "14. juillet 2023": a day of a date written day-first, never
# clause 27 (English "30 May 2024" has no dot and is left to the structure builder)
_MONTH_AFTER_DAY = re.compile(
    r"(?i:januar|januari|janvier|enero|gennaio|februar|februari|février|febrero|febbraio|märz|maart|mars"
    r"|marzo|april|avril|abril|aprile|mai|mei|mayo|maggio|juni|juin|junio|giugno|juli|juillet|julio|luglio"
    r"|august|augustus|août|agosto|september|septembre|septiembre|settembre|oktober|october|octobre"
    r"|octubre|ottobre|november|novembre|noviembre|dezember|december|décembre|diciembre|dicembre)"
    r",?\s+\d{4}\b"
)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_ESCAPED_NUMBER = re.compile(r"(\d{1,3})\\\.[ \t]")
_STOPS_MID_SENTENCE = re.compile(r"[a-zà-ÿß,]$")
# "07. Liability", "01.Using the site": a section number padded with a zero, then its title
_ZERO_PADDED = re.compile(r"0\d\.[ \t]*[A-Z]")

# "(c) 2004 Pluto GmbH", "(C) Pluto Ltd 1999. All rights reserved.": a copyright sign, not item (c)
_COPYRIGHT = re.compile(r"^(?:(?:19|20)\d\d\b|[A-Z][^.;:,]*\b(?:19|20)\d\d$|.*\b(?i:all rights reserved))")


@lru_cache(maxsize=16384)  # each paragraph is read for its label by the text reader, scopes and the builder
def split_label(text: str) -> tuple[str, str]:
    """The label at the start of `text` as written (without separating whitespace) and the rest.

    Returns ("", text) when the paragraph has no label. "6. Your Rights" -> ("6.", "Your Rights");
    "6.9.1: South Africa" -> ("6.9.1:", "South Africa"); "1.Definitions" -> ("1.", "Definitions").
    """
    stripped = text.lstrip()
    if not stripped:
        return "", text
    first = stripped[0]
    if first.isdigit():
        m = _DECIMAL.match(stripped)
        if m and not (m.group("paren") and (m.group("dots") or m.group("colon"))):
            rest = stripped[m.end() :].lstrip()
            if first == "0" and stripped[1:2].isdigit() and not _ZERO_PADDED.match(m.group("label") + rest):
                return "", text  # "010 023 5207" is a phone number; "07. Liability" a section
            if _only_a_number(m, rest) or _internet_address(m.group("num")):
                return "", text
            return m.group("label"), rest
        return "", text
    if first == "§":
        m = _SECTION_SIGN.match(stripped)
        rest = stripped[m.end() :] if m else ""
        if m and (not rest or (len(rest.split()) <= 10 and not rest.rstrip().endswith((".", ";", ",")))):
            if not _SECTION_SIGN_SENTENCE.match(rest):
                return m.group("label"), rest
        return "", text
    if first == "(":
        m = _PAREN.match(stripped)
        if m and (m["letters"].isdigit() or letter_families(m["letters"])):
            rest = stripped[m.end() :].lstrip()
            if m.group("label") in ("(c)", "(C)") and _COPYRIGHT.match(rest):
                return "", text
            if m.group("label")[1].isdigit() and _UNIT.match(rest):
                return "", text
            return m.group("label"), rest
        return "", text
    if first.isalpha():
        m = _LETTER.match(stripped)
        if m and letter_families(m["letters"]):
            rest = stripped[m.end() :].lstrip()
            if first in "vV" and _VERSION_NUMBER.match(rest):  # "V. 2.0" is a version line
                return "", text
            return m.group("label"), rest
        m = _WORD.match(stripped)
        if m:
            rest = stripped[m.end() :]
            sep = m.group("sep")
            # "Section 69 of the Act ..." is a sentence, not a label.
            punctuated = bool(sep.strip()) or m.group("label")[-1] in ".:"
            if not rest or punctuated or rest[:1].isupper() or rest[:1] in "\"“'‘(":
                if not punctuated and _SENTENCE_AFTER_TITLE.match(rest):
                    return "", text  # "Section 1.1 (Scope) survives termination."
                return m.group("label").rstrip(), rest.lstrip()
    return "", text


def _only_a_number(m: re.Match[str], rest: str) -> bool:
    """Whether a number at the start of a paragraph is a quantity, amount or code, not a label."""
    num = m.group("num")
    if m.group("dots") == "." and num.isdigit() and int(num) <= 31 and _MONTH_AFTER_DAY.match(rest):
        return True  # "27. April 2016"
    if m.group("dots") or m.group("colon") or m.group("paren"):
        return False  # "3. Fees", "2.1: Scope", "3)": punctuated like a label
    if num.isdigit():  # "170 00 Praha", "521 724 336", "3 ans", "30 days"
        return bool(_NUMBER_GOES_ON.match(rest))
    return bool(_AMOUNT.match(rest)) or (bool(_THOUSANDS.fullmatch(num)) and rest[:1].islower())


def wrapped_number(first: str, previous: str, line: str) -> bool:
    """Whether a Markdown line starting with an escaped number ("21\\. Lebensjahr vollendet")
    carries on the sentence of the line before it (as written), which stops mid-sentence ("... das").

    Converters escape the dot of a number that a hard wrap put at the start of a line, so that
    it is no list item. A numbered paragraph starts after a finished sentence, or as the next
    number after the one the paragraph so far (`first` is its first line) started with.
    """
    m = _ESCAPED_NUMBER.match(line)
    if m is None or previous.endswith(("  ", "\\")) or not _STOPS_MID_SENTENCE.search(previous):
        return False  # two spaces or a backslash at the end: a line break the writer made
    before = _ESCAPED_NUMBER.match(first)
    return before is None or int(before[1]) + 1 != int(m[1])


def _internet_address(num: str) -> bool:
    """ "123.45.67.89" in a sample log line: four numbers, two or more of them past any count a
    label's parts reach ("3.1.12.1" is a label)."""
    parts = num.split(".")
    return len(parts) == 4 and sum(int(p) > 31 for p in parts if p.isdigit()) >= 2


def is_bare_number(label: str) -> bool:
    """A single number with no punctuation ("12"): could also start an address or a sentence."""
    return label.isdigit()


@lru_cache(maxsize=65536)  # labels repeat across the files of a compare and the items of lists
def label_key(label: str, previous_alpha: str | None = None) -> tuple:
    """Which labels are siblings: decimal by level, letters and romans by form.

    `previous_alpha` is the last lower-case letter label open at this form, so "(i)" after
    "(h)" is read as a letter, not a roman numeral.
    """
    core = label.strip()
    m = _DECIMAL.fullmatch(core) if core[:1].isdigit() else None
    if m and not m.group("paren"):
        num = m.group("num")
        if num.endswith(".0") and num.count(".") == 1:  # "1.0": section 1 in the N.0 convention
            return ("d", 1)
        return ("d", num.count(".") + 1)
    if core[:1].isdigit():  # "1)"
        return ("n", "x)")
    if core.startswith("§"):
        return ("w", "§", 1)
    wm = _WORD.match(core)
    if wm:
        number = core[len(wm.group("word")) :].strip().rstrip(".:")
        return ("w", wm.group("word").lower(), number.count(".") + 1)
    form = "(x)" if core.startswith("(") else "x" + core[-1:]
    letters = core.strip("().")
    letters = letters.rstrip(")")
    if letters.isdigit():
        return ("n", form)
    if _ROMAN_FORM.match(letters) and letters.lower() in _LIST_ROMANS:
        single = len(letters) == 1
        prev_ok = (
            single and previous_alpha is not None and ord(letters.lower()) == ord(previous_alpha.lower()) + 1
        )
        if not prev_ok:
            return ("r" if letters.islower() else "R", form)
    return ("a" if letters.islower() else "A", form)


def letter_of(label: str) -> str | None:
    """The letter of an alphabetic label ("(h)" -> "h"), for telling "(i)" the letter from the numeral."""
    core = label.strip("().: ")
    return core if len(core) == 1 and core.isalpha() else None


def decimal_value(label: str) -> int | None:
    """The first number of a decimal label ("12" -> 12, "2.3" -> 2), or None."""
    m = _FIRST_NUMBER.match(label)
    return int(m.group(0)) if m else None


@lru_cache(maxsize=65536)  # called for every labelled paragraph; labels repeat across versions
def decimal_parts(label: str) -> tuple[int, ...] | None:
    """The numbers of a decimal label ("2.3.9" -> (2, 3, 9), "6." -> (6,)), or None for "(a)", "1)"."""
    core = label.strip()
    m = _DECIMAL.fullmatch(core) if core[:1].isdigit() else None
    if not m or m.group("paren"):
        return None
    return tuple(map(int, _DIGITS.findall(m.group("num"))))  # one run of digits per part


def follows(open_parts: tuple[int, ...], parts: tuple[int, ...]) -> bool:
    """Whether `parts` is the next label after the open clauses `open_parts`.

    The next label is a first child (2.3 -> 2.3.1), the next sibling (2.4) or the next
    label at any level above (3); with nothing open, it is 1.
    """
    if parts == open_parts + (1,):
        return True
    return any(parts == open_parts[:k] + (open_parts[k] + 1,) for k in range(len(open_parts)))
