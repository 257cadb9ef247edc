"""Content findings: text that stops where its content should be; unnumbered paragraphs."""

from __future__ import annotations

import pytest

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree


def clause_findings(policy):
    """Findings about clauses; these trees have no title or date (missing-metadata is tested apart)."""
    return [f for f in run_checks(policy) if f.code != "missing-metadata"]


def incomplete(notation: str) -> list[str]:
    return [
        f.label or f"line {f.line}"
        for f in clause_findings(parse_tree(notation))
        if f.code == "incomplete-text"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Email address:",
        "Acme Ltd – located at;",
        "Users may opt out of these ads by visiting",
        "If you have questions, contact us at",
        "European Union: Information Commission:",
        "You may also wish to refer to However, some browsers differ.",
        "Complaints are sent to ,  ",  # a word that needs more, one comma, spaces
        "Write to the Data Protection Officer at ;",
        "Ask for the forms by visiting\t",
    ],
)
def test_text_that_breaks_off(text):
    assert incomplete(f"[1] Contact |\n  [1.1] {text}\n[2] Next.\n") == ["1.1"]


@pytest.mark.parametrize(
    "text",
    [
        "Company name; and",
        "Information Regulator: 010 023 5207 or;",
        "We keep your data for two years.",
        "Registered for combat",  # ends in "at", not the word "at"
        "Payments are made to;;",  # two marks: not a word that breaks off
        "You may visit our offices. Please read on.",  # "visit" is not left without its object
    ],
)
def test_complete_text(text):
    assert incomplete(f"[1] Contact |\n  [1.1] {text}\n[2] Next.\n") == []


def test_a_lead_in_with_children_or_a_following_paragraph_is_fine():
    assert incomplete("[6] Rights |\n  [6.9] complain to the authority:\n    [6.9.1] The regulator.\n") == []
    assert incomplete("[7] Info |\n  [7.4.3] Address for service:\n  [] 1 Main Road\n  [7.4.4] x.\n") == []


def test_unnumbered_paragraph_is_info_only_among_numbered_siblings():
    found = clause_findings(
        parse_tree("[1] A |\n  [1.1] x.\n  [] A stray paragraph.\n[2] B |\n  [] Only text.\n")
    )
    assert [(f.code, f.severity, f.line) for f in found] == [("unnumbered-paragraph", "info", 3)]
    assert clause_findings(parse_tree("sched [] Cookie Schedule |\n  [] Text.\n  [1] x.\n")) == []


def test_an_unnumbered_lead_in_opens_the_list_that_follows_it():
    assert incomplete("[1] Choices |\n  [] You have several options:\n  [1.] Browser settings.\n") == []
    # a numbered item followed by the next item is still empty
    assert incomplete("[7] Info |\n  [7.1] Email address:\n  [7.2] Phone: 555 0100.\n") == ["7.1"]


def test_a_sentence_run_into_a_list_is_not_cut_off():
    notation = "[1] Liability |\n  [] We are not liable for losses that result from\n  [] the use of it;\n"
    assert incomplete(notation) == []
    notation = "[1] Cookies |\n  [] Opt out by visiting\n  [] Permanent cookies: stored.\n"
    assert incomplete(notation) == ["line 2"]


def empty(notation: str) -> list[tuple[str, str]]:
    return [(f.label, f.message) for f in clause_findings(parse_tree(notation)) if f.code == "empty-clause"]


def test_a_label_alone_is_one_empty_clause_warning_and_nothing_else():
    found = clause_findings(parse_tree("[1] Scope |\n  [1.1] x.\n  [1.2]\n  [1.3] Contact us.\n"))
    assert [(f.code, f.severity, f.label, f.message, f.line) for f in found] == [
        ("empty-clause", "warning", "1.2", "1.2 has no text", 3)
    ]
    assert empty("[6] Rights |\n  [6.9.1:]\n") == [("6.9.1", "6.9.1 has no text")]


def test_a_heading_children_or_no_label_is_not_an_empty_clause():
    assert empty("[1] Scope |\n  [1.1] Definitions |\n[2]\n  [2.1] x.\n") == []
    assert empty("[1] Scope |\n  [1.1] x.\n  []\n") == []  # a blank paragraph: nothing to number
    assert empty("def [] Cookie |\n") == []  # the term is the heading


def test_an_empty_schedule_is_reported_and_an_empty_clause_referred_to_is_reported_once():
    assert empty("[1] Scope |\n  [1.1] x.\nsched [Schedule 1]\n") == [
        ("Schedule 1", "Schedule 1 has no text")
    ]
    found = clause_findings(parse_tree("[1] Scope |\n  [1.1] See clause 1.2.\n  [1.2]\n"))
    # the reference is a defect of 1.1, the missing text one of 1.2: one finding each
    assert [(f.code, f.label) for f in found] == [("empty-reference", "1.1"), ("empty-clause", "1.2")]
