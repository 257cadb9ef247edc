"""Defined-term findings: undefined, unused, duplicated, miswritten and glued definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from plutoeditor.checks import Checker, run_checks
from plutoeditor.checks.terms import TERM_CODES
from plutoeditor.file_formats import open_policy
from plutoeditor.importers.text import import_text
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.operations import SetClauseField
from plutoeditor.model.policy import Metadata, Policy

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

POLICY = "\n\n".join(
    [
        "Northwind Cookie Notice",
        "1 Definitions",
        "1.1 In this Notice, the following definitions are used:",
        "Account: the record we keep for each customer who registers;",
        "Customer Data: the information a customer gives us in the Portal;",
        "Loyalty Points: points a customer earns with each purchase;",
        "2 Using the Portal",
        "2.1 You may create an Account on the Portal at any time. We keep your Customer Data safe.",
        "2.2 If you close your Account we delete your Customer Data within a month, and we "
        "keep no customer data after that.",
        "2.3 Orders placed through the Website are confirmed by email. The Website is run by "
        "us from London and links to other websites.",
        "2.4 Our offices in London are closed in August and on each Monday in December.",
        "2.5 We follow the Data Protection Act 2018 and transfer nothing outside the European "
        "Economic Area (EEA). Nothing leaves the EEA without safeguards.",
        "2.6 Customer data is kept in the Portal. Read Section 5 and Schedule 2 of this Cookie Notice.",
        "3 Important",
        "3.1 THE PORTAL IS PROVIDED AS IS AND THE WEBSITE IS PROVIDED AS IS WITHOUT ANY WARRANTY.",
        "3.2 Note: the Portal may be down for maintenance.",
    ]
)


def term_findings(policy: Policy) -> list:
    return [f for f in run_checks(policy) if f.code in TERM_CODES]


def by_code(policy: Policy, code: str) -> list:
    return [f for f in term_findings(policy) if f.code == code]


@pytest.fixture
def policy() -> Policy:
    return import_text(POLICY)


def test_a_capitalised_word_used_as_a_term_twice_and_never_defined_is_reported_once(policy: Policy) -> None:
    found = by_code(policy, "undefined-term")
    assert [(f.target, f.label, f.severity) for f in found] == [("Website", "2.3", "warning")]
    assert "2 times" in found[0].message


def test_names_dates_statutes_acronyms_title_labels_and_capitals_are_not_terms(policy: Policy) -> None:
    targets = {f.target for f in term_findings(policy)}
    names = ("London", "August", "Monday", "December", "Data Protection Act", "EEA", "European Economic Area")
    for not_a_term in (*names, "Cookie Notice", "Notice", "Section", "Schedule", "Note", "Orders", "Read"):
        assert not_a_term not in targets
    assert "Portal" not in targets  # never written in lower case: a name, like a product's
    assert "WEBSITE" not in targets


def test_a_definition_nobody_uses_is_reported_at_the_definition(policy: Policy) -> None:
    found = by_code(policy, "unused-definition")
    assert [(f.target, f.severity) for f in found] == [("Loyalty Points", "warning")]
    definition = policy.find(found[0].clause_id)
    assert definition is not None and definition.kind is ClauseKind.DEFINITION


def test_a_defined_term_written_in_lower_case_is_term_case_once_per_clause(policy: Policy) -> None:
    found = by_code(policy, "term-case")
    assert [(f.label, f.target) for f in found] == [("2.2", "Customer Data")]
    assert "“customer data”" in found[0].message
    # "Customer data is kept ..." opens a sentence in 2.6: the capital says nothing


def test_one_word_terms_in_lower_case_are_the_ordinary_word() -> None:
    text = POLICY.replace("we keep no customer data after that", "we keep no account open after that")
    assert by_code(import_text(text), "term-case") == []


def _definitions_list(*pairs: tuple[str, str]) -> Policy:
    host = Clause(label="1", heading="Definitions", text="In this Policy:")
    host.children = [Clause(heading=t, text=m, kind=ClauseKind.DEFINITION) for t, m in pairs]
    for child in host.children:
        child.parent = host
    use = Clause(label="2", text="We keep the Records and the Archive for the Retention Period.")
    return Policy(Metadata(title="Records Policy"), [host, use])


def test_a_term_defined_twice_differently_in_one_list_is_an_error() -> None:
    policy = _definitions_list(
        ("Records", "the files we keep;"), ("Archive", "old Records;"), ("Records", "the emails we keep;")
    )
    found = by_code(policy, "duplicate-definition")
    assert [(f.target, f.severity) for f in found] == [("Records", "error")]
    assert "different meaning" in found[0].message


def test_a_term_defined_twice_the_same_way_is_a_warning() -> None:
    policy = _definitions_list(
        ("Records", "the files we keep;"), ("Archive", "old Records;"), ("Records", "the files we keep")
    )
    assert [(f.severity) for f in by_code(policy, "duplicate-definition")] == ["warning"]


def test_a_term_defined_again_inline_elsewhere_is_a_warning() -> None:
    policy = _definitions_list(("Records", "the files we keep;"), ("Archive", "old Records;"))
    inline = 'Paper files (the "Records") are scanned; Records are then shredded.'
    policy.clauses.append(Clause(label="3", text=inline))
    assert [(f.severity) for f in by_code(policy, "duplicate-definition")] == ["warning"]


def test_a_definition_run_into_the_one_before_it_is_glued_definition() -> None:
    # kept as one definition (a native file, a Word table): found in the text
    policy = _definitions_list(
        ("Archive", "old Records kept on tape.Keeper, we or usNorthwind Ltd, a company;"),
    )
    found = by_code(policy, "glued-definition")
    assert [f.target for f in found] == ["Keeper, we or us"]
    assert "“Archive”" in found[0].message


def test_a_glued_definition_split_on_import_is_still_reported_from_the_source_line() -> None:
    text = (
        "Terms\n\n1 Definitions\n\n1.1 In these Terms, the following definitions are used:\n\n"
        "Archive: old records kept on tape.Supplier, we or usNorthwind Ltd, a company;\n\n"
        "Tape: a magnetic tape;\n\n2 Keeping\n\n2.1 We keep the Archive on Tape. The Archive is ours.\n"
    )
    policy = import_text(text)
    definitions = [c for c in policy.walk() if c.kind is ClauseKind.DEFINITION]
    assert [c.heading for c in definitions] == ["Archive", "Supplier, we or us", "Tape"]
    found = by_code(policy, "glued-definition")
    assert [(f.target, f.severity) for f in found] == [("Supplier, we or us", "warning")]
    assert "line 7" in found[0].message


def test_term_findings_follow_an_edit(policy: Policy) -> None:
    checker = Checker(policy)
    try:
        assert [f.target for f in checker.findings() if f.code == "undefined-term"] == ["Website"]
        clause = next(c for c in policy.walk() if c.label == "2.3")
        edit = SetClauseField(clause.id, "text", "Orders are confirmed by email. Loyalty Points are added.")
        edit.apply(policy)
        after = [f for f in checker.findings() if f.code in TERM_CODES]
        assert "Website" not in {f.target for f in after}
        assert "Loyalty Points" not in {f.target for f in after if f.code == "unused-definition"}
    finally:
        checker.close()


def test_a_german_document_has_no_term_findings() -> None:
    text = (
        "Allgemeine Geschäftsbedingungen\n\n1 Geltung\n\n1.1 Diese Bedingungen gelten für alle "
        "Verträge mit dem Kunden über die Lieferung von Waren. Der Kunde erkennt die Bedingungen an."
        "\n\n1.2 Die Lieferung erfolgt an die "
        "Anschrift des Kunden. Die Waren bleiben bis zur Zahlung unser Eigentum.\n"
    )
    assert term_findings(import_text(text)) == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_the_2022_seed_uses_website_as_a_term_and_never_defines_it() -> None:
    found = term_findings(open_policy(SEEDS / "pluto-privacy-2022-za.txt"))
    undefined = [f for f in found if f.code == "undefined-term"]
    assert [(f.target, f.label) for f in undefined] == [("Website", "2.5")]
    assert not [f for f in found if f.is_error]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_the_2023_seed_writes_personal_data_in_lower_case_and_glues_pluto_we_or_us() -> None:
    found = term_findings(open_policy(SEEDS / "pluto-privacy-2023-uk.txt"))
    case = [(f.label, f.target) for f in found if f.code == "term-case"]
    assert case == [("3.1", "Personal Data"), ("8.1.3", "Personal Data")]
    glued = [f for f in found if f.code == "glued-definition"]
    assert [f.target for f in glued] == ["Pluto, we or us"]
    assert "Platform" in glued[0].message
    assert "Website" in {f.target for f in found if f.code == "undefined-term"}
    assert not [f for f in found if f.is_error]
