"""One undo command for every operation; typing in one field is one undo step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from plutoeditor.model import operations as ops
from plutoeditor.model.notation import format_tree, parse_tree
from plutoeditor.ui.editor.commands import OperationCommand

DOC = "[1] Intro |\n  [1.1] First.\n  [1.2] Second.\n"


def test_typing_in_one_clause_is_one_undo_step(qapp):
    policy = parse_tree(DOC)
    first, second = policy.clauses[0].children
    stack = QUndoStack()
    for text in ("First.!", "First.!!", "First.!!!"):
        stack.push(OperationCommand(policy, ops.SetClauseField(first.id, "text", text), typing=True))
    assert stack.count() == 1
    stack.push(OperationCommand(policy, ops.SetClauseField(second.id, "text", "Other"), typing=True))
    assert stack.count() == 2  # another clause: a new step
    stack.undo()
    stack.undo()
    assert first.text == "First." and second.text == "Second."
    stack.redo()
    assert first.text == "First.!!!"


def test_structural_edits_never_merge_and_undo_in_order(qapp):
    policy = parse_tree(DOC)
    before = format_tree(policy)
    first = policy.clauses[0].children[0]
    stack = QUndoStack()
    stack.push(OperationCommand(policy, ops.move_by(policy, first, 1)))
    stack.push(OperationCommand(policy, ops.indent(policy, first)))
    assert stack.count() == 2
    assert stack.undoText() == "Indent"
    stack.undo()
    stack.undo()
    assert format_tree(policy) == before
    stack.redo()
    stack.redo()
    assert [c.label for c in policy.clauses[0].children] == ["1.2"]


def test_typing_after_save_starts_a_new_step(qapp):
    policy = parse_tree(DOC)
    first = policy.clauses[0].children[0]
    stack = QUndoStack()
    stack.push(OperationCommand(policy, ops.SetClauseField(first.id, "text", "A"), typing=True))
    stack.setClean()
    stack.push(OperationCommand(policy, ops.SetClauseField(first.id, "text", "AB"), typing=True))
    assert stack.count() == 2 and not stack.isClean()
    stack.undo()
    assert stack.isClean() and first.text == "A"
