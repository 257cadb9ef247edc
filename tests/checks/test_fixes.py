"""Quick fixes: a readable name and an edit that removes the finding (and undoes cleanly)."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.checks.fixes import fix_for
from plutoeditor.model.notation import format_tree, parse_tree

DOC = (
    "[1] A |\n  [1.1] x.\n[2] B |\n  [2.1] intro:\n    [2.1.1] p.\n    [2.1.2] q.\n"
    "  [2.2] parties:\n    [2.1.1] r.\n    [2.1.2] s.\n  [2.3] t.\n  [2.3] u.\n[3.] C |\n  [3.1] v.\n"
)


def fixes(policy):
    return {f.code: fix_for(policy, f) for f in run_checks(policy)}


def test_wrong_parent_fix_relabels_the_run():
    policy = parse_tree(DOC)
    before = format_tree(policy)
    name, edit = fixes(policy)["wrong-parent"]
    assert name == "Relabel 2.1.1-2.1.2 as 2.2.1-2.2.2"
    undo = edit.apply(policy)
    assert "wrong-parent" not in [f.code for f in run_checks(policy)]
    undo.apply(policy)
    assert format_tree(policy) == before


def test_duplicate_fix_renumbers_the_section():
    policy = parse_tree(DOC)
    name, edit = fixes(policy)["duplicate-number"]
    assert name == "Renumber section 2"
    edit.apply(policy)
    assert [c.label for c in policy.clauses[1].children] == ["2.1", "2.2", "2.3", "2.4"]


def test_label_style_fix_and_no_fix_for_content():
    policy = parse_tree(DOC + "[4] D |\n  [4.1] contact us at\n")
    found = fixes(policy)
    name, edit = found["label-style"]
    assert name == "Write 3. as 3"
    assert found["incomplete-text"] is None
    edit.apply(policy)
    assert policy.clauses[2].label == "3"
