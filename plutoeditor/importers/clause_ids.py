"""Clause ids for imported documents, derived from the clauses themselves.

A permanent id is random when a clause is created in the editor, but an imported file has
no ids, and random ones would make exporting the same file twice give different HTML
anchors. So the importer derives each id from the clause's content and its occurrence.
"""

from __future__ import annotations

import hashlib

from plutoeditor.model.clause import Clause


def assign_ids(clauses: list[Clause]) -> None:
    """Give every clause an id derived from what it says, so importing a file twice gives the same ids.

    id = "c" + the first 10 hex digits of SHA-1 over label, heading, text and how many
    clauses before it say exactly the same; exported HTML anchors then stay stable. The
    document id stays random, so two imported versions are still told apart.
    """
    seen: dict[tuple[str, str, str], int] = {}
    used: set[str] = set()
    stack = list(reversed(clauses))
    while stack:
        clause = stack.pop()
        stack.extend(reversed(clause.children))
        triple = (clause.label, clause.heading, clause.text)
        occurrence = seen.get(triple, 0)
        while True:
            digest = hashlib.sha1("\x00".join((*triple, str(occurrence))).encode("utf-8")).hexdigest()
            clause_id = "c" + digest[:10]
            occurrence += 1
            if clause_id not in used:  # two different clauses sharing 40 bits: take the next index
                break
        seen[triple] = occurrence
        used.add(clause_id)
        clause.id = clause_id
