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
    found: list[Clause] = []
    stack = list(reversed(clauses))
    while stack:
        clause = stack.pop()
        stack.extend(reversed(clause.children))
        found.append(clause)
    derive_ids(found, set())


def derive_ids(clauses: list[Clause], taken: set[str]) -> None:
    """Give each of `clauses`, in order, an id derived from what it says (see `assign_ids`).

    An id in `taken` (say, a clause's permanent id kept in the file) is never given; each id
    given is added to it.
    """
    seen: dict[tuple[str, str, str], int] = {}
    sha1 = hashlib.sha1
    for clause in clauses:
        label, heading, text = triple = (clause.label, clause.heading, clause.text)
        occurrence = seen.get(triple, 0)
        while True:
            # "label\0heading\0text\0occurrence"; the first 5 bytes of the digest are its first 10 hex digits
            digest = sha1(f"{label}\x00{heading}\x00{text}\x00{occurrence}".encode()).digest()
            clause_id = "c" + digest[:5].hex()
            occurrence += 1
            if clause_id not in taken:  # two different clauses sharing 40 bits: take the next index
                break
        seen[triple] = occurrence
        taken.add(clause_id)
        clause.id = clause_id
