"""Numbering that continues another document's is not a run of gaps and duplicates.

An addendum or attachment form goes on with its main form's numbers: its sections are
"SECTION 2.", "SECTION 8.", "SECTION 13." (the main form's sections it adds to) and its
lists open at "4." (after the main form's three). When a numbering sequence opens above 1
and nothing written before it in the document could come before it (no label of the same
style and depth with a smaller number), the document does not show where its numbers come
from: the gap before its first number, and the gaps, repeats and order of the numbers it
picks after it, are a guess about a numbering this document does not hold. They are
warnings. A list that opens at "3." after "1." and "2." elsewhere stays an error, and so
does one that holds a number below its first ("B. A.": misordered, not continued) and one
that, once opened, runs on one by one ("4. 5. 7.": the gap to 7 is its own).
"""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.checks.finding import NUMBERING, WARNING, Finding, Review
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import (
    DECIMAL,
    INSERTION,
    NUMBER,
    OTHER,
    SCHEDULE,
    Scope,
    parse_label,
    schedule_value,
    value_in,
)
from plutoeditor.model.policy import Policy

_SEQUENCE = ("numbering-gap", "out-of-order", "duplicate-number")
_NOTE = (
    " (the numbering opens at {first} with nothing before it that could come first: it may go on"
    " from numbers this document does not hold, such as its main form's)"
)

#: Which one-part labels count as one sequence: the family, or the schedule word.
_Key = tuple[str, str]


def as_continuations(findings: list[Finding], policy: Policy, all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with sequence errors in a sequence that continues another's as warnings."""
    if not any(f.is_error and f.code in _SEQUENCE for f in findings):
        return findings
    order = {c.id: i for i, c in enumerate(c for top in policy.clauses for c in top.walk())}
    sequences = [seq for scope in all_scopes for seq in _sequences(scope)]
    written: dict[_Key, list[tuple[int, int]]] = {}  # key -> (document position, number)
    for key, members in sequences:
        for clause, value in members:
            written.setdefault(key, []).append((order.get(clause.id, 0), value))
    notes: dict[str, str] = {}  # clause id -> the note for its sequence's findings
    for key, members in sequences:
        first, value = members[0]
        if value <= 1 or _could_be_one(first.label) or any(number < value for _, number in members):
            continue  # "B. A.": the list holds the numbers said to be missing, it just misorders them
        where = order.get(first.id, 0)
        if any(at < where and number < value for at, number in written[key]):
            continue  # something before it could be its predecessor: the gap is the document's
        note = _NOTE.format(first=first.label.strip())
        for clause, _ in members if _picks(members) else members[:1]:
            notes[clause.id] = note
    if not notes:
        return findings
    result = []
    for finding in findings:
        note = notes.get(finding.clause_id, "")
        if note and finding.is_error and finding.code in _SEQUENCE:
            finding = replace(finding, severity=WARNING, message=finding.message + note)
        result.append(finding)
    return result


def _picks(members: list[tuple[Clause, int]]) -> bool:
    """Whether a sequence picks numbers rather than counting on: its first step is not +1."""
    return len(members) > 1 and members[1][1] != members[0][1] + 1


def _could_be_one(label_text: str) -> bool:
    """Whether the label could as well be a one: "I." read as the ninth letter, or roman one."""
    label = parse_label(label_text)
    return label.kind == "letters" and label.last.lower() == "i"


def _sequences(scope: Scope) -> list[tuple[_Key, list[tuple[Clause, int]]]]:
    """A scope's numbering sequences as the numbering check counts them (the main one, one per
    schedule word) with their one-part members' numbers. A scope whose numbering runs on from
    before its heading has none here; nor does one whose first label has more parts ("2.3"
    first under "2." leaves out 2.1-2.2 of its own parent)."""
    if scope.start or scope.written_before:
        return []
    family = DECIMAL if scope.family == NUMBER else scope.family  # "3." nested or not
    found: dict[_Key, list[tuple[Clause, int]]] = {}
    opened: dict[_Key, bool] = {}  # whether the sequence opens with a one-part label
    for clause in scope.members:
        label = parse_label(clause.label)
        if label.kind in (INSERTION, OTHER) or not label.parts:
            continue
        key = (SCHEDULE, label.word.lower()) if label.kind == SCHEDULE else (family, "")
        value = schedule_value(label, scope) if label.kind == SCHEDULE else value_in(label, scope.family)
        if value is None:
            continue
        if len(label.parts) != 1:
            opened.setdefault(key, False)
            continue
        if opened.setdefault(key, True):
            found.setdefault(key, []).append((clause, value))
    return list(found.items())


#: Registered in `registry.REVIEWS`: the Checker runs it on the numbering findings.
REVIEW = Review(
    "continued sequences", NUMBERING, lambda found, seen: as_continuations(found, seen.policy, seen.scopes)
)
