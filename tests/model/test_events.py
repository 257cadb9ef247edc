"""The policy sends one event just before and one just after each change to its tree or metadata."""

from __future__ import annotations

from plutoeditor.model import Clause
from plutoeditor.model import operations as ops
from plutoeditor.model.events import Change, ChangeEvent, Phase
from plutoeditor.model.notation import parse_tree


def test_each_edit_is_announced_before_and_reported_after_with_the_tree_as_it_then_is():
    policy = parse_tree("[1] Scope |\n  [1.1] a.\n[2] Data |\n")
    seen: list[tuple[Change, Phase, int]] = []

    def listen(event: ChangeEvent) -> None:
        seen.append((event.kind, event.phase, len(policy)))

    policy.subscribe(listen)
    first, second = policy.clauses
    ops.InsertClause(second.id, 0, Clause(label="2.1", text="b.")).apply(policy)
    ops.MoveClause(first.children[0].id, second.id, 1).apply(policy)
    ops.DeleteClause(second.children[0].id).apply(policy)
    ops.SetClauseField(second.id, "heading", "Your data").apply(policy)
    ops.SetMetadata("title", "Privacy").apply(policy)
    assert seen == [
        (Change.INSERT, Phase.ABOUT, 3), (Change.INSERT, Phase.DONE, 4),
        (Change.MOVE, Phase.ABOUT, 4), (Change.MOVE, Phase.DONE, 4),
        (Change.REMOVE, Phase.ABOUT, 4), (Change.REMOVE, Phase.DONE, 3),
        (Change.UPDATE, Phase.ABOUT, 3), (Change.UPDATE, Phase.DONE, 3),
        (Change.METADATA, Phase.ABOUT, 3), (Change.METADATA, Phase.DONE, 3),
    ]  # fmt: skip
    assert [c.label for c in second.children] == ["1.1"] and second.heading == "Your data"
    assert policy.revision == 5  # one per change


def test_a_move_names_the_old_place_and_the_new():
    policy = parse_tree("[1] a.\n[2] b.\n[3] c.\n")
    events: list[ChangeEvent] = []
    policy.subscribe(events.append)
    first = policy.clauses[0]
    ops.MoveClause(first.id, None, 2).apply(policy)
    done = events[-1]
    assert (done.kind, done.parent, done.index, done.new_parent, done.new_index) == ("move", None, 0, None, 2)
    assert [c.label for c in policy.clauses] == ["2", "3", "1"]
