"""A clause whose wording is unchanged but whose cross-references follow renumbered clauses
("as described in clause 3.2" -> "clause 3.3") is reported as such, not as rewording."""

from __future__ import annotations

import json

from plutoeditor.compare import compare_policies
from plutoeditor.compare.report import render_json, render_text
from plutoeditor.model.notation import parse_tree

OLD = """
[1] Introduction |
  [1.1] This notice explains how Meridian Books handles personal data.
  [1.2] You can object at any time as described in clause 3.2.
  [1.3] Complaints go to the address in clause 3.2, within 30 days.
[2] Collection |
  [2.1] We collect your name and postal address.
[3] Your rights |
  [3.1] You may ask for a copy of your data.
  [3.2] You may object to marketing.
"""

# 3.0 inserted before 3.1 shifts 3.1-3.2; 1.2 only follows the renumbering; 1.3 follows it
# *and* is reworded ("30" -> "60 days"), so it stays a text change.
NEW = """
[1] Introduction |
  [1.1] This notice explains how Meridian Books handles personal data.
  [1.2] You can object at any time as described in clause 3.3.
  [1.3] Complaints go to the address in clause 3.3, within 60 days.
[2] Collection |
  [2.1] We collect your name and postal address.
[3] Your rights |
  [3.1] You may ask which data we hold.
  [3.2] You may ask for a copy of your data.
  [3.3] You may object to marketing.
"""


def _by_label(comparison):
    return {c.new_label: c for c in comparison.changes if c.status == "matched"}


def test_reference_that_followed_renumbering_is_not_rewording():
    comparison = compare_policies(parse_tree(OLD), parse_tree(NEW))
    changes = _by_label(comparison)
    followed = changes["1.2"]
    assert followed.text_changed and followed.references_followed
    assert followed.ops  # the word diff is still there for whoever wants to see it
    reworded = changes["1.3"]
    assert reworded.text_changed and not reworded.references_followed
    summary = comparison.summary()
    assert summary["text_changed"] == 2 and summary["references_followed"] == 1
    assert summary["relabelled"] == 2 and summary["added"] == 1


def test_a_reference_change_without_renumbering_is_rewording():
    """Pointing a clause at another, existing clause is a change of meaning."""
    new = OLD.replace("described in clause 3.2", "described in clause 3.1")
    change = _by_label(compare_policies(parse_tree(OLD), parse_tree(new)))["1.2"]
    assert change.text_changed and not change.references_followed


def test_json_and_text_reports_say_so():
    comparison = compare_policies(parse_tree(OLD), parse_tree(NEW))
    data = json.loads(render_json(comparison, "old", "new"))
    entries = {e["new_label"]: e for e in data["changes"] if e["status"] == "matched"}
    assert entries["1.2"]["references_followed"] is True and entries["1.2"]["text_changed"] is True
    assert entries["1.3"]["references_followed"] is False
    assert data["summary"]["references_followed"] == 1
    text = render_text(comparison)
    assert "~ references follow renumbering  1.2" in text
    assert "~ text changed  1.3" in text
    assert "2 changed (1 only references following renumbering)" in text


def test_redlines_mark_it(tmp_path):
    from plutoeditor.export.redline_docx import write_redline_docx
    from plutoeditor.export.redline_html import render_redline_html
    from tests.export.wordml import NS, part

    comparison = compare_policies(parse_tree(OLD), parse_tree(NEW))
    html = render_redline_html(comparison)
    assert html.count("↻ references follow renumbering") == 1  # the clause's mark
    assert "2 changed (1 only references following renumbering)" in html
    out = tmp_path / "red.docx"
    write_redline_docx(comparison, out)
    comments = part(out, "word/comments.xml")
    notes = ["".join(t.text for t in c.iterfind(".//w:t", NS)) for c in comments.findall("w:comment", NS)]
    assert notes == ["References follow renumbered clauses; wording unchanged"]
