"""Neighbours in document order, found by walking the tree, agree with the whole-document pass."""

from __future__ import annotations

from plutoeditor.checks.surroundings import (
    context_of,
    contexts_in_order,
    following,
    position,
    preceding,
)
from plutoeditor.model.notation import parse_tree

DOC = """\
[1] A |
  [1.1] x:
    [(a)] p
    [] q
  [] stray paragraph
[2] B |
sched [] Cookie Schedule |
  [] Cookies: small files
  [] lower-case continuation
"""


def test_tree_walk_agrees_with_document_order():
    policy = parse_tree(DOC)
    ordered = contexts_in_order(policy)
    clauses = [c for c, _ in ordered]
    assert clauses == list(policy.walk())
    for i, (clause, context) in enumerate(ordered):
        assert following(policy, clause) is (clauses[i + 1] if i + 1 < len(clauses) else None)
        assert preceding(policy, clause) is (clauses[i - 1] if i else None)
        assert context_of(policy, clause) == context
    assert sorted(clauses, key=lambda c: position(policy, c)) == clauses


def test_context_details():
    policy = parse_tree(DOC)
    by_text = {c.text or c.heading: context for c, context in contexts_in_order(policy)}
    assert by_text["stray paragraph"].numbered_siblings  # unnumbered among numbered clauses
    assert by_text["Cookies: small files"].in_schedule
    assert by_text["Cookies: small files"].next_continues_sentence
    assert by_text["x:"].next_is_continuation is False  # followed by its own child list
