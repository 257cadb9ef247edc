"""Effective dates as policies write them: "21st November 2022", "March 1, 2024", "2024-03-01".

`find_effective_date` looks for a date introduced by words such as "effective", "last
updated" or "in force from"; `parse_date` reads one date in any common form. Numeric dates
such as 01/03/2024 are read day first unless that is impossible (policies in this
project are mostly UK and South African); an ISO date is always year-month-day.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_A = r"(?<![\dA-Za-z])"  # a date starts and ends at a word edge ("_Last Updated: 1 May 2021_" too)
_Z = r"(?![\dA-Za-z])"
_FORMS = [
    re.compile(rf"{_A}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}{_Z}", re.IGNORECASE),  # 21st November 2022
    re.compile(rf"{_A}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_Z}", re.IGNORECASE),  # March 1, 2024
    re.compile(rf"{_A}(?P<year>(?:19|20)\d{{2}})-(?P<mm>\d{{1,2}})-(?P<dd>\d{{1,2}}){_Z}"),  # 2024-03-01
    # 01/03/2024, 01.03.2024, 27-04-2023 (the same separator twice)
    re.compile(rf"{_A}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<year>(?:19|20)\d{{2}}){_Z}"),
]

_TRIGGER = re.compile(
    r"(?<![A-Za-z])(?:effective|last\s+(?:updated?|modified|revised|amended|changed|revision)|updated(?:\s+on)?|"
    r"revised|in\s+force|version\s+date|date\s+(?:modified|updated|revised)|modified\s+on|"
    r"date\s+of\s+(?:last\s+)?(?:revision|update)|dated)\b",
    re.IGNORECASE,
)


def _from_match(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    year = int(groups["year"])
    try:
        if groups.get("month"):
            return dt.date(year, _MONTHS[groups["month"].lower()], int(groups["day"]))
        if groups.get("mm"):
            return dt.date(year, int(groups["mm"]), int(groups["dd"]))
        a, b = int(groups["a"]), int(groups["b"])
        day, month = (b, a) if a <= 12 < b else (a, b)
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first date written in `text`, in any common form, or None."""
    best: tuple[int, dt.date] | None = None
    for form in _FORMS:
        for m in form.finditer(text):
            value = _from_match(m)
            if value is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), value)
                break
    return best[1] if best else None


def find_effective_date(text: str) -> dt.date | None:
    """The date after "effective", "last updated" and similar words, or None.

    "This Privacy Policy is effective as of: 21st November 2022" -> 2022-11-21;
    "_Last Updated: January 1, 2021_" -> 2021-01-01. A date with no such word is not taken.
    """
    trigger = _TRIGGER.search(text)
    if trigger is None:
        return None
    return parse_date(text[trigger.start() :]) or parse_date(text[: trigger.start()])


def text_before_date(text: str) -> str:
    """What a date line says before its date phrase: "Firefox Privacy Notice Effective ..." -> the name."""
    trigger = _TRIGGER.search(text)
    return text[: trigger.start()].strip(" -\u2013\u2014:|,(") if trigger else text


def is_date_line(text: str) -> bool:
    """A short line whose job is to state the effective date (not a clause)."""
    return len(text) <= 200 and "\n" not in text.strip() and find_effective_date(text) is not None


_MARKUP = " \t_*~.,;:()[]"


def is_lone_date(text: str) -> bool:
    """A line that is only a date ("_30 May 2024_", "27-04-2023"): a version's date, not a clause."""
    bare = text.strip().strip(_MARKUP)
    if not bare or len(bare) > 40 or "\n" in bare:
        return False
    for form in _FORMS:
        m = form.fullmatch(bare)
        if m is not None and _from_match(m) is not None:
            return True
    return False
