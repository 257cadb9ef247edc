"""A run of sub-clauses under the wrong parent, when the parent they name is nowhere written.

"15.1." then "15.2.1" to "15.2.5" and "15.3.": the sub-clauses are right and 15.2 is missing,
so "expected 15.1.1–15.1.5" names the wrong fix; the finding says that 15.2 is missing (and
offers no relabelling: only the author knows). "1.5.2." under "15.1." where 15.2 comes next is
15.2 written with a stray point. A run that opens right under an unnumbered heading ("**Disclaimers**"
then "15.1") is numbered as if the heading were section 15: the heading stands for the missing
number, so the finding is a warning. When the parent is written elsewhere ("2.1" under "1." and
"2." further on), the finding is left as the numbering check made it, unless that number is the
label written just before the run (then the tree misplaced it: a warning).

A missing parent is one defect: "15.3." after "15.1." is not reported again as leaving out 15.2,
nor "4." after "2." as leaving out 3 when "3.1" stands under "2.".
"""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.checks.finding import NUMBERING, WARNING, Finding, Review
from plutoeditor.checks.heading_like import looks_like_heading
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import OTHER, SCHEDULE, Scope, parse_label
from plutoeditor.model.policy import Policy

_PLACEMENT = ("wrong-parent", "skipped-level")
_HEADED = " (right after the heading “{heading}”, which may stand for {parent})"


def numbered_cores(all_scopes: list[Scope]) -> set[str]:
    """The cores of every numbered clause ("15.2", "3"), lower case."""
    found: set[str] = set()
    for scope in all_scopes:
        for clause in scope.members:
            label = parse_label(clause.label)
            if label.kind not in (OTHER, SCHEDULE) and label.parts:
                found.add(label.core.lower())
    return found


def missing_parent(clause: Clause, cores: set[str]) -> str:
    """The parent a hierarchical label names when no clause is so numbered ("" otherwise)."""
    label = parse_label(clause.label)
    if label.kind != "number" or len(label.parts) < 2:
        return ""
    parent = ".".join(label.parts[:-1])
    return "" if parent.lower() in cores else parent


def reread(findings: list[Finding], policy: Policy, all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with placements whose parent is missing said so (see the module doc)."""
    if not any(f.is_error and f.code in _PLACEMENT for f in findings):
        return findings
    cores = numbered_cores(all_scopes)
    result = []
    named: dict[str, str] = {}  # the id of the clause a run stands under -> the missing number named
    for finding in findings:
        clause = policy.find(finding.clause_id) if finding.is_error and finding.code in _PLACEMENT else None
        parent = missing_parent(clause, cores) if clause is not None else ""
        if clause is not None and parent:
            finding = _reread(finding, clause, parent, policy)
            if finding.is_error and finding.code == "wrong-parent" and clause.parent is not None:
                named[clause.parent.id] = finding.expected_label or parent
        elif clause is not None and finding.code == "wrong-parent":
            finding = _parent_just_before(finding, clause, policy)
        result.append(finding)
    if named:
        result = [f for f in result if not _knock_on_gap(f, named, policy)]
    return result


def _knock_on_gap(finding: Finding, named: dict[str, str], policy: Policy) -> bool:
    """Whether a gap leaves out only the number a wrong-parent finding already names as missing:
    "15.3." right after "15.1.", under which "15.2.1" stands while 15.2 is written nowhere."""
    if finding.code != "numbering-gap":
        return False
    clause = policy.find(finding.clause_id)
    if clause is None:
        return False
    siblings = policy.children_of(clause.parent)
    at = next((i for i, c in enumerate(siblings) if c is clause), 0)
    before = next((c for c in reversed(siblings[:at]) if c.label.strip()), None)
    if before is None or before.id not in named:
        return False
    label, previous, missing = parse_label(clause.label), parse_label(before.label), named[before.id]
    parts = tuple(missing.split("."))
    if not (label.parts[:-1] == previous.parts[:-1] == parts[:-1] and label.parts and previous.parts):
        return False
    numbers = (previous.parts[-1], parts[-1], label.parts[-1])
    if not all(n.isdigit() for n in numbers):
        return False
    low, gone, high = (int(n) for n in numbers)
    return low + 1 == gone == high - 1


def _parent_just_before(finding: Finding, clause: Clause, policy: Policy) -> Finding:
    """A run whose parent's number is the label written just before it ("**1. ACCEPTANCE**" then
    "1.1" of a second instrument on the page), while the tree put it elsewhere: the placement is
    the tree's doubt, so a warning."""
    label = parse_label(clause.label)
    before: Clause | None = None
    for top in policy.clauses:
        for c in top.walk():
            if c is clause:
                break
            if c.label.strip():
                before = c
        else:
            continue
        break
    if before is None or before is clause.parent or parse_label(before.label).parts != label.parts[:-1]:
        return finding
    where = f" at line {before.line}" if before.line else ""
    note = f" ({before.label.strip()} is written just before it{where}: the tree may have misplaced it)"
    return replace(finding, severity=WARNING, message=finding.message + note)


def _reread(finding: Finding, clause: Clause, parent: str, policy: Policy) -> Finding:
    siblings = policy.children_of(clause.parent)
    heading = _heading_before(clause, siblings)
    if heading:
        note = _HEADED.format(heading=heading, parent=parent)
        return replace(finding, severity=WARNING, message=finding.message + note)
    if finding.code != "wrong-parent":
        return finding
    owner = parse_label(clause.parent.label) if clause.parent is not None else None
    label = parse_label(clause.label)
    if owner is not None and owner.parts and owner.parts[-1].isdigit():
        following = ".".join((*owner.parts[:-1], str(int(owner.parts[-1]) + 1)))
        beside = policy.children_of(clause.parent.parent) if clause.parent is not None else []
        taken = any(parse_label(c.label).core == following for c in beside)
        if "".join(label.parts) == following.replace(".", "") and not taken:
            message = (
                f"{label.raw} is under {owner.raw}; it reads as {following} written with a stray point"
                f" ({following} is missing)"
            )
            return replace(finding, message=message, expected_label=following)
    run = _run(clause, siblings)
    written = run[0].label.strip() if len(run) == 1 else f"{run[0].label.strip()}–{run[-1].label.strip()}"
    verb = "stands" if len(run) == 1 else "stand"
    under = f"under {owner.raw}" if owner is not None else "at the top level"
    return replace(finding, message=f"{parent} is missing: {written} {verb} {under}", expected_label="")


def _run(first: Clause, siblings: list[Clause]) -> list[Clause]:
    """The labelled siblings from `first` on written with its prefix."""
    prefix = parse_label(first.label).parts[:-1]
    start = next((i for i, c in enumerate(siblings) if c is first), 0)
    run = []
    for clause in siblings[start:]:
        if not clause.label.strip():
            continue
        label = parse_label(clause.label)
        if label.parts[:-1] != prefix:
            break
        run.append(clause)
    return run or [first]


def _heading_before(clause: Clause, siblings: list[Clause]) -> str:
    """The unnumbered heading right before the clause among its siblings ("" when none)."""
    at = next((i for i, c in enumerate(siblings) if c is clause), 0)
    if at == 0:
        return ""
    before = siblings[at - 1]
    if before.label.strip() or before.children:
        return ""
    line = (
        before.heading.strip() if before.heading.strip() and not before.text.strip() else before.text.strip()
    )
    return line if "\n" not in line and looks_like_heading(line) else ""


#: Registered in `registry.REVIEWS`: the Checker runs it on the numbering findings.
REVIEW = Review("missing parents", NUMBERING, lambda found, seen: reread(found, seen.policy, seen.scopes))
