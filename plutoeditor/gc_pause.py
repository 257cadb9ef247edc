"""Building a big structure (loading a policy, a full check) without the cycle collector.

Python's cycle collector walks the youngest objects every few hundred allocations; a
10,000-clause policy is some 300,000 objects, walked again and again while it is built. So
the builders pause it. Pausing alone only postpones the walk, though: everything allocated
meanwhile stays in the youngest generation, and the first collection after the pause walks
it all at once (44 ms after loading, 75 ms after a check, holding the interpreter lock,
so a window waiting for a worker froze for that long). `no_cycle_collection` therefore
hands the survivors straight to the oldest generation when it ends (`gc.freeze()` then
`gc.unfreeze()`: two list splices, nothing walked). The oldest generation is collected as
usual (or, in the editor, while the user is idle: ui/idle_gc.py), so cyclic garbage is still
freed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector; afterwards what was allocated counts as old, not young."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()  # every tracked object moves to the permanent generation,
            gc.unfreeze()  # and from there to the oldest one
            gc.enable()
