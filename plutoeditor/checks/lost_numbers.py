"""A gap where a heading between lost its number: reported at that heading.

"4. RIGHT TO BE FORGOTTEN", then "RIGHT TO BE INFORMED" with no number, then "6. RIGHT TO
OPT-OUT": 5 was not left out, the heading between lost it. A reader looks for the defect where
the number belongs, so the gap is reported at the heading, named, with the label it calls for.
The evidence must be plain: one number missing, and a heading without a number between the two
members (or before the first) that reads as one of them:

- its sub-clauses carry the missing number ("Sécurité et conservation" over 6.1, 6.2, 6.3); or
- it stands among the members, a title beside titles ("User's intellectual property rights"
  right before "4.1.2 Brevo's intellectual property rights"); or
- it is the first heading after the member before, written like the members' titles (all
  capitals beside all capitals).

Where a heading stands between but does not read so plainly as one of them, the gap stays at
the member after it as a warning that names the heading: it may be the one that lost it. With no
heading but one unnumbered paragraph beside the members between them ("12.2", "Good cause for
termination ...", "12.4"), the gap stays where it is and names the paragraph: it may have lost the
number or go on from the member before, which only a reader can tell.
"""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.checks.finding import NUMBERING, WARNING, Evidence, Finding, Review, make
from plutoeditor.checks.heading_like import looks_like_heading, plain
from plutoeditor.checks.sequence_evidence import Sequence, quote, sequence_of
from plutoeditor.model.clause import Clause
from plutoeditor.model.labels import format_label
from plutoeditor.model.numbering import Scope, format_number, parse_label
from plutoeditor.model.policy import Policy

_WEAK = " (“{heading}” stands between them without a number: it may be the heading that lost {missing})"


def at_lost_headings(findings: list[Finding], policy: Policy, all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with gaps that a heading between explains moved to it (see the module doc)."""
    if not any(f.is_error and f.code == "numbering-gap" for f in findings):
        return findings
    ordered = [c for top in policy.clauses for c in top.walk()]
    at = {c.id: i for i, c in enumerate(ordered)}
    scope_of = {c.id: scope for scope in all_scopes for c in scope.members}
    result = []
    for finding in findings:
        gap = finding.is_error and finding.code == "numbering-gap"
        scope = scope_of.get(finding.clause_id) if gap else None
        if scope is not None:
            finding = _reread(finding, sequence_of(scope, ordered, at))
        result.append(finding)
    return result


def _reread(finding: Finding, seq: Sequence) -> Finding:
    k = seq.index(finding.clause_id)
    if k is None:
        return finding
    member = seq.members[k]
    before = seq.members[k - 1].value if k > 0 else seq.scope.start or seq.scope.written_before
    if member.value != before + 2 or any(m.value == before + 1 for m in seq.members):
        return finding  # more than one number left out: a lost heading does not explain it
    start, end = seq.region(k)
    headings = [c for c in seq.ordered[start + 1 : end] if _heading(c)]
    if not headings:
        return _paragraph_between(finding, seq, k, start, end)
    label = parse_label(member.clause.label)
    parts = (*label.parts[:-1], format_number(before + 1, seq.scope.family))
    missing = ".".join(parts)
    lost = next((c for c in headings if _numbers_its_clauses(c, missing)), None)
    if lost is None and k > 0:
        lost = next((c for c in headings if c.parent is member.clause.parent and _title(member.clause)), None)
    if lost is None and _title(member.clause) and _same_case(_heading(headings[0]), member.clause.heading):
        lost = headings[0]
    if lost is None:
        note = _WEAK.format(heading=quote(_heading(headings[0])), missing=missing)
        return replace(finding, severity=WARNING, message=finding.message + note)
    want = format_label(label, missing)
    after = f"between {seq.members[k - 1].clause.label.strip()} and" if k > 0 else "right before"
    message = (
        f"{missing} is missing: the heading “{quote(_heading(lost))}” {after} "
        f"{member.clause.label.strip()} has no number; it stands where {missing} belongs"
    )
    return make("numbering-gap", lost.id, "", message, lost.line, want)


def _paragraph_between(finding: Finding, seq: Sequence, k: int, start: int, end: int) -> Finding:
    """A gap with one unnumbered paragraph between the two members, beside them: said, for the
    reader to judge whether it lost the number or goes on from the member before ("12.2", then
    "Good cause for termination ...", then "12.4")."""
    member = seq.members[k].clause
    if k == 0 or start < 0:
        return finding
    beside = [c for c in seq.ordered[start + 1 : end] if c.parent is member.parent]
    if len(beside) != 1 or beside[0].label.strip() or beside[0].children:
        return finding
    text = beside[0].text.strip()
    if not text[:1].isupper():  # "wird das Konto ..." goes on; "(4)(weggefallen)", "2.7.3You" are labels
        return finding
    missing = finding.expected_label.strip() or "the number"
    note = (
        f" (the paragraph between them, “{quote(text.split(chr(10), 1)[0])}”, has no"
        f" number: it may be {missing.rstrip('.')} or go on from {seq.members[k - 1].clause.label.strip()})"
    )
    return replace(finding, message=finding.message + note)


def _heading(clause: Clause) -> str:
    """The heading of a clause without a label that reads as a heading ("" for any other)."""
    if clause.label.strip():
        return ""
    if clause.heading.strip() and not clause.text.strip():
        return clause.heading.strip()
    text = clause.text.strip()
    if not clause.heading.strip() and text and "\n" not in text and looks_like_heading(text):
        return plain(text)
    return ""


def _title(clause: Clause) -> bool:
    return bool(clause.heading.strip())


def _numbers_its_clauses(clause: Clause, missing: str) -> bool:
    """Whether the clauses under the heading are numbered as its sub-clauses would be if it
    carried the missing number (6.1, 6.2 under it when 6 is missing)."""
    labelled = [parse_label(c.label) for c in clause.children if c.label.strip()]
    prefix = tuple(missing.split("."))
    return bool(labelled) and all(label.parts[:-1] == prefix for label in labelled)


def _same_case(heading: str, other: str) -> bool:
    """Whether two headings are written alike: both in capitals, or neither."""
    return bool(heading) and bool(other.strip()) and _capitals(heading) == _capitals(other)


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _review(found: list[Finding], seen: Evidence) -> list[Finding]:
    return at_lost_headings(found, seen.policy, seen.scopes)


#: Registered in `registry.REVIEWS`: the Checker runs it on the numbering findings.
REVIEW = Review("lost numbers", NUMBERING, _review)
