"""Placeholders and lost details are incomplete text; date and version lines become metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text
from plutoeditor.model.notation import parse_tree


def incomplete(text: str) -> list[str]:
    policy = parse_tree(f"[1] Parties |\n  [1.1] {text}\n[2] Law |\n  [2.1] English law applies.\n")
    return [f.message for f in run_checks(policy) if f.code == "incomplete-text"]


@pytest.mark.parametrize(
    "text",
    [
        "This agreement is between Acme Ltd and [insert name of Customer].",
        "The fee is [●] per month.",
        "Signed on [___] by the Supplier.",
        "Contact us at . We reply within a week.",
        "Payments go to the account located at , unless agreed otherwise.",
    ],
)
def test_placeholders_and_lost_details_are_warned_about(text):
    (message,) = incomplete(text)
    assert "placeholder" in message or "breaks off" in message


@pytest.mark.parametrize(
    "text",
    [
        "See [our cookie notice](https://example.org) for details.",
        "The court said the terms were [...] unclear.",
        "- [x] Done.",
        "Email : privacy@example.org",
        "We write to you at your address, by post.",
    ],
)
def test_ordinary_brackets_and_punctuation_are_not_placeholders(text):
    assert incomplete(text) == []


def metadata(text: str):  # type: ignore[no-untyped-def]
    return import_text(text, "terms.md").metadata


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Last update: August 3, 2026.", dt.date(2026, 8, 3)),
        ("Date Modified: 1 March 2024", dt.date(2024, 3, 1)),
        ("Last updated 27-04-2023", dt.date(2023, 4, 27)),
        ("27-04-2023", dt.date(2023, 4, 27)),
    ],
)
def test_date_lines_under_the_title_give_the_effective_date(line, date):
    meta = metadata(
        f"Data Terms\n\n{line}\n\n1. Scope\n\nThese terms apply.\n\n2. Changes\n\nWe may change them.\n"
    )
    assert meta.effective_date == date


def test_a_date_closing_the_document_gives_the_effective_date_and_is_no_clause():
    policy = import_text(
        "Data Terms\n\n1. Scope\n\nThese terms apply.\n\n2. Changes\n\nWe may change them.\n\n30 May 2024\n"
    )
    assert policy.metadata.effective_date == dt.date(2024, 5, 30)
    assert [c.label for c in policy.clauses] == ["1.", "2."]
    # a date in the middle of the body is the body's business
    policy = import_text("Data Terms\n\n1. Scope\n\n30 May 2024\n\n2. Changes\n\nWe may change them.\n")
    assert policy.metadata.effective_date is None


@pytest.mark.parametrize(
    ("line", "version"), [("Version: 2.1", "2.1"), ("_Version 3.3_", "3.3"), ("V. 2.0", "2.0")]
)
def test_a_version_line_goes_to_the_version_field(line, version):
    policy = import_text(f"General Licence\n\n{line}\n\n1. Definitions\n\n2. Grant\n")
    assert policy.metadata.version == version
    assert policy.metadata.title == "General Licence"
    assert [c.label for c in policy.clauses] == ["1.", "2."]


def test_a_sentence_about_a_version_is_not_a_version_line():
    policy = import_text(
        "General Licence\n\nVersion 2 of this licence replaces version 1.\n\n1. Definitions\n"
    )
    assert policy.metadata.version == ""
