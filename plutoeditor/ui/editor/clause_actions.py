"""The Clause menu: structural edits on the selected clause, each one operation on the undo
stack (add after, add child, delete, move, indent, outdent, split, merge, renumber, fix).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from plutoeditor.checks.finding import Finding
from plutoeditor.checks.fixes import fix_for
from plutoeditor.model import Clause
from plutoeditor.model import operations as ops
from plutoeditor.model.renumber import renumber
from plutoeditor.ui.common import snapshot
from plutoeditor.ui.common.workers import run_with_progress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from plutoeditor.ui.document.view import DocumentView
    from plutoeditor.ui.editor.clause_editor import ClauseEditor
    from plutoeditor.ui.editor.findings_panel import FindingsPanel
    from plutoeditor.ui.editor.open_document import Document


class ClauseActionsWindow(Protocol):
    """What ClauseActions uses of its editor window."""

    document: Document | None
    clause_editor: ClauseEditor
    document_view: DocumentView
    findings_panel: FindingsPanel

    def current_clause(self) -> Clause | None: ...
    def select_clause(self, clause_id: str) -> bool: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class ClauseActions(QObject):
    """Handlers for the Clause and Findings menus of one window."""

    def __init__(self, editor: ClauseActionsWindow) -> None:
        super().__init__(editor.window())
        self.editor = editor

    def _target(self) -> Clause | None:
        return self.editor.current_clause()

    def _push(self, operation: ops.Operation | None, select: Clause | None = None, name: str = "") -> None:
        """Push an operation; `name` (translated) is what Edit > Undo will say."""
        document = self.editor.document
        if document is None or operation is None:
            return
        if name and hasattr(operation, "name"):
            operation.name = name
        document.push(operation)
        if select is not None:
            self.editor.select_clause(select.id)

    def add_after(self) -> None:
        document = self.editor.document
        if document is None:
            return
        clause = self._target()
        new = Clause(label="", text="")
        if clause is None:
            self._push(
                ops.InsertClause(None, len(document.policy.clauses), new, name=self.tr("Add clause")), new
            )
            return
        siblings = document.policy.siblings_of(clause)
        parent_id = clause.parent.id if clause.parent else None
        self._push(
            ops.InsertClause(parent_id, siblings.index(clause) + 1, new, name=self.tr("Add clause")), new
        )
        self.editor.clause_editor.text_edit.setFocus()

    def add_child(self) -> None:
        clause = self._target()
        if clause is None:
            self.add_after()
            return
        new = Clause(label="", text="")
        self._push(
            ops.InsertClause(clause.id, len(clause.children), new, name=self.tr("Add child clause")), new
        )
        self.editor.clause_editor.text_edit.setFocus()

    def delete(self) -> None:
        document, clause = self.editor.document, self._target()
        if document is None or clause is None:
            return
        siblings = document.policy.siblings_of(clause)
        index = siblings.index(clause)
        neighbour = (
            siblings[index + 1]
            if index + 1 < len(siblings)
            else (siblings[index - 1] if index else clause.parent)
        )
        self._push(ops.DeleteClause(clause.id, name=self.tr("Delete clause")), neighbour)

    def move(self, delta: int) -> None:
        document, clause = self.editor.document, self._target()
        if document is not None and clause is not None:
            self._push(
                ops.move_by(document.policy, clause, delta),
                clause,
                self.tr("Move up") if delta < 0 else self.tr("Move down"),
            )

    def indent(self) -> None:
        document, clause = self.editor.document, self._target()
        if document is not None and clause is not None:
            self._push(ops.indent(document.policy, clause), clause, self.tr("Indent"))

    def outdent(self) -> None:
        document, clause = self.editor.document, self._target()
        if document is not None and clause is not None:
            self._push(ops.outdent(document.policy, clause), clause, self.tr("Outdent"))

    def split(self) -> None:
        document, clause = self.editor.document, self._target()
        if document is None or clause is None:
            return
        view = self.editor.document_view  # where the keyboard is: the document, or the Clause pane
        position = (
            view.cursor_position() if view.editor.hasFocus() else self.editor.clause_editor.cursor_position()
        )
        operation = ops.split(document.policy, clause, position)
        self._push(operation, name=self.tr("Split clause"))
        new = getattr(operation.operations[-1], "clause", None) if isinstance(operation, ops.Batch) else None
        if isinstance(new, Clause):
            self.editor.select_clause(new.id)

    def merge(self) -> None:
        document, clause = self.editor.document, self._target()
        if document is not None and clause is not None:
            self._push(ops.merge_with_next(document.policy, clause), clause, self.tr("Merge clauses"))

    def renumber(self) -> None:
        """Relabel every clause to the number its position calls for. What to relabel is
        worked out on a worker thread, from a snapshot (85-100 ms of CPU for 10,000 clauses,
        references followed); the edit is pushed once it is known, unless the policy was
        edited meanwhile (then it is worked out again)."""
        document = self.editor.document
        if document is None:
            return
        data, revision = snapshot.take(document.policy), document.policy.revision

        def work() -> ops.Batch:
            policy = snapshot.policy_from(data)
            try:
                return renumber(policy)
            finally:
                snapshot.dispose(policy)

        run_with_progress(
            self.editor.window(),
            self.tr("Renumbering…"),
            work,
            lambda batch: self._renumbered(document, revision, batch),
            _unexpected,
        )

    def _renumbered(self, document: Document, revision: int, batch: ops.Batch) -> None:
        if self.editor.document is not document:
            return  # another document is shown now
        if document.policy.revision != revision:
            self.renumber()  # edited meanwhile: the labels it worked out may no longer fit
            return
        if not batch.operations:
            self.editor.statusBar().showMessage(
                self.tr("Every clause already has the number its position calls for"), 5000
            )
            return
        batch.name = self.tr("Renumber document")
        self._push(batch)
        # what the user sees changed: the labels, and apart from them the texts whose
        # references followed (the count had been of every change, the two together)
        fields = [getattr(op, "field", "") for op in batch.operations]
        labels, texts = fields.count("label"), fields.count("text")
        message = (
            self.tr("Relabelled 1 clause")
            if labels == 1
            else self.tr("Relabelled {0} clauses").format(labels)
        )
        if texts:
            message += (
                self.tr("; references followed in 1 clause")
                if texts == 1
                else self.tr("; references followed in {0} clauses").format(texts)
            )
        self.editor.statusBar().showMessage(message, 5000)

    # -- findings -----------------------------------------------------------------------
    def fix_lookup(self, finding: Finding) -> tuple[str, ops.Operation] | None:
        document = self.editor.document
        if document is None or finding is None or not document.findings_current:
            return None  # a finding from before the last edits may no longer be true
        return fix_for(document.policy, finding)

    def apply_fix(self, finding: Finding) -> None:
        fix = self.fix_lookup(finding)
        if fix is None:
            return
        description, operation = fix
        if hasattr(operation, "name"):
            operation.name = description
        self._push(operation)
        if self.editor.document is not None:
            self.editor.document.check_soon()  # a fix should show its effect at once
        self.editor.statusBar().showMessage(description, 5000)

    def fix_selected(self) -> None:
        self.editor.findings_panel.fix_current()


def _unexpected(exc: BaseException) -> None:
    """A bug in work done on a worker: raised again on the GUI thread, so it is logged and
    reported as any other unexpected error (ui/common/crash.py); the document stays open."""
    raise exc
