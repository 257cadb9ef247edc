"""References a careful reader does not call broken or empty: other instruments in every form,
and lead-ins whose content stands beside them."""

from __future__ import annotations

import pytest

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree

BASE = "[1.] Scope |\n  [1.1] These terms apply.\n[2] Fees |\n  [2.1] You pay monthly.\n"


def reference_errors(text: str, extra: str = "") -> list[tuple[str, str]]:
    policy = parse_tree(BASE + extra + f"[3] Other |\n  [3.1] {text}\n")
    return [(f.code, f.target) for f in run_checks(policy) if "reference" in f.code and f.is_error]


@pytest.mark.parametrize(
    "text",
    [
        # a statute named, a comma, then its section
        "We follow Title 17, United States Code, Section 512, for notices.",
        "as required by the Consumer Rights Act, section 49.",
        # French, Spanish, Italian: the code named after the section
        "un avertissement en vertu de la section 25249.6 du Code de la santé.",
        "conforme à l'article 9 de la Loi informatique et libertés et à la section 7 du Code civil.",
        # a code article numbered with a hyphen
        "the French code (section L.121-7 and L121-8) applies.",
        # no policy has a section 2870: clause numbers have at most three digits a part
        "as described in section 2870 and following.",
        # clauses of the Standard Contractual Clauses
        "the optional Clause 7 and the optional paragraph in Clause 11 in the SCCs shall not apply.",
        "Clause 13(a) and Part C of Annex II of the EU SCCs do not apply.",
    ],
)
def test_references_into_other_instruments_are_not_broken(text):
    assert reference_errors(text) == []


def test_a_range_and_a_missing_clause_are_still_checked():
    assert reference_errors("see Sections 1.1-2.1 and 9.") == [("broken-reference", "9")]
    missing = [("broken-reference", "5.9"), ("broken-reference", "5.10")]
    assert reference_errors("see Sections 5.9-5.10.") == missing


def test_items_completing_the_sccs_name_the_sccs_clauses():
    extra = (
        "[4] Transfers |\n"
        "  [4.1] For transfers from the EEA, the EU SCCs apply completed as follows:\n"
        "    [(i)] Module Two applies;\n"
        "    [(ii)] in Clause 9, Option 2 applies;\n"
        "    [(iii)] in Clause 17, Option 1 applies.\n"
    )
    assert reference_errors("Fees are set out in clause 2.", extra) == []


def test_a_lead_in_whose_content_stands_beside_it_is_not_empty():
    extra = (
        "[4] Contact us | Write to our data protection office at the address below:\n"
        "[] Company name: Pluto Ltd\n"
        "[] Address: 4 Harbour Road, Leith\n"
    )
    assert reference_errors("Requests go to the address in Section 4.", extra) == []
    # with nothing beside it, the lead-in is still empty
    alone = "[4] Contact us | Write to our data protection office at the address below:\n"
    assert reference_errors("Requests go to the address in Section 4.", alone) == [("empty-reference", "4")]


def test_a_section_number_in_a_document_whose_sections_are_unnumbered_headings_is_a_doubt():
    items = "".join(f"    [{n}.] Item {n}.\n" for n in range(1, 4))  # numbered lists inside
    headings = "".join(f"  [] Heading {n} | Text {n}.\n{items}" for n in range(1, 6))
    policy = parse_tree(f"[] Terms of Service |\n{headings}  [] Last | The limits in Section 4 apply.\n")
    found = [(f.code, f.severity) for f in run_checks(policy) if f.code == "broken-reference"]
    assert found == [("broken-reference", "warning")]
    # numbered sections: section 9 is really missing
    assert reference_errors("The limits in Section 9 apply.") == [("broken-reference", "9")]
