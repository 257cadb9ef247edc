"""The Checker runs the checks the registry lists, each again after the edits it declares, and
the reviews it lists on their findings, in order."""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.checks import Checker, registry, run_checks
from plutoeditor.checks.finding import (
    CLAUSE,
    DOCUMENT,
    INFO,
    NUMBERING,
    REFERENCES,
    WARNING,
    Check,
    Finding,
    Review,
)
from plutoeditor.model import operations as ops
from plutoeditor.model.notation import parse_tree

DOC = """\
[1] Scope |
  [1.1] Personal data is processed.
[2] Data |
  [2.1] We keep it.
"""


def _register(monkeypatch, *checks: Check) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(registry, "CHECKS", (*registry.CHECKS, *checks))


def _finding(code: str, clause_id: str) -> Finding:
    return Finding(code, WARNING, "", "", "", code, None, clause_id)


def test_a_registered_document_check_runs_again_after_a_clause_edit_only(monkeypatch):
    runs: list[int] = []

    def long_clauses(policy):  # type: ignore[no-untyped-def]
        runs.append(1)
        return [_finding("long-clause", c.id) for c in policy.walk() if len(c.text) > 20]

    _register(monkeypatch, Check("length", {"long-clause": WARNING}, DOCUMENT, long_clauses))
    policy = parse_tree(DOC)
    checker = Checker(policy)
    first = policy.clauses[0].children[0]
    assert [f.clause_id for f in checker.findings() if f.code == "long-clause"] == [first.id]
    ops.SetMetadata("title", "Privacy").apply(policy)
    checker.findings()
    assert len(runs) == 1  # the metadata alone changed: the clauses' findings stand
    last = policy.clauses[1].children[0]
    ops.SetClauseField(last.id, "text", "We keep it for as long as the law requires.").apply(policy)
    found = [f.clause_id for f in checker.findings() if f.code == "long-clause"]
    assert found == [first.id, last.id] and len(runs) == 2  # in document order
    checker.close()


def test_a_registered_clause_check_sees_only_the_edited_clause_and_its_neighbours(monkeypatch):
    seen: list[str] = []

    def shouting(clause, context):  # type: ignore[no-untyped-def]
        seen.append(clause.id)
        return [_finding("shouting", clause.id)] if clause.text.isupper() else []

    _register(monkeypatch, Check("shouting", {"shouting": WARNING}, CLAUSE, shouting))
    policy = parse_tree(DOC)
    checker = Checker(policy)
    assert not [f for f in checker.findings() if f.code == "shouting"]
    assert len(seen) == len(list(policy.walk()))
    seen.clear()
    last = policy.clauses[1].children[0]
    ops.SetClauseField(last.id, "text", "WE KEEP IT.").apply(policy)
    assert [f.clause_id for f in checker.findings() if f.code == "shouting"] == [last.id]
    assert last.id in seen and policy.clauses[0].children[0].id not in seen
    checker.close()


def test_every_code_belongs_to_one_check_and_findings_about_one_clause_follow_the_registry():
    codes = [code for check in registry.CHECKS for code in check.codes]
    assert len(codes) == len(set(codes)) == len(registry.CODES)
    policy = parse_tree("[1] See clause 9.\n[3] Contact us at\n")
    checker = Checker(policy)
    about_3 = [f.code for f in checker.findings() if f.label == "3"]
    assert about_3 == ["numbering-gap", "incomplete-text"]
    assert registry.ORDER["numbering-gap"] < registry.ORDER["incomplete-text"]
    checker.close()


def test_a_registered_numbering_review_runs_last_on_the_numbering_findings_and_again_after_an_edit(
    monkeypatch,
):
    seen: list[list[str]] = []

    def quieter(found, evidence):  # type: ignore[no-untyped-def]
        seen.append([f.code for f in found])
        assert evidence.scopes and evidence.policy is policy
        return [replace(f, severity=INFO) if f.code == "numbering-gap" else f for f in found]

    monkeypatch.setattr(registry, "REVIEWS", (*registry.REVIEWS, Review("quieter", NUMBERING, quieter)))
    policy = parse_tree("[1] Scope | Personal data.\n[3] Data | We keep it.\n[4] Rights | You may ask.\n")
    checker = Checker(policy)
    gaps = [f for f in checker.findings() if f.code == "numbering-gap"]
    assert [(f.label, f.severity) for f in gaps] == [("3", INFO)]
    assert seen == [["numbering-gap"]]  # the numbering findings only, not the clauses' content
    ops.SetClauseField(policy.clauses[2].id, "label", "6").apply(policy)
    gaps = [f for f in checker.findings() if f.code == "numbering-gap"]
    assert [(f.label, f.severity) for f in gaps] == [("3", INFO), ("6", INFO)]
    assert len(seen) == 2
    checker.close()


def test_a_registered_reference_review_sees_every_clause_finding_but_not_the_document_checks(monkeypatch):
    seen: list[str] = []

    def drop_broken(found, evidence):  # type: ignore[no-untyped-def]
        seen.extend(f.code for f in found)
        assert "1" in {c.label for c in evidence.index.values()}
        return [f for f in found if f.code != "broken-reference"]

    policy = parse_tree("[1] Scope | See clause 9.\n[3] Contact us at\n")
    assert "broken-reference" in {f.code for f in run_checks(policy)}
    monkeypatch.setattr(registry, "REVIEWS", (*registry.REVIEWS, Review("drop", REFERENCES, drop_broken)))
    checker = Checker(policy)
    codes = {f.code for f in checker.findings()}
    assert "broken-reference" not in codes and "incomplete-text" in codes
    assert {"broken-reference", "numbering-gap", "incomplete-text"} <= set(seen)
    checker.close()

