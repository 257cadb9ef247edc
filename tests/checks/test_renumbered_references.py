"""Broken references that one renumbering explains are one defect: one error names the cause,
the others are warnings saying which clause each means."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text

_SHIFTED = """Data Terms

1. Scope

1.1. These terms apply to shared data.

2. Security

2.1. Each party protects the data.

3. European Data

3.1. This Section 4 applies to European data.

3.2. Each party is a controller.

3.3. Each party determines its own purposes.

3.4. Nothing in Section 4.3 changes your other obligations.

3.5. Subject to Section 4.6, you tell us of any request for the data.

3.6. If the law forbids complying with Section 4.5, you challenge that law.

4. Other Data

4.1. These terms apply to other data.

4.2. Each party keeps records.

4.3. Each party deletes data it no longer needs.
"""


def _lines(text: str, needle: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line]


def test_one_error_names_the_renumbering_and_the_references_it_explains():
    found = [f for f in run_checks(import_text(_SHIFTED)) if f.code == "broken-reference"]
    [error] = [f for f in found if f.is_error]
    assert error.target == "4.6" and error.line == _lines(_SHIFTED, "Section 4.6")[0]
    [at_43] = _lines(_SHIFTED, "Section 4.3")
    assert error.message == (
        "Refers to clause 4.6, which is not in this document; section 3 was likely numbered 4 when"
        f" its references were written: its 4.5 and 4.6 (lines {error.line} and"
        f" {_lines(_SHIFTED, 'Section 4.5')[0]}) are its own 3.5 and 3.6, and so is 4.3 (line {at_43}),"
        " which lands on other clauses so numbered but means 3.3"
    )


def test_the_other_references_are_warnings_saying_which_clause_each_means():
    found = [f for f in run_checks(import_text(_SHIFTED)) if f.code == "broken-reference"]
    [warning] = [f for f in found if not f.is_error]
    assert warning.target == "4.5"
    assert warning.message.endswith(
        "(it likely means 3.5: section 3 was numbered 4 when its references were written, said at line"
        f" {_lines(_SHIFTED, 'Section 4.6')[0]})"
    )


def test_one_stale_reference_alone_stays_an_error_of_its_own():
    text = _SHIFTED.replace("If the law forbids complying with Section 4.5", "If the law forbids it")
    found = [f for f in run_checks(import_text(text)) if f.code == "broken-reference"]
    assert [(f.target, f.severity, f.message) for f in found] == [
        ("4.6", "error", "Refers to clause 4.6, which is not in this document")
    ]


def test_references_to_clauses_the_section_does_not_have_are_left_as_they_were():
    text = _SHIFTED.replace("Section 4.6", "Section 4.8").replace("Section 4.5", "Section 4.9")
    found = [f for f in run_checks(import_text(text)) if f.code == "broken-reference"]
    assert [(f.target, f.severity) for f in found] == [("4.8", "error"), ("4.9", "error")]
    assert all(f.message.endswith("which is not in this document") for f in found)


def test_this_section_with_the_old_number_is_the_same_renumbering_a_warning():
    found = [f for f in run_checks(import_text(_SHIFTED)) if f.code == "misdirected-reference"]
    [this] = found
    assert this.severity == "warning" and this.line == _lines(_SHIFTED, "This Section 4")[0]
    assert this.message == (
        "Refers to “This Section 4” from inside section 3; “this” names section 3 (section 3 was"
        f" numbered 4 when its references were written, said at line {_lines(_SHIFTED, 'Section 4.6')[0]})"
    )
    # with one stale reference only, no renumbering is said: "this Section 4" is an error of its own
    text = _SHIFTED.replace("If the law forbids complying with Section 4.5", "If the law forbids it")
    [alone] = [f for f in run_checks(import_text(text)) if f.code == "misdirected-reference"]
    assert alone.severity == "error"
