"""The bundled sample policy: made from its .txt by the importer, and it shows findings when opened."""

from __future__ import annotations

from pathlib import Path

from plutoeditor.checks import run_checks
from plutoeditor.formats import native
from plutoeditor.importers.text import import_file
from plutoeditor.model.clause import ClauseKind
from plutoeditor.model.notation import format_tree

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def test_sample_yaml_is_the_import_of_its_text():
    saved = native.load(SAMPLES / "sample-privacy-policy.policy.yaml")
    imported = import_file(SAMPLES / "sample-privacy-policy.txt")
    assert format_tree(saved) == format_tree(imported)
    assert [c.source_line for c in saved.walk()] == [c.source_line for c in imported.walk()]
    assert saved.metadata.organisation == "Northwind Learning Ltd"
    assert saved.metadata.effective_date == imported.metadata.effective_date
    assert len(saved.metadata.summary_of_changes) == 2


def test_sample_has_definitions_a_schedule_and_about_forty_clauses():
    policy = native.load(SAMPLES / "sample-privacy-policy.policy.yaml")
    kinds = [c.kind for c in policy.walk()]
    assert kinds.count(ClauseKind.DEFINITION) == 5
    assert policy.clauses[-1].kind is ClauseKind.SCHEDULE
    assert 35 <= len([c for c in policy.walk() if c.kind is ClauseKind.CLAUSE]) <= 50


def test_sample_shows_its_deliberate_defects():
    findings = {
        (f.code, f.label or f.target)
        for f in run_checks(native.load(SAMPLES / "sample-privacy-policy.policy.yaml"))
    }
    assert ("duplicate-number", "5.2") in findings
    assert ("empty-reference", "7.2") in findings or ("empty-reference", "8.3") in findings


def test_sample_2025_version_shows_each_kind_of_change_once_compared():
    """The bundled second version is the 2024 sample edited as a reviewer would meet it:
    a clause inserted (its siblings renumbered), a section moved, two rewordings, a new date."""
    from plutoeditor.compare.engine import compare_policies

    old = native.load(SAMPLES / "sample-privacy-policy.policy.yaml")
    new = native.load(SAMPLES / "sample-privacy-policy-2025.policy.yaml")
    comparison = compare_policies(old, new)
    summary = comparison.summary()
    assert summary["added"] == 1 and summary["removed"] == 0
    assert summary["moved"] == 1
    assert summary["relabelled"] >= 10
    moved = [c for c in comparison.changes if c.moved]
    assert [c.heading for c in moved] == ["Sharing Personal Data"]
    reworded = {c.new_label: c for c in comparison.changes if c.text_changed}
    assert "5.1" in reworded and "8.3" in reworded  # retention shortened, DPO address added
    assert {m.field for m in comparison.metadata_changes} >= {"effective_date", "version"}
    # The 2025 version was renumbered, so its own defects are gone.
    assert not [f for f in run_checks(new) if f.severity == "error"]
