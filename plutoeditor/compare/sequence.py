"""Longest increasing subsequence: which pairs kept their reading order."""

from __future__ import annotations


def heaviest_increasing(values: list[int], weights: list[int] | None = None) -> set[int]:
    """Indices of a maximum-weight strictly increasing subsequence of distinct `values`
    (every weight 1 when none are given: the longest one).

    A Fenwick tree over the ranks of the values gives O(n log n); ties keep the earliest.
    """
    n = len(values)
    if n <= 1:
        return set(range(n))
    if weights is None:
        weights = [1] * n
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
