"""Where a change is, in words a reviewer can find: "in 4 Cookies, after 4.2", and where a
moved clause used to stand. Every renderer that places or lists changes uses these."""

from __future__ import annotations

from plutoeditor.compare.result import ClauseChange, Comparison
from plutoeditor.model.clause import Clause


def clause_title(clause: Clause, width: int = 50) -> str:
    """ "4.2 Cookies we use", or the first words of an unnumbered clause."""
    return " ".join(p for p in (clause.label.strip(), clause.display_name(width)) if p)


def where(change: ClauseChange) -> str:
    """Where an unnumbered clause is: "in 4 Cookies, after 4.2" (old version for a removed
    one); "" for a numbered clause, which its label places."""
    clause = change.clause
    if clause.label.strip():
        return ""
    parts = []
    parent = clause.parent
    if parent is not None and parent.label.strip() and not parent.heading.strip():
        # a further paragraph of a numbered clause reads as coming after that clause
        section = parent.parent
        before: Clause | None = parent
    else:
        section = parent
        before = None
        for sibling in parent.children if parent is not None else []:
            if sibling is clause:
                break
            if sibling.label.strip():
                before = sibling
    while section is not None and not section.label.strip() and not section.heading.strip():
        section = section.parent
    if section is not None:
        parts.append(f"in {clause_title(section, 40)}")
    if before is not None:
        parts.append(f"after {before.label.strip()}")
    elif section is not None and parent is section and parent.children and parent.children[0] is clause:
        parts.append("at its start")
    return ", ".join(parts)


def moved_from(comparison: Comparison) -> dict[int, int]:
    """For each moved change (its index in `comparison.changes`), the index of the change
    after which it stood in the old version (-1: at the very start)."""
    moved = [i for i, c in enumerate(comparison.changes) if c.moved and c.old is not None]
    if not moved:
        return {}
    listed = {c.old.id: i for i, c in enumerate(comparison.changes) if c.old is not None}
    order = comparison.old_order
    place = {clause_id: p for p, clause_id in enumerate(order)}
    places: dict[int, int] = {}
    for index in moved:
        old = comparison.changes[index].old
        assert old is not None
        inside = {c.id for c in old.walk()}
        before = -1
        for p in range(place.get(old.id, 0) - 1, -1, -1):
            if order[p] not in inside and order[p] in listed:
                before = listed[order[p]]
                break
        places[index] = before
    return places


def moved_groups(comparison: Comparison) -> dict[int, list[int]]:
    """For each moved change, its index and those of the changes right after it that travel
    with it: sub-clauses of the moved clause (new side) or of its old self (old side)."""
    changes = comparison.changes
    groups: dict[int, list[int]] = {}
    for index, change in enumerate(changes):
        if not change.moved or change.old is None or change.new is None:
            continue
        new_ids = {c.id for c in change.new.walk()}
        old_ids = {c.id for c in change.old.walk()}
        members = [index]
        for later in range(index + 1, len(changes)):
            other = changes[later]
            inside = (other.new is not None and other.new.id in new_ids) or (
                other.new is None and other.old is not None and other.old.id in old_ids
            )
            if not inside:
                break
            members.append(later)
        groups[index] = members
    return groups
