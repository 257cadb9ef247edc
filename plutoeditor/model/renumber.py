"""Renumber: relabel clauses to the numbers their positions call for, as one undoable edit.

Labels are written in the style most labels at their level already use ("6." among "1",
"2", "3" becomes "6"), so a renumbered document has one label style per level.
References inside the document follow their clauses: they are resolved to clauses *before*
anything is relabelled, so if 7.4.6 becomes 7.4.7, "clause 7.4.6" becomes "clause 7.4.7".
"paragraph 3 of Schedule 1" is resolved inside Schedule 1 and follows its paragraph (and
the schedule's name follows when the schedule itself is renumbered).
Statute references ("section 69 of the Act") are left as they are.
"""

from __future__ import annotations

from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import expected_labels, parse_label
from plutoeditor.model.operations import Batch, Operation, SetClauseField
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import (
    SCHEDULE_REF,
    followed_references,
    label_index,
    reference_key,
    rewritten_reference,
    schedule_index,
    schedule_key,
)


def new_labels(policy: Policy, scope: Clause | None = None) -> dict[str, str]:
    """clause id -> new label, for the clauses renumbering would change (inside `scope`)."""
    expected = expected_labels(policy, usual_style=True)
    inside = None if scope is None else {c.id for c in scope.walk() if c is not scope}
    changes = {}
    for clause in policy.walk():
        want = expected.get(clause.id)
        if want is None or (inside is not None and clause.id not in inside):
            continue
        if clause.label.strip() != want:
            changes[clause.id] = want
    return changes


def renumber(policy: Policy, scope: Clause | None = None) -> Batch:
    """The edit that renumbers the document (or the clauses below `scope`).

    Apply it with `.apply(policy)`, which returns the edit that undoes it. An empty Batch
    means the numbering is already right.
    """
    name = "Renumber" if scope is None else f"Renumber {scope.label.strip() or scope.display_name(30)}"
    return relabel(policy, new_labels(policy, scope), name)


def relabel(policy: Policy, changes: dict[str, str], name: str = "Relabel") -> Batch:
    """Give clauses new labels (clause id -> label) and make references follow them."""
    if not changes:
        return Batch([], name=name)
    operations: list[Operation] = [
        SetClauseField(clause_id, "label", label, name=name) for clause_id, label in changes.items()
    ]
    operations += [
        SetClauseField(clause_id, "text", text, name=name)
        for clause_id, text in texts_with_references_followed(policy, changes).items()
    ]
    return Batch(operations, name=name)


def texts_with_references_followed(policy: Policy, changes: dict[str, str]) -> dict[str, str]:
    """Clause id -> its text with its cross-references following the relabelled clauses
    (clause id -> new label), for every clause whose text that changes."""
    index = label_index(policy)
    schedules: dict[str, tuple[Clause, dict[str, Clause]]] | None = None  # built when needed
    texts: dict[str, str] = {}
    for clause in policy.walk():
        edits: dict[int, tuple[int, str]] = {}  # start -> (end, new text)
        for reference in followed_references(clause):
            scope = index
            if reference.kind == SCHEDULE_REF:
                if schedules is None:
                    schedules = schedule_index(policy)
                schedule, scope = schedules.get(schedule_key(reference.schedule), (None, {}))
                if schedule is not None and schedule.id in changes:  # "of Schedule 3" -> "of Schedule 2"
                    renamed = parse_label(changes[schedule.id]).core
                    edits[reference.schedule_start] = (
                        reference.schedule_start + len(reference.schedule),
                        renamed,
                    )
            target = scope.get(reference_key(reference.base))
            new_text = rewritten_reference(reference, target, changes) if target is not None else None
            if new_text is not None:
                edits[reference.start] = (reference.end, new_text)
        if edits:
            text = _edited(clause.text, edits)
            if text != clause.text:
                texts[clause.id] = text
    return texts


def _edited(text: str, edits: dict[int, tuple[int, str]]) -> str:
    """The text with each span (start -> (end, replacement)) replaced; spans do not overlap."""
    pieces: list[str] = []
    last = 0
    for start in sorted(edits):
        end, new_text = edits[start]
        pieces.append(text[last:start])
        pieces.append(new_text)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
