"""Policy.find follows inserts and deletes (the index is updated, not rebuilt) and never
finds a clause that is no longer in the tree."""

from __future__ import annotations

from plutoeditor.model import Clause, Policy
from plutoeditor.model import operations as ops


def test_find_follows_insert_delete_and_undo():
    policy = Policy(clauses=[Clause(label="1", id="a", children=[Clause(label="1.1", id="b")])])
    assert policy.find("b") is not None  # the index is built
    new = Clause(label="2", id="n", children=[Clause(label="2.1", id="m")])
    undo_insert = ops.InsertClause(None, 1, new).apply(policy)
    assert policy.find("n") is new and policy.find("m") is new.children[0]
    undo_delete = ops.DeleteClause("a").apply(policy)
    assert policy.find("a") is None and policy.find("b") is None
    undo_delete.apply(policy)
    assert policy.find("b") is policy.clauses[0].children[0]
    undo_insert.apply(policy)
    assert policy.find("n") is None and policy.find("m") is None
    assert {c.id for c in policy.walk()} == {"a", "b"}
