"""References: internal ones resolve against labels; statutes, schedules, headings are left alone."""

from __future__ import annotations

import pytest

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.references import INTERNAL, SCHEDULE_REF, STATUTE, find_references


def clause_findings(policy):
    """Findings about clauses; these trees have no title or date (missing-metadata is tested apart)."""
    return [f for f in run_checks(policy) if f.code != "missing-metadata"]


BASE = "[6.] Rights |\n  [6.1] x.\n[7] Info |\n  [7.4] Details:\n    [7.4.5] Based in Cape Town.\n"


def reference_findings(text: str, extra: str = "") -> list[tuple[str, str]]:
    policy = parse_tree(BASE + extra + f"[8] Refs |\n  [8.1] {text}\n")
    return [(f.code, f.target) for f in clause_findings(policy) if "reference" in f.code]


@pytest.mark.parametrize(
    "text",
    [
        "as set out in clause 7.4.5 below.",
        "see clause 6 and clauses 6.1, 7.4 or 7.4.5.",
        "under Section 6.1 of this Policy.",
        "consent as contemplated in section 69 of the Act.",
        "in terms of section 23(b) of the ECT Act.",
        "in terms of section 43(1) of the ECT Act.",
        "the Protection of Personal Information Act 4 of 2013.",
        "under Article 28(3) of the GDPR.",
        "described in paragraph 2 of Schedule 1.",
        "see the section headed 'Your rights' below.",
        "set out in the clause below “Cookies”.",
        "under California Civil Code Section 1798.83.",
        "see clause 7.4(a).",
        "defined in RFC 8555, Section 7.6.",
        "revoke under Section 4.9.1.1 and Section 4.9.1.2 of the ISRG CP.",
        "DNS Change (BR and ISRG CP Section 3.2.2.4.7)",
        "DNS Change (Baseline Requirements Section 3.2.2.4.7)",
    ],
)
def test_understood_references_are_not_flagged(text):
    assert reference_findings(text) == []


def test_broken_reference():
    assert reference_findings("as set out in clause 12.4.") == [("broken-reference", "12.4")]
    finding = next(f for f in clause_findings(parse_tree(BASE + "[8] clause 9 applies.\n")) if f.target)
    assert finding.label == "8" and "clause 9" in finding.message and finding.severity == "error"


def test_empty_reference_to_a_lead_in_without_content():
    extra = "[9] Contact |\n  [9.1] Email address:\n"
    assert reference_findings("write to the address in clause 9.1 below.", extra) == [
        ("empty-reference", "9.1")
    ]
    # a lead-in with children has content
    assert reference_findings("see clause 7.4.") == []


def test_reference_kinds_and_offsets():
    text = "see clause 7.4.6 and section 69 of the Act and paragraph 2 of Schedule 1"
    refs = find_references(text)
    assert [(r.target, r.kind) for r in refs] == [("7.4.6", INTERNAL), ("69", STATUTE), ("2", SCHEDULE_REF)]
    assert refs[2].schedule == "Schedule 1"
    assert text[refs[0].start : refs[0].end] == "7.4.6"
    assert find_references("clause 4.1(a) applies")[0].base == "4.1"


def test_references_through_a_lettered_parent():
    policy = parse_tree("[D.] Content |\n  [4.] Licence.\n  [5.] See Sections D.4 and D.9.\n")
    assert [(f.code, f.target) for f in clause_findings(policy) if f.target] == [("broken-reference", "D.9")]


def test_references_to_word_numbered_sections():
    policy = parse_tree("[SECTION 1:] Server |\n  [1.1] This Section 1 applies.\n  [1.2] See Section 2.\n")
    assert [(f.code, f.target) for f in clause_findings(policy)] == [("broken-reference", "2")]
