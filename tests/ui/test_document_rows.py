"""The Document view's rows follow every structural edit with a splice, and end up exactly
as a fresh walk of the policy would make them."""

from __future__ import annotations

import random

from plutoeditor.model import Clause, Policy
from plutoeditor.model import operations as ops
from plutoeditor.ui.document.rows import DocumentRows


def _tree(rng: random.Random) -> Policy:
    clauses = [Clause(label=str(i), text="t" * rng.randint(0, 300)) for i in range(1, 9)]
    for parent in list(clauses):
        parent.children = [Clause(label="", text="child") for _ in range(rng.randint(0, 3))]
        for child in parent.children:
            child.parent = parent
    return Policy(clauses=clauses)


def _fresh(policy: Policy) -> list[tuple[str, int]]:
    return [(c.id, d) for c, d in policy.walk_with_depth()]


def _row(policy: Policy, clause: Clause) -> int | None:
    ids = [c.id for c in policy.walk()]
    return ids.index(clause.id) if clause.id in ids else None


def test_rows_follow_inserts_removes_moves_and_undo():
    rng = random.Random(3)
    policy = _tree(rng)
    rows = DocumentRows(policy, lambda clause, depth: 10 + len(clause.text) // 50)
    assert len(rows) == len(_fresh(policy))
    undo: list[ops.Operation] = []
    for _ in range(200):
        every = list(policy.walk())
        clause = rng.choice(every)
        choice = rng.randrange(5)
        if choice == 0:
            op: ops.Operation | None = ops.indent(policy, clause)
        elif choice == 1:
            op = ops.outdent(policy, clause)
        elif choice == 2:
            op = ops.move_by(policy, clause, rng.choice((-1, 1)))
        elif choice == 3 and len(every) > 3:
            op = ops.DeleteClause(clause.id)
        else:
            parent = clause.parent
            op = ops.InsertClause(parent.id if parent else None, 0, Clause(text="new", children=[Clause()]))
        if op is None:
            continue
        undo.append(op.apply(policy))
        assert not rows._stale, "a structural edit fell back to walking the whole policy"
        assert [(rows.clause(r).id, rows.depth(r)) for r in range(len(rows))] == _fresh(policy)
        probe = rng.sample(every, min(3, len(every)))  # the index of rows, shifted by each edit
        assert [rows.row_of(c.id) for c in probe] == [_row(policy, c) for c in probe]
    for inverse in reversed(undo):
        inverse.apply(policy)
        assert [(rows.clause(r).id, rows.depth(r)) for r in range(len(rows))] == _fresh(policy)
        assert [rows.row_of(c.id) for c in policy.walk()] == list(range(len(rows)))
    assert rows.total_height() == sum(rows.height(r) for r in range(len(rows)))


def test_a_big_policy_is_built_a_step_at_a_time_and_read_meanwhile():
    policy = Policy(clauses=[Clause(label=str(i), text="words " * 20) for i in range(1, 3001)])
    rows = DocumentRows(policy, lambda clause, depth: 20)
    rows.start_building()
    assert rows.building and 0 < len(rows) < 3000  # the top of the policy is there to show
    assert rows.clause(0) is policy.clauses[0]
    assert rows.row_of(policy.clauses[-1].id) == 2999  # asking for a clause far down finishes it
    assert not rows.building and len(rows) == 3000 and rows.total_height() == 3000 * 20
    rows.start_building()
    ops.DeleteClause(policy.clauses[0].id).apply(policy)  # an edit while building: built again
    assert [rows.clause(r).id for r in range(len(rows))] == [c.id for c in policy.clauses]
