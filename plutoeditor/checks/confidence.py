"""A numbering finding is an error only when the sequence around it makes a reader sure.

A careful reader calls "(b) used twice" a mistake of the author when the list is otherwise
plainly one list: one label style, numbered one by one, the defect standing alone. When the
sequence shows signs that the tree misread the page, the defect is more likely the reading's
than the author's, and it is a warning (still listed, still fixable):

- a duplicate or a number out of order that follows a break between it and the number it
  repeats (`sequence_evidence`): a line that reads as a heading, a list opened right after a
  lead-in, a change of label style. "1. 2. 3. **Cookies** 1. 2." is two lists;
- a gap whose missing number is written where the tree did not read it ("C. Removal" kept as
  text, "a)" read as the clause above "(b)"), or one of several gaps in a list that each
  follow a heading-like line (a page whose headings took list numbers);
- a defect among many: three or more unexplained defects in one list say the list is misread;
- a gap that nothing else explains in a document where two or more other lists step by a
  capture's count ("1. 4. 7." and "1. 4. 7. 10." elsewhere, then "1. 2. 5."): the page's numbers;
- a defect after the list starts again at 1 right after an item with nothing between ("1."
  then "1. 2. 3. 4." then "3."): a list inside that item written without indentation.

"1. 2. 4." and "(a) (b) (b)" in one clean list stay errors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from plutoeditor.checks.finding import REFERENCES, WARNING, Evidence, Finding, Review
from plutoeditor.checks.missing_numbers import missing_written
from plutoeditor.checks.sequence_evidence import Sequence, open_sentence, sequence_of
from plutoeditor.checks.sequence_patterns import (
    after_a_taken_number,
    could_be_roman_one,
    opens_where_another_stopped,
    stride,
    too_wide,
)
from plutoeditor.model.numbering import Scope
from plutoeditor.model.policy import Policy

_SEQUENCE = ("duplicate-number", "numbering-gap", "out-of-order")
#: Unexplained defects in one list from which the list itself is in doubt.
_CROWDED_FROM = 3
_CROWDED = "{n} numbering findings in this list: its structure is more likely misread than wrong {n} times"
_REGULAR = "several numbers in this list are missing, each after a line that reads as a heading"
_TAKEN = "{n} lists under headings in this document each open one number on: the headings took those numbers"
#: Lists of one document that step by a capture's count, from which its other gaps are in doubt too.
_STRIDED_FROM = 2
_STRIDE_NOTE = "the list steps by"
_STRIDED = (
    "{n} other lists in this document step by the count of a capture of the page: this gap may be its too"
)


def as_sure(findings: list[Finding], policy: Policy, all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with sequence errors that the sequence around them does not bear out as warnings."""
    errors = [f for f in findings if f.is_error and f.code in _SEQUENCE]
    if not errors:
        return findings
    ordered = [c for top in policy.clauses for c in top.walk()]
    at = {c.id: i for i, c in enumerate(ordered)}
    scope_of = {c.id: scope for scope in all_scopes for c in scope.members}
    sequences: dict[int, Sequence] = {}
    notes: dict[tuple[str, str], str] = {}  # (code, clause id) -> why it is in doubt
    unexplained: dict[int, list[Finding]] = defaultdict(list)  # defects the list keeps, per scope
    headed_gaps: dict[int, list[Finding]] = defaultdict(list)
    taken: list[Finding] = []  # gaps one number wide right under a heading
    strided: set[int] = set()  # scopes whose lists step by a capture's count
    lone_gaps: list[Finding] = []  # gaps nothing explains
    flat_notes: dict[tuple[str, str], str] = {}  # defects after a list restarted without indentation
    for finding in errors:
        scope = scope_of.get(finding.clause_id)
        if scope is None:
            continue
        seq = sequences.get(id(scope))
        if seq is None:
            seq = sequences[id(scope)] = sequence_of(scope, ordered, at)
        k = seq.index(finding.clause_id)
        if k is None:
            continue
        note, misread = _explain(seq, k, finding.code)
        flat = "" if note else _flat_restart(seq, k)
        if flat:  # named last: a crowded list's own reason comes first
            flat_notes[(finding.code, finding.clause_id)] = flat
            unexplained[id(scope)].append(finding)
            continue
        if note:
            notes[(finding.code, finding.clause_id)] = note
            if note.startswith(_STRIDE_NOTE):
                strided.add(id(scope))
        elif finding.code == "numbering-gap":
            lone_gaps.append(finding)
        if not note or misread:  # another list explains a repeat away; a misreading does not
            unexplained[id(scope)].append(finding)
        if note:
            continue
        if finding.code == "numbering-gap" and seq.break_before(k).startswith("after “"):
            headed_gaps[id(scope)].append(finding)
        if finding.code == "numbering-gap" and after_a_taken_number(seq, k):
            taken.append(finding)
    for finding in taken if len(taken) > 1 else []:
        notes.setdefault((finding.code, finding.clause_id), _TAKEN.format(n=len(taken)))
    for finding in lone_gaps if len(strided) >= _STRIDED_FROM else []:
        if id(scope_of[finding.clause_id]) not in strided:
            notes.setdefault((finding.code, finding.clause_id), _STRIDED.format(n=len(strided)))
    for key, found in unexplained.items():
        regular = headed_gaps.get(key, [])
        for finding in regular if len(regular) > 1 else []:
            notes[(finding.code, finding.clause_id)] = _REGULAR
        if len(found) >= _CROWDED_FROM:  # those a break explains are no defects of one list
            for finding in found:
                notes.setdefault((finding.code, finding.clause_id), _CROWDED.format(n=len(found)))
    for where, flat in flat_notes.items():
        notes.setdefault(where, flat)
    if not notes:
        return findings
    result = []
    for finding in findings:
        note = notes.get((finding.code, finding.clause_id), "") if finding.is_error else ""
        if note:
            finding = replace(finding, severity=WARNING, message=f"{finding.message} ({note})")
        result.append(finding)
    return result


def _explain(seq: Sequence, k: int, code: str) -> tuple[str, bool]:
    """(why member k's finding is in doubt, or ""; whether the reason is a misreading of the
    page, which still counts toward a crowded list, rather than another list beginning)."""
    members = seq.members
    member = members[k]
    if code == "numbering-gap":
        before = members[k - 1].value if k > 0 else seq.scope.start or seq.scope.written_before
        present = {m.value for m in members}
        written = missing_written(
            seq, k, lambda v: v is not None and before < v < member.value and v not in present
        )
        width = member.value - before - 1 - sum(1 for v in present if before < v < member.value)
        note = (
            written
            or could_be_roman_one(seq, k)
            or stride(seq, k)
            or opens_where_another_stopped(seq, k)
            or open_sentence(seq, k)
            or (_title_break(seq, k) if k > 0 else "")
            or too_wide(seq, k, width)
        )
        return note, True
    wrapped = open_sentence(seq, k)
    if wrapped:
        return wrapped, True
    if code == "duplicate-number":
        back = next((j for j in range(k - 1, -1, -1) if members[j].key == member.key), None)
    else:
        back = next((j for j in range(k - 1, -1, -1) if members[j].value >= member.value), None)
    if back is None:
        return "", False
    for b in range(k, back, -1):  # a break between the two: the nearest one is named
        note = seq.break_before(b)
        if note:
            return note, seq.misread_at(b)
    return _resumes(seq, k, back), False


def _flat_restart(seq: Sequence, k: int) -> str:
    """Why member k stands in a list that starts again at 1 right after an item, with nothing
    between: "1. ..." then "1. 2. 3. 4." then "3.", a list inside the item written without
    indentation (a converter's flattened list), so its numbers are not one list's to count."""
    members = seq.members
    for r in range(1, k):
        inner = members[r : r + 2]
        if (
            [m.value for m in inner] == [1, 2]
            and members[r].depth == 1  # "4.1" again after "4.6." is a section written twice
            and members[r].at == members[r - 1].at + 1
            and inner[1].at == inner[0].at + 1
        ):
            line = members[r].clause.line
            where = f" at line {line}" if line else ""
            before = members[r - 1].clause.label.strip()
            return (
                f"the list starts again at 1{where} right after {before}: a list inside that item,"
                " written without indentation"
            )
    return ""


def _resumes(seq: Sequence, k: int, back: int) -> str:
    """Whether member k goes on with the list before the one its twin stands in: "1. ... if:
    1. 2." then "2." is item 2 of the outer list after a list inside item 1, not a repeat."""
    opened = next((b for b in range(back, 0, -1) if seq.break_before(b)), None)
    if opened is None:
        return ""
    outer = seq.members[opened - 1]
    if seq.members[k].value != outer.value + 1:
        return ""
    line = seq.members[opened].clause.line
    where = f" at line {line}" if line else ""
    return f"it goes on from {outer.clause.label.strip()}, after the list that opens{where}"


def _title_break(seq: Sequence, k: int) -> str:
    note = seq.break_before(k)
    return note if "is a title beside list items" in note else ""


def _review(found: list[Finding], seen: Evidence) -> list[Finding]:
    return as_sure(found, seen.policy, seen.scopes)


#: Registered in `registry.REVIEWS`. It weighs the clauses' text, which an edit can change without
#: touching the numbering, so it runs with the reviews of every clause's findings, after each edit.
REVIEW = Review("sure numbering", REFERENCES, _review)
