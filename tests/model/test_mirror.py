"""A policy's mirror: the copy another thread checks follows every edit, undo included."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plutoeditor.model import Clause, Policy
from plutoeditor.model import operations as ops
from plutoeditor.model.mirror import PolicyMirror
from plutoeditor.model.notation import format_tree, parse_tree
from plutoeditor.model.renumber import renumber

DOC = """\
[1] Introduction |
  [1.1] We collect data.
  [1.2] We keep it.
[2] Scope |
  [2.1] This applies to you.
  [2.2] And to them.
[4] Contact |
"""


def same(live: Policy, copy: Policy) -> None:
    """The copy reads as the live policy, clause ids, lines and metadata included."""
    assert format_tree(copy) == format_tree(live)
    assert [(c.id, c.file_line, c.source_line) for c in copy.walk()] == [
        (c.id, c.file_line, c.source_line) for c in live.walk()
    ]
    assert copy.metadata == live.metadata
    assert all(copy.find(c.id) is c for c in copy.walk())


def test_the_copy_is_not_touched_until_the_edits_are_replayed():
    live = parse_tree(DOC)
    mirror = PolicyMirror(live)
    before = format_tree(live)
    ops.move_by(live, live.clauses[1], -1).apply(live)
    assert format_tree(mirror.copy) == before  # another thread may be reading it
    edits, count = mirror.take_edits()
    assert count == mirror.recorded == 1
    mirror.replay(edits)
    same(live, mirror.copy)
    assert mirror.take_edits() == ([], 1)


def test_an_inserted_clause_is_copied_as_it_was_inserted():
    live = parse_tree(DOC)
    mirror = PolicyMirror(live)
    new = Clause(label="3", heading="Sharing", children=[Clause(label="3.1", text="Never.")])
    ops.InsertClause(None, 2, new).apply(live)
    ops.SetClauseField(new.children[0].id, "text", "Only by law.").apply(live)
    mirror.replay(mirror.take_edits()[0])
    same(live, mirror.copy)
    assert mirror.copy.find(new.id) is not new  # the copy shares no clause with the live policy
    assert mirror.copy.find(new.children[0].id).text == "Only by law."


def test_an_undone_delete_comes_back_in_the_copy():
    live = parse_tree(DOC)
    mirror = PolicyMirror(live)
    scope = live.clauses[1]
    undo = ops.DeleteClause(scope.id).apply(live)
    mirror.replay(mirror.take_edits()[0])
    assert mirror.copy.find(scope.id) is None
    undo.apply(live)
    mirror.replay(mirror.take_edits()[0])
    same(live, mirror.copy)


def test_metadata_lists_are_copied_not_shared():
    live = parse_tree(DOC)
    mirror = PolicyMirror(live)
    ops.SetMetadata("summary_of_changes", ["Scope widened"]).apply(live)
    mirror.replay(mirror.take_edits()[0])
    live.metadata.summary_of_changes.append("edited in place, without an event")
    assert mirror.copy.metadata.summary_of_changes == ["Scope widened"]


def test_an_edit_the_copy_cannot_follow_is_refused_not_guessed():
    live = parse_tree(DOC)
    mirror = PolicyMirror(live)
    stray = Clause(label="9", text="Not in the copy.")
    ops.InsertClause(None, 0, stray).apply(live)
    mirror.take_edits()  # lost: the copy is now out of step
    ops.SetClauseField(stray.id, "text", "Changed.").apply(live)
    with pytest.raises(LookupError):
        mirror.replay(mirror.take_edits()[0])


def test_closing_stops_recording():
    live = parse_tree(DOC)
    mirror = PolicyMirror(live)
    mirror.close()
    ops.SetClauseField(live.clauses[0].id, "heading", "Preface").apply(live)
    assert mirror.take_edits() == ([], 0)


@st.composite
def edit_scripts(draw) -> list[tuple[str, int, int]]:
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(
                    [
                        "up",
                        "down",
                        "indent",
                        "outdent",
                        "delete",
                        "insert",
                        "text",
                        "label",
                        "renumber",
                        "undo",
                    ]
                ),
                st.integers(0, 40),
                st.integers(0, 3),
            ),
            max_size=25,
        )
    )


@settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(edit_scripts(), st.integers(1, 5))
def test_the_copy_follows_any_edits_and_their_undo(script, every):
    """Moves, indents, deletes, inserts, relabels, renumbering and undo, replayed in batches
    of `every` edits: the copy ends as the live policy."""
    live = parse_tree(DOC)
    mirror = PolicyMirror(live)
    undo: list[ops.Operation] = []
    for step, (action, pick, n) in enumerate(script):
        clauses = list(live.walk())
        clause = clauses[pick % len(clauses)] if clauses else None
        op: ops.Operation | None = None
        if action == "undo":
            op = undo.pop() if undo else None
        elif action == "insert" or clause is None:
            parent = clause.parent.id if clause is not None and clause.parent else None
            op = ops.InsertClause(parent, 0, Clause(label=f"{n}.", text=f"New {step}."))
        elif action in ("up", "down"):
            op = ops.move_by(live, clause, -1 if action == "up" else 1)
        elif action == "indent":
            op = ops.indent(live, clause)
        elif action == "outdent":
            op = ops.outdent(live, clause)
        elif action == "delete":
            op = ops.DeleteClause(clause.id)
        elif action == "text":
            op = ops.SetClauseField(clause.id, "text", clause.text + f" {step}")
        elif action == "label":
            op = ops.SetClauseField(clause.id, "label", f"{n + 1}")
        elif action == "renumber":
            op = renumber(live)
        if op is not None:
            inverse = op.apply(live)
            if action != "undo":
                undo.append(inverse)
        if step % every == 0:
            mirror.replay(mirror.take_edits()[0])
    mirror.replay(mirror.take_edits()[0])
    same(live, mirror.copy)
