"""Numbers and marks that only look like labels, read as a legal reader reads them."""

from __future__ import annotations

import textwrap

import pytest

from plutoeditor.checks import run_checks
from plutoeditor.importers.labels import split_label
from plutoeditor.importers.text import import_text


def errors(source: str, name: str = "policy.md") -> list[str]:
    policy = import_text(textwrap.dedent(source).lstrip(), name)
    return [f"{f.code} {f.label}" for f in run_checks(policy) if f.is_error]


@pytest.mark.parametrize(
    "line",
    [
        "118 20 Oslo, Norway",  # a postcode
        "604 118 552, registered with the trade register of Lyon",  # a registration number
        "2 ans à compter de la fin du contrat",  # a quantity ("2 years")
        "10 working days after the request",
        "4.2 million accounts were reviewed in the period.",  # an amount
        "6.250.000 euros, whose registered office is in Lille",
        "(c) 2019 Pluto Software Ltd",  # a copyright sign, not item (c)
        "(C) Pluto Stiftung Bern 2021",
        "(c) Pluto GmbH. All rights reserved.",
        "(15) jours suivant la commande.",  # "quinze (15) jours", wrapped
        "(6) months after termination.",
        "27. April 2016 zum Schutz natürlicher Personen",  # a date written day-first, wrapped
        "14. juillet 2023, date de la dernière mise à jour",
    ],
)
def test_numbers_that_are_not_labels(line):
    assert split_label(line) == ("", line)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("12 Fees", "12"),
        ("3. fees and charges", "3."),
        ("2.1 The Customer pays.", "2.1"),
        ("(c) the Customer pays all fees due in 2024;", "(c)"),
        ("(c) the Hague Protocol of 28 September 1955.", "(c)"),
        ("(3) The Supplier delivers.", "(3)"),
        ("14 https://example.org/footnote", "14"),  # left to the footnote reading
        ("4. August Fees", "4."),  # a title, not a date: no year follows
    ],
)
def test_labels_that_look_like_those_numbers_stay_labels(line, label):
    assert split_label(line)[0] == label


def test_a_postcode_line_in_an_address_is_no_numbering_gap():
    source = """\
        # Privacy

        1. Who we are

        Pluto s.r.o.

        Na Poříčí 12

        118 20 Praha 1

        2. What we collect

        We collect your name.
        """
    assert errors(source) == []


def test_a_copyright_line_is_not_item_c_of_a_list():
    source = """\
        Pluto Licence

        (c) 2021 Pluto Software Ltd

        1. You may copy the software.

        2. You may not sell it.
        """
    assert errors(source, "licence.txt") == []


def test_periods_written_in_words_and_figures_are_not_a_list():
    source = """\
        # Terms

        1. Returns

        You may return an item within quinze

        (15) jours. After that the seller keeps it for trente

        (30) jours.

        2. Fees

        Fees are due monthly.
        """
    assert errors(source) == []
