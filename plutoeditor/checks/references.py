"""Reference checks: a reference to a clause that is missing, or that has nothing in it."""

from __future__ import annotations

from plutoeditor.checks.finding import Finding, make
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.references import internal_references, reference_key


def has_content(clause: Clause) -> bool:
    """Children, or text that is more than a lead-in such as "Email address:"."""
    if clause.children:
        return True
    body = (clause.text.strip() or clause.heading.strip()).rstrip()
    return bool(body) and not body.endswith(":")


def check_references(clause: Clause, index: dict[str, Clause]) -> list[Finding]:
    """broken-reference and empty-reference findings for one clause's text."""
    findings: list[Finding] = []
    reported: set[str] = set()
    for reference in internal_references(clause):
        key = reference_key(reference.base)
        if key in reported:
            continue
        target = index.get(key)
        if target is None:
            reported.add(key)
            findings.append(
                make(
                    "broken-reference",
                    clause.id,
                    clause.label.strip(),
                    f"Refers to clause {reference.target}, which is not in this document",
                    clause.line,
                    target=reference.base,
                )
            )
        elif target is not clause and not has_content(target) and target.kind is not ClauseKind.SCHEDULE:
            reported.add(key)
            shown = (target.text.strip() or target.heading.strip())[:40]
            findings.append(
                make(
                    "empty-reference",
                    clause.id,
                    clause.label.strip(),
                    f"Refers to clause {reference.base}, which has no content"
                    + (f" (it reads only “{shown}”)" if shown else ""),
                    clause.line,
                    target=reference.base,
                )
            )
    return findings
