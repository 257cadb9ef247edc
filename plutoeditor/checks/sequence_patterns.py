"""Patterns over a whole numbering sequence that say its gaps come from how the page was
captured or split, not from the author: facts the confidence review weighs.

- A regular stride: "1. 3. 5." or "1. 4. 7. 10.", where the list steps by the same amount
  more often than by one. A page converted from HTML numbers every child of its list,
  headings and bullets included; the author did not leave every other number out.
- Numbers taken by headings: several lists under unnumbered headings each open one number
  after the number written before the heading ("44." / "Payments" / "46."); the page counted
  its headings as list items.
- A list that opens where an earlier one stopped: "7." opens a list under a heading and the
  label written last before it in the same style is "6.". The tree split one list in two;
  the numbers said to be missing are the earlier list's.
"""

from __future__ import annotations

from collections import Counter

from plutoeditor.checks.sequence_evidence import Sequence
from plutoeditor.model.numbering import INSERTION, OTHER, SCHEDULE, parse_label, value_in

#: Steps of one size that make a stride: at least this many, and at least as many as steps of one.
_STRIDE_AT_LEAST = 2


def stride(seq: Sequence, k: int) -> str:
    """Why the gap before member k is one step of a regular stride ("" when it is not)."""
    if k == 0:
        return ""
    values = [m.value for m in seq.members]
    steps = Counter(b - a for a, b in zip(values, values[1:], strict=False))
    step = values[k] - values[k - 1]
    if step < 2 or steps[step] < _STRIDE_AT_LEAST or steps[step] < steps[1]:
        return ""
    shown = ", ".join(m.clause.label.strip() for m in seq.members[:4])
    return f"the list steps by {step} throughout ({shown}, …): a capture of the page counted other lines"


def after_a_taken_number(seq: Sequence, k: int) -> bool:
    """Whether member k opens the list under an unnumbered heading one number after the
    number written before the heading ("44." / "Payments" / "46."): the heading may have
    taken 45. Once in a document this is a gap; `confidence` doubts it when it recurs."""
    owner = seq.scope.owner
    if k != 0 or owner is None or owner.label.strip() or not owner.heading.strip():
        return False
    before = seq.scope.start or seq.scope.written_before or _written_last(seq)[0]
    return before == seq.members[0].value - 2


def opens_where_another_stopped(seq: Sequence, k: int) -> str:
    """Why a list opening above one is the rest of a list written before it: the label written
    last before it in the same style and depth is the number just below its first."""
    if k != 0 or seq.scope.start or seq.scope.written_before or seq.members[0].value < 2:
        return ""
    # the same number written just before (a contents line "13. Europe" over "13. Europe") is
    # the list's own first label again, not where the list stopped: look past it
    value, written = _written_last(seq, past=seq.members[0].value)
    if value != seq.members[0].value - 1:
        return ""
    return f"{written} is the label written last before it like it: this goes on from that list"


def _written_last(seq: Sequence, past: int | None = None) -> tuple[int, str]:
    """The number and label of the label written last before the sequence's first member in
    its style and depth ((0, "") when there is none), looking past labels numbered `past`."""
    member = seq.members[0]
    label = parse_label(member.clause.label)
    for clause in reversed(seq.ordered[: member.at]):
        earlier = parse_label(clause.label)
        if earlier.kind in (SCHEDULE, INSERTION, OTHER) or len(earlier.parts) != len(label.parts):
            continue
        value = value_in(earlier, seq.scope.family)
        if earlier.style() == label.style() and earlier.parts[:-1] == label.parts[:-1] and value is not None:
            if value == past:
                continue
            return value, earlier.raw
    return 0, ""


#: A gap leaving out at least this many numbers, and more than the list holds before it, is
#: wider than an author's slip.
_WIDE_FROM = 3


def too_wide(seq: Sequence, k: int, missing: int) -> str:
    """Why a gap is more likely a second list than numbers left out: "13." after "1. 2. 3."
    leaves out nine numbers after three; an author who drops items drops one or two."""
    if k == 0 or missing < _WIDE_FROM or missing <= k:
        return ""  # a list's opening number is weighed by the reviews of continued numbering
    return f"{missing} numbers missing after a list of {k}: more likely another list than numbers left out"


def could_be_roman_one(seq: Sequence, k: int) -> str:
    """Why a letter gap landing on "i" is in doubt: "(i)" after "(c)" reads as well as the
    roman numeral one opening a list inside (c)."""
    label = parse_label(seq.members[k].clause.label)
    if label.kind != "letters" or label.last not in ("i", "I") or seq.members[k].value != 9:
        return ""
    return f"“{label.raw}” may be the roman numeral one, opening another list"
