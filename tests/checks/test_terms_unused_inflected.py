"""A one-word term used in another form of its word is used: "Pass" as "Passed" and
"Passing", an action ("Incorporate" means to ...) as "incorporated"; a noun is not used by a
verb in lower case ("ordered" for a defined "Order")."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text


def unused(*paragraphs: str) -> list[str]:
    text = ("Harbour Chart Terms", "1 Definitions", *paragraphs)
    policy = import_text("\n\n".join(text) + "\n")
    return [f.target for f in run_checks(policy) if f.code == "unused-definition"]


def test_a_one_word_term_written_in_another_form_of_the_word_is_used() -> None:
    terms = (
        '1.1 "Pass" means an action by which a Member declines a chart offered to them.',
        "2 Using the service",
        "2.1 “Passed” charts are not offered again. Nobody is told of it.",
        "2.2 You may save a chart for later; a chart can be bookmarked.",
    )
    assert unused(*terms) == []
    assert unused(*terms[:2], "2.1 Declined charts are not offered again.", terms[3]) == ["Pass"]


def test_an_action_written_in_lower_case_in_another_form_is_used() -> None:
    action = '1.1 "Incorporate" means to publish a Chart as part of another work.'
    assert unused(action, "2 Atlases", "2.1 A Chart incorporated in an atlas keeps this notice.") == []
    noun = '1.1 "Order" means a request to print a Chart.'
    assert unused(noun, "2 Prints", "2.1 A Chart you ordered is posted within a week.") == ["Order"]


def test_a_term_written_only_in_lower_case_is_unused_and_the_message_says_how_it_is_written() -> None:
    terms = ('1.1 "Survey Charts" means the charts we draw from our own soundings.', "2 Charts")
    found = _unused_findings(*terms, "2.1 We check all survey charts each spring.")
    assert [(f.target, f.message) for f in found] == [
        (
            "Survey Charts",
            "“Survey Charts” is defined but never used as defined: only in lower case, “survey charts”",
        )
    ]
    # in lower case only in its own definition: never used
    own = '1.1 "Survey Charts" means the survey charts we draw from our own soundings.'
    assert [f.message for f in _unused_findings(own, "2 Charts", "2.1 We check the charts.")] == [
        "“Survey Charts” is defined but never used"
    ]
    # a name with one capital ("Business user") is written so in any sentence: it is used
    one = '1.1 "Chart user" means anyone who reads a chart.'
    assert _unused_findings(one, "2 Charts", "2.1 Each chart user is told of changes.") == []


def _unused_findings(*paragraphs: str) -> list:
    text = ("Harbour Chart Terms", "1 Definitions", *paragraphs)
    policy = import_text("\n\n".join(text) + "\n")
    return [f for f in run_checks(policy) if f.code == "unused-definition"]
