"""Every real policy in ../shared/corpus imports, and its known traps come through as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from plutoeditor.importers.text import import_file
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FILES = sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []
FILES = [f for f in FILES if f.name != "README.md"]
WORDPRESS = "automattic-legalmattic__wordpress-com-terms-of-service"

pytestmark = pytest.mark.corpus


def corpus_file(name: str) -> Path:
    matches = [f for f in FILES if name in f.name]
    if not matches:
        pytest.skip(f"{name} is not in ../shared/corpus")
    return matches[0]


def labelled(policy: Policy) -> list[Clause]:
    return [c for c in policy.walk() if c.label]


def test_the_corpus_is_complete_enough_to_be_worth_testing(corpus_dir: Path):
    assert len([f for f in FILES if f.parent.name == WORDPRESS]) == 109
    assert len(FILES) >= 140


@pytest.mark.parametrize("path", FILES, ids=[f.name[:90] for f in FILES])
def test_every_corpus_file_imports_with_clauses(path: Path):
    policy = import_file(path)
    assert len(policy) >= 5
    assert policy.metadata.title
    assert all(c.source_line for c in policy.walk())


def test_label_alone_on_its_line_keeps_its_detached_text():
    policy = import_file(corpus_file("wordpress-com-terms-of-service__2015-06-05_a95ece3"))
    second = next(c for c in policy.walk() if c.label == "2.")
    assert second.heading == "Responsibility of Contributors."
    assert second.text.startswith("If you operate a blog")


def test_double_dot_label_is_kept_as_written():
    policy = import_file(corpus_file("wordpress-com-terms-of-service__2015-09-23_c856631"))
    clause = next(c for c in policy.walk() if c.label == "6..")
    assert clause.heading == "Copyright Infringement and DMCA Policy."


def test_escaped_and_setext_headings_give_plain_labels():
    policy = import_file(corpus_file("wordpress-com-terms-of-service__2021"))
    assert policy.metadata.title == "Terms of Service"
    assert policy.metadata.effective_date is not None
    who = next(c for c in policy.walk() if c.heading == "Who’s Who")
    assert who.label == "1."


def test_label_without_space_before_its_heading():
    policy = import_file(corpus_file("sponsors-additional-terms__2019-07-02_410e7a5"))
    assert [(c.label, c.heading) for c in policy.walk() if c.heading.startswith("Definitions")][0] == (
        "1.",
        "Definitions.",
    )


def test_inserted_clauses_1a_and_4_1a_keep_their_labels_and_nest_by_level():
    policy = import_file(corpus_file("sponsors-additional-terms__2026-03-10_cbac3e1"))
    by_label = {c.label: c for c in policy.walk()}
    assert by_label["1A.1"].parent is by_label["1A."]
    assert by_label["4.1A."].heading == "Payment Processing Disclaimer."
    assert by_label["4.1A."].parent is by_label["4.1."].parent


def test_duplicate_bold_labels_in_ms_volume_licensing_survive():
    policy = import_file(corpus_file("ms-volume-licensing-supplemental-terms__2019-03-14_520f390"))
    twins = [c for c in policy.walk() if c.label == "3.4" and c.source_line < 300]
    assert [c.heading for c in twins] == ["Services Usage Limits.", "Scraping"]
    assert twins[0].parent is twins[1].parent


def test_letter_inserted_and_relettering_stopped_half_way():
    policy = import_file(corpus_file("corporate-terms-of-service__2017-06-09_b7f5d80"))
    top = [c.label for c in policy.clauses if c.label]
    assert top.count("K.") == 2 and "L." not in top


def test_four_level_numbering_nests_four_deep():
    policy = import_file(corpus_file("letsencrypt-cp-cps__cps__2023-03-09"))
    deepest = max(policy.depth_of(c) for c in policy.walk() if c.label.count(".") == 3)
    assert deepest == 3
    assert policy.clauses[0].label == "1." and policy.clauses[0].heading == "INTRODUCTION"
