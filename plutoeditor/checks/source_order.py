"""Order findings that the source text contradicts are not errors.

An imported document's tree is the importer's reading of it. When "7.1" is reported out of
order after "6.5" (read as siblings under one owner), or "5." as leaving out 3-4 that were
read as children of "2.", the labels themselves stand in order in the source: the label
written just before, in the same style and depth, is a smaller one ("6.5" before "7.1") or
exactly the one before ("4." before "5."). The document is in order; the tree was misread,
so the finding is a warning. "1. 3. 2." stays an error: "3." is written just before "2.".
The same holds for a run reported under the wrong parent or as skipping a level when its
first label is the very next one after the label written before it ("7.1" after "6.5", at
the top level because "7" was not read as a clause); "3.1" under "2." after "1.2" stays.
"""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.checks.finding import NUMBERING, WARNING, Finding, Review
from plutoeditor.model.numbering import (
    DECIMAL,
    INSERTION,
    NUMBER,
    OTHER,
    SCHEDULE,
    Scope,
    parse_label,
    value_in,
)

_CODES = ("out-of-order", "numbering-gap", "skipped-level", "wrong-parent")
_NOTE = " (in the source the labels stand in order: the structure here may be misread)"

#: (the label's numbers as a sortable tuple, source line, clause id)
_Entry = tuple[tuple[tuple[int, int | str], ...], int, str]


def in_source_order(findings: list[Finding], all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with order and gap errors that the source order contradicts as warnings."""
    if not any(f.is_error and f.code in _CODES for f in findings):
        return findings
    lines: dict[tuple[str, int, str], list[_Entry]] = {}  # shape -> entries by source line
    where: dict[str, _Entry] = {}
    for scope in all_scopes:
        for clause in scope.members:
            label = parse_label(clause.label)
            if label.kind in (OTHER, SCHEDULE, INSERTION) or not label.parts or clause.source_line is None:
                continue
            value = value_in(label, scope.family)
            if value is None:
                continue
            key = (*(_part(p) for p in label.parts[:-1]), (0, value))
            family = DECIMAL if scope.family == NUMBER else scope.family  # "3." nested or not
            shape = (label.style(), len(label.parts), family)
            entry = (key, clause.source_line, clause.id)
            lines.setdefault(shape, []).append(entry)
            where[clause.id] = entry
    previous: dict[str, _Entry] = {}  # clause id -> the entry of the same shape written before it
    for entries in lines.values():
        entries.sort(key=lambda e: e[1])
        for earlier, later in zip(entries, entries[1:], strict=False):
            if earlier[1] < later[1]:
                previous[later[2]] = earlier
    result = []
    for finding in findings:
        if finding.is_error and finding.code in _CODES and finding.clause_id in where:
            entry = where[finding.clause_id]
            before = previous.get(finding.clause_id)
            if before is not None and _in_order(finding.code, before[0], entry[0]):
                finding = replace(finding, severity=WARNING, message=finding.message + _NOTE)
        result.append(finding)
    return result


def _part(part: str) -> tuple[int, int | str]:
    return (0, int(part)) if part.isdigit() else (1, part.lower())


def _in_order(code: str, before: tuple, key: tuple) -> bool:  # type: ignore[type-arg]
    if code == "out-of-order":
        return bool(before < key)
    if code == "numbering-gap":  # not one when the number before it is written just before it
        return bool(before[:-1] == key[:-1] and before[-1][1] + 1 == key[-1][1])
    return _follows(before, key)


def _follows(before: tuple, key: tuple) -> bool:  # type: ignore[type-arg]
    """Whether key is the next label after before: 6.4 -> 6.5, or 6.5 -> 7.1."""
    if before[:-1] == key[:-1]:
        return bool(before[-1][1] + 1 == key[-1][1])
    if len(key) < 2 or key[-1][1] != 1 or before[:-2] != key[:-2]:
        return False
    (kind, value), (new_kind, new_value) = before[-2], key[-2]
    return kind == new_kind == 0 and isinstance(value, int) and new_value == value + 1


#: Registered in `registry.REVIEWS`: the Checker runs it on the numbering findings.
REVIEW = Review("source order", NUMBERING, lambda found, seen: in_source_order(found, seen.scopes))
