"""Hierarchical labels that are ids, not a structure: their placement is no error.

A policy template that follows a specification's requirement numbers writes "1.2.1",
"1.4.1", "2.1.1" over its clauses with no clause 1.2, 1.4 or 2.1 anywhere: the numbers name
requirements of another document, they do not say which clause holds which. When the labels
of one depth name parents the document mostly lacks (half or more of them, and at least
three), the tree the importer built around them is a guess, and "2.1.1 is under 1.3;
expected 1.3.4" is a warning. A single clause whose parent is missing ("3.1" with no "3")
stays an error.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from plutoeditor.checks.finding import NUMBERING, WARNING, Finding, Review
from plutoeditor.model.numbering import OTHER, SCHEDULE, Scope, parse_label
from plutoeditor.model.policy import Policy

_PLACEMENT = ("wrong-parent", "skipped-level")
_NOTE = (
    " (half or more of the {depth}-part labels here have no parent in the document: they read as"
    " ids of requirements, not as its structure)"
)
#: Parents that must be missing at one depth before its labels count as ids.
_AT_LEAST_MISSING = 3


def as_typed_ids(findings: list[Finding], policy: Policy, all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with placement errors among labels that are ids as warnings."""
    if not any(f.is_error and f.code in _PLACEMENT for f in findings):
        return findings
    cores: set[str] = set()
    parents: dict[int, set[str]] = defaultdict(set)  # depth -> the parents its labels name
    for scope in all_scopes:
        for clause in scope.members:
            label = parse_label(clause.label)
            if label.kind in (OTHER, SCHEDULE) or not label.parts:
                continue
            cores.add(label.core.lower())
            if len(label.parts) > 1:
                parents[len(label.parts)].add(".".join(label.parts[:-1]).lower())
    ids = {depth for depth, named in parents.items() if _mostly_missing(named, cores)}
    if not ids:
        return findings
    result = []
    for finding in findings:
        if finding.is_error and finding.code in _PLACEMENT:
            found = policy.find(finding.clause_id)
            parts = parse_label(found.label).parts if found is not None else ()
            if len(parts) in ids:
                parent = ".".join(parts[:-1]).lower()
                if parent not in cores:
                    note = _NOTE.format(depth=len(parts))
                    finding = replace(finding, severity=WARNING, message=finding.message + note)
        result.append(finding)
    return result


def _mostly_missing(named: set[str], cores: set[str]) -> bool:
    missing = len(named - cores)
    return missing >= _AT_LEAST_MISSING and missing * 2 >= len(named)


#: Registered in `registry.REVIEWS`: the Checker runs it on the numbering findings.
REVIEW = Review("typed ids", NUMBERING, lambda found, seen: as_typed_ids(found, seen.policy, seen.scopes))
