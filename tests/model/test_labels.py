"""One home for labels: the same numeral, word and comparison rules wherever a label is read."""

from __future__ import annotations

import textwrap

import pytest

from plutoeditor.checks import run_checks
from plutoeditor.importers.docx_numbering import format_number as word_number
from plutoeditor.importers.labels import split_label
from plutoeditor.importers.text import import_text
from plutoeditor.model.labels import (
    ALPHA_LOWER,
    ROMAN_UPPER,
    alpha_value,
    format_number,
    is_roman,
    label_core,
    letter_families,
    parse_label,
    plain_label,
    roman_value,
    to_alpha,
    to_roman,
)
from plutoeditor.model.notation import format_tree, parse_tree


def _import(source: str):
    return import_text(textwrap.dedent(source).lstrip(), "policy.md")


def test_roman_numerals_are_read_in_their_usual_form_only():
    numerals = ("i", "iv", "ix", "XIV", "xl", "xc", "cccxcix")
    assert [roman_value(r) for r in numerals] == [1, 4, 9, 14, 40, 90, 399]
    assert [roman_value(r) for r in ("iiii", "ic", "vv", "b", "")] == [None] * 5
    assert is_roman("XII") and not is_roman("ll")


@pytest.mark.parametrize("n", [1, 4, 9, 14, 39, 40, 90, 399])
def test_writing_and_reading_a_numeral_round_trip(n):
    assert roman_value(to_roman(n)) == n
    assert alpha_value(to_alpha(n)) == n


def test_word_lists_and_clause_labels_write_numbers_alike():
    assert [word_number(n, "lowerRoman") for n in (4, 1994)] == [to_roman(4), "mcmxciv"]
    assert word_number(28, "lowerLetter") == format_number(28, ALPHA_LOWER) == "bb"
    assert format_number(12, ROMAN_UPPER) == "XII"


def test_a_list_numeral_is_read_up_to_thirty_nine():
    assert letter_families("xxxix") == ("roman-lower",)
    assert letter_families("xl") == ()  # "(xl)" is no list item's number
    assert letter_families("i") == ("alpha-lower", "roman-lower")


def test_label_core_drops_decoration_and_plain_label_only_the_final_dot():
    assert label_core("6.") == label_core("(6)") == "6"
    assert label_core("Schedule 2:") == "Schedule 2"
    assert plain_label(" 6. ") == "6"
    assert plain_label("(a)") == "(a)"


def test_an_attachment_label_starts_an_attachment_numbered_from_one():
    policy = _import(
        """\
        # Terms

        1. Scope

        These terms apply.

        2. Fees

        You pay monthly.

        Attachment 1: Acceptable use

        1. Do not misuse the service.

        2. Do not resell it.
        """
    )
    assert "sched [Attachment 1:] Acceptable use |" in format_tree(policy, text=False).splitlines()
    assert [f.code for f in run_checks(policy) if f.is_error] == []


def test_a_heading_ending_in_exhibit_is_an_attachment():
    policy = _import(
        """\
        # Terms

        1. Scope

        These terms apply.

        ## Security Exhibit

        1. We encrypt data at rest.

        2. We log access.
        """
    )
    assert "sched [] Security Exhibit |" in format_tree(policy, text=False)


def test_clause_headings_that_run_on_across_sections_are_not_gaps():
    policy = _import(
        """\
        SECTION I

        Clause 1 Purpose

        The parties agree.

        SECTION II

        Clause 2 Safeguards

        The importer protects the data.
        """
    )
    assert parse_label("Clause 2").kind == "other"  # kept as written, not counted per section
    assert [f.code for f in run_checks(policy) if f.is_error] == []


def _numbering_errors(notation: str) -> list[str]:
    return [f"{f.code} {f.label}" for f in run_checks(parse_tree(notation)) if f.is_error]


def test_a_numeral_misread_into_a_letter_list_is_not_the_letter_after_hh():
    letters = "".join(f"  [({c})] Item {c}.\n" for c in "abcdefgh")
    assert _numbering_errors(f"[1] Rights |\n{letters}  [(ii)] Another item.\n") == []


def test_doubled_letters_after_z_are_still_checked():
    letters = "".join(f"  [({c})] Item {c}.\n" for c in "abcdefghijklmnopqrstuvwxyz")
    doubled = "  [(aa)] One.\n  [(bb)] Two.\n  [(dd)] Four.\n"
    assert _numbering_errors(f"[1] Rights |\n{letters}{doubled}") == ["numbering-gap (dd)"]


WORD_LABELS = ["ANNEX XL Security", "Part LX: Fees", "Schedule 12 Prices", "Article C. Use"]


@pytest.mark.parametrize("line", WORD_LABELS)
def test_a_word_label_the_reader_takes_off_the_page_is_one_numbering_counts(line):
    label, _ = split_label(line)
    assert label and parse_label(label).kind == "schedule"
