"""Loading and checking pause the cycle collector without leaving it a backlog: the first
collection afterwards used to walk everything they built (44 ms after loading 10,000
clauses, 75 ms after checking them), holding the interpreter lock and so the window."""

from __future__ import annotations

import gc
import sys
import weakref
from pathlib import Path

import pytest

from plutoeditor.checks import Checker
from plutoeditor.formats import native
from plutoeditor.gc_pause import no_cycle_collection
from plutoeditor.importers.text import import_text

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))

from policygen import generate_policy, generate_policy_text  # noqa: E402


@pytest.fixture(autouse=True)
def collector_on():
    """Each test starts with the collector on (`plutoeditor diff`, run in-process by the CLI
    tests, switches it off for the rest of its short-lived process)."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def young() -> int:
    """How many objects the next young collections would walk."""
    return len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1))


def test_loading_and_checking_leave_nothing_young_to_walk():
    text = native.dumps(generate_policy(2000, seed=4))
    gc.collect()
    policy = native.loads(text)
    assert young() < 5000  # some 60,000 objects were built: all old already
    Checker(policy).findings()
    assert young() < 5000
    assert gc.isenabled()


def test_importing_text_walks_nothing_while_the_clauses_are_built():
    """A text import builds two objects or more per line that all stay alive; the collector
    walked them again and again (83 collections, 25 ms CPU of 140 for 10,000 clauses)."""
    text = generate_policy_text(2000, seed=4)
    gc.collect()
    collections: list[int] = []
    gc.callbacks.append(collect := lambda phase, info: collections.append(info["generation"]))
    try:
        policy = import_text(text, "generated.txt")
    finally:
        gc.callbacks.remove(collect)
    assert len(policy) >= 1900
    assert collections == []
    assert young() < 5000 and gc.isenabled()


def test_cyclic_garbage_made_meanwhile_is_still_collected():
    class Node:
        pass

    with no_cycle_collection():
        assert not gc.isenabled()
        node = Node()
        node.me = node  # a cycle, garbage once the name goes
        gone = weakref.ref(node)
        del node
    assert gc.isenabled() and gone() is not None
    gc.collect()
    assert gone() is None


def test_a_pause_inside_a_pause_leaves_the_collector_off():
    with no_cycle_collection():
        with no_cycle_collection():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_the_editor_froze_stays_frozen():
    """The editor's idle collector freezes what survives; a pause must not thaw it (its next
    idle collection would walk the whole open policy again)."""
    keep = [[] for _ in range(1000)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with no_cycle_collection():
            more = [[] for _ in range(1000)]
        assert gc.get_freeze_count() >= frozen + len(more)
        assert young() < 1000
    finally:
        gc.unfreeze()
    assert keep and more


def test_a_check_leaves_nothing_for_the_cycle_collector() -> None:
    """In the editor what a check leaves is frozen (gc_pause) and never collected again, so
    a check must not leave garbage in reference cycles (a recursive closure is one: the
    clause positions, scopes and label index of every check stayed in memory)."""
    from plutoeditor.checks import Checker
    from plutoeditor.model import Clause, Policy
    from plutoeditor.model import operations as ops

    policy = Policy()
    for n in range(1, 20):
        section = Clause(label=f"{n}.", heading=f"Part {n}")
        for m in range(1, 4):
            child = Clause(label=f"{n}.{m}", text=f"The Website applies; see clause {n}.{m}.")
            child.parent = section
            section.children.append(child)
        policy.clauses.append(section)
    checker = Checker(policy)
    gc.collect()
    checker.findings()
    moved = ops.move_by(policy, policy.clauses[2].children[0], 1)
    assert moved is not None
    moved.apply(policy)
    checker.findings()
    checker.expected_labels()
    assert gc.collect() == 0
    checker.close()
