"""Acceptance on real published versions in ../shared/corpus (skipped when absent)."""

from __future__ import annotations

from collections import Counter

import pytest

from plutoeditor.compare import compare_policies
from plutoeditor.compare.units import reading_units
from plutoeditor.model.labels import plain_label

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
    old_counts = Counter(_content(c) for c in reading_units(comparison.old).walk())
    new_counts = Counter(_content(c) for c in reading_units(comparison.new).walk())
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
        if plain_label(change.old_label) != plain_label(change.new_label):
            assert change.relabelled
            checked += 1
    return checked


def test_ms_volume_licensing_relabelled_clauses(corpus_dir):
    comparison = _compare(
        corpus_dir,
        "github-site-policy__ms-volume-licensing-supplemental-terms__2019-03-14_520f390.md",
        "github-site-policy__ms-volume-licensing-supplemental-terms__2019-07-02_8e08df4.md",
    )
    assert _assert_relabelled_not_changed(comparison) >= 6
    # the heading and its one paragraph read as one clause; the paragraph was reworded
    grant = next(c for c in comparison.changes if c.heading == "License Grant.")
    assert (grant.old_label, grant.new_label) == ("2.", "1.1")
    assert grant.relabelled and grant.text_changed and not grant.moved and not grant.heading_changed
    assert comparison.summary()["moved"] <= 15  # the definitions gathered into Exhibit C (53 before)


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


def test_every_corpus_file_compared_with_itself_is_identical(corpus_dir):
    """With fresh ids (so nothing pairs by id) and under another name (so a title guessed
    from the file name differs): no entries, no metadata change."""
    from plutoeditor.file_formats import open_policy
    from plutoeditor.model.policy import Policy

    files = sorted(p for p in corpus_dir.rglob("*") if p.suffix in (".md", ".txt", ".docx"))
    assert files
    for path in files:
        policy = open_policy(str(path))
        twin = Policy(policy.metadata.copy(), [c.copy(keep_ids=False) for c in policy.clauses])
        if twin.metadata.title and not twin.metadata.stated("title"):
            twin.metadata.title = twin.metadata.guessed["title"] = "Another name"
        comparison = compare_policies(policy, twin)
        assert comparison.is_identical(), (path.name, comparison.summary())
