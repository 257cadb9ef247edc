"""References into other instruments are external in every form; lists are checked item by item;
a schedule's own paragraphs are found inside it."""

from __future__ import annotations

import pytest

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.references import INTERNAL, STATUTE, find_references

BASE = "[1] Scope |\n  [1.1] These terms apply.\n[2] Survival |\n"


def broken(notation: str) -> list[str]:
    return [f.target for f in run_checks(parse_tree(notation)) if f.code == "broken-reference"]


@pytest.mark.parametrize(
    "text",
    [
        "There is no right of cancellation for traders (Section 14 BGB).",
        "Processing is lawful under Article 6 and section 26 BDSG.",
        "except that sections 4.2. (Warranty) and 5.1. (Indemnity) of the Progress EULA do not apply.",
        "as provided in Kan. Stat. Section 44-130 and Minn. Stat. Section 181.78.",
        "Sections 6.3 (Provider Warranties) and 9 (Indemnification) of the Standard Terms do not apply.",
        "The Standard Terms permit these activities (Sections 1.7 and 3).",
        "Under the Consumer Rights Act 2015, section 49 requires reasonable care.",
        "as set out in section 5 of the Data Protection Act 2018.",
        "our interest under Section 7 (3) of the German Act against Unfair Competition.",
        "See OMB Circular A-130, section 8(b)(2)(a).",
        "as Executive Order 13642, section 2 requires.",
    ],
)
def test_references_into_other_instruments_are_external(text):
    assert all(r.kind == STATUTE for r in find_references(text)), find_references(text)
    assert broken(BASE + f"  [2.1] {text}\n") == []


def test_own_references_stay_internal_beside_external_ones():
    refs = find_references("Under the Consumer Rights Act 2015, section 49 applies. See clause 4.")
    assert [(r.target, r.kind) for r in refs] == [("49", STATUTE), ("4", INTERNAL)]
    # an all-capitals sentence is shouting, not a statute's abbreviation
    assert broken(BASE + "  [2.1] SECTION 5 SHALL SURVIVE.\n") == ["5"]


def test_every_item_of_a_list_with_titles_is_checked():
    text = "Sections 1.1 (Scope), 3.5 (Removal) and 2 (Survival) survive termination."
    assert [r.target for r in find_references(text)] == ["1.1", "3.5", "2"]
    assert broken(BASE + f"  [2.1] {text}\n") == ["3.5"]


def test_items_under_a_lead_in_about_another_instrument_are_external():
    notation = (
        BASE
        + "  [2.1] The Standard Contractual Clauses are completed as follows:\n"
        + "    [(a)] in Clause 13, the supervisory authority is Irish;\n"
        + "    [(b)] in Clause 17, Irish law applies.\n"
    )
    assert broken(notation) == []
    regarding = notation.replace(
        "The Standard Contractual Clauses are completed as follows:",
        "With regard to the Standard Contractual Clauses the Parties agree that:",
    )
    assert broken(regarding) == []
    # under an ordinary lead-in the same items refer to this document
    assert broken(notation.replace("The Standard Contractual Clauses are completed", "Completed")) == [
        "13",
        "17",
    ]


def test_a_schedule_refers_to_its_own_paragraphs():
    notation = (
        BASE
        + "  [2.1] Survives.\n"
        + "sched [Schedule 1] Notices |\n  [1.] Notices.\n"
        + "    [1.1] We notify you under paragraph 1.2.\n    [1.2] By e-mail.\n"
        + "    [1.3] See paragraph 1.9.\n"
    )
    assert broken(notation) == ["1.9"]
    # the main body's references still resolve in the main body only
    assert broken(notation.replace("  [2.1] Survives.", "  [2.1] See clause 1.2.")) == ["1.2", "1.9"]


@pytest.mark.parametrize(
    "text",
    [
        "courts of that country, in accordance with clause 18.c of the EU SCCs, decide.",
        "as those terms are defined in clauses 48 C.F.R. 12.212 and 48 C.F.R. 227.7202.",
    ],
)
def test_a_lettered_clause_or_a_dotted_abbreviation_of_another_instrument_is_external(text):
    assert [r.kind for r in find_references(text)] == [STATUTE] * len(find_references(text))
    assert broken(BASE + f"  [2.1] {text}\n") == []


def test_a_lettered_reference_is_checked_against_its_clause():
    assert broken(BASE + "  [2.1] See section 1.1.b and section 7.c.\n") == ["7"]


def test_an_item_of_an_item_of_a_section_is_found_by_its_full_number():
    notation = BASE + "  [2.1] As set out in Section 1.3.2 (Small claims).\n" + "[3.] Arbitration |\n"
    notation += "  [1.] Informal.\n  [2.] Exceptions:\n    [1.] First.\n    [2.] Small claims.\n"
    assert broken(notation.replace("1.3.2", "3.2.2")) == []
    assert broken(notation.replace("1.3.2", "3.2.3")) == ["3.2.3"]
