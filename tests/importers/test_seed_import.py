"""The two Pluto seeds import with the structure and metadata their expectations describe."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from plutoeditor.importers.text import import_file
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy


def by_label(clauses: list[Clause], label: str) -> Clause:
    found = [c for c in clauses if c.label == label]
    assert len(found) == 1, f"{label}: {len(found)} found"
    return found[0]


def top_level_sections(policy: Policy) -> list[Clause]:
    return [c for c in policy.clauses if c.label and c.kind is ClauseKind.CLAUSE]


@pytest.fixture
def za(seed_2022: Path) -> Policy:
    return import_file(seed_2022)


@pytest.fixture
def uk(seed_2023: Path) -> Policy:
    return import_file(seed_2023)


def expected(seeds_dir: Path, name: str) -> dict:
    path = seeds_dir / "expected" / f"{name}.expected.json"
    return json.loads(path.read_text(encoding="utf-8"))["metadata"]


def test_2022_metadata_matches_the_expectations(za: Policy, seeds_dir: Path):
    meta = expected(seeds_dir, "pluto-privacy-2022-za")
    assert za.metadata.title == "Privacy Policy"
    assert za.metadata.effective_date == dt.date.fromisoformat(meta["effective_date"])
    assert len(za.metadata.summary_of_changes) == meta["summary_of_changes_entries"]
    assert za.metadata.summary_of_changes[1] == "Contact Number Updated"
    assert len(top_level_sections(za)) == meta["top_level_sections"] == len(za.clauses)
    assert [c.label for c in za.clauses] == ["1", "2", "3", "4", "5", "6.", "7"]
    assert za.clauses[5].heading == "Your Rights" and za.clauses[6].heading.startswith("Application Of")


def test_2022_duplicate_and_misplaced_labels_survive_import(za: Policy):
    section2 = za.clauses[1]
    clause_2_3 = by_label(section2.children, "2.3")
    assert [c.label for c in clause_2_3.children] == [
        "2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.3.5", "2.3.6", "2.3.9", "2.3.9", "2.3.10",
    ]  # fmt: skip
    assert [c.source_line for c in clause_2_3.children[-3:]] == [36, 38, 40]
    clause_2_16 = by_label(section2.children, "2.16")
    assert [c.label for c in clause_2_16.children] == [f"2.7.{i}" for i in range(1, 11)]
    assert clause_2_16.children[0].source_line == 86
    assert len(by_label(section2.children, "2.7").children) == 9


def test_2022_unnumbered_paragraph_after_the_2_16_list_sits_in_section_2(za: Policy):
    section2 = za.clauses[1]
    labels = [c.label for c in section2.children]
    unnumbered = section2.children[labels.index("2.16") + 1]
    assert unnumbered.label == "" and unnumbered.text.startswith("Part from what may be set out above")
    assert labels[labels.index("2.16") + 2] == "2.17"


def test_2022_contact_details_and_address_block(za: Policy):
    clause_7_4 = by_label(za.clauses[6].children, "7.4")
    items = {c.label: c for c in clause_7_4.children}
    assert list(items) == ["7.4.1", "7.4.2", "7.4.3", "7.4.4", "7.4.5", "7.4.6"]
    assert items["7.4.3"].paragraphs == [
        "Address for service of legal documents:",
        "The Colosseum, Foyer 3, 1st Floor",
        "Century Way",
        "Century City",
        "Cape Town",
    ]
    assert items["7.4.6"].text == "Email address:" and items["7.4.6"].source_line == 180
    assert items["7.4.5"].text == "Pluto LMS – located at;"
    rights = by_label(za.clauses[5].children, "6.9")
    assert [(c.label, c.text) for c in rights.children] == [
        ("6.9.1:", "South Africa: Information Regulator: 010 023 5207 or;"),
        ("6.9.2:", "European Union: Information Commission:"),
    ]


def test_2023_metadata_and_sections(uk: Policy, seeds_dir: Path):
    meta = expected(seeds_dir, "pluto-privacy-2023-uk")
    assert uk.metadata.title == "Privacy Policy"
    assert uk.metadata.effective_date == dt.date.fromisoformat(meta["effective_date"])
    sections = top_level_sections(uk)
    assert len(sections) == meta["top_level_sections"]
    assert [c.label for c in sections[:3]] == ["1", "2.", "3."]
    assert sections[10].label == "11." and sections[10].heading == "Your rights"


def test_2023_definitions_in_1_1_counted_as_written(uk: Policy, seeds_dir: Path):
    meta = expected(seeds_dir, "pluto-privacy-2023-uk")
    clause_1_1 = by_label(uk.clauses[0].children, "1.1")
    definitions = [c for c in clause_1_1.children if c.kind is ClauseKind.DEFINITION]
    assert len(definitions) == meta["definitions_in_1_1"] == len(clause_1_1.children)
    terms = [d.heading for d in definitions]
    assert terms[4:6] == ["Platform", "Pluto, we or us"]  # the line with two definitions run together
    assert definitions[5].text.startswith("Pluto LMS LTD, a company incorporated in England")
    assert definitions[4].source_line == definitions[5].source_line == 16
    assert terms[-2:] == ["Service", "User or you"]


def test_2023_cookie_schedule_is_an_unnumbered_part_with_its_own_headings(uk: Policy):
    schedule = uk.clauses[-1]
    assert (schedule.kind, schedule.label, schedule.heading) == (ClauseKind.SCHEDULE, "", "Cookie Schedule")
    assert schedule.source_line == 209
    headings = [c.heading for c in schedule.children]
    assert headings[:3] == ["What Are Cookies?", "How does Pluto use Cookies?", "How to disable Cookies"]
    assert headings[-1] == "More Information"
    details = schedule.children[headings.index("Cookie details")].children
    double_click = details[1]
    assert double_click.text.startswith("Double Click Cookies:") and double_click.source_line == 237
    assert double_click.text.endswith("by visiting")
    closing = schedule.children[-1].children[0]
    assert closing.source_line == 243 and closing.text.endswith("contact us at")


def test_2023_closing_paragraphs_and_headed_sections(uk: Policy):
    section3 = uk.clauses[2]
    assert [c.label for c in section3.children] == ["3.1", ""]
    assert section3.children[1].text == "in each case, in accordance with this Policy."
    section15 = by_label(uk.clauses, "15.")
    assert section15.heading == "Changes to this Policy"
    assert section15.children[0].text.startswith("Pluto reserves the right")
    clause_9_2 = by_label(by_label(uk.clauses, "9.").children, "9.2")
    assert clause_9_2.text.endswith("by contacting us at")
