"""A reference whose title in brackets names another clause ("Section 3 (Acceptable Use)" where
3 is "Access" and 4 is "Acceptable Use") is one error naming the clause the title names."""

from __future__ import annotations

import json

from plutoeditor.checks import run_checks
from plutoeditor.cli.main import main
from plutoeditor.importers.text import import_text

SECTIONS = (
    "Harbour Ferry Terms",
    "1. About us",
    "We run ferries between the two harbours of the bay.",
    "2. Definitions",
    "A Crossing is one trip of a ferry from one harbour to the other.",
    "3. Access to our ferries",
    "You may board a ferry with a ticket for its Crossing.",
    "4. Acceptable Use",
    "You must not bring fuel or fireworks on board.",
    "5. Refunds",
    "5.1 Cancelled crossings",
    "We refund a ticket for a crossing we cancel.",
    "5.2 Late arrival",
    "We refund half a ticket when a ferry is an hour late.",
    "6. Assignment and Other Terms",
    "6.1 Assignment",
    "You may not pass your ticket to someone else.",
    "6.2 Notices",
    "We write to the address on your ticket.",
)


def findings(*paragraphs: str) -> list[tuple[str, str]]:
    policy = import_text("\n\n".join((*SECTIONS, *paragraphs)) + "\n")
    return [(f.severity, f.message) for f in run_checks(policy) if f.code == "misdirected-reference"]


def test_a_title_naming_another_clause_is_an_error_naming_that_clause() -> None:
    found = findings("7. Breach", "Breaking Section 3 (Acceptable Use) ends your ticket.")
    assert found == [
        (
            "error",
            "Refers to clause 3 (“Acceptable Use”), but clause 3 is “Access to our ferries”; "
            "“Acceptable Use” is clause 4",
        )
    ]
    # in quotes, in other capitals, and from inside the clause it wrongly names
    assert len(findings("7. Breach", "Breaking Section 3 (“ACCEPTABLE USE”) ends your ticket.")) == 1
    own = (
        "3. Access to our ferries",
        "You may board a ferry with a ticket for its Crossing, except as Section 3 (Acceptable Use) says.",
    )
    policy = import_text("\n\n".join(SECTIONS).replace("\n\n".join(SECTIONS[5:7]), "\n\n".join(own)) + "\n")
    assert len([f for f in run_checks(policy) if f.code == "misdirected-reference"]) == 1


def test_a_title_the_referred_clause_carries_says_nothing() -> None:
    assert findings("7. Breach", "Breaking Section 4 (Acceptable Use) ends your ticket.") == []
    assert findings("7. Breach", "Section 4 (acceptable uses) applies on board.") == []
    # the title of a clause under the one referred to, or of the one it stands in
    assert findings("7. Breach", "Section 6 (Assignment) applies to group tickets.") == []
    assert findings("7. Breach", "Section 5.2 (Refunds) applies to group tickets.") == []


def test_a_sub_clause_with_a_heading_of_its_own_is_not_named_by_its_sections_heading() -> None:
    # "6. Assignment and Other Terms" holds the word, but 6.2 is "Notices": 6.1 is meant
    found = findings("7. Breach", "Section 6.2 (Assignment) applies to group tickets.")
    assert [m for _, m in found] == [
        "Refers to clause 6.2 (“Assignment”), but clause 6.2 is “Notices”; “Assignment” is clause 6.1"
    ]


def test_a_subject_in_brackets_or_a_title_no_clause_carries_says_nothing() -> None:
    assert findings("7. Breach", "Section 3 (for tickets bought before May) still applies.") == []
    assert findings("7. Breach", "Section 3 (Boarding Rules) still applies.") == []
    # two clauses headed so: the title does not say which one is meant
    twice = (
        "7. Acceptable Use",
        "No dogs on the upper deck.",
        "8. Breach",
        "Section 3 (Acceptable Use) applies.",
    )
    assert findings(*twice) == []


def test_a_sub_clause_is_compared_with_the_sub_clause_referred_to() -> None:
    assert findings("7. Breach", "Section 5.1 (Cancelled Crossings) applies to groups.") == []
    found = findings("7. Breach", "Section 5.1 (Late Arrival) applies to groups.")
    assert [m for _, m in found] == [
        "Refers to clause 5.1 (“Late Arrival”), but clause 5.1 is “Cancelled crossings”; "
        "“Late arrival” is clause 5.2"
    ]


def test_a_second_document_on_the_page_refers_to_its_own_numbers() -> None:
    second = (
        "Harbour Cafe Terms",
        "1. Orders",
        "You order at the counter.",
        "2. Updates",
        "2.1 Updates to the menu",
        "In this Section 2 (Updates), an update is a change to the menu.",
    )
    assert findings(*second) == []


def test_check_reports_the_code_in_json_and_fails(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "terms.txt"
    path.write_text(
        "\n\n".join((*SECTIONS, "7. Breach", "Section 3 (Acceptable Use) applies.")) + "\n", "utf-8"
    )
    status = main(["check", "--format", "json", str(path)])
    report = json.loads(capsys.readouterr().out)
    codes = [f["code"] for f in report["files"][0]["findings"]]
    assert "misdirected-reference" in codes
    assert status == 1


def test_the_quick_fix_points_the_reference_at_the_clause_its_title_names() -> None:
    from plutoeditor.checks.fixes import fix_for

    policy = import_text(
        "\n\n".join((*SECTIONS, "7. Breach", "Breaking Section 3 (Acceptable Use) ends it.")) + "\n"
    )
    finding = next(f for f in run_checks(policy) if f.code == "misdirected-reference")
    fix = fix_for(policy, finding)
    assert fix is not None
    name, edit = fix
    assert name == "Refer to clause 4 instead of 3"
    undo = edit.apply(policy)
    clause = policy.find(finding.clause_id)
    assert clause is not None and clause.text == "Breaking Section 4 (Acceptable Use) ends it."
    assert [f for f in run_checks(policy) if f.code == "misdirected-reference"] == []
    undo.apply(policy)
    assert clause.text == "Breaking Section 3 (Acceptable Use) ends it."


def test_this_section_with_another_sections_number_is_misdirected() -> None:
    found = findings("7. Breach", "Breaking the rules of this Section 4 ends your ticket.")
    assert found == [("error", "Refers to “this Section 4” from inside section 7; “this” names section 7")]
    # a number the document lacks is a broken reference, said once as that
    policy = import_text("\n\n".join((*SECTIONS, "7. Breach", "Under this Section 9 we act.")) + "\n")
    assert [f.code for f in run_checks(policy) if f.severity == "error"] == ["broken-reference"]
    # the same number twice in a clause is one finding
    assert len(findings("7. Breach", "Under this Section 4 we may act; this Section 4 applies to all.")) == 1
    # a part of its own section, or a section that is not numbered at the top, says nothing
    assert (
        findings("7. Breach", "7.1 Scope", "This Section 7.2 applies on board.", "7.2 Fines", "We fine.")
        == []
    )
    schedule = (
        "Schedule 1 Fares",
        "1. Adults",
        "An adult pays in full.",
        "2. Children",
        "Unlike this Section 1, ...",
    )
    assert findings(*schedule) == []
    quoted = ("7. Dates", "| 2019-08-01 | 4.2 | Tickets bought under this Section 4 stay valid. |")
    assert findings(*quoted) == []
    unnumbered = import_text("Ferry Notes\n\nGeneral\n\nNothing in this Section 2 limits our duty.\n")
    assert [f for f in run_checks(unnumbered) if f.code == "misdirected-reference"] == []


def test_the_quick_fix_for_this_section_names_the_section_it_stands_in() -> None:
    from plutoeditor.checks.fixes import fix_for

    policy = import_text("\n\n".join((*SECTIONS, "7. Breach", "Breaking this Section 4 ends it.")) + "\n")
    finding = next(f for f in run_checks(policy) if f.code == "misdirected-reference")
    fix = fix_for(policy, finding)
    assert fix is not None and fix[0] == "Refer to clause 7 instead of 4"
    fix[1].apply(policy)
    clause = policy.find(finding.clause_id)
    assert clause is not None and clause.text == "Breaking this Section 7 ends it."
    # "this Subsection 5.2" in section 7, which has no 7.2: only the author knows
    policy = import_text("\n\n".join((*SECTIONS, "7. Breach", "Under this Subsection 5.2 we act.")) + "\n")
    finding = next(f for f in run_checks(policy) if f.code == "misdirected-reference")
    assert fix_for(policy, finding) is None


def test_the_same_misdirection_in_two_places_is_one_error_naming_the_other() -> None:
    policy = import_text(
        "\n\n".join(
            (
                *SECTIONS,
                "7. Breach",
                "Section 3 (Acceptable Use) applies.",
                "8. Fines",
                "Section 3 (Acceptable Use) too.",
            )
        )
        + "\n"
    )
    found = [f for f in run_checks(policy) if f.code == "misdirected-reference"]
    assert [f.severity for f in found] == ["error", "warning"]
    assert found[0].message.endswith(f"(also written at line {found[1].line}: one misdirection)")
    assert found[1].message.endswith(f"(the same as at line {found[0].line}, reported there)")
