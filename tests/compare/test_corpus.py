"""Acceptance on real published versions in ../shared/corpus (skipped when absent)."""

from __future__ import annotations

from collections import Counter

import pytest

from plutoeditor.compare import compare_policies
from plutoeditor.compare.align import normalise_label

pytestmark = pytest.mark.corpus


def _compare(corpus_dir, old_name, new_name):
    text_import = pytest.importorskip("plutoeditor.importers.text")
    old = text_import.import_file(corpus_dir / old_name)
    new = text_import.import_file(corpus_dir / new_name)
    return compare_policies(old, new)


def _content(clause):
    return (" ".join(clause.heading.split()), " ".join(clause.text.split()))


def _assert_relabelled_not_changed(comparison):
    """Every clause whose heading and text occur once in each version and whose label changed
    is paired with its twin and reported as relabelled only."""
    old_counts = Counter(_content(c) for c in comparison.old.walk())
    new_counts = Counter(_content(c) for c in comparison.new.walk())
    checked = 0
    for change in comparison.changes:
        clause = change.old
        if clause is None or not any(_content(clause)):
            continue
        key = _content(clause)
        if old_counts[key] != 1 or new_counts[key] != 1:
            continue
        assert change.status == "matched", (clause.label, clause.display_name())
        assert _content(change.new) == key
        assert not change.text_changed and not change.heading_changed
        if normalise_label(change.old_label) != normalise_label(change.new_label):
            assert change.relabelled
            checked += 1
    return checked


def test_ms_volume_licensing_relabelled_clauses(corpus_dir):
    comparison = _compare(
        corpus_dir,
        "github-site-policy__ms-volume-licensing-supplemental-terms__2019-03-14_520f390.md",
        "github-site-policy__ms-volume-licensing-supplemental-terms__2019-07-02_8e08df4.md",
    )
    assert _assert_relabelled_not_changed(comparison) >= 10
    grant = next(c for c in comparison.changes if c.heading == "License Grant.")
    assert (grant.old_label, grant.new_label) == ("2.", "1.1")
    assert grant.relabelled and not grant.text_changed


def test_corporate_terms_relettered_clause(corpus_dir):
    comparison = _compare(
        corpus_dir,
        "github-site-policy__corporate-terms-of-service__2017-06-09_b7f5d80.md",
        "github-site-policy__corporate-terms-of-service__2017-07-16_8f492a4.md",
    )
    _assert_relabelled_not_changed(comparison)
    summary = comparison.summary()
    assert summary["added"] == summary["removed"] == summary["moved"] == 0
    relabelled = [c for c in comparison.changes if c.relabelled]
    assert [(c.old_label, c.new_label, c.heading) for c in relabelled] == [("K.", "L.", "Payment")]
    assert not relabelled[0].text_changed
    assert summary["text_changed"] == 2


def test_contributor_covenant_only_wording_changes(corpus_dir):
    comparison = _compare(
        corpus_dir,
        "contributor-covenant__code-of-conduct-v2.0__2023-10-26_d947a0f.md",
        "contributor-covenant__code-of-conduct-v2.1__2023-10-26_d947a0f.md",
    )
    summary = comparison.summary()
    assert summary["added"] == summary["removed"] == summary["moved"] == summary["relabelled"] == 0
    assert summary["text_changed"] >= 1
    pledge = next(c for c in comparison.changes if c.text_changed and "pledge" in c.new.text)
    assert (1, "caste, color, ") in pledge.ops
