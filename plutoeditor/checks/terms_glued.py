"""`glued-definition`: a definition run into the end of the one before it in the source
("...domains.Pluto, we or usPluto LMS LTD"), so the document never defines it; found in the
text or where the importer split two definitions read from one source line.
"""

from __future__ import annotations

from plutoeditor.checks.finding import Finding, about_clause
from plutoeditor.checks.terms_index import TermIndex
from plutoeditor.model.clause import Clause, ClauseKind


def glued_definitions(index: TermIndex, clauses: dict[str, Clause], split: list[Clause]) -> list[Finding]:
    """glued-definition: in the text, and where two definitions came from one source line
    (`split`: the definitions read from a source line, in document order)."""
    found = []
    for definition in index.definitions:
        if definition.glued_into:
            clause = clauses[definition.clause_id]
            message = (
                f"the definition of “{definition.term}” is run into the end of the definition of "
                f"“{definition.glued_into}”, so the document never defines it"
            )
            found.append(about_clause("glued-definition", clause, message, definition.term))
    for clause in split:  # two definitions the importer split from one source line
        siblings = clause.parent.children if clause.parent is not None else index.policy.clauses
        at = next(i for i, s in enumerate(siblings) if s is clause)
        before = siblings[at - 1] if at else None
        if (
            before is not None
            and before.kind is ClauseKind.DEFINITION
            and before.source_line == clause.source_line
            and before.text.rstrip().endswith(".")
        ):
            message = (
                f"the definition of “{clause.heading.strip()}” is run into the end of the definition "
                f"of “{before.heading.strip()}” in the source (line {clause.source_line}), so the "
                "document never defines it"
            )
            found.append(about_clause("glued-definition", clause, message, clause.heading.strip()))
    return found
