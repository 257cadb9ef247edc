"""The incremental checker gives the same findings as a full check after every kind of edit."""

from __future__ import annotations

import datetime as dt

import pytest

from plutoeditor.checks import Checker, run_checks
from plutoeditor.model import Clause
from plutoeditor.model import operations as ops
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.numbering import expected_labels

DOC = """\
[1] Scope |
  [1.1] See clause 2.2.
[2] Data |
  [2.1] a.
  [2.2] Email address:
  [2.3] c.
"""


def same(checker: Checker) -> list[tuple[str, str]]:
    incremental = [(f.code, f.label, f.message) for f in checker.findings()]
    full = [(f.code, f.label, f.message) for f in run_checks(checker.policy)]
    assert incremental == full
    return [(f.code, f.label) for f in checker.findings() if f.code != "missing-metadata"]


def test_incremental_findings_follow_edits():
    policy = parse_tree(DOC)
    checker = Checker(policy)
    assert same(checker) == [("empty-reference", "1.1"), ("incomplete-text", "2.2")]
    email = policy.clauses[1].children[1]
    undo = ops.SetClauseField(email.id, "text", "Email address: privacy@example.org").apply(policy)
    assert same(checker) == []
    undo.apply(policy)
    assert same(checker) == [("empty-reference", "1.1"), ("incomplete-text", "2.2")]
    ops.SetClauseField(email.id, "label", "2.5").apply(policy)
    assert ("numbering-gap", "2.5") in same(checker)
    ops.InsertClause(policy.clauses[1].id, 3, Clause(label="2.5", text="dup.")).apply(policy)
    assert ("duplicate-number", "2.5") in same(checker)
    ops.DeleteClause(policy.clauses[0].id).apply(policy)
    assert ("numbering-gap", "2") in same(checker)
    ops.MoveClause(policy.clauses[0].children[0].id, None, 0).apply(policy)
    same(checker)
    checker.close()


def test_findings_are_cached_until_the_policy_changes():
    policy = parse_tree(DOC)
    checker = Checker(policy)
    first = checker.findings()
    assert checker.findings() == first
    ops.SetMetadata("title", "New title").apply(policy)
    assert checker.findings() == [f for f in first if f.target != "title"]


def test_a_metadata_edit_rechecks_the_metadata_only():
    """Setting, clearing and restoring the effective date: the clause findings stand as they were."""
    policy = parse_tree(DOC)
    checker = Checker(policy)
    clause_findings = [f for f in checker.findings() if f.clause_id]
    undo = ops.SetMetadata("effective_date", dt.date(2024, 3, 1)).apply(policy)
    assert [f.target for f in checker.findings() if f.code == "missing-metadata"] == ["title"]
    assert [f for f in checker.findings() if f.clause_id] == clause_findings
    undo.apply(policy)
    assert same(checker) == [("empty-reference", "1.1"), ("incomplete-text", "2.2")]
    missing = [f.target for f in checker.findings() if f.code == "missing-metadata"]
    assert missing == ["title", "effective_date"]
    email = policy.clauses[1].children[1]
    ops.SetClauseField(email.id, "text", "").apply(policy)  # the date stays missing while text changes
    assert same(checker) == [("empty-reference", "1.1"), ("empty-clause", "2.2")]
    assert checker.findings()[0].target == "title"  # about the header, so before every clause


@pytest.mark.parametrize("seed", range(30))
def test_random_edits_keep_incremental_and_full_checks_equal(seed):
    import random

    rng = random.Random(seed)
    policy = parse_tree(
        DOC
        + "[3] More |\n  [3.1] Contact us at:\n  [] 1 Main Road.\n  [3.3] See clause 3.1.\n"
        + "sched [] Cookie Schedule |\n  [] Cookies: small files, see clause 2.3.\n"
    )
    checker = Checker(policy)
    labels = ["", "1", "2", "2.1", "2.2", "2.5", "3.1", "(a)", "Schedule 1", "4."]
    texts = ["Email address:", "See clause 2.2.", "Fine text.", "contact us at", ""]
    texts += ["lower text", "results from"]
    for _ in range(300):
        clauses = list(policy.walk())
        clause = rng.choice(clauses)
        action = rng.randrange(6)
        if action == 0:
            ops.SetClauseField(clause.id, "label", rng.choice(labels)).apply(policy)
        elif action == 1:
            ops.SetClauseField(clause.id, "text", rng.choice(texts)).apply(policy)
        elif action == 2:
            parent = rng.choice([None, clause])
            new = Clause(label=rng.choice(labels), text=rng.choice(texts))
            ops.InsertClause(parent.id if parent else None, rng.randrange(3), new).apply(policy)
        elif action == 3 and len(clauses) - sum(1 for _ in clause.walk()) >= 3:
            ops.DeleteClause(clause.id).apply(policy)
        elif action == 4:
            target = rng.choice(clauses)
            inside = {c.id for c in clause.walk()}
            if target.id not in inside:
                ops.MoveClause(clause.id, target.id, rng.randrange(3)).apply(policy)
        else:
            kind = rng.choice(["clause", "schedule", "definition"])
            ops.SetClauseField(clause.id, "kind", kind).apply(policy)
        if rng.random() < 0.5:
            same(checker)
        if rng.random() < 0.3:  # the editor asks for expected labels after structural edits
            assert checker.expected_labels() == expected_labels(policy)
    same(checker)
    assert checker.expected_labels() == expected_labels(policy)


def test_expected_labels_follow_a_move_and_a_relabel():
    policy = parse_tree("[1] A |\n  [1.1] a.\n[2] B |\n  [2.1] b.\n  [2.2] c.\n")
    checker = Checker(policy)
    assert checker.expected_labels() == expected_labels(policy)
    second = policy.clauses[1]
    ops.MoveClause(second.id, None, 0).apply(policy)  # B first: it and its items become 1, 1.1, 1.2
    wanted = checker.expected_labels()
    assert [wanted[c.id] for c in second.walk()] == ["1", "1.1", "1.2"]
    assert wanted[policy.clauses[1].children[0].id] == "2.1"
    ops.SetClauseField(second.children[0].id, "label", "(a)").apply(policy)
    assert checker.expected_labels() == expected_labels(policy)
