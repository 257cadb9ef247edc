"""Run every check over a policy, and re-check only what changed after an edit.

The checker listens to the policy's change events and, at the next `findings()`, looks only
around what they touched: the edited clause and its neighbours in document order (whether
a lead-in is completed depends on what follows it), the siblings of an inserted, removed or
relabelled clause, and the scopes whose numbering changed. References are re-resolved
each time (a short list); the label index is rebuilt only when labels came, went or moved.
A metadata edit re-checks only the metadata. What runs is what `registry.CHECKS` lists, by
what each check declares it re-checks, and its findings go through the reviews `registry.REVIEWS`
lists, by which findings each declares it reviews.
"""

from __future__ import annotations

from plutoeditor.checks.content import Context
from plutoeditor.checks.finding import CLAUSE, DOCUMENT, METADATA, NUMBERING, REFERENCES, Evidence, Finding
from plutoeditor.checks.numbering import check_label_styles
from plutoeditor.checks.registry import ORDER, rechecking, reviewing
from plutoeditor.checks.surroundings import (
    context_of,
    contexts_in_order,
    is_attached,
    last_descendant,
    position,
    positions,
    preceding,
    siblings_of,
)
from plutoeditor.gc_pause import no_cycle_collection
from plutoeditor.model.clause import Clause
from plutoeditor.model.events import Change, ChangeEvent, Phase
from plutoeditor.model.numbering import Scope, expected_cores, format_label, parse_label, scopes
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import INTERNAL, find_references, label_index

#: Per clause: the context it was checked in, its content findings, whether it refers inside.
_Checked = tuple[Context, list[Finding], bool, Clause]


class Checker:
    """Incremental checks for one policy: call `findings()` after edits; `close()` when done.

    Edits must go through `model.operations` (they send the change events listened to).
    """

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        # the registered checks, by what they re-check
        self._clause_checks, self._document_checks = rechecking(CLAUSE), rechecking(DOCUMENT)
        self._metadata_checks, self._numbering_checks = rechecking(METADATA), rechecking(NUMBERING)
        self._reference_checks = rechecking(REFERENCES)
        self._numbering_reviews, self._reference_reviews = reviewing(NUMBERING), reviewing(REFERENCES)
        self._everything = True  # nothing checked yet
        self._dirty: dict[str, Clause] = {}  # clauses whose own content must be re-checked
        self._around: dict[str, Clause] = {}  # clauses whose surroundings changed
        self._gaps: list[Clause | None] = []  # parents that clauses left
        self._removed: list[Clause] = []
        self._numbering_dirty = False
        self._dirty_owners: set[str | None] = set()
        self._labels_dirty = True
        self._checked: dict[str, _Checked] = {}
        self._referring: dict[str, Clause] = {}
        # owner -> ((start, expected start), findings)
        self._scope_cache: dict[str | None, tuple[tuple[object, ...], list[Finding]]] = {}
        self._numbering: list[Finding] = []
        self._metadata: list[Finding] | None = None  # None: to be checked
        self._index: dict[str, Clause] = {}
        self._result: list[Finding] | None = None
        self._clause_findings: list[Finding] | None = None  # None: clauses edited since
        self._positions: dict[str, tuple[int, ...]] = {}  # document order, until clauses move
        self._scopes: list[Scope] = []
        # expected labels per scope owner: (owner's expected core, member cores, member labels)
        self._expected_cache: dict[str | None, tuple[str, dict[str, str], dict[str, str]]] = {}
        self._expected_stale: set[str | None] = set()  # owners whose scopes were re-checked
        self._expected: dict[str, str] | None = None
        policy.subscribe(self._on_change)

    def close(self) -> None:
        """Stop listening to the policy and forget its clauses (a closed document's)."""
        try:
            self.policy.unsubscribe(self._on_change)
        except ValueError:
            pass
        self._checked, self._referring, self._index, self._positions = {}, {}, {}, {}
        self._scopes, self._numbering, self._scope_cache, self._expected_cache = [], [], {}, {}
        self._result = self._clause_findings = self._expected = None
        self._everything = True

    # -- listening ----------------------------------------------------------------------
    def _on_change(self, event: ChangeEvent) -> None:
        """Note what an edit touched; the work is done at the next `findings()`."""
        if event.phase != Phase.DONE:
            return
        self._result = None
        if event.kind == Change.METADATA:
            self._metadata = None
            return  # the clauses' findings stand
        self._clause_findings = None
        clause = event.clause
        if event.kind == Change.UPDATE and clause is not None:
            self._dirty[clause.id] = clause
            self._around[clause.id] = clause  # what precedes it may read differently now
            if event.field in ("label", "kind"):
                self._numbering_dirty = self._labels_dirty = True
                self._touch_owner(clause.parent)
                self._touch_owner(clause)
            return
        self._positions.clear()
        if event.kind not in (Change.INSERT, Change.REMOVE, Change.MOVE) or clause is None:
            self._everything = True
            return
        self._numbering_dirty = True
        if any(c.label for c in clause.walk()):
            self._labels_dirty = True
        if event.kind in (Change.REMOVE, Change.MOVE):
            self._gaps.append(event.parent)
            self._touch_owner(event.parent)
        if event.kind == Change.REMOVE:
            self._removed.append(clause)
        else:
            self._around[clause.id] = clause
            self._touch_owner(clause.parent)

    def _touch_owner(self, owner: Clause | None) -> None:
        self._dirty_owners.add(owner.id if owner is not None else None)
        if owner is not None:
            self._dirty[owner.id] = owner  # it may have gained or lost its children

    # -- the public entry ---------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """Every finding, in document order."""
        if self._result is not None:
            return list(self._result)
        if self._metadata is None or self._everything:
            self._metadata = [f for check in self._metadata_checks for f in check.run(self.policy)]
        if self._clause_findings is None or self._everything:
            self._clause_findings = self._check_clauses()
        # the metadata findings are about the header, which comes before every clause
        self._result = [*self._metadata, *self._clause_findings]
        return list(self._result)

    def _check_clauses(self) -> list[Finding]:
        with no_cycle_collection():  # a full check allocates many small objects that all stay alive
            if self._everything:
                self._check_everything()
            else:
                self._check_around_edits()
            if self._numbering_dirty or self._everything:
                self._check_numbering()
            self._everything = False
            return self._assemble()  # the term checks too: 10 young collections (45 ms) outside

    # -- content ------------------------------------------------------------------------
    def _check_everything(self) -> None:
        self._checked, self._referring = {}, {}
        for clause, context in contexts_in_order(self.policy):
            self._check_clause(clause, context)
        self._index = label_index(self.policy)
        self._labels_dirty = False
        self._forget_edits()

    def _check_around_edits(self) -> None:
        policy = self.policy
        for removed in self._removed:
            if not is_attached(policy, removed):
                for clause in removed.walk():
                    self._checked.pop(clause.id, None)
                    self._referring.pop(clause.id, None)
        near: dict[str, Clause] = {}
        for parent in self._gaps:  # whatever stood before a gap now precedes something else
            if parent is not None and not is_attached(policy, parent):
                continue
            for sibling in policy.children_of(parent):
                near[sibling.id] = sibling
                end = last_descendant(sibling)
                near[end.id] = end
            if parent is not None:
                near[parent.id] = parent
        for clause in self._around.values():
            if not is_attached(policy, clause):
                continue
            for other in (*clause.walk(), *siblings_of(policy, clause), preceding(policy, clause)):
                if other is not None:
                    near[other.id] = other
        for clause in self._dirty.values():
            if is_attached(policy, clause):
                near[clause.id] = clause
                before = preceding(policy, clause)  # whether this text continues its sentence
                if before is not None:
                    near[before.id] = before
        for clause_id, clause in near.items():
            context = context_of(policy, clause)
            checked = self._checked.get(clause_id)
            if checked is None or checked[0] != context or clause_id in self._dirty:
                self._check_clause(clause, context)
        if self._labels_dirty:
            self._index = label_index(policy)
            self._labels_dirty = False
        self._forget_edits()

    def _forget_edits(self) -> None:
        self._dirty.clear()
        self._around.clear()
        self._gaps.clear()
        self._removed.clear()

    def _check_clause(self, clause: Clause, context: Context) -> None:
        # whether its parent is a lead-in about another instrument is decided when assembling
        references = find_references(clause.text)  # most texts have none: no generator made for them
        refers = bool(references) and any(reference.kind == INTERNAL for reference in references)
        found = [f for check in self._clause_checks for f in check.run(clause, context)]
        self._checked[clause.id] = (context, found, refers, clause)
        if refers:
            self._referring[clause.id] = clause
        else:
            self._referring.pop(clause.id, None)

    # -- numbering ----------------------------------------------------------------------
    def _check_numbering(self) -> None:
        """Scopes and label styles; scopes whose owner and members are unchanged keep their findings."""
        all_scopes = scopes(self.policy)
        cache: dict[str | None, tuple[tuple[object, ...], list[Finding]]] = {}
        numbering: list[Finding] = []
        if self._everything:
            self._expected_cache.clear()
        for scope in all_scopes:
            owner_id = scope.owner.id if scope.owner is not None else None
            known = self._scope_cache.get(owner_id)
            # a scope's start depends on what stands before its heading (numbering run on)
            starts = (
                scope.start,
                scope.expected_start,
                scope.written_before,
                tuple(scope.word_starts.items()),
            )
            if known is None or known[0] != starts or self._everything or owner_id in self._dirty_owners:
                known = (starts, [f for check in self._numbering_checks for f in check.run(scope)])
                self._expected_stale.add(owner_id)
            cache[owner_id] = known
            numbering.extend(known[1])
        self._scope_cache = cache
        self._scopes = all_scopes
        self._expected = None
        numbering.extend(check_label_styles(all_scopes, self._position))
        evidence = Evidence(self.policy, all_scopes, self._index)
        for review in self._numbering_reviews:
            numbering = review.run(numbering, evidence)
        self._numbering = numbering
        self._dirty_owners.clear()
        self._numbering_dirty = False

    def expected_labels(self) -> dict[str, str]:
        """clause id -> the label its position calls for (as `model.numbering.expected_labels`).

        Worked out from the scopes the numbering check already derived; a scope's labels are
        kept until its members change or its owner's expected number does.
        """
        if self._everything or self._numbering_dirty:
            self.findings()
        if self._expected is None:
            cache: dict[str | None, tuple[str, dict[str, str], dict[str, str]]] = {}
            cores: dict[str, str] = {}
            labels: dict[str, str] = {}
            for scope in self._scopes:  # owners come before the scopes they own
                owner_id = scope.owner.id if scope.owner is not None else None
                owner_core = cores.get(owner_id, "") if owner_id is not None else ""
                entry = self._expected_cache.get(owner_id)
                if entry is None or entry[0] != owner_core or owner_id in self._expected_stale:
                    pairs = list(zip(scope.members, expected_cores(scope, owner_core), strict=True))
                    entry = (
                        owner_core,
                        {c.id: core for c, core in pairs},
                        {c.id: format_label(parse_label(c.label), core) for c, core in pairs},
                    )
                cache[owner_id] = entry
                cores.update(entry[1])
                labels.update(entry[2])
            self._expected_cache = cache
            self._expected_stale.clear()
            self._expected = labels
        return dict(self._expected)

    def _position(self, clause: Clause) -> tuple[int, ...]:
        key = self._positions.get(clause.id)
        if key is None:
            if not self._positions:  # one pass over the tree, not a search per clause
                self._positions = positions(self.policy)
                key = self._positions.get(clause.id)
            if key is None:
                key = self._positions[clause.id] = position(self.policy, clause)
        return key

    # -- result -------------------------------------------------------------------------
    def _assemble(self) -> list[Finding]:
        found = list(self._numbering)
        for _, content, _, _ in self._checked.values():
            found.extend(content)
        local: dict[str, dict[str, Clause]] = {}  # schedule id -> its own label index
        for clause in self._referring.values():
            for check in self._reference_checks:
                found.extend(check.run(clause, self._index, local))
        evidence = Evidence(self.policy, self._scopes, self._index)
        for review in self._reference_reviews:
            found = review.run(found, evidence)
        for check in self._document_checks:
            found.extend(check.run(self.policy))
        checked = self._checked
        keys: dict[str, tuple[int, ...]] = {}
        for finding in found:
            if finding.clause_id not in keys:
                known = checked.get(finding.clause_id)
                keys[finding.clause_id] = self._position(known[3]) if known is not None else ()
        found.sort(key=lambda f: (keys[f.clause_id], ORDER.get(f.code, len(ORDER))))
        return found


def run_checks(policy: Policy) -> list[Finding]:
    """Every finding for a policy, in document order."""
    checker = Checker(policy)
    try:
        return checker.findings()
    finally:
        checker.close()
