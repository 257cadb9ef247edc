"""Plain-text import: labels as written, nesting by level, metadata, unnumbered paragraphs."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.importers.text import import_file, import_text
from plutoeditor.model.clause import ClauseKind
from plutoeditor.model.notation import format_tree


def tree(source: str, text: bool = True) -> str:
    return format_tree(import_text(textwrap.dedent(source).strip() + "\n", "policy.txt"), text)


def test_title_effective_date_and_summary_become_metadata_not_clauses():
    policy = import_text(
        textwrap.dedent(
            """\
            Acme Privacy Policy

            This Privacy Policy is effective as of: 1st March 2024 ("Effective Date")

            Summary of Update:

            1) New contact address

            2) Cookie section rewritten

            1 Introduction

            1.1 We respect your privacy.
            """
        ),
        "acme.txt",
    )
    assert policy.metadata.title == "Acme Privacy Policy"
    assert policy.metadata.effective_date == dt.date(2024, 3, 1)
    assert policy.metadata.summary_of_changes == ["New contact address", "Cookie section rewritten"]
    assert format_tree(policy) == "[1] Introduction |\n  [1.1] We respect your privacy."


def test_a_last_updated_line_at_the_end_is_metadata_too():
    clauses = "\n\n".join(f"{n}. Clause number {n} of this policy." for n in range(1, 40))
    policy = import_text(f"Policy\n\n{clauses}\n\nLast updated: 2 May 2023\n")
    assert policy.metadata.effective_date == dt.date(2023, 5, 2)
    assert policy.clauses[-1].label == "39."


def test_title_is_derived_from_the_effective_date_sentence_when_there_is_no_title_line():
    policy = import_text("This Cookie Notice is effective from 2024-03-01.\n\n1 Scope\n\n1.1 Text here.\n")
    assert policy.metadata.title == "Cookie Notice"
    assert policy.metadata.effective_date == dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("line", "label", "rest"),
    [
        ("1 Introduction", "1", "Introduction"),
        ("6. Your Rights", "6.", "Your Rights"),
        ("2.  Scope of this Policy", "2.", "Scope of this Policy"),
        ("11.   Your rights", "11.", "Your rights"),
        ("6.9.1: South Africa", "6.9.1:", "South Africa"),
        ("1.Definitions", "1.", "Definitions"),
        ("1A Stripe payments", "1A", "Stripe payments"),
        ("1A.1 Stripe as processor", "1A.1", "Stripe as processor"),
        ("4.1A Inserted clause", "4.1A", "Inserted clause"),
        ("6.. Copyright", "6..", "Copyright"),
    ],
)
def test_top_level_labels_with_any_separator_are_kept_as_written(line, label, rest):
    policy = import_text(f"Policy\n\n{line}\n\nFirst clause text.\n")
    top = policy.clauses[0]
    assert (top.label, top.heading) == (label, rest)
    assert top.children[0].text == "First clause text."


def test_lettered_and_roman_items_nest_under_the_clause_that_introduces_them():
    assert tree(
        """
        Policy

        1 Use of data

        1.1 We use data to:
        (a) run the service;
        (b) send notices, namely:
        (i) changes; and
        (ii) outages;
        (c) improve the product.
        """
    ) == textwrap.dedent(
        """\
        [1] Use of data |
          [1.1] We use data to:
            [(a)] run the service;
            [(b)] send notices, namely:
              [(i)] changes; and
              [(ii)] outages;
            [(c)] improve the product."""
    )


def test_bullets_become_unnumbered_items_nested_by_indentation():
    assert tree(
        """
        Policy

        4.1 We use your data to:
        • run the service;
        • send notices, including:
          - changes; and
          - outages;
        • improve the product.

        A closing paragraph.
        """
    ) == textwrap.dedent(
        """\
        [4.1] We use your data to:
          [] run the service;
          [] send notices, including:
            [] changes; and
            [] outages;
          [] improve the product.
        [] A closing paragraph."""
    )


def test_i_after_h_is_a_letter_not_a_roman_numeral():
    items = "\n".join(f"({c}) item {c};" for c in "abcdefghij")
    policy = import_text(f"Policy\n\n1.1 Items:\n{items}\n")
    assert [c.label for c in policy.clauses[0].children] == [f"({c})" for c in "abcdefghij"]


def test_nesting_follows_the_label_level_not_its_prefix():
    # 2.7.1 written after 2.16 is a child of 2.16 (the checks report the wrong parent);
    # the two 2.3.9 stay two siblings.
    assert tree(
        """
        Policy

        2 Privacy

        2.3 We collect:

        2.3.6 origin;

        2.3.9 bank details;

        2.3.9 company name; and

        2.3.10 registration number.

        2.16 We share with:

        2.7.1 Payment Gateways;
        2.7.2 Hosting providers.
        """,
        text=False,
    ) == textwrap.dedent(
        """\
        [2] Privacy |
          [2.3]
            [2.3.6]
            [2.3.9]
            [2.3.9]
            [2.3.10]
          [2.16]
            [2.7.1]
            [2.7.2]"""
    )


def test_skipped_level_nests_under_the_nearest_lower_level():
    assert tree("Policy\n\n10 Misc\n\n10.1.1 Deep clause.\n\n10.2 Next.\n", text=False) == (
        "[10] Misc |\n  [10.1.1]\n  [10.2]"
    )


def test_unnumbered_paragraph_after_a_list_closes_the_list():
    assert tree(
        """
        Policy

        3. Personal Data collected

        3.1 We may collect:

        3.1.1 name;

        3.1.2 e-mail address;

        in each case, in accordance with this Policy.

        3.2 Next clause.
        """
    ) == textwrap.dedent(
        """\
        [3.] Personal Data collected |
          [3.1] We may collect:
            [3.1.1] name;
            [3.1.2] e-mail address;
          [] in each case, in accordance with this Policy.
          [3.2] Next clause."""
    )


def test_unnumbered_paragraph_after_a_heading_is_its_first_child():
    assert tree("Policy\n\n15.  Changes to this Policy\n\nWe may change this Policy.\n") == (
        "[15.] Changes to this Policy |\n  [] We may change this Policy."
    )


def test_address_lines_continue_the_clause_above_even_when_they_start_with_a_number():
    policy = import_text(
        textwrap.dedent(
            """\
            Policy

            7 Contact

            7.1 Address for service of legal documents:

            10 Harbour Road

            71-75 Shelton Street

            Cape Town


            7.2 Email address:
            """
        )
    )
    first, second = policy.clauses[0].children
    assert first.paragraphs == [
        "Address for service of legal documents:",
        "10 Harbour Road",
        "71-75 Shelton Street",
        "Cape Town",
    ]
    assert (second.label, second.text, second.source_line) == ("7.2", "Email address:", 14)


def test_a_label_alone_on_its_line_takes_the_next_paragraph_as_its_text():
    policy = import_text("Policy\n\n1.\n\nThe text that was detached from its label.\n\n2. Second clause.\n")
    assert [(c.label, c.text) for c in policy.clauses] == [
        ("1.", "The text that was detached from its label."),
        ("2.", "Second clause."),
    ]


def test_definitions_clause_and_run_together_definitions():
    policy = import_text(
        textwrap.dedent(
            """\
            Policy

            1 Definitions

            1.1 In this Policy, the following definitions are used:

            Cookies: small text files;

            Platform: our web domain and all associated domains.Acme, we or usAcme Ltd, a company in England;

            Service: As defined in the Terms of Service

            1.2 Headings do not affect interpretation.
            """
        )
    )
    intro = policy.clauses[0].children[0]
    definitions = [(c.heading, c.text) for c in intro.children]
    assert all(c.kind is ClauseKind.DEFINITION for c in intro.children)
    assert definitions == [
        ("Cookies", "small text files;"),
        ("Platform", "our web domain and all associated domains."),
        ("Acme, we or us", "Acme Ltd, a company in England;"),
        ("Service", "As defined in the Terms of Service"),
    ]
    assert policy.clauses[0].children[1].label == "1.2"


def test_unnumbered_schedule_with_its_own_headings():
    policy = import_text(
        textwrap.dedent(
            """\
            Policy

            1 Cookies

            1.1 See the Cookie Schedule.

            Cookie Schedule

            What Are Cookies?

            Cookies are small files.

            More Information

            If you are still looking for more information, you can contact us at
            """
        )
    )
    schedule = policy.clauses[1]
    assert (schedule.kind, schedule.label, schedule.heading) == (ClauseKind.SCHEDULE, "", "Cookie Schedule")
    assert [c.heading for c in schedule.children] == ["What Are Cookies?", "More Information"]
    last = schedule.children[1].children[0]
    assert last.text.endswith("contact us at") and last.source_line == 15


def test_numbered_schedule_restarts_numbering():
    policy = import_text(
        "Policy\n\n1 Terms\n\n1.1 Text.\n\nSchedule 1 - Fees\n\n1. First fee.\n\n2. Second fee.\n"
    )
    schedule = policy.clauses[1]
    assert (schedule.kind, schedule.label, schedule.heading) == (ClauseKind.SCHEDULE, "Schedule 1", "Fees")
    assert [c.label for c in schedule.children] == ["1.", "2."]


def test_zero_width_and_non_breaking_spaces_are_normalised():
    policy = import_text("Policy\n\n1\u00a0Intro\u200b\n\n1.1\u00a0We\u200b care.\n")
    assert (policy.clauses[0].label, policy.clauses[0].heading) == ("1", "Intro")
    assert policy.clauses[0].children[0].text == "We care."


def test_wrapped_lines_join_into_one_paragraph():
    long_line = "This clause is long enough that the author's editor wrapped it onto a second"
    policy = import_text(f"Policy\n\n1.1 {long_line}\nline of text here.\n")
    assert policy.clauses[0].text == f"{long_line} line of text here."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01binary", "binary"),
        (b"Policy \x81\x8d text", "UTF-8"),  # bytes Windows-1252 leaves undefined
        (b"Privacy Policy\n", "no clauses"),
    ],
)
def test_bad_files_raise_one_clear_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(PolicyFileError) as info:
        import_file(path)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))


def test_too_large_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    with pytest.raises(PolicyFileError, match="too large"):
        import_file(path)


def test_title_from_the_opening_sentence_when_the_file_has_no_title_line():
    policy = import_text("This Certification Practice Statement (CPS) describes our practices.\n\n1. Scope\n")
    assert policy.metadata.title == "Certification Practice Statement"


def test_missing_file_is_a_policy_file_error(tmp_path):
    with pytest.raises(PolicyFileError, match="no such file"):
        import_file(tmp_path / "missing.txt")


def test_next_section_after_a_long_line_starts_a_clause_not_a_wrapped_line():
    source = (
        "T\n\n1 Intro\n1.1 A.\n"
        "1.2 We keep your data for as long as the law requires and then delete it.\n"
        "2 Other\n2.1 D.\n"
    )
    assert format_tree(import_text(source, "policy.txt")) == textwrap.dedent(
        """\
        [1] Intro |
          [1.1] A.
          [1.2] We keep your data for as long as the law requires and then delete it.
        [2] Other |
          [2.1] D."""
    )


def test_next_label_in_sequence_starts_a_clause_even_without_final_punctuation():
    source = (
        "T\n\n1 Intro\n"
        "1.1 We keep your data for as long as the law requires and then delete it\n"
        "2 Other\n2.1 D.\n"
    )
    assert [c.label for c in import_text(source, "policy.txt").clauses] == ["1", "2"]


def test_number_at_the_start_of_a_wrapped_line_stays_in_the_sentence():
    policy = import_text(
        textwrap.dedent(
            """\
            T

            1 Intro
            1.1 We keep the access logs of your account for as long as the law requires, at most
            2 years after you close the account, and we may fine a partner up to the sum of
            2.5 million rand. Backups are overwritten after a period that is never longer than
            12 Months.
            1.2 Next.
            """
        ),
        "policy.txt",
    )
    intro = policy.clauses[0]
    assert [c.label for c in policy.walk()] == ["1", "1.1", "1.2"]
    assert "at most 2 years after" in intro.children[0].text
    assert "sum of 2.5 million rand. Backups" in intro.children[0].text
    assert intro.children[0].text.endswith("longer than 12 Months.")


def test_letter_list_with_a_gap_stays_one_list():
    assert tree(
        """
        T

        1 Intro

        1.1 Items:
        (a) first;
        (c) third;
        (d) fourth.
        1.2 Upper:
        (A) one;
        (C) three.
        """
    ) == textwrap.dedent(
        """\
        [1] Intro |
          [1.1] Items:
            [(a)] first;
            [(c)] third;
            [(d)] fourth.
          [1.2] Upper:
            [(A)] one;
            [(C)] three."""
    )


def test_roman_list_under_a_letter_still_nests_and_i_after_h_is_a_letter():
    assert tree(
        """
        T

        1 Intro

        1.1 Items:
        (a) first:
        (i) one;
        (ii) two;
        (iv) four;
        (v) five;
        (b) second;
        (h) eighth;
        (i) ninth;
        (l) twelfth.
        """
    ) == textwrap.dedent(
        """\
        [1] Intro |
          [1.1] Items:
            [(a)] first:
              [(i)] one;
              [(ii)] two;
              [(iv)] four;
              [(v)] five;
            [(b)] second;
            [(h)] eighth;
            [(i)] ninth;
            [(l)] twelfth."""
    )


_TWICE = """\
Acme Privacy Policy

1 Introduction

1.1 Items:
(a) none;
(b) none;
(c) none.

2 Contact

2.1 Write to us.
"""


def test_importing_the_same_text_twice_gives_the_same_clause_ids_and_html_anchors(tmp_path):
    from plutoeditor.export.html_writer import render_html

    path = tmp_path / "policy.txt"
    path.write_text(_TWICE, encoding="utf-8")
    first, second = import_file(path), import_file(path)
    assert [c.id for c in first.walk()] == [c.id for c in second.walk()]
    assert render_html(first) == render_html(second)
    assert first.document_id != second.document_id  # two versions are still told apart


def test_imported_clause_ids_are_unique_even_for_clauses_that_say_the_same():
    policy = import_text(_TWICE + "\n3 Other\n\n3.1 Items:\n(a) none;\n(b) none;\n", "policy.txt")
    ids = [c.id for c in policy.walk()]
    assert [c.label for c in policy.walk()].count("(a)") == 2  # "(a) none;" twice
    assert len(ids) == len(set(ids)) == 11
    assert all(re.fullmatch(r"c[0-9a-f]{10}", clause_id) for clause_id in ids)


def test_summary_of_changes_reads_numbered_entries_without_taking_the_first_clause():
    policy = import_text(
        "Acme Policy\n\nSummary of Updates:\n1. New contact address.\n2. Cookie section rewritten\n\n"
        "1 Introduction\n\n1.1 We respect your privacy.\n",
        "policy.txt",
    )
    assert policy.metadata.summary_of_changes == ["New contact address.", "Cookie section rewritten"]
    assert format_tree(policy) == "[1] Introduction |\n  [1.1] We respect your privacy."


@pytest.mark.parametrize(
    ("entries", "summary"),
    [
        ("1 New address\n2 Cookie section rewritten\n", ["New address", "Cookie section rewritten"]),
        ("1. New address\n\n2. Cookie section rewritten\n", ["New address", "Cookie section rewritten"]),
        ("1. The contact address changed.\n", ["The contact address changed."]),
        ("", []),  # no entries: "1 Introduction" is still the first clause
    ],
)
def test_summary_numbered_entries_end_where_the_body_starts(entries, summary):
    policy = import_text(
        f"Acme Policy\n\nSummary of Changes:\n\n{entries}\n1 Introduction\n\nWe respect your privacy.\n\n"
        "2 Data\n\nWe keep it.\n",
        "policy.txt",
    )
    assert policy.metadata.summary_of_changes == summary
    assert [c.heading for c in policy.clauses] == ["Introduction", "Data"]
