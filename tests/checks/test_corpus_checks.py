"""The checks on real published policies: known defects found, fixed versions clean."""

from __future__ import annotations

import pytest

from plutoeditor.checks import NUMBERING_CODES, run_checks
from plutoeditor.file_formats import open_policy

pytestmark = pytest.mark.corpus


def numbering(corpus_dir, name: str) -> list[tuple[str, str]]:
    policy = open_policy(corpus_dir / name)
    return [(f.code, f.label) for f in run_checks(policy) if f.code in NUMBERING_CODES]


def test_duplicate_clauses_in_volume_licensing_terms(corpus_dir):
    found = numbering(
        corpus_dir, "github-site-policy__ms-volume-licensing-supplemental-terms__2019-03-14_520f390.md"
    )
    assert found == [("duplicate-number", "3.4"), ("duplicate-number", "9.1")]
    fixed = "github-site-policy__ms-volume-licensing-supplemental-terms__2019-07-02_8e08df4.md"
    assert numbering(corpus_dir, fixed) == []


def test_letter_inserted_and_relettering_stopped_half_way(corpus_dir):
    found = numbering(corpus_dir, "github-site-policy__corporate-terms-of-service__2017-06-09_b7f5d80.md")
    assert found == [("duplicate-number", "K."), ("numbering-gap", "M.")]
    assert (
        numbering(corpus_dir, "github-site-policy__corporate-terms-of-service__2017-07-16_8f492a4.md") == []
    )


def test_inserted_clauses_and_restarting_parts_are_not_errors(corpus_dir):
    assert numbering(corpus_dir, "github-site-policy__sponsors-additional-terms__2026-03-10_cbac3e1.md") == []


def test_every_corpus_file_checks_without_crashing(corpus_dir):
    for path in sorted(corpus_dir.rglob("*.md")):
        if path.name == "README.md":
            continue
        findings = run_checks(open_policy(path))
        assert all(f.severity in ("error", "warning", "info") for f in findings), path
