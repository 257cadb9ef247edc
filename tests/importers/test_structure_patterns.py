"""The clause tree a legal reader sees, for layouts real text and Markdown policies use.

Each fixture is a small document in one pattern; the assertion is the tree a reader takes
from it (labels as written, nesting by the label's level, not by markup or line breaks).
"""

from __future__ import annotations

import textwrap

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text
from plutoeditor.model.notation import format_tree


def tree(source: str, name: str = "policy.md") -> str:
    return format_tree(import_text(textwrap.dedent(source).lstrip(), name))


def errors(source: str, name: str = "policy.md") -> list[str]:
    policy = import_text(textwrap.dedent(source).lstrip(), name)
    return [f"{f.code} {f.label}" for f in run_checks(policy) if f.is_error]


def test_the_label_level_wins_over_the_markdown_heading_level():
    source = """\
        ## 4. Notices
        #### 4.1 Europe
        #### 4.1.1 Who we are
        Pluto GmbH runs the service.
        #### 4.2 America
        """
    assert tree(source) == (
        "[4.] Notices |\n"
        "  [4.1] Europe |\n"
        "    [4.1.1] Who we are |\n"
        "      [] Pluto GmbH runs the service.\n"
        "  [4.2] America |"
    )


def test_a_bold_clause_after_a_deep_heading_goes_by_its_label():
    source = """\
        ## 2. Orders
        ###### 2.1 Placing
        ###### 2.2 Paying
        2.2.1 Pay by card.
        **2.3 Refunds**. Refunds take a week.
        """
    assert tree(source).splitlines()[-1] == "  [2.3] Refunds | Refunds take a week."


def test_an_introductory_paragraph_stays_in_its_numbered_section():
    source = """\
        3. Fees.

        This section explains what you pay.

        3.1 Monthly fees are due in advance.

        3.2 Late fees are 2%.
        """
    assert tree(source, "fees.txt") == (
        "[3.] Fees.\n"
        "  [] This section explains what you pay.\n"
        "  [3.1] Monthly fees are due in advance.\n"
        "  [3.2] Late fees are 2%."
    )


def test_an_underlined_numbered_line_is_a_heading_not_a_list_item():
    source = """\
        1. Accounts
        -----------

        To open one:

        1.1 Give your name.

        2. Closing
        ----------
        """
    assert tree(source) == ("[1.] Accounts |\n  [] To open one:\n  [1.1] Give your name.\n[2.] Closing |")


def test_a_section_written_as_a_list_item_continues_the_sections():
    source = """\
        1\\. **Use**

        1.1 Use it well.

        2. **Data**

        2.1 We keep little.
        """
    assert tree(source) == "[1.] Use |\n  [1.1] Use it well.\n[2.] Data |\n  [2.1] We keep little."


def test_a_numbered_list_under_a_lead_in_is_local_not_a_section():
    source = """\
        1. Conduct
        ----------
        **1.1 Rules**

        You must not:

        1.  spam;
        2.  scrape.

        **1.2 Reports**
        """
    assert errors(source) == []
    assert "    [2.] scrape." in tree(source)


def test_a_plain_numbered_list_under_a_numbered_heading_is_local():
    source = """\
        #### 1\\. Scope
        We collect:

        1\\. **Contact data** such as your email;

        2\\. **Usage data** such as pages seen.

        #### 2\\. Use
        """
    assert errors(source) == []
    assert tree(source).splitlines()[-1] == "[2.] Use |"


def test_labels_glued_to_a_bold_heading_and_inside_bullets_are_labels():
    assert tree("## 5. Security\n\n5.1**Keys.** We rotate keys.\n") == (
        "[5.] Security |\n  [5.1] Keys. | We rotate keys."
    )
    source = """\
        # Rules
        *   **2.1 Posts**
            *   **2.1.1** No spam.
            *   **2.1.2** No abuse.
        *   **2.2 Replies**
        """
    assert tree(source) == "[2.1] Posts |\n  [2.1.1] No spam.\n  [2.1.2] No abuse.\n[2.2] Replies |"


def test_an_empty_heading_marker_takes_the_bold_title_below_it():
    source = """\
        # Terms
        ## **PART 1: USE**
        1.1. Be kind.
        ##
        **PART 2: MONEY**
        2.1. Pay on time.
        """
    assert tree(source) == "[PART 1:] USE |\n  [1.1.] Be kind.\n[PART 2:] MONEY |\n  [2.1.] Pay on time."


def test_a_letter_list_continues_after_a_paragraph_between_items():
    source = """\
        ## 1. Claims
        a) Notice. Tell us first.

        b) Talks. We talk for a month.

        Talks are confidential.

        c) Courts. Then go to court.

        d) Costs. Each side pays.
        """
    lines = tree(source).splitlines()
    assert [line for line in lines if line.lstrip().startswith("[c)") or line.lstrip().startswith("[d)")] == [
        "  [c)] Courts. Then go to court.",
        "  [d)] Costs. Each side pays.",
    ]
    assert errors(source) == []


def test_lines_that_only_look_like_labels_are_text():
    # a version line under the title, a sentence that starts with a reference, a note, a date
    assert tree("OPEN LICENCE\nV. 3.1\n\n1. Terms\n\n2. Use\n", "l.txt").splitlines()[-2:] == [
        "[1.] Terms",
        "[2.] Use",
    ]
    assert "[] Section 2.1 (Fees) survives termination." in tree(
        "## 2. Fees\n2.1 You pay monthly.\n\nSection 2.1 (Fees) survives termination.\n"
    )
    assert "[] 2 Only where the law allows it." in tree(
        "## 1. Sales\n\n**1.1.** Refunds are possible (note 2).\n\n"
        "2 Only where the law allows it.\n\n**1.2.** Fine.\n"
    )
    assert errors("## 1. Use\nUse it.\n\n## 2. End\nIt ends.\n\n_14 March 2025_\n") == []


def test_page_numbers_of_a_converted_pdf_are_not_sections():
    page = "We describe here the measures that we take against the risks that we see in the store, and\n\n"
    source = (
        "1\n\n1. Introduction\n\n"
        + page * 3
        + "2\n\n"
        + page
        + "continued here.\n\n2. Measures\n\n3\n\n"
        + page
    )
    assert errors(source, "report.txt") == []
    policy = import_text(source, "report.txt")
    assert not [c for c in policy.walk() if c.text in ("1", "2", "3")]  # page numbers are left out


def test_hard_wrapped_lines_are_rebuilt_into_their_sentence():
    source = """\
        1. Copies.

          a) You may copy the Software, provided that each copy
             keeps the notices of the authors
             and of this licence;

             b) each copy names the place where it came from.

        2. Fees.

        The Licensor may charge a fee for each copy either
        in money or in kind, as it chooses.
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "licence.txt")
    first = policy.clauses[0].children[0]
    assert first.label == "a)"
    assert first.text.endswith("keeps the notices of the authors and of this licence;")
    assert policy.clauses[-1].text == (
        "The Licensor may charge a fee for each copy either in money or in kind, as it chooses."
    )
    assert errors(source, "licence.txt") == []


def test_a_number_that_ends_a_reference_across_a_line_break_stays_in_the_sentence():
    source = """\
        1. Changes.

          a) Mark what you changed.

          b) Keep the notices listed in clause
          4.  They apply to every copy.

          c) Share the whole work.
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "licence.txt")
    assert [c.label for c in policy.walk()] == ["1.", "a)", "b)", "c)"]
    assert "listed in clause 4. They apply" in " ".join(policy.clauses[0].children[1].text.split())


def test_each_section_under_a_bold_title_numbers_its_own_list_from_one():
    source = """\
        **1\\. Scope**

        1\\. These terms cover the website.

        2\\. They also cover the app.

        **2\\. Accounts**

        1\\. You need an account.

        The account is free.

        2\\. Keep it safe.

        **3\\. Fees**
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "terms.md")
    assert [c.label for c in policy.clauses] == ["1.", "2.", "3."]
    assert [c.label for c in policy.clauses[1].children if c.label] == ["1.", "2."]
    assert errors(source, "terms.md") == []


def test_a_section_sign_over_a_short_title_is_a_section_label():
    source = """\
        **§ 1 Geltung**

        (1) Diese Bedingungen gelten für alle Verträge.

        (2) Abweichungen bedürfen der Schriftform; § 2 Abs. 1 bleibt unberührt.

        **§ 2 Vertragsschluss**

        (1) Der Vertrag kommt mit der Bestätigung zustande.
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "agb.md")
    assert [(c.label, [k.label for k in c.children]) for c in policy.clauses] == [
        ("§ 1", ["(1)", "(2)"]),
        ("§ 2", ["(1)"]),
    ]
    assert errors(source, "agb.md") == []


def test_a_paragraph_after_a_list_ends_the_list_and_a_new_list_starts_again():
    source = """\
        # Help

        ## What you can do

        Product refused

        1.  **Read** the rules.
        2.  **Fix** the page.
            *   Remove the product.
            *   Update the feed.

        Account suspended

        1.  **Read** the rules.
        2.  **Appeal** the decision.
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "help.md")
    section = policy.clauses[0]
    assert [c.text for c in section.children if not c.label][:2] == ["Product refused", "Account suspended"]
    assert errors(source, "help.md") == []


def test_a_list_item_followed_by_its_first_sub_clause_is_a_section():
    source = """\
        1.  Registration

        1.1 You register online.

        1.2 To register you must:

        1.  accept these terms;
        2.  give your email.

        1.3 We confirm by email.

        2.  Access

        2.1 You log in with your password.
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "terms.md")
    assert [c.label for c in policy.clauses] == ["1.", "2."]
    assert [c.label for c in policy.clauses[0].children] == ["1.1", "1.2", "1.3"]
    assert errors(source, "terms.md") == []


def test_a_line_in_capitals_over_a_list_from_one_is_its_heading():
    source = """\
        # Terms

        DEFINITIONS

        1. "App" means our app.
        2. "You" means the user.

        Other text.
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "terms.md")
    assert policy.clauses[0].heading == "DEFINITIONS"
    assert [c.label for c in policy.clauses[0].children if c.label] == ["1.", "2."]


def test_roman_sections_hold_their_lettered_items_across_wrapped_paragraphs():
    source = """\
        Terms

        I. DEFINITIONS

        A. Operator is the company Acme Ltd, registered at

        the commercial register of Prague, which runs the site.

        B. Shop is the business that sells.

        II. DUTIES OF THE OPERATOR

        A. The operator keeps the site running.
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "terms.md")
    assert [(c.label, c.heading, [k.label for k in c.children]) for c in policy.clauses] == [
        ("I.", "DEFINITIONS", ["A.", "B."]),
        ("II.", "DUTIES OF THE OPERATOR", ["A."]),
    ]
    first = policy.clauses[0].children[0]
    assert first.heading == "" and first.children[0].text.startswith("the commercial register")


def test_a_list_from_one_after_a_lead_in_is_its_list_and_the_sections_go_on():
    source = """\
        # Terms

        1. **Ours.** We own it.

        2. **Rules**.

            1. The guidelines apply.

            2. You agree to the following:

        1. You will not copy it.

        2. You will not abuse it.

        3. **Premium**
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "terms.md")
    assert [c.label for c in policy.clauses] == ["1.", "2.", "3."]
    lead_in = policy.clauses[1].children[1]
    assert [c.label for c in lead_in.children] == ["1.", "2."]
    assert errors(source, "terms.md") == []


def test_a_bold_address_line_under_a_lead_in_is_text():
    source = "# Privacy\n\n## 1. Contact\n\nWrite to:\n\n**225 Harbour Road, Leith**\n\n## 2. Changes\n"
    policy = import_text(source, "privacy.md")
    assert [c.label for c in policy.walk() if c.label] == ["1.", "2."]
    assert "225 Harbour Road, Leith" in policy.clauses[0].children[0].text


def test_a_local_item_with_its_own_list_below_is_still_an_item():
    source = """\
        **1\\. Scope**

        1\\. To use the site you need:

        1. an account;
        2. a browser.

        2\\. Use is free.

        **2\\. Fees**
        """
    policy = import_text(textwrap.dedent(source).lstrip(), "terms.md")
    assert [c.label for c in policy.clauses] == ["1.", "2."]
    assert [c.label for c in policy.clauses[0].children] == ["1.", "2."]
    assert errors(source, "terms.md") == []
