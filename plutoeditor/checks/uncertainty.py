"""Findings that rest on a guessed structure are not errors.

An imported document's tree is the importer's reading of it. When a numbering finding says
only that a clause stands in the wrong place, while its label fits a clause that exists
elsewhere in the document ("5.1" at the top level, and "5" is there; "20." opens a list and
"19." stands elsewhere), the labels are right and the placement is the doubt: a reader would
not accept that as a numbering error, so it is a warning. A label that also exists where it
belongs (2.7.1 under 2.16 while 2.7 has its own 2.7.1) is a real error and stays one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from plutoeditor.checks.finding import NUMBERING, WARNING, Finding, Review
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import OTHER, SCHEDULE, Label, Scope, parse_label
from plutoeditor.model.policy import Policy

_PLACEMENT = ("skipped-level", "wrong-parent")
_SEQUENCE = ("numbering-gap", "out-of-order", "duplicate-number")
_NOTE = " (its label fits elsewhere in the document: the structure here may be misread)"


def soften(findings: list[Finding], policy: Policy, all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with those about a doubtful placement downgraded to warnings."""
    if not any(f.is_error and f.code in (*_PLACEMENT, *_SEQUENCE) for f in findings):
        return findings
    cores: Counter[str] = Counter()
    for scope in all_scopes:  # every numbered clause is a member of one scope
        for clause in scope.members:
            label = parse_label(clause.label)
            if label.kind not in (OTHER, SCHEDULE) and label.parts:
                cores[label.core.lower()] += 1
    result = []
    for finding in findings:
        if finding.is_error and _doubtful(finding, policy, cores):
            finding = replace(finding, severity=WARNING, message=finding.message + _NOTE)
        result.append(finding)
    return result


def _doubtful(finding: Finding, policy: Policy, cores: Counter[str]) -> bool:
    clause = policy.find(finding.clause_id)
    if clause is None:
        return False
    label = parse_label(clause.label)
    if label.kind in (OTHER, SCHEDULE) or not label.parts:
        return False
    if finding.code in _PLACEMENT or (finding.code in _SEQUENCE and _misplaced(clause, label)):
        parent = ".".join(label.parts[:-1]).lower()
        return bool(parent) and cores[parent] > 0 and cores[label.core.lower()] == 1
    if finding.code == "numbering-gap" and label.last.isdigit() and int(label.last) > 1:
        before = ".".join((*label.parts[:-1], str(int(label.last) - 1))).lower()
        return cores[before] == 1 and cores[label.core.lower()] == 1 and _opens_list(policy, clause)
    return False


def _misplaced(clause: Clause, label: Label) -> bool:
    """Whether a hierarchical label does not continue its parent's ("5.1" at the top level)."""
    if len(label.parts) < 2:
        return False
    owner = parse_label(clause.parent.label) if clause.parent is not None else None
    return owner is None or owner.parts != label.parts[:-1]


def _opens_list(policy: Policy, clause: Clause) -> bool:
    """Whether no numbered sibling comes before the clause (its gap is from the list's start)."""
    for sibling in policy.children_of(clause.parent):
        if sibling is clause:
            return True
        if sibling.label.strip():
            return False
    return False


#: Registered in `registry.REVIEWS`: the Checker runs it on the numbering findings.
REVIEW = Review("doubtful placements", NUMBERING, lambda found, seen: soften(found, seen.policy, seen.scopes))
