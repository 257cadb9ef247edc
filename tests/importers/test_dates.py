"""Effective dates in the forms policies use."""

from __future__ import annotations

import datetime as dt

import pytest

from plutoeditor.importers.dates import find_effective_date, is_date_line, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'This Privacy Policy is effective as of: 21st November 2022 ("Effective Date")',
            dt.date(2022, 11, 21),
        ),
        ("Effective date: 1 March 2024", dt.date(2024, 3, 1)),
        ("effective as of: 2024-03-01", dt.date(2024, 3, 1)),
        ("Effective March 1, 2024", dt.date(2024, 3, 1)),
        ("_Last Updated: January 1, 2021_", dt.date(2021, 1, 1)),
        ("Last updated 3rd of Sept. 2023", dt.date(2023, 9, 3)),
        ("Last modified: 01/03/2024", dt.date(2024, 3, 1)),
        ("Updated 12/25/2023", dt.date(2023, 12, 25)),
        ("Firefox Privacy Notice Effective May 4, 2026", dt.date(2026, 5, 4)),
    ],
)
def test_effective_date_forms(text, expected):
    assert find_effective_date(text) == expected
    assert is_date_line(text)


def test_a_date_without_effective_or_updated_is_not_an_effective_date():
    assert parse_date("Directive of 24 October 1995 applies") == dt.date(1995, 10, 24)
    assert find_effective_date("Directive of 24 October 1995 applies") is None


def test_impossible_dates_are_ignored():
    assert find_effective_date("Effective 31 February 2024") is None


def test_a_long_paragraph_mentioning_an_update_is_not_a_date_line():
    paragraph = "We updated this policy on 1 March 2024. " + "It explains how we use your data. " * 10
    assert not is_date_line(paragraph)
