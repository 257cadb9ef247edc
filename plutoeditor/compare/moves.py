"""Which paired clauses moved: the fewest moves that explain the new reading order.

Among the paired children of one parent that were also children of that parent's partner,
the heaviest increasing subsequence of their old positions stayed put (the longest such
subsequence; among equally long ones the heaviest by subtree size, so swapping a small and a
big section marks the small one); the others moved, and their sub-clauses travel with them. A
clause now under a different parent (its section restructured, renumbered into another
part, nested one level deeper) moved only when its place in the reading order changed: it is
judged against the longest run of clauses that kept their order, outside moved sections.
"""

from __future__ import annotations

from plutoeditor.compare.align import Entry
from plutoeditor.compare.sequence import heaviest_increasing


def moved_entries(new_entries: list[Entry]) -> set[Entry]:
    """The new-version entries whose clauses moved."""
    moved: set[Entry] = set()
    groups: dict[Entry | None, list[Entry]] = {}
    regrouped: list[Entry] = []
    for entry in new_entries:
        old = entry.partner
        if old is None:
            continue
        if entry.parent is None:
            same_parent = old.parent is None
        else:
            same_parent = old.parent is not None and old.parent.partner is entry.parent
        if same_parent:
            groups.setdefault(entry.parent, []).append(entry)
        else:
            regrouped.append(entry)
    for siblings in groups.values():
        sizes = [_size(e.clause) for e in siblings]
        unit = sum(sizes) + 1  # fewest moves first; subtree size only breaks ties
        old_places = [e.partner.index for e in siblings if e.partner]
        kept = heaviest_increasing(old_places, [unit + s for s in sizes])
        moved.update(e for i, e in enumerate(siblings) if i not in kept)
    if regrouped:
        moved.update(_out_of_order(new_entries, moved, set(regrouped)))
    return moved


def _out_of_order(new_entries: list[Entry], moved: set[Entry], regrouped: set[Entry]) -> set[Entry]:
    """The regrouped entries whose place in the reading order changed."""
    steady: list[Entry] = []
    for entry in new_entries:
        if entry.partner is None or _inside_moved(entry, moved):
            continue
        steady.append(entry)
    kept = heaviest_increasing([e.partner.index for e in steady if e.partner])
    return {e for i, e in enumerate(steady) if i not in kept and e in regrouped}


def _inside_moved(entry: Entry, moved: set[Entry]) -> bool:
    node: Entry | None = entry
    while node is not None:
        if node in moved:
            return True
        node = node.parent
    return False


def _size(clause) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for _ in clause.walk())
