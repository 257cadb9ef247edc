"""One wording: the text report, JSON, the HTML and Word redlines count and name changes alike."""

from __future__ import annotations

import json

import docx

from plutoeditor.compare import compare_policies
from plutoeditor.compare.report import render_json, render_text
from plutoeditor.compare.wording import is_renumbering_only, kind_of, summary_sentence
from plutoeditor.export.redline_docx import write_redline_docx
from plutoeditor.export.redline_html import render_redline_html
from plutoeditor.model.notation import parse_tree

OLD = "[1] Scope | These terms apply.\n[2] Fees | We charge fees.\n[3] Refunds | See clause 2."
NEW = "[1] Scope | These terms apply.\n[2] Charges | We charge fees.\n[3] Refunds | See clause 2."
EXPECTED = "0 added, 0 removed, 1 changed, 0 moved, 0 relabelled, 2 unchanged"


def test_a_heading_only_change_is_one_change_everywhere(tmp_path):
    comparison = compare_policies(parse_tree(OLD), parse_tree(NEW))
    assert summary_sentence(comparison) == EXPECTED
    assert f"Summary: {EXPECTED}" in render_text(comparison)
    assert json.loads(render_json(comparison))["summary"]["text_changed"] == 1
    assert f"Clauses: {EXPECTED}." in render_redline_html(comparison)
    out = tmp_path / "redline.docx"
    write_redline_docx(comparison, out)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith(EXPECTED.replace(", ", " · ") + ".") for t in texts), texts


def test_kinds_for_filters():
    old = "[1] Scope | A.\n[2] Fees | See clause 3.\n[3] Refunds | C."
    new = "[1] Scope | A.\n[1A] New | Added.\n[2] Fees | See clause 4.\n[4] Refunds | C."
    comparison = compare_policies(parse_tree(old), parse_tree(new))
    kinds = {c.clause.heading: kind_of(c) for c in comparison.changes}
    assert kinds == {"Scope": "", "New": "added", "Fees": "renumbering", "Refunds": "renumbering"}
    assert [c.clause.heading for c in comparison.changes if is_renumbering_only(c)] == ["Fees", "Refunds"]
