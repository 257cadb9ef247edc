"""Broken references that one renumbering explains are one defect: said once, with its cause.

A data agreement whose section 4 was numbered 5 when it was drafted still says "Subject to
Sections 5.7 and 5.9" in 4.6, "complying with Section 5.6" in 4.7 and "Sections 5.6 and 5.7" in
4.9: five references to clauses the document lacks, each naming a clause section 4 has under the
same sub-number (4.6, 4.7, 4.9). That is one stale numbering, fixed in one pass over section 4.
The first such reference stays the error and says so, naming the others' lines and any
reference of the section to that old number that happens to resolve elsewhere ("Section 5.3" in
4.4, which lands on the 5.3 of the next section but means 4.3); the others become warnings that
point at it.

It takes two references to two different clauses of the section, each of the section's own
clause under the same sub-number, all from inside the section to one other section number.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from plutoeditor.checks.finding import REFERENCES, WARNING, Finding, Review
from plutoeditor.checks.reference_titles import about_this_section
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import parse_label
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import internal_references, reference_key


@dataclass
class _Shift:
    """The references of one section that read as written when it had another number."""

    section: Clause
    number: str  # the section's number now ("4")
    old: str  # the number the references use ("5")
    findings: list[Finding] = field(default_factory=list)
    meant: dict[str, str] = field(default_factory=dict)  # old target -> the section's clause label


def fold_renumbered(found: list[Finding], policy: Policy) -> list[Finding]:
    """The findings, with the broken references of a section renumbered since they were written
    said once: the first is the error naming the cause, the others warnings pointing at it."""
    broken = [f for f in found if f.code == "broken-reference" and f.is_error and "." in f.target]
    if len(broken) < 2:
        return found
    shifts: dict[tuple[str, str], _Shift] = {}
    for finding in broken:
        clause = policy.find(finding.clause_id)
        section = _section_of(clause) if clause is not None else None
        if section is None:
            continue
        number = parse_label(section.label).parts[0]
        old, _, rest = finding.target.partition(".")
        if old == number or not old.isdigit():
            continue
        own = _clause_numbered(section, f"{number}.{rest}")
        if own is None:
            continue
        shift = shifts.setdefault((section.id, old), _Shift(section, number, old))
        shift.findings.append(finding)
        shift.meant[finding.target] = own.label.strip().rstrip(".")
    lead_of: dict[int, tuple[Finding, _Shift]] = {}
    lead_message: dict[int, str] = {}
    order = {c.id: i for i, c in enumerate(policy.walk())}  # the first in the document leads
    for shift in shifts.values():
        if len(shift.meant) < 2:
            continue
        lead = min(shift.findings, key=lambda f: order.get(f.clause_id, len(order)))
        lead_message[id(lead)] = lead.message + _cause(shift, lead)
        for finding in shift.findings:
            if finding is not lead:
                lead_of[id(finding)] = (lead, shift)
    if not lead_message:
        return found
    led = {(shift.section.id, shift.old): lead for lead, shift in lead_of.values()}
    result = []
    for finding in found:
        if id(finding) in lead_message:
            finding = replace(finding, message=lead_message[id(finding)])
        elif finding.code == "misdirected-reference" and finding.is_error:
            finding = _in_a_shift(finding, policy, led)
        elif id(finding) in lead_of:
            lead, shift = lead_of[id(finding)]
            where = f", said at line {lead.line}" if lead.line else ""
            note = (
                f" (it likely means {shift.meant[finding.target]}: section {shift.number} was numbered"
                f" {shift.old} when its references were written{where})"
            )
            finding = replace(finding, severity=WARNING, message=finding.message + note)
        result.append(finding)
    return result


def _in_a_shift(finding: Finding, policy: Policy, led: dict[tuple[str, str], Finding]) -> Finding:
    """A "this Section 5" inside a section 4 that was numbered 5 when its references were written
    is that renumbering again: a warning pointing at the error that says so."""
    clause = policy.find(finding.clause_id)
    section = _section_of(clause) if clause is not None else None
    old = finding.target.partition(".")[0]
    lead = led.get((section.id, old)) if section is not None else None
    if section is None or lead is None or not about_this_section(finding):
        return finding
    where = f", said at line {lead.line}" if lead.line else ""
    number = section.label.strip().rstrip(".")
    note = f" (section {number} was numbered {old} when its references were written{where})"
    return replace(finding, severity=WARNING, message=finding.message + note)


def _section_of(clause: Clause) -> Clause | None:
    """The numbered section a clause stands in: its nearest ancestor (or itself) labelled with a
    bare number ("4." or "4")."""
    node: Clause | None = clause
    while node is not None:
        label = parse_label(node.label)
        if label.kind == "number" and len(label.parts) == 1 and label.parts[0].isdigit():
            return node
        node = node.parent
    return None


def _clause_numbered(section: Clause, key: str) -> Clause | None:
    key = reference_key(key)
    return next((c for c in section.walk() if c.label.strip() and reference_key(c.label) == key), None)


def _cause(shift: _Shift, lead: Finding) -> str:
    """ "; section 4 was likely numbered 5 when its references were written: its 5.6, 5.7 and 5.9
    (lines ...) are its own 4.6, 4.7 and 4.9, and so is 5.3 (line 629), which lands on ..." """
    olds = sorted(shift.meant, key=_number_order)
    lines = sorted({f.line for f in shift.findings if f.line})
    name = f"section {shift.number}"
    cause = (
        f"; {name} was likely numbered {shift.old} when its references were written: its "
        f"{_listed(olds)}{_at(lines)} are its own {_listed([shift.meant[old] for old in olds])}"
    )
    also = _resolved_elsewhere(shift)
    if also:
        olds = sorted(also, key=_number_order)
        verb = "is" if len(olds) == 1 else "are"
        cause += (
            f", and so {verb} {_listed([f'{old}{_at(also[old][0])}' for old in olds])}, which"
            f" {'lands' if len(olds) == 1 else 'land'} on other clauses so numbered but"
            f" {'means' if len(olds) == 1 else 'mean'} {_listed([also[old][1] for old in olds])}"
        )
    return cause


def _resolved_elsewhere(shift: _Shift) -> dict[str, tuple[list[int], str]]:
    """The section's references to the old number that a clause elsewhere answers ("5.3" from
    section 4 landing on the next section's 5.3) while the section has that clause too:
    old target -> (its lines, the section's clause)."""
    found: dict[str, tuple[list[int], str]] = {}
    for clause in shift.section.walk():
        for reference in internal_references(clause):
            old, _, rest = reference.base.partition(".")
            if old != shift.old or not rest or reference.base in shift.meant:
                continue
            own = _clause_numbered(shift.section, f"{shift.number}.{rest}")
            line = clause.line_of_text(reference.start)
            if own is not None:
                lines, _ = found.setdefault(reference.base, ([], own.label.strip().rstrip(".")))
                if line is not None and line not in lines:
                    lines.append(line)
    return found


def _at(lines: list[int]) -> str:
    if not lines:
        return ""
    return f" (line {lines[0]})" if len(lines) == 1 else f" (lines {_listed([str(n) for n in lines])})"


def _number_order(label: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in label.split("."))


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


#: Registered in `registry.REVIEWS` after the references to reported gaps.
REVIEW = Review(
    "references a renumbering explains", REFERENCES, lambda found, seen: fold_renumbered(found, seen.policy)
)
