"""Summaries of real published versions in ../shared/corpus (skipped when absent), read by hand:
each item must say what changed and name its clauses."""

from __future__ import annotations

import pytest

from plutoeditor.compare import compare_policies
from plutoeditor.summary import EDITORIAL, STRUCTURAL, SUBSTANTIVE, draft_summary

pytestmark = pytest.mark.corpus


def _summary(corpus_dir, old_name, new_name):
    text_import = pytest.importorskip("plutoeditor.importers.text")
    old = text_import.import_file(corpus_dir / old_name)
    new = text_import.import_file(corpus_dir / new_name)
    return draft_summary(compare_policies(old, new))


def test_corporate_terms_relettering_fix_is_editorial(corpus_dir):
    # b7f5d80 has "K." twice and no "L."; 8f492a4 fixes the letter and rewords two sentences
    summary = _summary(
        corpus_dir,
        "github-site-policy__corporate-terms-of-service__2017-06-09_b7f5d80.md",
        "github-site-policy__corporate-terms-of-service__2017-07-16_8f492a4.md",
    )
    assert [i.text for i in summary.of_kind(EDITORIAL)] == ["Section K renumbered L"]
    substantive = [i.text for i in summary.of_kind(SUBSTANTIVE)]
    assert len(substantive) == 2
    treat = "We treat the (was “The”) content of private repositories as (was “is”) confidential"
    assert treat in substantive[0]
    assert "GitHub employees (“employees” added) may only access" in substantive[1]


def test_sponsors_terms_new_clauses_are_named_with_their_subclauses(corpus_dir):
    summary = _summary(
        corpus_dir,
        "github-site-policy__sponsors-additional-terms__2026-03-02_348ff86.md",
        "github-site-policy__sponsors-additional-terms__2026-03-10_cbac3e1.md",
    )
    texts = summary.texts()
    assert "New section 1A “Payment Processing by Stripe” (with clauses 1A.1-1A.3)" in texts
    liability = "New clause 3.9 “No GitHub Liability for Payment Processing” (with clauses 3.9.1 and 3.9.2)"
    assert liability in texts
    for item in summary.items:
        assert item.text.strip() and item.clauses and item.kind in (SUBSTANTIVE, STRUCTURAL, EDITORIAL)
