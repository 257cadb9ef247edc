"""A schedule label written twice with a whole instrument between them: each instrument's own.

A licence page holds its amendments, their "EXHIBIT A", and then (inside that exhibit, or after
it) the licence they amend, numbered "1." to "13." again, with its own "Exhibit A". Read as one
document, "Exhibit A" is used twice; but the second belongs to the instrument that stands between
the two, so the repeat is a warning. A repeat with no instrument between ("Exhibit A", a few
paragraphs, "Exhibit A") stays an error.
"""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.checks.finding import NUMBERING, WARNING, Finding, Review
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import SCHEDULE, parse_label
from plutoeditor.model.policy import Policy

#: An instrument between: sections numbered 1, 2, 3 ... at one level, at least this many, and at
#: least `_DIVIDED_AT_LEAST` of them with clauses of their own (a list's items have none).
_SECTIONS_AT_LEAST = 6
_DIVIDED_AT_LEAST = 3
_NOTE = (
    " (an instrument numbered from 1 again stands between them, at line {line}: it may be that"
    " instrument's own)"
)


def as_instruments(findings: list[Finding], policy: Policy) -> list[Finding]:
    """The findings, with schedule repeats that an instrument between explains as warnings."""
    repeats = [f for f in findings if f.is_error and f.code == "duplicate-number"]
    if not repeats:
        return findings
    ordered: list[Clause] | None = None
    result = []
    for finding in findings:
        clause = policy.find(finding.clause_id) if finding in repeats else None
        label = parse_label(clause.label) if clause is not None else None
        if clause is not None and label is not None and label.kind == SCHEDULE:
            if ordered is None:
                ordered = [c for top in policy.clauses for c in top.walk()]
            line = _instrument_between(ordered, clause, label.core.lower())
            if line is not None:
                finding = replace(
                    finding, severity=WARNING, message=finding.message + _NOTE.format(line=line)
                )
        result.append(finding)
    return result


def _instrument_between(ordered: list[Clause], clause: Clause, core: str) -> int | None:
    """The line of the "1." that opens a run of sections 1, 2, 3 ... between the clause and the
    schedule it repeats (None when there is none)."""
    end = next(i for i, c in enumerate(ordered) if c is clause)
    start = next(
        (i for i in range(end - 1, -1, -1) if parse_label(ordered[i].label).core.lower() == core), None
    )
    if start is None:
        return None
    # parent (by id) -> (the "1.", how far it ran, how many of its sections have clauses)
    runs: dict[int | None, tuple[Clause, int, int]] = {}
    for c in ordered[start + 1 : end]:
        label = parse_label(c.label)
        if label.kind != "number" or len(label.parts) != 1 or not label.last.isdigit():
            continue
        key = id(c.parent) if c.parent is not None else None
        value, divided = int(label.last), int(bool(c.children))
        if value == 1:
            runs[key] = (c, 1, divided)
        elif key in runs and runs[key][1] == value - 1:
            first, _, count = runs[key]
            runs[key] = (first, value, count + divided)
            if value >= _SECTIONS_AT_LEAST and count + divided >= _DIVIDED_AT_LEAST:
                return first.line or 0
    return None


#: Registered in `registry.REVIEWS`: the Checker runs it on the numbering findings.
REVIEW = Review("embedded instruments", NUMBERING, lambda found, seen: as_instruments(found, seen.policy))
