"""A broken reference to a number the numbering check already reports missing is that defect again.

A licence that lost its clause 2.1 gets "2.1 is missing: 2.2. comes after the start of the list",
and then "Refers to clause 2.1, which is not in this document" at each of the four places citing
2.1: five errors for one defect, fixed in one place (restore 2.1, or renumber and let the
references follow). The gap stays the error and names the lines that refer to the number; each
such reference becomes a warning that points at the gap.

Only an error gap counts (a gap the reviews left in doubt says nothing certain), only the number
the gap's position calls for (a gap of several numbers names the first), and only in the body's
numbering: a schedule numbers on its own and the body's references do not reach into it.
"""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.checks.finding import REFERENCES, WARNING, Finding, Review
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import reference_key, schedule_index

_SAME_DEFECT = " ({} is reported missing where the numbering skips it, at line {}: the same defect)"
_SAME_DEFECT_NO_LINE = " ({} is reported missing where the numbering skips it: the same defect)"


def fold_references(found: list[Finding], policy: Policy) -> list[Finding]:
    """The findings, with broken references to a number an error gap reports missing turned into
    warnings that point at the gap, and the gap naming where the number is referred to."""
    broken = [f for f in found if f.code == "broken-reference" and f.is_error]
    if not broken:
        return found
    gaps = [f for f in found if f.code == "numbering-gap" and f.is_error and f.expected_label.strip()]
    if not gaps:
        return found
    in_schedules = {c.id for holder, _ in schedule_index(policy).values() for c in holder.walk()}
    missing: dict[str, Finding] = {}
    for gap in gaps:
        if gap.clause_id not in in_schedules:
            missing.setdefault(reference_key(gap.expected_label), gap)
    referring: dict[str, list[Finding]] = {}
    for finding in broken:
        cited = missing.get(reference_key(finding.target))
        if cited is not None and finding.clause_id not in in_schedules:
            referring.setdefault(cited.clause_id, []).append(finding)
    if not referring:
        return found
    folded = {id(f) for refs in referring.values() for f in refs}
    result = []
    for finding in found:
        if id(finding) in folded:
            gap = missing[reference_key(finding.target)]
            number = gap.expected_label.strip().rstrip(".")
            note = _SAME_DEFECT.format(number, gap.line) if gap.line else _SAME_DEFECT_NO_LINE.format(number)
            finding = replace(finding, severity=WARNING, message=finding.message + note)
        elif finding.code == "numbering-gap" and finding.clause_id in referring and finding in gaps:
            finding = replace(finding, message=finding.message + _referred_at(referring[finding.clause_id]))
        result.append(finding)
    return result


def _referred_at(references: list[Finding]) -> str:
    lines = sorted({f.line for f in references if f.line})
    if not lines:
        return f"; {len(references)} reference(s) to it"
    word = "line" if len(lines) == 1 else "lines"
    return f"; referred to at {word} " + ", ".join(str(n) for n in lines)


#: Registered in `registry.REVIEWS` after the doubtful references: the Checker runs it on the
#: clauses' findings, the numbering findings among them.
REVIEW = Review(
    "references to reported gaps", REFERENCES, lambda found, seen: fold_references(found, seen.policy)
)
