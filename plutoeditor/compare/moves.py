"""Which paired clauses moved: the smallest set of moves that explains the new order.

Each clause is judged relative to its parent, so a moved section counts once and its
children travel with it. Among the paired children of one parent that were also children of
that parent's partner, the heaviest increasing subsequence of their old positions stayed
put (the longest such subsequence; among equally long ones the heaviest by subtree size, so
swapping a small and a big section marks the small one); the others moved. A clause now
under a different parent moved too.
"""

from __future__ import annotations

from plutoeditor.compare.align import Entry


def moved_entries(new_entries: list[Entry]) -> set[Entry]:
    """The new-version entries whose clauses moved."""
    moved: set[Entry] = set()
    groups: dict[Entry | None, list[Entry]] = {}
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
            moved.add(entry)
    for siblings in groups.values():
        sizes = [_size(e.clause) for e in siblings]
        unit = sum(sizes) + 1  # fewest moves first; subtree size only breaks ties
        old_places = [e.partner.index for e in siblings if e.partner]
        kept = _heaviest_increasing(old_places, [unit + s for s in sizes])
        moved.update(e for i, e in enumerate(siblings) if i not in kept)
    return moved


def _size(clause) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for _ in clause.walk())


def _heaviest_increasing(values: list[int], weights: list[int]) -> set[int]:
    """Indices of a maximum-weight strictly increasing subsequence of distinct `values`.

    A Fenwick tree over the ranks of the values gives O(n log n); ties keep the earliest.
    """
    n = len(values)
    if n <= 1:
        return set(range(n))
    rank = {v: r + 1 for r, v in enumerate(sorted(values))}
    tree_best = [0] * (n + 1)
    tree_at = [-1] * (n + 1)
    best = [0] * n
    previous = [-1] * n
    for i, value in enumerate(values):
        r = rank[value] - 1
        top, top_at = 0, -1
        while r > 0:  # best chain ending in a smaller value
            if tree_best[r] > top:
                top, top_at = tree_best[r], tree_at[r]
            r -= r & -r
        best[i] = top + weights[i]
        previous[i] = top_at
        r = rank[value]
        while r <= n:
            if best[i] > tree_best[r]:
                tree_best[r], tree_at[r] = best[i], i
            r += r & -r
    end = max(range(n), key=lambda i: (best[i], -i))
    chain: set[int] = set()
    while end != -1:
        chain.add(end)
        end = previous[end]
    return chain
