"""Lists that start again: "1." right after an unnumbered paragraph begins a new list.

Pages write a list, then a paragraph or a short heading line, then another list numbered from
1 ("Account disapproval" and the same three steps again; "Popis služby" and its own items).
Read side by side, the second list's numbers look like duplicates of the first. When a run of
numbered clauses starts at the first number of its style right after an unnumbered clause,
and an earlier clause among the same siblings already has that number, the run goes under
that unnumbered clause: the paragraph introduces the list, and the list numbers on its own.
Numbering that carries on after the paragraph ("4." after "3.") is left as it is.
"""

from __future__ import annotations

from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.numbering import Label, letter_families, parse_label, value_in

_NUMBER = "number"


def _families(label: Label) -> tuple[str, ...]:
    if label.kind == _NUMBER:
        return (_NUMBER,)
    if label.kind == "letters":
        return letter_families(label.last)
    return ()


def _value(label: Label, family: str) -> int | None:
    return value_in(label, "decimal" if family == _NUMBER else family)


def _starts_list(label: Label) -> str | None:
    """The family in which a one-part label is the first number ("1.", "(a)", "i)"), else None."""
    if len(label.parts) != 1:
        return None
    return next((f for f in _families(label) if _value(label, f) == 1), None)


def _continues(previous: Label, label: Label, family: str) -> bool:
    """`label` is the next number after `previous`, written the same way."""
    if len(label.parts) != 1 or label.style() != previous.style() or family not in _families(label):
        return False
    before, value = _value(previous, family), _value(label, family)
    return before is not None and value == before + 1


def _introduces(clause: Clause) -> bool:
    """An unnumbered paragraph or heading that has no numbered clauses of its own yet."""
    return (
        not clause.label.strip()
        and clause.kind is ClauseKind.CLAUSE
        and bool(clause.heading.strip() or clause.text.strip())
        and not any(child.label.strip() for child in clause.children)
    )


def nest_restarted_lists(clauses: list[Clause]) -> bool:
    """Move each restarted list under the unnumbered clause before it; whether anything moved."""
    moved = False
    pending = [clauses]
    while pending:
        siblings = pending.pop()
        kept: list[Clause] = []
        numbers: set[str] = set()  # the numbers used so far among these siblings
        i = 0
        while i < len(siblings):
            clause = siblings[i]
            label = parse_label(clause.label)
            family = _starts_list(label) if label.raw else None
            if family and kept and _introduces(kept[-1]) and label.core.lower() in numbers:
                run = [clause]
                while i + len(run) < len(siblings):
                    following = siblings[i + len(run)]
                    if not _continues(parse_label(run[-1].label), parse_label(following.label), family):
                        break
                    run.append(following)
                lead = kept[-1]
                lead.children.extend(run)
                for member in run:
                    member.parent = lead
                moved = True
                i += len(run)
                continue
            if label.raw:
                numbers.add(label.core.lower())
            kept.append(clause)
            i += 1
        siblings[:] = kept
        pending.extend(c.children for c in kept if c.children)
    return moved
