"""References to one missing number from several places are one defect: said once, at the first.

A terms page whose dispute section was renumbered says "this Subsection 12.2" at line 232,
"Section 12.2" at 236 and again at 259: each reference is broken the same way, and a reader fixes
them together once they know what 12.2 was meant to be. The first stays the error and names the
lines of the others; those become warnings that point at it.

So is one misdirected reference written in several places: "Section 12 (Dispute Resolution)" at
lines 197 and 201 of a page where Dispute Resolution is 13. Broken references that a gap or a
renumbering already explains are warnings by now and are left as they are.
"""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.checks.finding import REFERENCES, WARNING, Finding, Review
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import reference_key


def fold_repeated(found: list[Finding], policy: Policy) -> list[Finding]:
    """The findings, with the broken references to one missing number after the first turned into
    warnings pointing at it, and the first naming where the number is referred to again; so too
    the same misdirected reference written in several places ("Section 12 (Dispute Resolution)"
    at lines 197 and 201, when Dispute Resolution is 13)."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in found:
        if finding.code == "broken-reference" and finding.is_error:
            groups.setdefault((finding.code, reference_key(finding.target)), []).append(finding)
        elif finding.code == "misdirected-reference" and finding.is_error:
            groups.setdefault((finding.code, finding.message), []).append(finding)
    repeated = {key: refs for key, refs in groups.items() if len(refs) > 1}
    if not repeated:
        return found
    notes: dict[int, tuple[str, str | None]] = {}  # id -> (note, new severity)
    order = {c.id: i for i, c in enumerate(policy.walk())}  # the first in the document leads
    for (code, _), refs in repeated.items():
        lead = min(refs, key=lambda f: order.get(f.clause_id, len(order)))
        others = sorted({f.line for f in refs if f is not lead and f.line})
        missing = code == "broken-reference"
        if others:
            word = "line" if len(others) == 1 else "lines"
            kind = "one missing number" if missing else "one misdirection"
            written = "referred to" if missing else "written"
            notes[id(lead)] = (f" (also {written} at {word} {_listed(others)}: {kind})", None)
        where = f" at line {lead.line}" if lead.line else ""
        same = f"the same missing {lead.target} as" if missing else "the same as"
        for finding in refs:
            if finding is not lead:
                notes[id(finding)] = (f" ({same}{where}, reported there)", WARNING)
    result = []
    for finding in found:
        if id(finding) in notes:
            note, severity = notes[id(finding)]
            finding = replace(finding, message=finding.message + note, severity=severity or finding.severity)
        result.append(finding)
    return result


def _listed(lines: list[int]) -> str:
    shown = [str(n) for n in lines]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


#: Registered in `registry.REVIEWS` last: after gaps and renumberings have explained theirs.
REVIEW = Review(
    "references to one missing number", REFERENCES, lambda found, seen: fold_repeated(found, seen.policy)
)
