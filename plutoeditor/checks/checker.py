"""Run every check over a policy, and re-check only what changed after an edit.

The checker listens to the policy's change events. A text or heading edit re-checks that
clause's content and the document's references (a short list); a structural edit (insert,
delete, move, label or kind change) re-derives the scopes but reuses the findings of every
scope and clause whose inputs are unchanged.
"""

from __future__ import annotations

import gc
from typing import Any

from plutoeditor.checks.content import Context, check_content
from plutoeditor.checks.finding import Finding
from plutoeditor.checks.numbering import check_label_styles, check_scope
from plutoeditor.checks.references import check_references
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.numbering import scopes
from plutoeditor.model.policy import ChangeEvent, Policy
from plutoeditor.model.references import internal_references, label_index

_CODE_ORDER = {
    code: i
    for i, code in enumerate(
        (
            "wrong-parent",
            "skipped-level",
            "duplicate-number",
            "numbering-gap",
            "out-of-order",
            "label-style",
            "broken-reference",
            "empty-reference",
            "incomplete-text",
            "unnumbered-paragraph",
        )
    )
}


class Checker:
    """Incremental checks for one policy: call `findings()` after edits; `close()` when done."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._structure_dirty = True
        self._dirty: set[str] = set()
        self._order: dict[str, int] = {}
        self._contexts: dict[str, Context] = {}
        self._scope_cache: dict[tuple[Any, ...], list[Finding]] = {}
        self._content: dict[str, tuple[tuple[Any, ...], list[Finding]]] = {}
        self._numbering: list[Finding] = []
        self._index: dict[str, Clause] = {}
        self._referring: dict[str, Clause] = {}
        self._result: list[Finding] | None = None
        policy.subscribe(self._on_change)

    def close(self) -> None:
        """Stop listening to the policy."""
        try:
            self.policy.unsubscribe(self._on_change)
        except ValueError:
            pass

    def _on_change(self, event: ChangeEvent) -> None:
        if event.phase != "done" or event.kind == "metadata":
            return
        if event.kind == "update" and event.field in ("text", "heading") and event.clause is not None:
            self._dirty.add(event.clause.id)
        else:
            self._structure_dirty = True
        self._result = None

    # -- the public entry ---------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """Every finding, in document order."""
        if self._result is not None:
            return list(self._result)
        if self._structure_dirty:
            collecting = gc.isenabled()
            gc.disable()  # the rebuild allocates many small tuples that all stay alive
            try:
                self._rebuild()
            finally:
                if collecting:
                    gc.enable()
        else:
            for clause_id in self._dirty:
                clause = self.policy.find(clause_id)
                if clause is not None and clause_id in self._contexts:
                    self._check_clause(clause, self._contexts[clause_id])
        self._dirty.clear()
        self._result = self._assemble()
        return list(self._result)

    # -- structure ----------------------------------------------------------------------
    def _rebuild(self) -> None:
        ordered = _document_order(self.policy)
        self._order = {clause.id: i for i, (clause, _, _) in enumerate(ordered)}
        self._contexts = {}
        for i, (clause, in_schedule, numbered_siblings) in enumerate(ordered):
            following = ordered[i + 1][0] if i + 1 < len(ordered) else None
            # what follows completes a lead-in: a paragraph, or the list an unnumbered lead-in opens
            continuation = (
                following is not None
                and following.kind is not ClauseKind.SCHEDULE
                and (
                    not following.label.strip()
                    or (not clause.label.strip() and following.parent is clause.parent)
                )
            )
            self._contexts[clause.id] = Context(continuation, numbered_siblings, in_schedule)
        self._content = {k: v for k, v in self._content.items() if k in self._order}
        self._referring = {}
        for clause, _, _ in ordered:
            self._check_clause(clause, self._contexts[clause.id])
        self._index = label_index((c, s) for c, s, _ in ordered)

        all_scopes = scopes(self.policy)
        cache: dict[tuple[Any, ...], list[Finding]] = {}
        numbering: list[Finding] = []
        for scope in all_scopes:
            owner = scope.owner
            key = (
                owner.id if owner else None,
                owner.label if owner else None,
                owner.kind if owner else None,
                tuple((c.id, c.label, c.source_line) for c in scope.members),
            )
            found = self._scope_cache.get(key)
            if found is None:
                found = check_scope(scope)
            cache[key] = found
            numbering.extend(found)
        self._scope_cache = cache
        numbering.extend(check_label_styles(all_scopes))
        self._numbering = numbering
        self._structure_dirty = False

    def _check_clause(self, clause: Clause, context: Context) -> None:
        key = (clause.text, clause.heading, clause.label, clause.kind, bool(clause.children), context)
        cached = self._content.get(clause.id)
        if cached is None or cached[0] != key:
            self._content[clause.id] = (key, check_content(clause, context))
        if next(internal_references(clause), None) is not None:
            self._referring[clause.id] = clause
        else:
            self._referring.pop(clause.id, None)

    def _assemble(self) -> list[Finding]:
        found = list(self._numbering)
        for _, content in self._content.values():
            found.extend(content)
        for clause in self._referring.values():
            found.extend(check_references(clause, self._index))
        order = self._order
        found.sort(key=lambda f: (order.get(f.clause_id, -1), _CODE_ORDER.get(f.code, 99)))
        return found


def _document_order(policy: Policy) -> list[tuple[Clause, bool, bool]]:
    """(clause, inside a schedule, has a numbered sibling) for every clause, in order."""
    result: list[tuple[Clause, bool, bool]] = []
    stack: list[tuple[list[Clause], int, bool, bool]] = []
    roots = policy.clauses
    stack.append((roots, 0, False, any(c.label.strip() for c in roots)))
    while stack:
        siblings, i, in_schedule, numbered = stack.pop()
        if i >= len(siblings):
            continue
        clause = siblings[i]
        stack.append((siblings, i + 1, in_schedule, numbered))
        result.append((clause, in_schedule, numbered and not clause.label.strip()))
        if clause.children:
            inner = in_schedule or clause.kind is ClauseKind.SCHEDULE
            stack.append((clause.children, 0, inner, any(c.label.strip() for c in clause.children)))
    return result


def run_checks(policy: Policy) -> list[Finding]:
    """Every finding for a policy, in document order."""
    checker = Checker(policy)
    try:
        return checker.findings()
    finally:
        checker.close()
