"""The first item of a lead-in's list written with the next number of the level above.

"(a) Personal injury:", then "(b) Under the applicable law ...", then "(ii) ...", "(iii) ...", and
later "(b) Delay:": the first "(b)" is item (i) of the list that "(a)" leads into, labelled one
level up. Read as written, "(b)" is used twice and the list under the first "(b)" has no (i):
two findings, both about the one label, the second aimed at the "(b)" that is right. It is one
finding at the first "(b)", calling for the item number it stands in place of. The fix is the
author's (the item also moves under "(a)"), so none is offered.
"""

from __future__ import annotations

from plutoeditor.checks.finding import REFERENCES, Evidence, Finding, Review, make
from plutoeditor.checks.heading_like import plain
from plutoeditor.checks.sequence_evidence import quote
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import Scope, parse_label, value_in
from plutoeditor.model.policy import Policy


def at_first_items(findings: list[Finding], policy: Policy, all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with such a repeat and the gap under it made one finding (see the module doc)."""
    # the gap may be in doubt already ("the numbering opens at (ii)"): it is the same label's either way
    gaps = {f.clause_id: f for f in findings if f.code == "numbering-gap"}
    if not gaps:
        return findings
    replaced: dict[str, Finding] = {}  # the repeat's clause id -> the finding at its twin
    dropped: set[str] = set()  # the gaps now said at the twin
    for finding in findings:
        if not (finding.is_error and finding.code == "duplicate-number"):
            continue
        clause = policy.find(finding.clause_id)
        twin = _twin_leading_in(policy, clause) if clause is not None else None
        first = _first_labelled(twin) if twin is not None else None
        gap = gaps.get(first.id) if first is not None else None
        if clause is None or twin is None or first is None or gap is None or not gap.expected_label:
            continue
        lead_in = _labelled_before(policy, twin)
        if lead_in is None or not _opens_at_two(twin, first, all_scopes):
            continue
        where = f" (also at line {clause.line})" if clause.line else ""
        message = (
            f"Number used twice{where}; it stands where {gap.expected_label} belongs, as the first"
            f" item after “{quote(lead_in.paragraphs[-1], tail=True)}” ({lead_in.label.strip()}),"
            f" whose list goes on with {first.label.strip()} under it"
        )
        replaced[clause.id] = make(
            "duplicate-number", twin.id, twin.label.strip(), message, twin.line, gap.expected_label
        )
        dropped.add(gap.clause_id)
    if not replaced:
        return findings
    result = []
    for finding in findings:
        if finding.code == "numbering-gap" and finding.clause_id in dropped:
            continue
        if finding.is_error and finding.code == "duplicate-number" and finding.clause_id in replaced:
            finding = replaced[finding.clause_id]
        result.append(finding)
    return result


def written_for_a_lead_in(policy: Policy, clause: Clause) -> bool:
    """Whether a clause is such a first item (its repeat follows it): no renumbering fixes it."""
    following = _labelled_after(policy, clause)
    return following is not None and _twin_leading_in(policy, following) is clause


def _twin_leading_in(policy: Policy, clause: Clause) -> Clause | None:
    """The twin written just before a repeated label when it follows a lead-in with no list of
    its own and its own list opens one number on (None otherwise)."""
    twin = _labelled_before(policy, clause)
    if twin is None or twin.label.strip().lower() != clause.label.strip().lower():
        return None
    lead_in = _labelled_before(policy, twin)
    if lead_in is None or any(c.label.strip() for c in lead_in.children) or not lead_in.paragraphs:
        return None
    if not plain(lead_in.paragraphs[-1]).endswith((":", "：")):
        return None
    return twin if _first_labelled(twin) is not None else None


def _opens_at_two(owner: Clause, first: Clause, all_scopes: list[Scope]) -> bool:
    """Whether the list under `owner` opens at its second number ("(ii)") with nothing before."""
    scope = next((s for s in all_scopes if s.owner is owner), None)
    return scope is not None and scope.start == 0 and value_in(parse_label(first.label), scope.family) == 2


def _labelled_before(policy: Policy, clause: Clause) -> Clause | None:
    siblings = policy.siblings_of(clause)
    at = next((i for i, c in enumerate(siblings) if c is clause), 0)
    return next((c for c in reversed(siblings[:at]) if c.label.strip()), None)


def _labelled_after(policy: Policy, clause: Clause) -> Clause | None:
    siblings = policy.siblings_of(clause)
    at = next((i for i, c in enumerate(siblings) if c is clause), len(siblings))
    return next((c for c in siblings[at + 1 :] if c.label.strip()), None)


def _first_labelled(clause: Clause) -> Clause | None:
    return next((c for c in clause.children if c.label.strip()), None)


def _review(found: list[Finding], seen: Evidence) -> list[Finding]:
    return at_first_items(found, seen.policy, seen.scopes)


#: Registered in `registry.REVIEWS` after `confidence`, whose doubt ("right after a lead-in: it may
#: open a list inside the clause before") is the very reading this finding states.
REVIEW = Review("first items of a lead-in", REFERENCES, _review)
