"""Integrity against the previous version: one pair of versions for each finding."""

from __future__ import annotations

import datetime as dt

from plutoeditor.checks.versions import body_date, check_against, version_key
from plutoeditor.model.notation import parse_tree

OLD = """
[1] Data we keep |
  [1.1] We keep payment records for six years.
  [1.2] We keep your email address until you unsubscribe.
"""


def _versions(new_text: str = OLD, **new_metadata):
    old, new = parse_tree(OLD), parse_tree(new_text)
    for a, b in zip(old.walk(), new.walk(), strict=False):
        b.id = a.id
    old.metadata.effective_date = dt.date(2024, 3, 1)
    old.metadata.version = "2.1"
    old.metadata.summary_of_changes = ["Contact details updated"]
    new.metadata = old.metadata.copy()
    for name, value in new_metadata.items():
        setattr(new.metadata, name, value)
    return new, old


def _codes(new, old) -> list[str]:
    return [f.code for f in check_against(new, old)]


CHANGED = OLD.replace("six years", "seven years")
UPDATED = {
    "effective_date": dt.date(2025, 1, 15),
    "version": "2.2",
    "summary_of_changes": ["Records kept longer"],
}


def test_a_properly_updated_version_has_no_findings():
    assert _codes(*_versions(CHANGED, **UPDATED)) == []
    assert _codes(*_versions(OLD)) == []  # nothing changed, nothing to update


def test_substantive_change_with_the_old_date_and_version():
    new, old = _versions(CHANGED, summary_of_changes=["Records kept longer"])
    findings = check_against(new, old)
    assert [f.code for f in findings] == ["effective-date-unchanged", "version-unchanged"]
    assert findings[0].message == (
        "The text changed (1 substantive change) but the effective date is still 1 March 2024, "
        "as in the previous version"
    )
    assert findings[0].severity == "error" and findings[0].target == "effective_date"


def test_an_editorial_change_does_not_need_a_new_date():
    new, old = _versions(OLD.replace("email address", "e-mail address"))
    assert _codes(new, old) == []


def test_effective_date_earlier_than_the_previous_one():
    new, old = _versions(CHANGED, **{**UPDATED, "effective_date": dt.date(2023, 12, 31)})
    assert _codes(new, old) == ["effective-date-earlier"]


def test_version_number_lower_than_the_previous_one():
    new, old = _versions(CHANGED, **{**UPDATED, "version": "2.0"})
    assert _codes(new, old) == ["version-lower"]
    assert version_key("2.10") > version_key("2.9")  # numbers, not text
    new, old = _versions(CHANGED, **{**UPDATED, "version": "2.10"})
    assert _codes(new, old) == []


def test_the_body_gives_another_effective_date():
    text = CHANGED + "[2] Changes |\n  [2.1] This Privacy Policy is effective as of 1 May 2024.\n"
    new, old = _versions(text, **UPDATED)
    findings = check_against(new, old)
    assert [(f.code, f.label) for f in findings] == [("body-date-differs", "2.1")]
    assert "1 May 2024" in findings[0].message and "15 January 2025" in findings[0].message
    assert body_date("The previous version was effective 1 May 2020.") is None  # not this policy's date


def test_summary_empty_or_the_previous_ones_while_substantive_changes_exist():
    new, old = _versions(CHANGED, **{**UPDATED, "summary_of_changes": []})
    assert _codes(new, old) == ["summary-empty"]
    new, old = _versions(CHANGED, **{**UPDATED, "summary_of_changes": ["Contact details updated"]})
    assert _codes(new, old) == ["summary-unchanged"]


def test_the_summary_names_a_clause_that_does_not_exist():
    summary = ["Clause 1.4 now says records are kept for seven years"]
    new, old = _versions(CHANGED, **{**UPDATED, "summary_of_changes": summary})
    findings = check_against(new, old)
    assert [f.code for f in findings] == ["summary-names-missing-clause"]
    assert "1.4" in findings[0].message
    # an item about a clause that was removed may name its old label
    removed = OLD.replace("  [1.2] We keep your email address until you unsubscribe.\n", "")
    new, old = _versions(removed, **{**UPDATED, "summary_of_changes": ["Clause 1.2 removed"]})
    assert _codes(new, old) == []


def test_a_drafted_summary_never_names_a_missing_clause():
    """Every item summarize drafts, filled in as the summary, passes the named-clause check."""
    from plutoeditor.compare import compare_policies
    from plutoeditor.summary import draft_summary

    old = parse_tree("[1] Uses |\n  [1.1] We send receipts.\n  [1.2] We send offers.\n  [1.3] We call.\n")
    new = parse_tree("[1] Uses |\n  [] We send receipts.\n  [] We send offers.\n")
    for a, b in zip(old.walk(), new.walk(), strict=False):
        b.id = a.id
    new.metadata.summary_of_changes = draft_summary(compare_policies(old, new)).texts()
    assert "Clauses 1.1 and 1.2 no longer numbered" in new.metadata.summary_of_changes
    assert "summary-names-missing-clause" not in [f.code for f in check_against(new, old)]
