"""The Document view's rows: every clause in reading order with its depth, height and top.

Heights start as estimates (from the length of the text) and become exact when a row is
laid out, so opening a 10,000-clause policy costs one walk of the tree, not 10,000
layouts. A structural edit marks the rows stale; they are rebuilt once, when next read,
keeping the heights already measured (by clause id).
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from itertools import accumulate, islice

from plutoeditor.model import ChangeEvent, Clause, Policy

MAX_SHIFTS = 64  # edits after which the row index is built again


class DocumentRows:
    """Clauses in reading order, their heights (pixels) and where each one starts."""

    def __init__(self, policy: Policy, estimate: Callable[[Clause, int], int]) -> None:
        self.policy = policy
        self._estimate = estimate
        self._clauses: list[Clause] = []
        self._depths: list[int] = []
        #: each clause's row as (row, shifts already counted in it); later inserts and removals
        #: add a shift (first row moved, by how many) instead of indexing 10,000 rows again
        self._row_of: dict[str, tuple[int, int]] | None = None
        self._shifts: list[tuple[int, int]] = []
        #: exact heights by clause id (at the current width); missing: estimated
        self._measured: dict[str, int] = {}
        self._heights: list[int] = []
        self._tops: list[int] | None = None
        self._stale = True
        self._building: Iterator[None] | None = None  # rows still being built, a step at a time
        #: called after a change that may move rows or change a clause's height
        self.changed: Callable[[], None] = lambda: None
        policy.subscribe(self._on_change)

    def detach(self) -> None:
        self.policy.unsubscribe(self._on_change)

    # -- reading -----------------------------------------------------------------------
    def _walk_in_steps(self, step: int = 500) -> Iterator[None]:
        """Build the rows in reading order, pausing every `step` clauses (the rows built so
        far can be read and painted meanwhile)."""
        clauses: list[Clause] = []
        depths: list[int] = []
        heights: list[int] = []
        self._clauses, self._depths, self._heights = clauses, depths, heights
        self._row_of, self._tops, self._stale = None, None, False
        measured = self._measured
        stack = [(c, 0) for c in reversed(self.policy.clauses)]
        pop, extend = stack.pop, stack.extend
        while stack:  # one pass, no generator per clause: this runs over every clause on opening
            estimate = self._estimate
            for _ in range(step):
                if not stack:
                    break
                clause, depth = pop()
                clauses.append(clause)
                depths.append(depth)
                known = measured.get(clause.id)
                heights.append(estimate(clause, depth) if known is None else known)
                if clause.children:
                    extend([(c, depth + 1) for c in reversed(clause.children)])
            self._row_of, self._tops = None, None
            if stack:
                yield

    def _rebuild(self) -> None:
        for _ in self._walk_in_steps(step=1 << 30):
            pass
        self._building = None

    def start_building(self) -> None:
        """Build the rows a step at a time (`build_more`), from the top of the policy."""
        self._building = self._walk_in_steps()
        self.build_more(0.0)

    def build_more(self, seconds: float) -> bool:
        """Go on building for about `seconds`; True when every row is there."""
        if self._building is None:
            return True
        deadline = time.perf_counter() + seconds
        for _ in self._building:
            if time.perf_counter() >= deadline:
                return False
        self._building = None
        return True

    @property
    def building(self) -> bool:
        return self._building is not None

    def complete(self) -> None:
        """Every row now (a clause far down is asked for before its row was built)."""
        self._fresh()
        while not self.build_more(3600.0):
            pass

    def _index(self, clause_id: str) -> int | None:
        """The row of a clause (None: not in the rows), from the index and its later shifts."""
        if self._row_of is None or len(self._shifts) > MAX_SHIFTS:
            self._row_of = {clause.id: (row, 0) for row, clause in enumerate(self._clauses)}
            self._shifts = []
        entry = self._row_of.get(clause_id)
        if entry is None:
            return None
        row, counted = entry
        for start, delta in islice(self._shifts, counted, None):
            if row >= start:
                row += delta
        if not 0 <= row < len(self._clauses) or self._clauses[row].id != clause_id:
            self._row_of = None  # cannot happen unless the rows were changed behind the index
            return self._index(clause_id)
        return row

    def _fresh(self) -> None:
        if self._stale:
            self._rebuild()

    def __len__(self) -> int:
        self._fresh()
        return len(self._clauses)

    def clause(self, row: int) -> Clause:
        self._fresh()
        return self._clauses[row]

    def depth(self, row: int) -> int:
        self._fresh()
        return self._depths[row]

    def row_of(self, clause_id: str) -> int | None:
        self._fresh()
        row = self._index(clause_id)
        if row is None and self._building is not None:
            self.complete()
            row = self._index(clause_id)
        return row

    def height(self, row: int) -> int:
        self._fresh()
        return self._heights[row]

    def is_measured(self, row: int) -> bool:
        self._fresh()
        return self._clauses[row].id in self._measured

    def _all_tops(self) -> list[int]:
        self._fresh()
        if self._tops is None:
            self._tops = [0, *accumulate(self._heights)]
        return self._tops

    def top(self, row: int) -> int:
        """Where a row starts (row == len: where the last one ends)."""
        return self._all_tops()[row]

    def total_height(self) -> int:
        return self._all_tops()[-1]

    def row_at(self, y: int) -> int:
        """The row at height y (clamped to the first and last row); -1 when there are none."""
        tops = self._all_tops()
        if len(tops) == 1:
            return -1
        return max(0, min(bisect_right(tops, y) - 1, len(tops) - 2))

    # -- measuring ---------------------------------------------------------------------
    def set_height(self, row: int, height: int) -> bool:
        """Record a row's exact height; True when it differs from what was assumed."""
        self._fresh()
        clause = self._clauses[row]
        self._measured[clause.id] = height
        if self._heights[row] == height:
            return False
        self._heights[row] = height
        self._tops = None
        return True

    def forget_heights(self, estimate: Callable[[Clause, int], int]) -> None:
        """The width changed: every height is an estimate again (`estimate`'s)."""
        self._estimate = estimate
        self._measured.clear()
        if not self._stale:  # in place: a build in progress goes on appending to the same list
            self._heights[:] = [estimate(c, d) for c, d in zip(self._clauses, self._depths, strict=True)]
            self._tops = None

    # -- following the policy ------------------------------------------------------------
    def _remove_rows(self, clause: Clause) -> None:
        row = self._index(clause.id)
        if row is None or self._clauses[row] is not clause:
            raise KeyError(clause.id)
        size = sum(1 for _ in clause.walk())
        assert self._row_of is not None
        for removed in self._clauses[row : row + size]:
            self._row_of.pop(removed.id, None)
        del self._clauses[row : row + size], self._depths[row : row + size], self._heights[row : row + size]
        self._shifts.append((row + size, -size))

    def _insert_rows(self, clause: Clause) -> None:
        """Rows for a clause (and its sub-clauses) now in the tree, where reading order puts them."""
        parent = clause.parent
        siblings = self.policy.children_of(parent)
        index = clause.index_in_parent(siblings)

        def row_of(clause: Clause) -> int:
            row = self._index(clause.id)
            if row is None:
                raise KeyError(clause.id)
            return row

        if index > 0:
            before = siblings[index - 1]
            row = row_of(before) + sum(1 for _ in before.walk())
        else:
            row = row_of(parent) + 1 if parent is not None else 0
        base = self._depths[row_of(parent)] + 1 if parent is not None else 0
        added = [(c, base + self.policy.depth_of(c) - self.policy.depth_of(clause)) for c in clause.walk()]
        self._clauses[row:row] = [c for c, _ in added]
        self._depths[row:row] = [d for _, d in added]
        measured = self._measured
        self._heights[row:row] = [measured.get(c.id) or self._estimate(c, d) for c, d in added]
        if self._row_of is not None:
            self._shifts.append((row, len(added)))
            counted = len(self._shifts)
            self._row_of.update((c.id, (row + i, counted)) for i, (c, _) in enumerate(added))

    def _on_change(self, event: ChangeEvent) -> None:
        if event.phase != "done":
            return
        if event.kind == "update" and event.clause is not None:
            self._measured.pop(event.clause.id, None)  # measured again when next shown
        elif event.kind in ("insert", "remove", "move") and self._building is not None:
            self._building, self._stale = None, True  # built again, whole, when next read
        elif event.kind in ("insert", "remove", "move") and event.clause is not None and not self._stale:
            if event.kind == "move":
                for moved in event.clause.walk():  # the depth, and so the indent, may change
                    self._measured.pop(moved.id, None)
            try:  # one splice of the rows, not a walk of the whole policy
                if event.kind in ("remove", "move"):
                    self._remove_rows(event.clause)
                if event.kind in ("insert", "move"):
                    self._insert_rows(event.clause)
            except (KeyError, ValueError, IndexError):
                self._stale = True
            self._tops = None
        elif event.kind != "metadata":
            self._stale = True
        self.changed()
