"""Quick fixes and renaming for defined terms, each one undoable edit."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.checks.fixes import fix_for
from plutoeditor.checks.terms_fixes import STUB_MEANING, rename_term
from plutoeditor.checks.terms_index import term_index
from plutoeditor.importers.text import import_text
from plutoeditor.model.clause import ClauseKind
from plutoeditor.model.policy import Policy

TEXT = "\n\n".join(
    [
        "Northwind Notice",
        "1 Definitions",
        "1.1 In this Notice, the following definitions are used:",
        "Customer Data: the information a customer gives us;",
        "Portal: the website where customers sign in;",
        "2 Using the Portal",
        "2.1 We keep your Customer Data safe. We delete customer data and other customer data on request.",
        "2.2 Orders placed through the Website are confirmed. The Website is one of our websites.",
        "2.3 Customer Data stays in the Portal; the Portal's pages show your Customer Data.",
    ]
)


def _finding(policy: Policy, code: str):  # type: ignore[no-untyped-def]
    return next(f for f in run_checks(policy) if f.code == code)


def test_write_the_term_as_defined_fixes_every_variant_in_the_clause_and_undoes() -> None:
    policy = import_text(TEXT)
    finding = _finding(policy, "term-case")
    title, edit = fix_for(policy, finding)
    assert title == "Write “customer data” as “Customer Data”"
    clause = policy.find(finding.clause_id)
    before = clause.text
    undo = edit.apply(policy)
    assert (
        clause.text
        == "We keep your Customer Data safe. We delete Customer Data and other Customer Data on request."
    )
    assert not [f for f in run_checks(policy) if f.code == "term-case"]
    undo.apply(policy)
    assert clause.text == before


def test_add_a_definition_stub_in_alphabetical_place_in_the_definitions() -> None:
    policy = import_text(TEXT)
    finding = _finding(policy, "undefined-term")
    assert finding.target == "Website"
    title, edit = fix_for(policy, finding)
    assert title == "Add a definition of “Website”"
    undo = edit.apply(policy)
    definitions = [c for c in policy.walk() if c.kind is ClauseKind.DEFINITION]
    assert [c.heading for c in definitions] == ["Customer Data", "Portal", "Website"]
    assert definitions[-1].text == STUB_MEANING
    found = run_checks(policy)
    assert "Website" not in {f.target for f in found if f.code == "undefined-term"}
    assert any(f.code == "incomplete-text" and f.clause_id == definitions[-1].id for f in found)
    undo.apply(policy)
    assert [c.heading for c in policy.walk() if c.kind is ClauseKind.DEFINITION] == [
        "Customer Data",
        "Portal",
    ]


def test_a_document_without_definitions_gets_a_definitions_clause_at_the_top() -> None:
    policy = import_text(
        "Notice\n\n1 Orders\n\n1.1 Orders reach the Website. The Website is one of our websites.\n"
    )
    title, edit = fix_for(policy, _finding(policy, "undefined-term"))
    edit.apply(policy)
    first = policy.clauses[0]
    assert first.heading == "Definitions"
    assert [(c.heading, c.kind) for c in first.children] == [("Website", ClauseKind.DEFINITION)]


def test_rename_term_changes_the_definition_and_every_use_in_one_edit() -> None:
    policy = import_text(TEXT)
    index = term_index(policy)
    portal = next(d for d in index.definitions if d.term == "Portal")
    edit = rename_term(policy, portal, "Hub")
    texts = [c.text for c in policy.walk()]
    undo = edit.apply(policy)
    definition = policy.find(portal.clause_id)
    assert definition.heading == "Hub"
    assert next(c for c in policy.walk() if c.label == "2.3").text == (
        "Customer Data stays in the Hub; the Hub's pages show your Customer Data."
    )
    assert "Hub" in term_index(policy).by_name
    undo.apply(policy)
    assert [c.text for c in policy.walk()] == texts and definition.heading == "Portal"


def test_rename_an_inline_definition_renames_the_quoted_term() -> None:
    policy = import_text(
        'Notice\n\n1 Scope\n\n1.1 Our shop at northwind.example (the "Website") sells tea.\n\n'
        "1.2 The Website is open every day; prices on the Website include tax.\n"
    )
    index = term_index(policy)
    website = next(d for d in index.definitions if d.term == "Website")
    rename_term(policy, website, "Shop").apply(policy)
    texts = [c.text for c in policy.walk() if c.label]
    assert texts[1] == 'Our shop at northwind.example (the "Shop") sells tea.'
    assert texts[2] == "The Shop is open every day; prices on the Shop include tax."
