"""Run every check over a policy, and re-check only what changed after an edit.

The checker listens to the policy's change events. A text or heading edit re-checks that
clause's content and the document's references (a short list); a structural edit (insert,
delete, move, label or kind change) re-derives the scopes but reuses the findings of every
scope and clause whose inputs are unchanged.
"""

from __future__ import annotations

import gc

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
        self._all_dirty = True
        self._dirty: dict[str, Clause] = {}  # clauses whose own content changed
        self._dirty_owners: set[str | None] = set()
        self._labels_dirty = True  # the label index must be rebuilt
        self._relabelled: dict[str, Clause] = {}  # label edits since the last call
        self._only_relabelled = True  # ... and no other structural edit
        self._order: dict[str, int] = {}
        self._ordered: list[tuple[Clause, bool, bool]] = []
        self._contexts: dict[str, Context] = {}
        self._scope_cache: dict[str | None, list[Finding]] = {}
        self._content: dict[str, tuple[Context, list[Finding], bool]] = {}
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
        """Note what an edit touched: a clause's content, or the numbering under some owners."""
        if event.phase != "done" or event.kind == "metadata":
            return
        self._result = None
        clause = event.clause
        if event.kind == "update" and event.field in ("text", "heading") and clause is not None:
            self._dirty[clause.id] = clause
            return
        self._structure_dirty = True
        touched: list[Clause | None] = []
        if event.kind != "update":
            self._only_relabelled = False
        if event.kind in ("insert", "remove"):
            touched = [event.parent]
        elif event.kind == "move":
            touched = [event.parent, event.new_parent]
        elif event.kind == "update" and clause is not None:
            touched = [clause.parent, clause]
            if event.field == "label":
                self._relabelled[clause.id] = clause
            else:  # a kind change moves clauses in or out of a schedule
                self._only_relabelled = False
        else:
            self._all_dirty = True
        if event.kind == "update" or clause is None or any(c.label for c in clause.walk()):
            self._labels_dirty = True  # labels came, went or moved; kind changes move schedules
        for owner in touched:
            self._dirty_owners.add(owner.id if owner is not None else None)
            if owner is not None:
                self._dirty[owner.id] = owner

    # -- the public entry ---------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """Every finding, in document order."""
        if self._result is not None:
            return list(self._result)
        if self._structure_dirty:
            collecting = gc.isenabled()
            gc.disable()  # the rebuild allocates many small tuples that all stay alive
            try:
                if self._only_relabelled and not self._all_dirty and self._relabel_in_place():
                    self._check_numbering()
                else:
                    self._rebuild()
            finally:
                if collecting:
                    gc.enable()
        else:
            ordered = self._ordered
            for clause_id, clause in self._dirty.items():
                i = self._order.get(clause_id)
                if i is None:  # no longer in the document
                    continue
                self._check_clause(clause, self._contexts[clause_id])
                if i > 0:  # whether this text continues the sentence before it
                    before = ordered[i - 1][0]
                    context = _context(ordered, i - 1)
                    if context != self._contexts[before.id]:
                        self._contexts[before.id] = context
                        self._check_clause(before, context)
        self._dirty.clear()
        self._result = self._assemble()
        return list(self._result)

    # -- structure ----------------------------------------------------------------------
    def _rebuild(self) -> None:
        ordered = _document_order(self.policy)
        old_content = self._content
        order: dict[str, int] = {}
        contexts: dict[str, Context] = {}
        content: dict[str, tuple[Context, list[Finding], bool]] = {}
        dirty = self._dirty
        everything = self._all_dirty
        referring: dict[str, Clause] = {}
        for i, (clause, _, _) in enumerate(ordered):
            clause_id = clause.id
            order[clause_id] = i
            context = _context(ordered, i)
            contexts[clause_id] = context
            cached = old_content.get(clause_id)
            if everything or cached is None or cached[0] != context or clause_id in dirty:
                cached = (context, check_content(clause, context), _refers_inside(clause))
            content[clause_id] = cached
            if cached[2]:
                referring[clause_id] = clause
        self._order, self._contexts, self._content, self._referring = order, contexts, content, referring
        self._ordered = ordered
        self._check_numbering()

    def _relabel_in_place(self) -> bool:
        """After label edits only: re-derive the few contexts a label affects. False: rebuild."""
        ordered, order = self._ordered, self._order
        positions: set[int] = set()
        for clause in self._relabelled.values():
            i = order.get(clause.id)
            if i is None or ordered[i][0] is not clause:
                return False
            siblings = self.policy.children_of(clause.parent)
            numbered = any(c.label and not c.label.isspace() for c in siblings)
            for sibling in siblings:  # "unnumbered among numbered siblings" may have changed
                j = order[sibling.id]
                ordered[j] = (
                    sibling,
                    ordered[j][1],
                    numbered and (not sibling.label or sibling.label.isspace()),
                )
                positions.add(j)
            positions.update((i, i - 1) if i else (i,))
        for clause_id in self._dirty:  # text edits made alongside
            i = order.get(clause_id)
            if i is not None:
                positions.update((i, i - 1) if i else (i,))
        for j in sorted(positions):
            clause = ordered[j][0]
            context = _context(ordered, j)
            if context != self._contexts[clause.id] or clause.id in self._dirty:
                self._contexts[clause.id] = context
                self._check_clause(clause, context)
        return True

    def _check_numbering(self) -> None:
        """Label index, scopes and label styles; unchanged scopes keep their findings."""
        everything = self._all_dirty
        if self._labels_dirty or everything:
            self._index = label_index((c, s) for c, s, _ in self._ordered)
            self._labels_dirty = False
        all_scopes = scopes(self.policy)
        cache: dict[str | None, list[Finding]] = {}
        numbering: list[Finding] = []
        for scope in all_scopes:
            owner_id = scope.owner.id if scope.owner is not None else None
            found = self._scope_cache.get(owner_id)
            if found is None or everything or owner_id in self._dirty_owners:
                found = check_scope(scope)
            cache[owner_id] = found
            numbering.extend(found)
        self._scope_cache = cache
        numbering.extend(check_label_styles(all_scopes, self._order))
        self._numbering = numbering
        self._dirty_owners.clear()
        self._relabelled.clear()
        self._only_relabelled = True
        self._all_dirty = False
        self._structure_dirty = False

    def _check_clause(self, clause: Clause, context: Context) -> None:
        refers = _refers_inside(clause)
        self._content[clause.id] = (context, check_content(clause, context), refers)
        if refers:
            self._referring[clause.id] = clause
        else:
            self._referring.pop(clause.id, None)

    def _assemble(self) -> list[Finding]:
        found = list(self._numbering)
        for _, content, _ in self._content.values():
            found.extend(content)
        for clause in self._referring.values():
            found.extend(check_references(clause, self._index))
        order = self._order
        found.sort(key=lambda f: (order.get(f.clause_id, -1), _CODE_ORDER.get(f.code, 99)))
        return found


def _context(ordered: list[tuple[Clause, bool, bool]], i: int) -> Context:
    """What the content checks need to know about the clause at position i."""
    clause, in_schedule, numbered_siblings = ordered[i]
    completed = continued = False
    if i + 1 < len(ordered):
        following = ordered[i + 1][0]
        if following.kind is not ClauseKind.SCHEDULE:
            label = following.label
            if label and not label.isspace():
                # a lead-in is completed by the list an unnumbered lead-in opens
                own = clause.label
                completed = continued = following.parent is clause.parent and (not own or own.isspace())
            else:
                # ... or by a paragraph; "that result from" + "the use of ..." is one sentence
                completed = True
                text = following.text
                continued = text[:1].islower() or (text[:1].isspace() and text.lstrip()[:1].islower())
    return Context(completed, continued, numbered_siblings, in_schedule)


def _refers_inside(clause: Clause) -> bool:
    return next(internal_references(clause), None) is not None


def _document_order(policy: Policy) -> list[tuple[Clause, bool, bool]]:
    """(clause, inside a schedule, unnumbered among numbered siblings) for every clause, in order."""
    result: list[tuple[Clause, bool, bool]] = []
    append = result.append

    def visit(siblings: list[Clause], in_schedule: bool) -> None:
        numbered: bool | None = None  # whether any sibling is numbered, worked out when needed
        for clause in siblings:
            label = clause.label
            stray = False
            if not label or label.isspace():
                if numbered is None:
                    numbered = any(c.label and not c.label.isspace() for c in siblings)
                stray = numbered
            append((clause, in_schedule, stray))
            if clause.children:
                visit(clause.children, in_schedule or clause.kind is ClauseKind.SCHEDULE)

    visit(policy.clauses, False)
    return result


def run_checks(policy: Policy) -> list[Finding]:
    """Every finding for a policy, in document order."""
    checker = Checker(policy)
    try:
        return checker.findings()
    finally:
        checker.close()
