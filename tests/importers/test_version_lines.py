"""Version and date lines under the title go to metadata, in text and Markdown: "Version: 2.1",
"Revision 4", "Version: v2.1", a version inside the date line, and a second date line."""

from __future__ import annotations

import datetime as dt

import pytest

from plutoeditor.importers.text import import_text

BODY_TEXT = "\n\n1. Introduction\n1.1 This policy applies to every customer.\n"
BODY_MD = "\n\n## 1. Introduction\n\nThis policy applies to every customer.\n"
MAY_1 = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("front", "version"),
    [
        ("Version: 2.1\nLast updated: 1 May 2024", "2.1"),
        ("Last updated: 1 May 2024\nVersion 2.1", "2.1"),
        ("Last updated: 1 May 2024\nVersion: v2.1", "2.1"),
        ("Revision 4\nLast updated: 1 May 2024", "4"),
        ("Last updated on 1 May 2024 (Version 3)", "3"),
    ],
)
def test_text_version_and_date_lines(front, version):
    policy = import_text(f"Acme Privacy Policy\n{front}{BODY_TEXT}", "acme.txt")
    meta = policy.metadata
    assert (meta.title, meta.version, meta.effective_date) == ("Acme Privacy Policy", version, MAY_1)
    assert [c.heading for c in policy.clauses] == ["Introduction"]


@pytest.mark.parametrize(
    ("front", "version"),
    [
        ("Version: 2.1\n\nLast updated: 1 May 2024", "2.1"),
        ("Last Updated: 1 May 2024  \nVersion: v2.1", "2.1"),
        ("*Last updated on 1 May 2024 (Version 3)*", "3"),
    ],
)
def test_markdown_version_and_date_lines(front, version):
    policy = import_text(f"# Acme Privacy Policy\n\n{front}{BODY_MD}", "acme.md")
    meta = policy.metadata
    assert (meta.title, meta.version, meta.effective_date) == ("Acme Privacy Policy", version, MAY_1)
    assert [c.heading for c in policy.clauses] == ["Introduction"]


def test_a_second_date_line_is_not_a_clause_and_the_effective_date_wins():
    for front in (
        "Effective date: 1 May 2024\nLast updated: 20 April 2024",
        "Last updated: 20 April 2024\nEffective date: 1 May 2024",
    ):
        policy = import_text(f"Acme Privacy Policy\nVersion: 2.1\n{front}{BODY_TEXT}", "acme.txt")
        assert policy.metadata.effective_date == MAY_1
        assert [c.heading for c in policy.clauses] == ["Introduction"]
    md = import_text(
        f"# Acme Privacy Policy\n\n#### Effective: 1 May 2024\n\n#### Last Updated: 20 April 2024{BODY_MD}",
        "a.md",
    )
    assert md.metadata.effective_date == MAY_1 and [c.heading for c in md.clauses] == ["Introduction"]


def test_a_sentence_about_a_revision_is_not_a_version():
    policy = import_text(
        f"Acme Privacy Policy\nRevision 2 of the licence applies to the software.{BODY_TEXT}", "a.txt"
    )
    assert policy.metadata.version == ""
