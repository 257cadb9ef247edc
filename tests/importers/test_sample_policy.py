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
