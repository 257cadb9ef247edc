"""A term-case finding shows the words written in another case: underlined in the Document
view and selected when the finding is clicked, not a use of the term written as defined."""

from __future__ import annotations

from plutoeditor.importers.text import import_text

TEXT = "\n\n".join(
    [
        "Northwind Notice",
        "1 Definitions",
        "1.1 In this Notice, the following definitions are used:",
        "Customer Data: the information a customer gives us;",
        "Portal: the website where customers sign in;",
        "2 Using the Portal",
        "2.1 We keep your Customer Data safe in the Portal. We never sell customer data.",
        "2.2 Customer Data stays in the Portal; the Portal's pages show your Customer Data.",
    ]
)


def test_a_term_case_finding_is_about_the_words_written_in_another_case(show_policy, qtbot):
    window = show_policy(import_text(TEXT), checked=True)
    document = window.document
    finding = next(f for f in document.findings if f.code == "term-case")
    clause = document.policy.find(finding.clause_id)
    assert clause is not None
    at = clause.text.index("customer data")
    marks = window.document_view.findings
    assert (at, at + len("customer data"), "warning") in marks.spans(clause)
    window.findings_panel.finding_clicked.emit(finding)
    assert window.clause_editor.text_edit.textCursor().selectedText() == "customer data"
    assert window.document_view.editor.textCursor().selectedText() == "customer data"


def test_a_term_case_finding_proposes_no_new_label_for_its_clause(show_policy, qtbot):
    window = show_policy(import_text(TEXT), checked=True)
    document = window.document
    model = window.findings_panel.model
    row = next(i for i, f in enumerate(model.findings) if f.code == "term-case")
    finding = model.findings[row]
    label = model.index(row, 2).data()
    assert label == finding.label.strip() and "→" not in label  # not "2.1 → Customer Data"
    clause = document.policy.find(finding.clause_id)
    assert clause is not None and window.document_view.findings.label_colour(clause) is None
