"""A list of labels joined by "and/or" is one reference: what follows it says whose they are."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree

NUMBERED = "[1.] Scope |\n  [1.1] a.\n  [1.2] b.\n[2.] Use |\n  [2.1] c.\n"


def broken(text: str) -> list[str]:
    policy = parse_tree(NUMBERED + f"[3.] Refs |\n  [3.1] {text}\n")
    return [f.target for f in run_checks(policy) if f.code == "broken-reference"]


def test_sections_joined_by_and_or_of_another_instrument_are_external():
    assert broken("Notices must meet Sections 512(c) and/or 512(d) of the Copyright Act.") == []


def test_sections_joined_by_and_or_of_this_document_are_checked():
    assert broken("Subject to Sections 1.2 and/or 9.9 of this Policy.") == ["9.9"]


def test_a_subsection_of_this_document_is_checked():
    assert broken("The procedures set forth in this Subsection 9.2 apply; see subsection 1.2.") == ["9.2"]


def test_renumbering_makes_a_subsection_reference_follow_its_clause():
    from plutoeditor.model.renumber import renumber

    policy = parse_tree("[1.] Scope |\n  [1.1] a.\n  [1.3] Subject to subsection 1.3, b.\n")
    renumber(policy, None).apply(policy)
    assert policy.clauses[0].children[1].text == "Subject to subsection 1.2, b."
