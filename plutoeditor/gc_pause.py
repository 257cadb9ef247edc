"""Building a big structure (loading a policy, a full check) without the cycle collector.

Python's cycle collector walks the youngest objects every few hundred allocations; a
10,000-clause policy is some 300,000 objects, walked again and again while it is built. So
the builders pause it. Pausing alone only postpones the walk, though: everything allocated
meanwhile stays in the youngest generation, and the first collection after the pause walks
it all at once (44 ms after loading, 75 ms after a check, holding the interpreter lock,
so a window waiting for a worker froze for that long). `no_cycle_collection` therefore
hands the survivors on without walking them when it ends (list splices only):

- when nothing is frozen (the command line, tests): to the oldest generation (`gc.freeze()`
  then `gc.unfreeze()`), which is collected as usual, so cyclic garbage is still freed;
- in the editor, whose idle collector (ui/common/idle_gc.py) freezes what survives its full
  collections: to the frozen ones (`gc.freeze()`). Thawing them would make its next idle
  collection walk everything again (190 ms to 700 ms on a busy machine). Nothing thaws them
  while the app runs, so what a paused build leaves must not be garbage in reference cycles
  (no recursive closures: they refer to themselves): it would stay frozen for good.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_editor_freezes = False


def survivors_stay_frozen(on: bool) -> None:
    """The editor's idle collector freezes what survives (on) or has stopped (off). Asking
    `gc.get_freeze_count()` instead walks every frozen object: 17 ms with 250,000 of them,
    at the end of every findings refresh."""
    global _editor_freezes
    _editor_freezes = on


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector; afterwards what was allocated counts as old, not young."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            thaw = not _editor_freezes and gc.get_freeze_count() == 0
            gc.freeze()  # every tracked object moves to the permanent generation,
            if thaw:
                gc.unfreeze()  # and from there to the oldest one
            gc.enable()
