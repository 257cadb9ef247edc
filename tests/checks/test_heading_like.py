"""Which lines of body text read as headings, and which end their sentence."""

from __future__ import annotations

import pytest

from plutoeditor.checks.heading_like import ends_sentence, looks_like_heading


@pytest.mark.parametrize(
    "line",
    [
        "### Personal data: your payment details",
        "**Service Providers**",
        "**How we use this data:**",
        "CHILDREN'S PROTECTION",
        "Limitation of Liability",
        "Droits de Propriété Intellectuelle",
        "**10\\. Children**",
    ],
)
def test_lines_a_reader_sees_as_headings(line: str) -> None:
    assert looks_like_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "We keep these records for two years.",
        "Your rights include the following:",
        "the provider shall notify the customer without delay",
        "Contact Us.",
        "A",
        "",
        "Intellectual Property Rights in the Services Provided to the Customer Under This Agreement"
        " and Any Orders",
    ],
)
def test_lines_that_are_body_text(line: str) -> None:
    assert not looks_like_heading(line)


def test_a_sentence_ends_with_a_stop_or_a_semicolon_not_with_a_colon_or_mid_phrase() -> None:
    assert ends_sentence("You must pay on time.")
    assert ends_sentence("you do not pay;")
    assert ends_sentence("as set out in (b).)")
    assert not ends_sentence("We may end the contract if:")
    assert not ends_sentence("Avocadostore will try to find a")
