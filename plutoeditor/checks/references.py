"""Reference checks: a reference to a clause that is missing, or that has nothing in it."""

from __future__ import annotations

from plutoeditor.checks.finding import ERROR, REFERENCES, Check, Finding, make
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.references import index_of_clauses, internal_references, reference_key


def has_content(clause: Clause) -> bool:
    """Children, or text that is more than a lead-in such as "Email address:"."""
    if clause.children:
        return True
    body = (clause.text.strip() or clause.heading.strip()).rstrip()
    return bool(body) and not body.endswith(":")


def content_beside(clause: Clause, siblings: list[Clause]) -> bool:
    """Whether a lead-in's content follows it as unnumbered paragraphs beside it rather than
    under it ("... contact us at the address below:" then "Company name: ...", "Address: ...")."""
    at = next((i for i, c in enumerate(siblings) if c is clause), -1)
    after = siblings[at + 1] if 0 <= at < len(siblings) - 1 else None
    return after is not None and not after.label.strip() and bool(after.text.strip() or after.heading.strip())


def enclosing_schedule(clause: Clause) -> Clause | None:
    """The schedule a clause stands in, if any."""
    node = clause.parent
    while node is not None:
        if node.kind is ClauseKind.SCHEDULE:
            return node
        node = node.parent
    return None


def schedule_labels(schedule: Clause, local: dict[str, dict[str, Clause]] | None) -> dict[str, Clause]:
    """The label index of a schedule's own clauses, kept in `local` by schedule id when given."""
    own = local.get(schedule.id) if local is not None else None
    if own is None:
        own = index_of_clauses(schedule.children)
        if local is not None:
            local[schedule.id] = own
    return own


def check_references(
    clause: Clause, index: dict[str, Clause], local: dict[str, dict[str, Clause]] | None = None
) -> list[Finding]:
    """broken-reference and empty-reference findings for one clause's text.

    Inside a schedule, "paragraph 1.2" is first looked for among the schedule's own clauses
    (their label index is kept in `local` by schedule id, when given).
    """
    findings: list[Finding] = []
    reported: set[str] = set()
    own: dict[str, Clause] | None = None
    schedule = enclosing_schedule(clause) if clause.parent is not None else None
    for reference in internal_references(clause):
        key = reference_key(reference.base)
        if key in reported:
            continue
        if schedule is not None and own is None:
            own = schedule_labels(schedule, local)
        target = (own.get(key) if own is not None else None) or index.get(key)
        if target is None:
            reported.add(key)
            findings.append(
                make(
                    "broken-reference",
                    clause.id,
                    clause.label.strip(),
                    f"Refers to clause {reference.target}, which is not in this document",
                    clause.line_of_text(reference.start),
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
                    clause.line_of_text(reference.start),
                    target=reference.base,
                )
            )
    return findings


CHECK = Check(
    "references", {"broken-reference": ERROR, "empty-reference": ERROR}, REFERENCES, check_references
)
