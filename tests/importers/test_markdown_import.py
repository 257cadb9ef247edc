"""Markdown import: front matter, headings, lists, bold labels, inline markup reduced to text."""

from __future__ import annotations

import datetime as dt
import textwrap

from plutoeditor.checks import run_checks
from plutoeditor.importers.markdown import inline_text
from plutoeditor.importers.text import import_text, looks_like_markdown
from plutoeditor.model.clause import ClauseKind
from plutoeditor.model.notation import format_tree


def md(source: str):
    return import_text(textwrap.dedent(source).lstrip(), "policy.md")


def test_front_matter_title_is_read_and_the_rest_ignored():
    policy = md(
        """\
        ---
        title: Acme Terms
        redirect_from:
          - /terms
        ---

        ## 1. Scope

        These terms apply.
        """
    )
    assert policy.metadata.title == "Acme Terms"
    assert format_tree(policy) == "[1.] Scope |\n  [] These terms apply."
    assert policy.clauses[0].source_line == 7


def test_front_matter_is_read_with_the_safe_loader_only():
    policy = md("---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n\n# Real Title\n\nText.\n")
    assert policy.metadata.title == "Real Title"


def test_atx_headings_with_escaped_and_double_dot_labels():
    policy = md(
        """\
        # Terms of Service

        _Last Updated: January 1, 2021_

        #### 1\\. Who we are

        We are Acme.

        #### 6.. Copyright

        Respect it.
        """
    )
    assert policy.metadata.title == "Terms of Service"
    assert policy.metadata.effective_date == dt.date(2021, 1, 1)
    assert [(c.label, c.heading) for c in policy.clauses] == [("1.", "Who we are"), ("6..", "Copyright")]


def test_setext_headings_nest_by_level():
    policy = md(
        """\
        Terms of Service
        ================

        1\\. Your Account
        ----------------

        Keep it safe.

        ### a. Fees

        Pay them.
        """
    )
    assert format_tree(policy) == textwrap.dedent(
        """\
        [1.] Your Account |
          [] Keep it safe.
          [a.] Fees |
            [] Pay them."""
    )


def test_bold_labels_and_run_in_headings():
    policy = md(
        """\
        #### 3. Acceptable Use

        **3.4** **Services Usage Limits**. Customer will not resell the Service.

        **3.4 Scraping.** Scraping refers to extracting data.

        **3.5** Plain text clause.
        """
    )
    assert format_tree(policy) == textwrap.dedent(
        """\
        [3.] Acceptable Use |
          [3.4] Services Usage Limits | Customer will not resell the Service.
          [3.4] Scraping. | Scraping refers to extracting data.
          [3.5] Plain text clause."""
    )


def test_list_items_with_bold_titles_bullets_and_a_detached_label():
    policy = md(
        """\
        # Title

        ### Terms

        1.  **Your Account.** You are responsible for it.

        2.
          **Contributors.**
          If you post material.

          By submitting you grant a licence.

        3.  **Payment.**

            *   **General Terms.** Upgrades are paid.
            *   **Renewal.** Subscriptions renew.
        """
    )
    assert format_tree(policy) == textwrap.dedent(
        """\
        [] Terms |
          [1.] Your Account. | You are responsible for it.
          [2.] Contributors. | If you post material.\\nBy submitting you grant a licence.
          [3.] Payment. |
            [] General Terms. | Upgrades are paid.
            [] Renewal. | Subscriptions renew."""
    )


def test_lazy_one_one_one_numbering_is_shown_as_markdown_displays_it():
    policy = md("## A. Definitions\n\n1. Account means your account.\n1. Agreement means these terms.\n")
    assert [c.label for c in policy.clauses[0].children] == ["1.", "2."]


def test_explicit_list_numbers_are_kept_as_written_even_when_wrong():
    policy = md("# Title\n\n## Terms\n\n1. First.\n2. Second.\n2. Third.\n")
    assert [c.label for c in policy.clauses[0].children] == ["1.", "2.", "2."]


def test_lettered_paragraphs_keep_their_indented_paragraphs_and_bullets():
    policy = md(
        """\
        # Profile

        ## 7.1 Extensions

        a. `certificatePolicies`

           This extension MUST be present.

           * `policyQualifierId` (Optional)

        b. `keyUsage`

           This extension MUST be critical.
        """
    )
    assert format_tree(policy) == textwrap.dedent(
        """\
        [7.1] Extensions |
          [a.] certificatePolicies\\nThis extension MUST be present.
            [] policyQualifierId (Optional)
          [b.] keyUsage\\nThis extension MUST be critical."""
    )


def test_definitions_under_a_definitions_heading():
    policy = md(
        "## 1.6 Definitions\n\n**CAB Forum**: the CA/Browser Forum.\n\n**CA**: a Certificate Authority.\n"
    )
    definitions = policy.clauses[0].children
    assert [(d.kind, d.heading, d.text) for d in definitions] == [
        (ClauseKind.DEFINITION, "CAB Forum", "the CA/Browser Forum."),
        (ClauseKind.DEFINITION, "CA", "a Certificate Authority."),
    ]


def test_a_lone_note_under_a_definitions_heading_is_not_a_definition():
    policy = md("## A. Definitions\n\nShort version: we use these terms.\n\n1. Account means your account.\n")
    assert policy.clauses[0].children[0].kind is ClauseKind.CLAUSE


def test_inline_markup_is_reduced_to_text():
    assert inline_text('See [our policy](https://x.test/p "t") and **bold** _em_ `code` &amp; 5\\*3') == (
        "See our policy and bold em code & 5*3"
    )
    assert inline_text("snake_case_name stays, <br>tags <b>go</b>") == "snake_case_name stays, tags go"


def test_tables_code_and_kramdown_attributes_do_not_break_import():
    policy = md(
        """\
        # Notice

        Effective May 4, 2026
        {: datetime="2026-05-04" }

        ## Data

        | Type | Use |
        | ---- | --- |
        | Location | Country level |

        ```
        1. not a clause
        ```
        """
    )
    assert policy.metadata.effective_date == dt.date(2026, 5, 4)
    table = policy.clauses[0].children[0]
    assert table.paragraphs == ["| Type | Use |", "| --- | --- |", "| Location | Country level |"]
    assert policy.clauses[0].children[1].text == "1. not a clause"


def test_markdown_is_recognised_by_extension_or_content():
    assert looks_like_markdown("anything", "x.md")
    assert not looks_like_markdown("# Heading\n\n## More\n", "x.txt")
    assert looks_like_markdown("# Heading\n\n## More\n", "<text>")
    assert not looks_like_markdown("1 Introduction\n\n1.1 Text.\n", "<text>")


def test_emphasis_over_a_whole_long_sentence_is_reduced_to_its_words():
    sentence = "We use these basic terms throughout the agreement, and they have specific meanings " * 4
    policy = import_text(f"# Terms\n\n## 1. Definitions\n\n**Short version:** *{sentence.strip()}*\n", "t.md")
    text = next(c.text for c in policy.walk() if c.text.startswith("Short version"))
    assert "*" not in text and text.endswith("specific meanings")
    assert len(text) > 300


def test_unclosed_emphasis_markers_cost_linear_time_and_stay_as_written():
    from plutoeditor.importers.markdown import inline_text

    line = "*a " * 50_000
    assert inline_text(line) == line.strip()  # nothing closes, so nothing is removed


def test_a_markdown_table_becomes_pipe_rows_with_its_header_and_escaped_pipes():
    policy = import_text(
        "# Cookies\n\nWe use these cookies:\n"
        "| Cookie | Purpose |\n"
        "|:-------|---------|\n"
        "| [__ssid](https://example.com) | Fraud **detection**<br>and payments |\n"
        "| a \\| b | `x` |\n"
        "| short |\n"
        "\nAfter the table.\n",
        "cookies.md",
    )
    texts = [c.text for c in policy.walk()]
    assert (
        "We use these cookies:\n"
        "| Cookie | Purpose |\n"
        "| --- | --- |\n"
        "| __ssid | Fraud detection and payments |\n"
        "| a \\| b | x |\n"
        "| short | |"
    ) in texts
    assert "After the table." in texts


def test_a_table_without_separator_has_no_header_row():
    policy = import_text("# Title\n\n## Section\n\n| a | b |\n| c | d |\n", "t.md")
    assert [c.text for c in policy.walk()] == ["", "| a | b |\n| c | d |"]


def test_a_table_after_a_blank_line_stays_with_the_clause_that_introduces_it():
    policy = import_text(
        "# Cookie Notice\n\n## 1. Cookies\n\n1.1 We use these cookies:\n\n"
        "| Cookie | Purpose |\n| --- | --- |\n| sid | keeps you signed in |\n\n1.2 You can refuse them.\n",
        "cookies.md",
    )
    clauses = {c.label: c for c in policy.walk() if c.label}
    assert clauses["1.1"].text.split("\n")[1:] == [
        "| Cookie | Purpose |",
        "| --- | --- |",
        "| sid | keeps you signed in |",
    ]
    assert not [c for c in policy.walk() if not c.label and "Cookie" in c.text]  # no clause of its own


def test_a_title_in_bold_inside_bold_is_a_numbered_title_like_the_others():
    policy = md(
        """\
        **Article 1 - Who we are**

        We sell shoes.

        ****Article 2 - Delivery****

        We deliver in a week.

        **Article 3 - Returns**

        You may return shoes.
        """
    )
    assert [(c.label, c.heading) for c in policy.clauses] == [
        ("Article 1", "Who we are"),
        ("Article 2", "Delivery"),
        ("Article 3", "Returns"),
    ]


def test_a_bullet_holding_only_a_date_or_starting_with_code_is_not_a_numbered_clause():
    policy = md(
        """\
        # Terms

        * 10.08.16

        ## 1. Scope

        A log line holds these fields:

        *   `123.45.67.89` is the address of the computer.
        *   `25/Mar/2003` is the date.

        1.1 These terms apply to the site.
        """
    )
    labelled = [c.label for top in policy.clauses for c in top.walk() if c.label]
    assert labelled == ["1.", "1.1"]


def test_a_number_a_hard_wrap_puts_at_a_line_start_inside_a_paragraph_is_no_list_item():
    policy = md(
        """\
        ### § 3 Transmission

        (1) A transmission within the area covered by the directive (OJ L 248 p.
        15) is made in the state where the signals start.

        (2) It is made where the station stands.
        """
    )
    (section,) = policy.clauses
    assert [c.label for c in section.children] == ["(1)", "(2)"]
    assert "(OJ L 248 p. 15) is made" in section.children[0].text


def test_a_bold_label_glued_to_the_text_after_it_is_still_the_label():
    policy = md(
        """\
        **15\\. Data**

        **15.1**You must send us your readings.

        **15.2** We keep them for a year.
        """
    )
    (section,) = policy.clauses
    assert [(c.label, c.text) for c in section.children] == [
        ("15.1", "You must send us your readings."),
        ("15.2", "We keep them for a year."),
    ]


def test_an_ordered_item_that_opens_with_a_bold_number_is_that_numbered_clause():
    # a converter listed the author's sections as items 1., 2., ...: the bold number is the label
    policy = md(
        """\
        **12\\. Data**

        We process data.

        1.  **13\\. Complaints**

        Write to our agent.

        **14\\. Disputes**

        1.  **14.1** You agree to arbitrate.
        2.  **14.2** Costs are shared.
        3.  **15\\. Governing Law**

        Delaware law applies.
        """
    )
    checked = [(f.code, f.label) for f in run_checks(policy) if f.is_error and f.code != "missing-metadata"]
    assert checked == []
    assert [c.label for c in policy.clauses if c.label] == ["12.", "13.", "14.", "15."]
    assert [c.label for c in policy.clauses[2].children if c.label] == ["14.1", "14.2"]


def test_appendices_written_at_different_heading_levels_are_siblings():
    policy = md(
        """\
        # Playbook

        Text.

        # Appendix 1 - Questionnaire

        ## Questions

        ### Section 1: Foundation

        - Do you have a policy?

        ## Appendix 2 - Policy material

        Templates.

        ## Appendix 3 - Process material

        More.
        """
    )
    assert [c.label for c in policy.clauses if c.label] == ["Appendix 1", "Appendix 2", "Appendix 3"]
    assert not [f for f in run_checks(policy) if f.code == "numbering-gap"]


def test_a_letter_indented_back_out_of_a_numbered_item_is_the_next_letter():
    # "A." holds items 1.-2. indented deeper; "B." at A.'s indentation is the next letter, not
    # a paragraph of item 2
    policy = md(
        "II. FEATURES\n\n"
        "      A. Photos\n\n"
        "        1.  Photos. We store them.\n\n"
        "        2. Albums. We share them.\n\n"
        "      B. Sharing. We keep files.\n\n"
        "      C. Mail Drop. We keep mail.\n"
    )
    [features] = [c for c in policy.clauses if c.label == "II."]
    assert [c.label for c in features.children] == ["A.", "B.", "C."]
    assert [c.label for c in features.children[0].children] == ["1.", "2."]


def test_footnote_texts_are_kept():
    policy = md(
        """\
        # Memo

        Open data matters.[^1]

        [^1]: President's Memorandum on Transparency (2009).
        [^2]: Circular A-130.

        [ref]: https://example.org/links-are-still-dropped
        """
    )
    texts = [c.text for c in policy.walk() if c.text]
    assert "[1] President's Memorandum on Transparency (2009)." in texts
    assert "[2] Circular A-130." in texts
    assert not any("example.org" in t for t in texts)


def test_a_number_wrapped_to_the_start_of_a_line_inside_an_item_goes_on_with_its_sentence():
    policy = md(
        "2.  die Beherbergung,\n\n"
        "3.  die Vermietung\n\n"
        "    a)  von Kraftfahrzeugen nach der Verordnung (BGBl. I S. 126), und\n\n"
        "    b)  von Krafträdern nach der Verordnung vom 18. Mai 2017 (BGBl. I S.\n"
        "        1282) geändert worden ist,\n\n"
        "4.  die Überlassung\n"
    )
    labels = [c.label for c in policy.walk() if c.label]
    assert "1282)" not in labels and labels[-1] == "4."
    assert any("S. 1282) geändert" in c.text for c in policy.walk())


def test_a_bold_title_opened_before_the_labels_point_is_still_that_items_title():
    # "b**. Commencing Arbitration.**": the bold was typed before the point of "b."
    policy = md(
        """\
        a. **Mandatory Arbitration.** Please read this.

        b**. Commencing Arbitration.** A party must send notice.

        c. **Proceeding.** The arbitration is in English.
        """
    )
    assert [(c.label, c.heading) for c in policy.clauses if c.label] == [
        ("a.", "Mandatory Arbitration."),
        ("b.", "Commencing Arbitration."),
        ("c.", "Proceeding."),
    ]


def test_a_footnotes_indented_paragraphs_stay_its_text():
    policy = md(
        "## § 610\n\n(weggefallen)\n\n"
        "[^F1]:     **Amtlicher Hinweis:**\n    1\\.     der Richtlinie 76/207/EWG und\n\n"
        "    2\\.     der Richtlinie 77/187/EWG.\n\n"
        "## § 611\n\n1. Durch den Vertrag wird verpflichtet.\n2. Gegenstand kann sein.\n"
    )
    assert [c.label for c in policy.walk() if c.label] == ["§ 610", "§ 611", "1.", "2."]
    assert any(c.text.startswith("2. der Richtlinie 77/187/EWG") for c in policy.walk())
