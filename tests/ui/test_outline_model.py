"""The outline model follows every edit, passes Qt's model tester and moves clauses on drop."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from plutoeditor.model import Clause
from plutoeditor.model import operations as ops
from plutoeditor.model.notation import format_tree, parse_tree
from plutoeditor.ui.editor.outline_model import MIME_TYPE, ROOT, OutlineModel

DOC = """\
[1] Introduction |
  [1.1] First.
  [1.2] Second.
  [1.3] Third.
[2] Scope |
  [2.1] Fourth.
    [2.1.1] Deep.
[3] Contact |
"""


@pytest.fixture
def policy():
    return parse_tree(DOC)


@pytest.fixture
def model(qapp, qtmodeltester, policy):
    pushed = []

    def push(op):
        pushed.append(op)
        op.apply(policy)

    model = OutlineModel(policy, push)
    model.pushed = pushed
    qtmodeltester.check(model, force_py=True)
    return model


def labels(model, parent=ROOT):
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_model_shows_the_tree(model):
    assert labels(model) == ["1", "2", "3"]
    intro = model.index(0, 0)
    assert labels(model, intro) == ["1.1", "1.2", "1.3"]
    assert model.index(0, 1).data() == "Introduction"
    assert model.index(1, 1, intro).data() == "Second."


@pytest.mark.parametrize(
    "make_op",
    [
        lambda p: ops.InsertClause(p.clauses[0].id, 1, Clause(label="1.9", text="New.")),
        lambda p: ops.DeleteClause(p.clauses[0].children[1].id),
        lambda p: ops.MoveClause(p.clauses[0].children[0].id, p.clauses[0].id, 2),  # same parent, down
        lambda p: ops.MoveClause(p.clauses[0].children[2].id, p.clauses[0].id, 0),  # same parent, up
        lambda p: ops.MoveClause(p.clauses[1].children[0].id, None, 0),  # to top level
        lambda p: ops.indent(p, p.clauses[0].children[1]),
        lambda p: ops.outdent(p, p.clauses[1].children[0]),
        lambda p: ops.MoveClause(p.clauses[2].id, None, 2),  # no-op move
        lambda p: ops.SetClauseField(p.clauses[1].id, "heading", "Range"),
        lambda p: ops.merge_with_next(p, p.clauses[0].children[0]),
        lambda p: ops.split(p, p.clauses[1].children[0], 3),
    ],
)
def test_model_tracks_each_operation_and_its_undo(qtmodeltester, policy, make_op):
    model = OutlineModel(policy, lambda op: op.apply(policy))
    qtmodeltester.check(model, force_py=True)
    before = format_tree(policy)
    inverse = make_op(policy).apply(policy)
    assert _tree_from_model(model) == format_tree(policy, text=False)
    inverse.apply(policy)
    assert format_tree(policy) == before
    assert _tree_from_model(model) == format_tree(policy, text=False)


def _tree_from_model(model, parent=ROOT, depth=0):
    lines = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        clause = model.clause_at(index)
        assert model.parent(index) == parent
        body = f"{clause.heading} |" if clause.heading else ""
        lines.append(f"{'  ' * depth}[{index.data()}] {body}".rstrip())
        lines.extend(_tree_from_model(model, index, depth + 1).splitlines())
    return "\n".join(lines)


def test_drop_moves_clause_via_push(model, policy):
    intro = model.index(0, 0)
    data = model.mimeData([model.index(0, 0, intro)])  # 1.1
    assert data.hasFormat(MIME_TYPE)
    # drop before row 3 of "1" (i.e. at the end, Qt counts before removal)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, intro)
    assert [c.label for c in policy.clauses[0].children] == ["1.2", "1.3", "1.1"]
    assert isinstance(model.pushed[-1], ops.MoveClause)
    # drop on an item: becomes its last child
    data = model.mimeData([model.index(2, 0)])  # 3 Contact
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(1, 0))
    assert [c.label for c in policy.clauses] == ["1", "2"]
    assert [c.label for c in policy.clauses[1].children] == ["2.1", "3"]


def test_cannot_drop_clause_inside_itself(model):
    scope = model.index(1, 0)
    data = model.mimeData([scope])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(0, 0, scope))
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(0, 0, scope))


def test_expected_labels_and_findings_mark_clauses(model, policy):
    first = policy.clauses[0].children[0]
    finding = SimpleNamespace(
        severity="error", code="wrong-parent", message="Sits under 1", clause_id=first.id
    )
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append(model.clause_at(a)))
    model.set_annotations({first.id: "1.7"}, [finding])
    assert changed == [first]
    index = model.index_of(first)
    assert index.data() == "1.1 → 1.7"
    assert "Sits under 1" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    model.set_annotations({first.id: "1.1."}, [])  # same number, different punctuation
    assert index.data() == "1.1"
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
