"""Recognising clause labels as written ("2.3.9", "6.", "6.9.1:", "(a)", "iv.", "1A.1", "SECTION 2").

A label is kept exactly as written, minus the whitespace that separates it from the text,
because a wrong label is what the checks exist to find. This module finds where a label at
the start of a paragraph ends and tells labels from numbers that only look like them
(postcodes, amounts, dates, IP addresses, wrapped ordinals); what a label is, its *style key*
(which labels are siblings) and which label comes next are model.labels'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plutoeditor.model.labels import (
    DECIMAL_LABEL,
    ROMAN_NUMERAL_PATTERN,
    WORD_LABEL,
    decimal_parts,
    decimal_value,
    follows,
    is_bare_number,
    label_key,
    letter_families,
    letter_of,
)

# What a label is, and which labels are siblings or come next, is model.labels' to say; these are
# its names for the importers that read labels off the page.
__all__ = [
    "decimal_parts",
    "decimal_value",
    "follows",
    "is_bare_number",
    "label_key",
    "letter_of",
    "split_label",
    "wrapped_number",
]

_LOWER_ROMAN, _UPPER_ROMAN = ROMAN_NUMERAL_PATTERN.lower(), ROMAN_NUMERAL_PATTERN
# "(a)", "(iv)", "(A)", "(1)", "(aa)": which letters are a label's is model.labels' to say
# (letter_families), so "(EU)" and the placeholder "(XXXX)" are none, as in numbering
_PAREN = re.compile(r"(?P<label>\((?P<letters>[a-zA-Z]{1,6}|\d{1,3})\))(?P<sep>[ \t]+|$)")
# "a.", "A.", "iv.", "IV)", "a)"; not "ici." A lower-case "a)" may be glued to a capitalised word
# ("a)Le Passager ..." from a PDF that lost the space); "A.Smith" and "e.g.Word" stay words
_LETTER = re.compile(
    rf"(?P<label>(?P<letters>[a-z]|{_LOWER_ROMAN}|[A-Z]|{_UPPER_ROMAN})[.)])"
    r"(?P<sep>[ \t]+|$|(?<=[a-z]\))(?=[A-ZÀ-Þ][a-zà-ÿ]))"
)
# "§ 1 Grundsätze", "§3 Sperrung, Kündigung": a section sign over a short title (not "§ 7 Abs. 1 gilt.")
_SECTION_SIGN_SENTENCE = re.compile(r"(?:Abs|Absatz|Satz|Halbsatz|Nr|Nummer|S\.|ff|[A-Z]{2,}\b|[a-zäöü])")
_SECTION_SIGN = re.compile(r"(?P<label>§[ \t]?\d{1,4}[a-z]?\.?)(?:[ \t]+|$)")
_VERSION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\b")
# "(Scope) survives termination": a cross-reference with its title, then the sentence goes on
_SENTENCE_AFTER_TITLE = re.compile(r"^\([^()]{1,80}\)[ \t]+[a-z]")
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
# A currency after an amount written with thousands points ("25.000 Kč"); not after "10.001 Scope"
_CURRENCY = re.compile(r"(?i:kč|czk|zł|pln|ft|huf|lei|ron|kn|kr|sek|nok|dkk|chf|gbp|jpy)\b|[¥₹₽₺₩₪]")
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
        m = DECIMAL_LABEL.match(stripped)
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
        m = WORD_LABEL.match(stripped)
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
    if _THOUSANDS.fullmatch(num):  # "25.000 Kč", "1.500 zł": figures grouped in thousands
        return rest[:1].islower() or bool(_AMOUNT.match(rest) or _CURRENCY.match(rest))
    return bool(_AMOUNT.match(rest))


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
