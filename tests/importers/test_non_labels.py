"""Numbers a hard wrap or a sample puts at a line start are text, not labels: an IP address in
a log line, an ordinal wrapped onto the next line, an inline "(b)" the wrap put at a line start;
while a section number padded with a zero is a label."""

from __future__ import annotations

import textwrap

from plutoeditor.checks import run_checks
from plutoeditor.importers.labels import split_label
from plutoeditor.importers.text import import_text
from plutoeditor.model.policy import Policy


def imported(source: str, name: str = "policy.md") -> Policy:
    return import_text(textwrap.dedent(source).lstrip(), name)


def errors(policy: Policy) -> list[str]:
    return [f"{f.code} {f.label.strip()}" for f in run_checks(policy) if f.is_error]


def labels(policy: Policy) -> list[str]:
    return [c.label.strip() for top in policy.clauses for c in top.walk() if c.label.strip()]


def test_an_ip_address_in_a_sample_log_line_is_no_label():
    assert split_label("192.168.10.200 - 01/Jan/2024 08:00:01 - GET /search") == (
        "",
        "192.168.10.200 - 01/Jan/2024 08:00:01 - GET /search",
    )
    assert split_label("4.1.12.3 Data on servers")[0] == "4.1.12.3"  # a four-part label stays one
    policy = imported(
        """\
        1. Logs

        A log entry looks like this:

        203.120.14.77 - 12/Feb/2024 10:15:32 - https://example.org/search?q=boots

        2. Cookies

        We use cookies.
        """,
        "logs.txt",
    )
    assert labels(policy) == ["1.", "2."]
    assert errors(policy) == []


def test_a_section_number_padded_with_a_zero_is_a_label_and_references_find_it():
    assert split_label("07.Liability") == ("07.", "Liability")
    assert split_label("01. Using the site") == ("01.", "Using the site")
    assert split_label("020 7946 0958 is our phone number")[0] == ""  # a phone number stays text
    source = "".join(f"0{n}. Part {n}\n\nText of part {n}.\n\n" for n in range(1, 4))
    policy = imported(source.replace("Text of part 1.", "Please also see clause 03: Part 3."), "p.txt")
    assert labels(policy) == ["01.", "02.", "03."]
    assert errors(policy) == []


def test_an_ordinal_wrapped_onto_the_next_line_of_a_markdown_paragraph_is_text():
    policy = imported(
        """\
        ## § 4 Mindestalter

        (1) Der Antragsteller muss das 25., in den Fällen des Absatzes 2 das
        21\\. Lebensjahr vollendet haben.

        (2) Der andere Ehegatte muss das
        16\\. Lebensjahr vollendet haben.
        """,
        "gesetz.md",
    )
    assert labels(policy) == ["§ 4", "(1)", "(2)"]
    assert errors(policy) == []


def test_escaped_numbers_on_lines_of_their_own_stay_items():
    # a title ending in two spaces (a line break the writer made), then the next numbers in turn
    source = (
        "## 6 Delivery\n\n6.1 Duties of the seller  \n"
        "12\\. The seller ships the parcel within two days\n"
        "13\\. The seller fills in the address\n14\\. The seller keeps the receipt\n"
    )
    assert labels(imported(source, "delivery.md")) == ["6", "6.1", "12.", "13.", "14."]


def test_an_inline_item_a_wrap_put_at_a_paragraph_start_is_text():
    source = """\
        1. Transfers

        The processor keeps data in the Union, unless (a) a transfer is agreed in writing, or

        (b) the client picks a data centre outside the Union, or (c) the client consents.

        2. Security

        (a) access control;

        (b) encryption.

        3. Audits

        The client may audit us, provided that (a) it gives notice, and

        (b) the audit happens in working hours.
        """
    policy = imported(source, "dpa.txt")
    assert labels(policy) == ["1.", "2.", "(a)", "(b)", "3."]
    assert errors(policy) == []


def test_an_amount_grouped_in_thousands_before_a_currency_is_no_label():
    line = "25.000 Kč (twenty-five thousand crowns) for each breach of this clause."
    assert split_label(line) == ("", line)
    assert split_label("1.500 zł for each late delivery")[0] == ""
    assert split_label("10.001 Scope of the licence")[0] == "10.001"  # a clause numbered so stays one
