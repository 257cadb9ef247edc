"""How every report names a change and counts changes: one wording for the text report, JSON,
the HTML and Word redlines and the compare window, so they never disagree.

A clause whose heading or text changed is "changed" (once, whichever changed); "relabelled"
counts label changes; a clause can be both, and moved as well. A change that is only
renumbering (its label, and the references in it following renumbered clauses) is
"renumbering only": a reviewer can hide it or step over it.
"""

from __future__ import annotations

from plutoeditor.compare.result import ClauseChange, Comparison

#: The summary's counts in the order every report shows them, with the words they use.
COUNT_NAMES = (
    ("added", "added"),
    ("removed", "removed"),
    ("text_changed", "changed"),
    ("moved", "moved"),
    ("relabelled", "relabelled"),
    ("unchanged", "unchanged"),
)

#: The kinds of change a reviewer can filter by, as the window and the reports name them.
KIND_NAMES = {
    "added": "added",
    "removed": "removed",
    "changed": "changed",
    "moved": "moved",
    "renumbering": "renumbering only",
}


def count_parts(comparison: Comparison) -> list[str]:
    """["2 added", "1 removed", "3 changed (1 only references following renumbering)", ...]."""
    counts = comparison.summary()
    parts = []
    for key, name in COUNT_NAMES:
        part = f"{counts[key]} {name}"
        if key == "text_changed" and counts["references_followed"]:
            part += f" ({counts['references_followed']} only references following renumbering)"
        parts.append(part)
    return parts


def summary_sentence(comparison: Comparison, separator: str = ", ") -> str:
    """The counts as one line: "2 added, 1 removed, 3 changed, 1 moved, 4 relabelled, 9 unchanged"."""
    return separator.join(count_parts(comparison))


def what_changed(change: ClauseChange) -> list[str]:
    """What happened to a clause, in the words every report uses ("moved", "relabelled",
    "heading changed", "text changed" or "references follow renumbering")."""
    if change.status in ("added", "removed"):
        return [change.status]
    return [
        word
        for word, flag in (
            ("moved", change.moved),
            ("relabelled", change.relabelled),
            ("heading changed", change.heading_changed),
            ("references follow renumbering", change.text_changed and change.references_followed),
            ("text changed", change.text_changed and not change.references_followed),
        )
        if flag
    ]


def kind_of(change: ClauseChange) -> str:
    """The one kind a change is filtered by: added, removed, moved, changed, renumbering, or
    "" when nothing changed. A moved clause is "moved" even when it also changed."""
    if change.status in ("added", "removed"):
        return change.status
    if change.moved:
        return "moved"
    if change.heading_changed or (change.text_changed and not change.references_followed):
        return "changed"
    if change.relabelled or change.references_followed:
        return "renumbering"
    return ""


def is_renumbering_only(change: ClauseChange) -> bool:
    """Only the label, and references following renumbered clauses, changed."""
    return kind_of(change) == "renumbering"
