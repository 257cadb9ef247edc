"""missing-metadata: a policy whose published header would have no title or no date."""

from __future__ import annotations

import datetime as dt

from plutoeditor.checks import Checker, run_checks
from plutoeditor.model import operations as ops
from plutoeditor.model.notation import parse_tree

TREE = "[1] Scope |\n  [1.1] This notice covers the newsletter.\n"


def missing(policy) -> list[tuple[str, str, str, str]]:
    return [
        (f.severity, f.label, f.target, f.message) for f in run_checks(policy) if f.code == "missing-metadata"
    ]


def test_no_title_and_no_date_are_two_warnings_about_the_policy():
    policy = parse_tree(TREE)
    assert missing(policy) == [
        ("warning", "", "title", "No title: the published header would have no title"),
        ("warning", "", "effective_date", "No effective date: the published header would have no date"),
    ]
    assert all(f.clause_id == "" and f.line is None for f in run_checks(policy))


def test_a_title_of_spaces_is_no_title_and_a_dated_titled_policy_is_clean():
    policy = parse_tree(TREE)
    policy.metadata.title, policy.metadata.effective_date = "   ", dt.date(2024, 3, 1)
    assert [target for _, _, target, _ in missing(policy)] == ["title"]
    policy.metadata.title = "Newsletter Privacy Notice"
    assert run_checks(policy) == []


def test_the_checker_follows_metadata_edits_and_their_undo():
    policy = parse_tree(TREE)
    policy.metadata.title = "Newsletter Privacy Notice"
    checker = Checker(policy)
    assert [f.target for f in checker.findings()] == ["effective_date"]
    undo = ops.SetMetadata("effective_date", dt.date(2024, 3, 1)).apply(policy)
    assert checker.findings() == []
    undo.apply(policy)
    assert [f.target for f in checker.findings()] == ["effective_date"]
    ops.SetMetadata("title", "").apply(policy)
    assert [f.target for f in checker.findings()] == ["title", "effective_date"]
    checker.close()


def test_metadata_findings_come_before_the_clauses_findings():
    policy = parse_tree("[1] Scope |\n  [1.1] x.\n  [1.3] y.\n")
    assert [f.code for f in run_checks(policy)] == ["missing-metadata", "missing-metadata", "numbering-gap"]
