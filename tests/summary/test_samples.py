"""Acceptance: the summary drafted from the bundled 2024 sample to the 2025 sample.

The expected lists were written by reading both samples side by side: 2025 adds a clause on
payment details (3.1.2), keeps account data for one year after an account closes instead
of two (5.1 in 2025, 6.1 in 2024) and fills in the Data Protection Officer's e-mail address
(8.3); every other difference is the Sharing section moving after Your rights, the
renumbering that follows from both changes (the duplicate 5.2 included), and the reference
in 4.2 following clause 7.2 to 6.2.
"""

from __future__ import annotations

from pathlib import Path

from plutoeditor.compare import compare_policies
from plutoeditor.file_formats import open_policy
from plutoeditor.summary import EDITORIAL, STRUCTURAL, SUBSTANTIVE, draft_summary

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _summary():
    old = open_policy(SAMPLES / "sample-privacy-policy.policy.yaml")
    new = open_policy(SAMPLES / "sample-privacy-policy-2025.policy.yaml")
    return draft_summary(compare_policies(old, new))


def test_substantive_items_are_exactly_the_2025_changes():
    summary = _summary()
    assert [
        (i.text, [(c.old_label, c.new_label) for c in i.clauses]) for i in summary.of_kind(SUBSTANTIVE)
    ] == [
        (
            "New clause 3.1.2: your billing address and the last four digits of your payment card, "
            "if you pay for a course yourself",
            [("", "3.1.2")],
        ),
        (
            "5.1: We keep account data while your account is open "
            "and for one year (was two) after it closes.",
            [("6.1", "5.1")],
        ),
        ("8.3: Data Protection Officer e-mail address: dpo@northwind.example (added)", [("8.3", "8.3")]),
    ]


def test_the_move_and_the_renumbering_are_not_substantive():
    summary = _summary()
    assert summary.texts()[:3] == [item.text for item in summary.of_kind(SUBSTANTIVE)]  # substantive first
    assert [i.text for i in summary.of_kind(STRUCTURAL)] == [
        "Sharing Personal Data (now section 7) moved after Your rights"
    ]
    assert [i.text for i in summary.of_kind(EDITORIAL)] == [
        "Clauses 3.1.2-3.1.5 renumbered 3.1.3-3.1.6",
        "Sections 6 and 7 renumbered 5 and 6",
        "Clauses 5.2 and 5.3 renumbered 7.3 and 7.4",
        "References updated to follow the renumbering in 4.2",
    ]
