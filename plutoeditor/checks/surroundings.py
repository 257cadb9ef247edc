"""Where a clause stands: document order, neighbours and the context the content checks need.

The whole-document pass (`contexts_in_order`, over `document_order`) serves a full check; the
single-clause functions (`context_of`, `preceding`, `position`) let the incremental checker
look only around an edit.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import product

from plutoeditor.checks.content import Context
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy

Placed = tuple[Clause, bool, bool]  # (clause, inside a schedule, unnumbered among numbered siblings)

#: Every context there is (four flags), made once: a full check asks for one per clause.
_CONTEXTS = {flags: Context(*flags) for flags in product((False, True), repeat=4)}


def _numbered(clause: Clause) -> bool:
    label = clause.label
    return bool(label) and not label.isspace()


def document_order(policy: Policy) -> list[Placed]:
    """Every clause in document order, with what its context needs to know about it."""
    result: list[Placed] = []
    append = result.append

    _place(policy.clauses, False, append)  # not a closure: one would refer to itself, a cycle
    return result


def _place(siblings: list[Clause], in_schedule: bool, append: Callable[[Placed], None]) -> None:
    numbered: bool | None = None  # whether any sibling is numbered, worked out when needed
    for clause in siblings:
        stray = False
        label = clause.label
        if not label or label.isspace():  # not _numbered(clause), without a call per clause
            if numbered is None:
                numbered = any(_numbered(c) for c in siblings)
            stray = numbered
        append((clause, in_schedule, stray))
        if clause.children:
            _place(clause.children, in_schedule or clause.kind is ClauseKind.SCHEDULE, append)


def make_context(clause: Clause, following: Clause | None, in_schedule: bool, stray: bool) -> Context:
    """The content-check context of a clause, given the clause that follows it."""
    completed = continued = False
    if following is not None and following.kind is not ClauseKind.SCHEDULE:
        label = following.label
        if label and not label.isspace():  # _numbered(following)
            # a lead-in is completed by the list an unnumbered lead-in opens
            completed = continued = following.parent is clause.parent and not _numbered(clause)
        else:
            # ... or by a paragraph; "that result from" + "the use of ..." is one sentence
            completed = True
            text = following.text
            continued = text[:1].islower() or (text[:1].isspace() and text.lstrip()[:1].islower())
    return _CONTEXTS[completed, continued, stray, in_schedule]


def contexts_in_order(policy: Policy) -> list[tuple[Clause, Context]]:
    """Every clause in document order with its content-check context, the clause after it
    read from the same list (one pass, for a full check)."""
    ordered = document_order(policy)
    followers: list[Clause | None] = [placed[0] for placed in ordered]
    followers.append(None)
    return [
        (clause, make_context(clause, following, in_schedule, stray))
        for (clause, in_schedule, stray), following in zip(ordered, followers[1:], strict=True)
    ]


def siblings_of(policy: Policy, clause: Clause) -> list[Clause]:
    return clause.parent.children if clause.parent is not None else policy.clauses


def _index(siblings: list[Clause], clause: Clause) -> int:
    return siblings.index(clause)  # clauses compare by identity, so this finds this very one


def is_attached(policy: Policy, clause: Clause) -> bool:
    """Whether a clause is (still) in the document."""
    while clause.parent is not None:
        clause = clause.parent
    return any(top is clause for top in policy.clauses)


def following(policy: Policy, clause: Clause) -> Clause | None:
    """The next clause in document order."""
    if clause.children:
        return clause.children[0]
    node: Clause | None = clause
    while node is not None:
        siblings = siblings_of(policy, node)
        i = _index(siblings, node)
        if i + 1 < len(siblings):
            return siblings[i + 1]
        node = node.parent
    return None


def preceding(policy: Policy, clause: Clause) -> Clause | None:
    """The previous clause in document order."""
    siblings = siblings_of(policy, clause)
    i = _index(siblings, clause)
    if i == 0:
        return clause.parent
    node = siblings[i - 1]
    while node.children:
        node = node.children[-1]
    return node


def last_descendant(clause: Clause) -> Clause:
    while clause.children:
        clause = clause.children[-1]
    return clause


def context_of(policy: Policy, clause: Clause) -> Context:
    """The context of one clause, found by walking the tree around it."""
    in_schedule = False
    ancestor = clause.parent
    while ancestor is not None:
        if ancestor.kind is ClauseKind.SCHEDULE:
            in_schedule = True
            break
        ancestor = ancestor.parent
    stray = not _numbered(clause) and any(_numbered(c) for c in siblings_of(policy, clause))
    return make_context(clause, following(policy, clause), in_schedule, stray)


def positions(policy: Policy) -> dict[str, tuple[int, ...]]:
    """`position` of every clause, in one pass over the tree. O(n)."""
    result: dict[str, tuple[int, ...]] = {}

    _positions_below(policy.clauses, (), result)  # not a closure: one would refer to itself, a cycle
    return result


def _positions_below(
    siblings: list[Clause], path: tuple[int, ...], result: dict[str, tuple[int, ...]]
) -> None:
    for i, clause in enumerate(siblings):
        here = (*path, i)
        result[clause.id] = here
        if clause.children:
            _positions_below(clause.children, here, result)


def position(policy: Policy, clause: Clause) -> tuple[int, ...]:
    """A sort key in document order: the clause's index at each level."""
    path = []
    node: Clause | None = clause
    while node is not None:
        path.append(_index(siblings_of(policy, node), node))
        node = node.parent
    return tuple(reversed(path))
