"""Whether a candidate label fits the numbering around it, for the tree builder's decisions.

A line that starts with something label-shaped ("1 This applies...", "30 May 2024", "(c)")
is a clause only when the numbering around it explains it: it continues an open sequence,
starts the first child of the clause above, or has strong evidence of its own. These
helpers answer the sequence questions; `label_fit.py` weighs them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plutoeditor.importers.labels import decimal_parts, letter_of
from plutoeditor.model.labels import roman_value

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# "30 May 2024", "1st January, 2023": a date, never a clause numbered 30
_DATE_AFTER_DAY = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:{_MONTHS})\.?,?\s+\d{{4}}\b", re.IGNORECASE)
# "... (see note 1)", "footnote 2", "¹": the clause points to a note that follows it
_NOTE_CALL = re.compile(r"\b(?:foot)?notes?\s+(\d{1,3})\b", re.IGNORECASE)


def is_date_after_number(rest: str) -> bool:
    """Whether the text after a bare number makes it a day of a date ("30" + "May 2024")."""
    return bool(_DATE_AFTER_DAY.match(rest))


def notes_called(text: str) -> set[int]:
    """The note numbers a clause's text points to ("(see note 1)" -> {1})."""
    if "note" not in text.lower():
        return set()
    return {int(m.group(1)) for m in _NOTE_CALL.finditer(text)}


def _form(label: str) -> tuple[str, str]:
    """The punctuation around a label's core: "(" + ")" for "(c)", "" + ")" for "c)"."""
    core = label.strip().strip("().:")
    start = label.find(core) if core else 0
    return label[:start], label[start + len(core) :]


@lru_cache(maxsize=65536)  # asked for every open item of a style, and labels repeat
def follows_label(previous: str, label: str) -> bool:
    """Whether `label` is the next label after `previous` in one list of the same form.

    "(b)" -> "(c)", "ii)" -> "iii)", "7." -> "8.", "2.3" -> "2.4". The roman "(c)"=100 is
    never the next of anything short, so "(b)" -> "(c)" is read as letters.
    """
    if not previous or not label or _form(previous) != _form(label):
        return False
    before, after = previous.strip().strip("().:"), label.strip().strip("().:")
    parts_before, parts_after = decimal_parts(previous), decimal_parts(label)
    if parts_before is not None and parts_after is not None:
        return (
            len(parts_before) == len(parts_after)
            and parts_before[:-1] == parts_after[:-1]
            and parts_after[-1] == parts_before[-1] + 1
        )
    if before.isdigit() and after.isdigit():  # "(1)" -> "(2)", "1)" -> "2)"
        return int(after) == int(before) + 1
    first, second = letter_of(before), letter_of(after)
    if first and second and first.islower() == second.islower() and ord(second) == ord(first) + 1:
        return True
    value_before, value_after = roman_value(before), roman_value(after)
    if value_before and value_after and before.islower() == after.islower():
        return value_after == value_before + 1
    return False
