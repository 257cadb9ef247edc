"""Find and replace across every clause's heading and text."""

from __future__ import annotations

from plutoeditor.model.notation import format_tree, parse_tree
from plutoeditor.ui.editor.find_replace import find_matches, replace_all

DOC = """\
[1] Personal Data | We process personal data.
  [1.1] Personal data means any information.
[2] Cookies | No data here? Yes: DATA.
"""


def test_matches_in_document_order_ignoring_case_unless_asked():
    policy = parse_tree(DOC)
    matches = find_matches(policy, "data")
    assert [(m.field, m.start) for m in matches][:3] == [("heading", 9), ("text", 20), ("text", 9)]
    assert len(matches) == 5
    assert len(find_matches(policy, "DATA", match_case=True)) == 1
    assert find_matches(policy, "") == []


def test_replace_all_is_one_batch_that_undoes_together():
    policy = parse_tree(DOC)
    before = format_tree(policy)
    op = replace_all(policy, "data", "information")
    inverse = op.apply(policy)
    assert find_matches(policy, "data") == []
    assert "Personal information" in format_tree(policy)
    inverse.apply(policy)
    assert format_tree(policy) == before
    assert replace_all(policy, "no such words", "x") is None


def test_replacement_text_is_taken_literally():
    policy = parse_tree("[1] Fee: $5.\n")
    replace_all(policy, "$5", r"\1 and $6").apply(policy)
    assert policy.clauses[0].text == r"Fee: \1 and $6."
