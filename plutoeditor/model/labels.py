"""What a clause label is, in one place: families, roman and letter values, label words, comparison,
the forms labels take at the start of a line, which labels are siblings and which comes next.

The importers read labels off the page (importers/labels.py) and nest them, numbering derives the label a
position calls for, references and compare match labels, the editor shows where a label
disagrees with its position: all of them take the pieces below from here, so "ANNEX IV",
"(iv)" and "Part 2" mean the same thing to each.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from plutoeditor.lazy_pattern import lazy_pattern

# -- families ---------------------------------------------------------------------------

DECIMAL, NUMBER = "decimal", "number"
ALPHA_LOWER, ALPHA_UPPER = "alpha-lower", "alpha-upper"
ROMAN_LOWER, ROMAN_UPPER = "roman-lower", "roman-upper"
#: Label kinds besides "number" and "letters": a word label ("Schedule 1", "Part II",
#: "Section 3", counted per word), an insertion ("4A") and anything else (kept as written).
SCHEDULE, INSERTION, OTHER = "schedule", "insertion", "other"

# -- label words ------------------------------------------------------------------------

#: Attachments: each numbers its own clauses from 1 ("paragraph 2 of Schedule 1").
ATTACHMENT_WORDS = frozenset({"schedule", "annex", "annexure", "appendix", "exhibit", "attachment"})
#: Divisions of the body: "Part 2" numbers its clauses 2.1, 2.2 and is no attachment.
DIVISION_WORDS = frozenset({"part", "section", "article", "clause"})
LABEL_WORDS = ATTACHMENT_WORDS | DIVISION_WORDS
#: The words whose labels numbering counts per word ("Part 3" after "Part 1": a gap). Not
#: "Clause N": such headings (the Standard Contractual Clauses') run on across the sections
#: that hold them, so they are kept as written rather than counted section by section.
COUNTED_WORDS = LABEL_WORDS - {"clause"}


def words_pattern(words: frozenset[str]) -> str:
    """A regex alternation of words, longer first ("annexure" before "annex")."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


ATTACHMENT_PATTERN = words_pattern(ATTACHMENT_WORDS)
LABEL_WORD_PATTERN = words_pattern(LABEL_WORDS)
_COUNTED_PATTERN = words_pattern(COUNTED_WORDS)

# -- roman numerals and letters ---------------------------------------------------------

#: The letters a label's roman numeral is read from: "d" and "m" are read as letters.
ROMAN_LETTERS = "ivxlc"
#: A roman numeral in its usual form, 1 to 399 ("iv", "xiv", "xl"; not "iiii" or "ic").
_ROMAN = re.compile(r"^c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_DIGITS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def is_roman(text: str) -> bool:
    """Whether `text` is a roman numeral as labels write them ("iv", "XII"; not "iiii", "b")."""
    return bool(text) and bool(_ROMAN.match(text.lower()))


@lru_cache(maxsize=4096)
def roman_value(text: str) -> int | None:
    """The value of a roman numeral ("iv" -> 4, "XII" -> 12), or None when it is not one."""
    lower = text.lower()
    if not lower or not _ROMAN.match(lower):
        return None
    values = [_ROMAN_VALUES[ch] for ch in lower]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def to_roman(n: int) -> str:
    """n in lower-case roman numerals (4 -> "iv"); 0 and below as digits."""
    if n <= 0:
        return str(n)
    out = []
    for value, digits in _ROMAN_DIGITS:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def alpha_value(text: str) -> int:
    """a=1 ... z=26, aa=27 ... zz=52 (the doubled-letter legal style)."""
    return (ord(text[0].lower()) - 96) + 26 * (len(text) - 1)


def to_alpha(n: int) -> str:
    """n as letters: a..z, then aa, bb, ... zz, then aaa (the letter repeated); 0 and below as digits."""
    if n <= 0:
        return str(n)
    return chr(97 + (n - 1) % 26) * ((n - 1) // 26 + 1)


# -- a label taken apart ----------------------------------------------------------------

#: The numeral of a word label ("ANNEX XII", "Part IV"): the letters labels read roman numerals from.
ROMAN_NUMERAL_PATTERN = f"[{ROMAN_LETTERS.upper()}]{{1,6}}"
_WORD_LABEL = re.compile(
    rf"^(?P<word>{_COUNTED_PATTERN})\s+(?P<num>\d+|[A-Z]|{ROMAN_NUMERAL_PATTERN})(?P<suffix>\W*)$",
    re.IGNORECASE,
)
_LABEL_RE = re.compile(
    r"^(?P<prefix>[(\[]?)(?P<core>[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)(?P<suffix>[^0-9A-Za-z]*)$"
)
_INSERTION_RE = re.compile(r"^(?P<base>\d+)(?P<letters>[A-Z]{1,2})$")
#: Roman numerals in a list are read up to this value: "(xl)" is no list item's number.
_LIST_ROMAN_AT_MOST = 39


class Label(NamedTuple):
    """A label as written, taken apart: prefix + core + suffix, e.g. "(" "iv" ")".

    A named tuple, not a frozen dataclass: every label of a document is taken apart once on
    opening, and a frozen dataclass is built field by field (2.6 vs 0.8 us each)."""

    raw: str
    prefix: str = ""
    core: str = ""
    suffix: str = ""
    parts: tuple[str, ...] = ()
    kind: str = OTHER  # number | letters | schedule | insertion | other
    word: str = ""  # "Schedule" for word labels

    @property
    def is_numbered(self) -> bool:
        return bool(self.raw)

    @property
    def last(self) -> str:
        return self.parts[-1] if self.parts else ""

    def style(self) -> str:
        """The written style with the number replaced by N: "N.", "(N)", "N:"."""
        return f"{self.prefix}N{self.suffix}"


@lru_cache(maxsize=65536)
def parse_label(label: str) -> Label:
    """Take a label apart. Unparsable labels get kind OTHER and are never renumbered."""
    raw = label.strip()
    if not raw:
        return Label(raw="")
    core = raw.rstrip(".:")
    if core.replace(".", "").isdigit() and ".." not in core and core[0] != ".":  # the usual case
        if core.endswith(".0") and len(core) > 2:  # "1.0" is section 1 written the N.0 way
            return Label(raw, "", core[:-2], raw[len(core) - 2 :], tuple(core[:-2].split(".")), "number")
        return Label(raw, "", core, raw[len(core) :], tuple(core.split(".")), "number")
    match = _WORD_LABEL.match(raw)
    if match:
        num = match["num"]
        return Label(raw, "", f"{match['word']} {num}", match["suffix"], (num,), SCHEDULE, match["word"])
    match = _LABEL_RE.match(raw)
    if not match:
        return Label(raw)
    core = match["core"]
    parts = tuple(core.split("."))
    if any(not _valid_part(p) for p in parts):
        return Label(raw)
    kind = INSERTION if _INSERTION_RE.match(parts[-1]) else ("number" if parts[-1].isdigit() else "letters")
    if kind == "letters" and len(parts) == 1 and not letter_families(parts[0]):
        return Label(raw)  # "(XXXX)": neither a letter nor a roman numeral, a placeholder
    return Label(raw, match["prefix"], core, match["suffix"], parts, kind)


def _valid_part(part: str) -> bool:
    if part.isdigit() or _INSERTION_RE.match(part):
        return True
    if not part.isalpha() or len(part) > 6:
        return False
    return len(part) == 1 or _list_roman(part) or len(set(part)) == 1


def _list_roman(part: str) -> bool:
    value = roman_value(part)
    return value is not None and value <= _LIST_ROMAN_AT_MOST


def letter_families(part: str) -> tuple[str, ...]:
    """The families a lettered part could belong to: "i" is roman or alpha; "b" only alpha."""
    lower = part.lower()
    case_alpha = ALPHA_LOWER if part.islower() else ALPHA_UPPER
    case_roman = ROMAN_LOWER if part.islower() else ROMAN_UPPER
    alpha = len(set(lower)) == 1 and len(lower) <= 2
    return tuple(f for f, ok in ((case_alpha, alpha), (case_roman, _list_roman(lower))) if ok)


def format_number(n: int, family: str) -> str:
    """The number n written in a family's style (without decoration)."""
    if family in (ALPHA_LOWER, ALPHA_UPPER):
        text = to_alpha(n)
        return text if family == ALPHA_LOWER else text.upper()
    if family in (ROMAN_LOWER, ROMAN_UPPER):
        text = to_roman(n)
        return text if family == ROMAN_LOWER else text.upper()
    return str(n)


def value_in(label: Label, family: str) -> int | None:
    """The number a label's last part stands for in a family, or None if it is not of it."""
    last = label.last
    if family in (DECIMAL, NUMBER):
        return int(last) if last.isdigit() else None
    if label.kind != "letters" or family not in letter_families(last):
        return None
    return alpha_value(last) if family in (ALPHA_LOWER, ALPHA_UPPER) else roman_value(last)


def format_label(written: Label, core: str) -> str:
    """A new core in the written label's own decoration: ("6.", "7") -> "7."."""
    if written.kind == SCHEDULE:
        return f"{core}{written.suffix}"
    return f"{written.prefix}{core}{written.suffix}"


# -- comparing labels -------------------------------------------------------------------


def label_core(label: str) -> str:
    """The label without decoration, as references name it: "6." and "(6)" -> "6", "(b)" -> "b";
    a label that cannot be taken apart stays as written."""
    parsed = parse_label(label)
    return parsed.core if parsed.kind != OTHER else parsed.raw


def plain_label(label: str) -> str:
    """The label without the spacing and final dot or colon that vary between versions and
    do not change its number ("6. " -> "6", "(a)" stays "(a)")."""
    return label.strip().rstrip(".:").strip()


# -- labels at the start of a line: their forms, which are siblings, which comes next ---------
# (the importers read them off the page with importers/labels.split_label; compiled when first
# used: checking a policy file needs none of them, and DECIMAL_LABEL alone took 2-6 ms at start)

# "1", "1.", "1.1", "2.3.9", "6..", "6.9.1:", "1A", "1A.1", "4.1A" - at most 3 digits per part, so
# years ("2024 was") and amounts are not labels.
DECIMAL_LABEL = lazy_pattern(
    r"(?P<label>(?P<num>\d{1,3}[A-Z]?(?:\.\d{1,3}[A-Z]?)*)(?P<dots>\.{0,2})(?P<colon>:?)(?P<paren>\)?))"
    r"(?P<sep>[ \t]+|$|(?<=\.)(?=[A-Z\"“'‘(]))"
)
# "SECTION 2", "Section 2:", "Article IV.", "Part 3 -", "Schedule 1", "Annex A"
WORD_LABEL = lazy_pattern(
    rf"(?P<label>(?P<word>{LABEL_WORD_PATTERN})"
    rf"[ \t]+(?:\d{{1,3}}[A-Z]?(?:\.\d{{1,3}}[A-Z]?)*|{ROMAN_NUMERAL_PATTERN}|[A-Z])\b[.:]?)"
    r"(?P<sep>[ \t]*(?:[\u2013\u2014-][ \t]*)?)",
    re.IGNORECASE,
)
_ROMAN_FORM = re.compile(f"^[{ROMAN_LETTERS}]+$", re.IGNORECASE)
#: The roman numerals a list item may carry, as model.labels reads them ("c" and "xl" are not)
_LIST_ROMANS = frozenset(to_roman(n) for n in range(1, _LIST_ROMAN_AT_MOST + 1))
_DIGITS = re.compile(r"\d+")
_FIRST_NUMBER = re.compile(r"\d{1,3}")


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
    m = DECIMAL_LABEL.fullmatch(core) if core[:1].isdigit() else None
    if m and not m.group("paren"):
        num = m.group("num")
        if num.endswith(".0") and num.count(".") == 1:  # "1.0": section 1 in the N.0 convention
            return ("d", 1)
        return ("d", num.count(".") + 1)
    if core[:1].isdigit():  # "1)"
        return ("n", "x)")
    if core.startswith("§"):
        return ("w", "§", 1)
    wm = WORD_LABEL.match(core)
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
    m = DECIMAL_LABEL.fullmatch(core) if core[:1].isdigit() else None
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
