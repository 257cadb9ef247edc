"""Every edit is a named operation that returns its inverse."""

from __future__ import annotations

import pytest

from plutoeditor.model import Clause
from plutoeditor.model import operations as ops
from plutoeditor.model.notation import format_tree, parse_tree

DOC = """\
[1] Introduction |
  [1.1] First.
  [1.2] Second.
[2] Scope |
  [2.1] Third.
"""


def apply_and_undo(policy, op):
    before = format_tree(policy)
    inverse = op.apply(policy)
    after = format_tree(policy)
    assert after != before
    redo = inverse.apply(policy)
    assert format_tree(policy) == before
    redo.apply(policy)
    assert format_tree(policy) == after
    return after


def test_insert_delete_move_and_undo():
    policy = parse_tree(DOC)
    intro = policy.clauses[0]
    new = Clause(label="1.3", text="Added.")
    after = apply_and_undo(policy, ops.InsertClause(intro.id, 2, new))
    assert "  [1.3] Added." in after.splitlines()
    after = apply_and_undo(policy, ops.DeleteClause(new.id))
    assert "Added" not in after


def test_move_section_to_end_carries_children():
    policy = parse_tree(DOC)
    intro = policy.clauses[0]
    after = apply_and_undo(policy, ops.MoveClause(intro.id, None, 5))
    assert after.splitlines()[-3:] == ["[1] Introduction |", "  [1.1] First.", "  [1.2] Second."]


def test_indent_outdent_are_moves():
    policy = parse_tree(DOC)
    scope = policy.clauses[1]
    after = apply_and_undo(policy, ops.indent(policy, scope))
    assert "  [2] Scope |" in after.splitlines()
    assert ops.indent(policy, policy.clauses[0]) is None
    first = policy.clauses[0].children[0]
    after = apply_and_undo(policy, ops.outdent(policy, first))
    assert after.splitlines()[:2] == ["[1] Introduction |", "  [1.2] Second."]


def test_move_into_itself_is_refused():
    policy = parse_tree(DOC)
    intro = policy.clauses[0]
    with pytest.raises(ValueError):
        ops.MoveClause(intro.id, intro.children[0].id, 0).apply(policy)


def test_set_text_split_merge_and_metadata():
    policy = parse_tree(DOC)
    c = policy.clauses[0].children[0]
    apply_and_undo(policy, ops.SetClauseField(c.id, "text", "Changed."))
    c.text = "Alpha beta. Gamma delta."
    after = apply_and_undo(policy, ops.split(policy, c, 12))
    assert "  [1.1] Alpha beta." in after.splitlines()
    assert "  [] Gamma delta." in after.splitlines()
    after = apply_and_undo(policy, ops.merge_with_next(policy, c))
    assert "  [1.1] Alpha beta.\\nGamma delta." in after.splitlines()  # paragraphs kept
    undo = ops.SetMetadata("title", "Privacy Policy").apply(policy)
    assert policy.metadata.title == "Privacy Policy"
    undo.apply(policy)
    assert policy.metadata.title == ""


def test_events_announce_before_and_after():
    policy = parse_tree(DOC)
    seen = []
    policy.subscribe(lambda e: seen.append((e.kind, e.phase)))
    rev = policy.revision
    ops.DeleteClause(policy.clauses[1].id).apply(policy)
    assert seen == [("remove", "about"), ("remove", "done")]
    assert policy.revision == rev + 1
