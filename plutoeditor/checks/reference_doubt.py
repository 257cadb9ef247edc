"""Broken references that the document cannot confirm are warnings, not errors.

"Refers to clause 14, which is not in this document" is an error a reader accepts only when
the document's numbering was read well enough to know. It is a warning when:
- the document has almost no numbered clauses (its numbering was lost in capture: fewer
  numbered clauses than three, or than the distinct targets that cannot be found);
- the target's own parts exist ("14" while 14.1-14.5 are there: the heading 14 was not
  read as a clause);
- the target is written as a label at the start of a line of some clause's text ("4.1. In
  addition ..." run into the text of the clause before it, or "C.2 Tax returns ..." typed as
  the item's id in a list Word numbers 3.2), or after a sentence within it ("...
  specifications. 10.2. Replacement Products.").
"""

from __future__ import annotations

import re
from dataclasses import replace

from plutoeditor.checks.finding import REFERENCES, WARNING, Finding, Review
from plutoeditor.checks.references import content_beside
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import parse_label
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import reference_key

_NO_NUMBERING = (
    " (the document has almost no numbered clauses; its numbering may be lost: this cannot be checked)"
)
_HAS_PARTS = " (clauses numbered within it exist: the clause itself may not have been read as one)"
_RUN_IN = " (it is written as a label in the text: the clause may not have been read as one)"
_UNNUMBERED = " (the document's sections are headings without numbers: it may be the heading so counted)"

#: A label opening a line: "4.1.  In addition", "**13.5 Fees.**", "(12) ...", "## 7. Term", or an
#: item id typed before the text of a clause Word numbers itself ("P.8 Security-incident history").
_LINE_LABEL = re.compile(r"^[\s>#*_]*\(?((?:[A-Z]\.)?\d+(?:\.\d+)*)[.):]?(?=[\s*_]|$)", re.MULTILINE)
#: A hierarchical label run into a paragraph after a sentence: "... specifications. 10.2. Replacement".
_RUN_ON_LABEL = re.compile(r"[.;:]\s+(\d+(?:\.\d+)+)\.\s+(?=[A-Z])")


def doubt_references(found: list[Finding], policy: Policy, index: dict[str, Clause]) -> list[Finding]:
    """The findings, with broken references that cannot be confirmed as warnings, and without
    empty references to a lead-in whose content stands beside it."""
    found = [f for f in found if f.code != "empty-reference" or not _answered(f, policy, index)]
    broken = [f for f in found if f.code == "broken-reference" and f.is_error]
    if not broken:
        return found
    numbered = sum(1 for top in policy.clauses for c in top.walk() if parse_label(c.label).kind == "number")
    missing = {f.target.lower() for f in broken}
    lost = numbered < 3 or numbered < len(missing)
    parents = {key.rsplit(".", n)[0] for key in index for n in range(1, key.count(".") + 1)}
    run_in: set[str] | None = None
    headings = _unnumbered_sections(policy)
    result = []
    for finding in found:
        if finding.code == "broken-reference" and finding.is_error:
            target = finding.target.lower()
            note = ""
            if lost:
                note = _NO_NUMBERING
            elif target in parents:
                note = _HAS_PARTS
            else:
                if run_in is None:
                    run_in = _labels_in_text(policy)
                if target in run_in:
                    note = _RUN_IN
                elif target.isdigit() and 0 < int(target) <= headings:
                    note = _UNNUMBERED
            if note:
                finding = replace(finding, severity=WARNING, message=finding.message + note)
        result.append(finding)
    return result


def _unnumbered_sections(policy: Policy) -> int:
    """How many sections the document has when they are headings without numbers, as pages
    whose numbers come from the website's styling are captured ("Section 13" is the 13th)."""
    sections = policy.clauses
    if len(sections) == 1 and not sections[0].label.strip():  # the title over all of them
        sections = sections[0].children
    headed = [c for c in sections if c.heading.strip()]
    if len(headed) < 3 or any(c.label.strip() for c in sections):
        return 0
    return len(headed)


def _answered(finding: Finding, policy: Policy, index: dict[str, Clause]) -> bool:
    """An empty reference whose target ends ":" and whose content follows beside it."""
    target = index.get(reference_key(finding.target))
    if target is None or target.children:
        return False
    body = (target.text.strip() or target.heading.strip()).rstrip()
    return body.endswith(":") and content_beside(target, policy.siblings_of(target))


def _labels_in_text(policy: Policy) -> set[str]:
    found: set[str] = set()
    for top in policy.clauses:
        for clause in top.walk():
            for text in (clause.heading, clause.text):
                if text:
                    found.update(m.group(1).lower() for m in _LINE_LABEL.finditer(text))
                    found.update(m.group(1).lower() for m in _RUN_ON_LABEL.finditer(text))
    return found


#: Registered in `registry.REVIEWS`: the Checker runs it on the clauses' findings.
REVIEW = Review(
    "doubtful references", REFERENCES, lambda found, seen: doubt_references(found, seen.policy, seen.index)
)
