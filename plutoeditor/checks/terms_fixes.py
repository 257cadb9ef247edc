"""Edits for defined terms: write a term as defined, add a definition stub, rename a term.

Each returns one operation (a `Batch` of clause edits), so the editor undoes it in one step:
- term-case: "Write “personal data” as “Personal Data”" in the clause of the finding;
- undefined-term: "Add a definition of “Website”", a definition clause in the document's
  list of definitions (in alphabetical place), or a new "Definitions" clause at the top when
  the document has none; its meaning is a placeholder for the author to fill in;
- Rename Term: the definition and every use of the term, in every clause.
"""

from __future__ import annotations

from plutoeditor.checks.finding import Finding
from plutoeditor.checks.terms_index import TermIndex, term_index
from plutoeditor.checks.terms_recognise import Definition
from plutoeditor.checks.terms_search import same_term
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.operations import Batch, InsertClause, Operation, SetClauseField
from plutoeditor.model.policy import Policy

#: The meaning of a new definition until the author writes it (an incomplete-text finding).
STUB_MEANING = "[insert the meaning of this term]"


def term_fix(policy: Policy, finding: Finding) -> tuple[str, Operation] | None:
    """(menu text, edit) for a term finding, or None."""
    if finding.code == "term-case":
        return _write_as_defined(policy, finding)
    if finding.code == "undefined-term":
        return _add_definition(policy, finding.target)
    return None


def _write_as_defined(policy: Policy, finding: Finding) -> tuple[str, Operation] | None:
    clause = policy.find(finding.clause_id)
    if clause is None:
        return None
    index = term_index(policy)
    name = finding.target
    pieces, written_as, at = [], "", 0
    for start, _, written, found in index.find_uses(clause.text):
        if found != name:
            continue
        form = name if len(written) == len(name) else name[: len(written)]
        if written == form:
            continue
        pieces += [clause.text[at:start], form]
        at = start + len(written)
        written_as = written_as or written
    if not written_as:
        return None
    text = "".join(pieces) + clause.text[at:]
    title = f"Write “{written_as}” as “{name}”"
    return title, Batch([SetClauseField(clause.id, "text", text, name=title)], name=title)


def _add_definition(policy: Policy, term: str) -> tuple[str, Operation] | None:
    if not term:
        return None
    title = f"Add a definition of “{term}”"
    stub = Clause(heading=term, text=STUB_MEANING, kind=ClauseKind.DEFINITION)
    listed = [c for c in policy.walk() if c.kind is ClauseKind.DEFINITION]
    if listed:
        host = listed[0].parent
        siblings = policy.children_of(host)
        last = max(i for i, c in enumerate(siblings) if c.kind is ClauseKind.DEFINITION)
        place = last + 1
        for i, sibling in enumerate(siblings):  # alphabetical among the definitions
            if sibling.kind is ClauseKind.DEFINITION and sibling.heading.casefold() > term.casefold():
                place = i
                break
        insert = InsertClause(host.id if host is not None else None, place, stub, name=title)
    else:
        holder = Clause(heading="Definitions", text="In this document:", children=[stub])
        insert = InsertClause(None, 0, holder, name=title)
    return title, Batch([insert], name=title)


def rename_term(
    policy: Policy, definition: Definition, new_name: str, index: TermIndex | None = None
) -> Batch:
    """The edit that renames a defined term: its definition and every use of its (first) name.

    A use keeps its ending ("Websites" becomes "Platforms") and a capital that opens a
    sentence; the same word in another case is not a use and is left alone.
    """
    index = index or term_index(policy)
    old = definition.names[0]
    name = f"Rename “{old}” as “{new_name}”"
    operations: list[Operation] = []
    for clause in index.order:
        text = clause.text
        pieces, at = [], 0
        for start, _, written, found in index.find_uses(text):
            if found != old:
                continue
            form = old if len(written) == len(old) else old[: len(written)]
            if written == form:
                new = new_name if len(written) == len(old) else new_name.removesuffix("s")
            elif same_term(written, form):  # a capital that opens a sentence, or its absence
                new = written[0] + new_name[1:] if written[0].lower() == new_name[0].lower() else new_name
            else:
                continue
            pieces += [text[at:start], new]
            at = start + len(written)
        new_text = "".join(pieces) + text[at:] if pieces else text
        if clause.id == definition.clause_id:
            new_text = _rename_in_definition(new_text, old, new_name)
            heading = clause.heading
            if clause.kind is ClauseKind.DEFINITION and old in heading:
                renamed = heading.replace(old, new_name, 1)
                operations.append(SetClauseField(clause.id, "heading", renamed, name=name))
        if new_text != text:
            operations.append(SetClauseField(clause.id, "text", new_text, name=name))
    return Batch(operations, name=name)


def _rename_in_definition(text: str, old: str, new: str) -> str:
    """The quoted term of an inline or "means" definition: (the “Website”) -> (the “Platform”)."""
    for open_q, close_q in (("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")):
        text = text.replace(f"{open_q}{old}{close_q}", f"{open_q}{new}{close_q}")
    return text
