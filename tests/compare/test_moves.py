"""Moves: the fewest that explain the new order; a moved section counts once."""

from __future__ import annotations

from plutoeditor.compare.sequence import heaviest_increasing as _heaviest_increasing


def test_longest_run_stays_put():
    assert _heaviest_increasing([0, 2, 3, 1], [1, 1, 1, 1]) == {0, 1, 2}  # the 1 moved to the end
    assert _heaviest_increasing([3, 0, 1, 2], [1, 1, 1, 1]) == {1, 2, 3}  # the 3 moved to the start


def test_swap_marks_the_lighter_section():
    # two sections swapped: the small one (weight 2) moved, not the big one (weight 9)
    kept = _heaviest_increasing([1, 0], [100 + 9, 100 + 2])
    assert kept == {0}


def test_fewest_moves_beat_weight():
    # one big section moved to the end past three small ones: one move, not three
    kept = _heaviest_increasing([1, 2, 3, 0], [100 + 1, 100 + 1, 100 + 1, 100 + 50])
    assert kept == {0, 1, 2}


def test_empty_and_single():
    assert _heaviest_increasing([], []) == set()
    assert _heaviest_increasing([5], [1]) == {0}
