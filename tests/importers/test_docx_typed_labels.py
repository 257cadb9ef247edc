"""Paragraphs a Word user added to an exported policy, a label typed before a tab but without
the exporter's hanging indent: read as new clauses with that label, as a plain Word import
reads them, while the exported clauses come back exactly."""

from __future__ import annotations

import zipfile

from plutoeditor.checks.checker import run_checks
from plutoeditor.export.docx_writer import export_docx
from plutoeditor.importers.docx import import_docx
from plutoeditor.model.notation import format_tree, parse_tree

NOTICE = (
    "[1] Scope |\n  [1.1] This notice covers customers.\n[2] Rights |\n  [2.1] You may ask for your data.\n"
    "  [2.2] Write to us at:\\nAcme Ltd\\n9 High Street"
)


def _p(style: str, *runs: str) -> str:
    """A paragraph as Word writes one a user typed: a style, no indents, a tab as w:tab."""
    inner = "".join(
        "<w:r><w:tab/></w:r>" if run == "\t" else f'<w:r><w:t xml:space="preserve">{run}</w:t></w:r>'
        for run in runs
    )
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{inner}</w:p>'


def _edited(tmp_path, *added: str, notice: str = NOTICE):
    """The notice exported, the paragraphs `added` typed at the end of its body in Word."""
    policy = parse_tree(notice)
    path = tmp_path / "edited.docx"
    export_docx(policy, path)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    end = xml.rindex("<w:sectPr")
    parts["word/document.xml"] = (xml[:end] + "".join(added) + xml[end:]).encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return policy, import_docx(path)


def _exact(clauses) -> list[tuple]:
    return [(c.id, c.label, c.heading, c.text, c.kind) for c in clauses]


def test_a_heading_and_a_clause_typed_with_a_tab_get_their_labels(tmp_path):
    policy, back = _edited(
        tmp_path,
        _p("ClauseText", "2.3", "\t", "We also answer by phone."),
        _p("Heading1", "3", "\t", "Contact"),
        _p("ClauseText", "Write to us."),
    )
    assert format_tree(back).splitlines() == [
        "[1] Scope |",
        "  [1.1] This notice covers customers.",
        "[2] Rights |",
        "  [2.1] You may ask for your data.",
        "  [2.2] Write to us at:\\nAcme Ltd\\n9 High Street",
        "  [2.3] We also answer by phone.",
        "[3] Contact | Write to us.",
    ]
    added = [c for c in back.walk() if c.label in ("2.3", "3")]
    assert [(c.label, c.heading, c.text) for c in added] == [
        ("2.3", "", "We also answer by phone."),
        ("3", "Contact", "Write to us."),
    ]
    assert all(c.id and c.id not in {o.id for o in policy.walk()} for c in added)
    exported = {c.id for c in policy.walk()}
    assert _exact(c for c in back.walk() if c.id in exported) == _exact(policy.walk())
    assert [f for f in run_checks(back) if f.clause_id in {c.id for c in added}] == []


def test_a_wrong_number_typed_in_word_is_found(tmp_path):
    _, back = _edited(tmp_path, _p("Heading1", "4", "\t", "Contact"), _p("ClauseText", "Write to us."))
    contact = back.clauses[-1]
    assert (contact.label, contact.heading, contact.text) == ("4", "Contact", "Write to us.")
    found = [f for f in run_checks(back) if f.clause_id == contact.id]
    assert [(f.code, f.expected_label) for f in found] == [("numbering-gap", "3")]


def test_a_heading_typed_with_a_space_is_split_as_in_any_word_document(tmp_path):
    _, back = _edited(tmp_path, _p("Heading1", "3 Contact"))
    assert (back.clauses[-1].label, back.clauses[-1].heading) == ("3", "Contact")


def test_sentences_starting_with_a_number_stay_text(tmp_path):
    """No tab after the number, or a bare number far from the numbering: the clause above's
    text, as an exported clause's further paragraphs are."""
    policy, back = _edited(
        tmp_path,
        _p("ClauseText", "30 days after you ask, we reply."),
        _p("ClauseText", "1.5 million customers use this."),
        _p("ClauseText", "30", "\t", "days is the longest we take."),
    )
    assert _exact(back.walk())[:-1] == _exact(policy.walk())[:-1]
    assert back.clauses[1].children[-1].text == (
        "Write to us at:\nAcme Ltd\n9 High Street\n30 days after you ask, we reply.\n"
        "1.5 million customers use this.\n30\tdays is the longest we take."
    )


def test_exported_paragraphs_that_look_like_labels_round_trip(tmp_path):
    """A clause's further paragraphs (no bookmark of their own) starting with a number."""
    notice = "[1] Scope |\n  [1.1] Write to us at:\\n9 High Street\\n2.5 million customers use this."
    policy, back = _edited(tmp_path, notice=notice)
    assert _exact(back.walk()) == _exact(policy.walk())
