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
  specifications. 10.2. Replacement Products."), or in a table row ("| ### 12. Confidentiality |");
- a clause so numbered stands in a schedule or exhibit (an instrument embedded whole, whose
  sections the body's text refers to);
- the part of the document it stands in has no numbered clause at all, or the numbering around
  the target skips two or more numbers (a converter's list numbering: 1, 3, 5, 6, 8);
- no clause is numbered anywhere near it ("section 512(c)(3)" in a document of 20 sections:
  another instrument's section, cited bare).
"""

from __future__ import annotations

import re
from dataclasses import replace

from plutoeditor.checks.finding import REFERENCES, WARNING, Finding, Review
from plutoeditor.checks.references import content_beside
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.numbering import parse_label
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import reference_key, schedule_index

_NO_NUMBERING = (
    " (the document has almost no numbered clauses; its numbering may be lost: this cannot be checked)"
)
_HAS_PARTS = " (clauses numbered within it exist: the clause itself may not have been read as one)"
_RUN_IN = " (it is written as a label in the text: the clause may not have been read as one)"
_UNNUMBERED = " (the document's sections are headings without numbers: it may be the heading so counted)"
_IN_SCHEDULE = " (a clause so numbered is in {}: the reference may point there)"
_PART_UNNUMBERED = (
    " (this part of the document has no numbered clauses; its numbering may be lost: this cannot be checked)"
)
_SKIPS = " (the numbering around it skips numbers: the clause may be numbered otherwise here)"
_FAR = " (no clause is numbered anywhere near it: it may be another instrument's section)"

#: A label opening a line: "4.1.  In addition", "**13.5 Fees.**", "(12) ...", "## 7. Term", or an
#: item id typed before the text of a clause Word numbers itself ("P.8 Security-incident history").
#: A table row holds a heading the page laid out in a table ("| ### 12. CONFIDENTIALITY |"); a label
#: with a stray letter typed after it ("2.1v License Grant") is still that label.
_LINE_LABEL = re.compile(
    r"^[\s>#*_|]*\(?((?:[A-Z]\.)?\d+(?:\.\d+)*)(?:[.):]|(?<=\.\d)[a-z])?(?=[\s*_]|$)", re.MULTILINE
)
#: A hierarchical label run into a paragraph after a sentence: "... specifications. 10.2. Replacement",
#: "... and V.3.   V.2. Other Products", "... un contrat. 9.4 Contact pour l'exercice des droits".
_RUN_ON_LABEL = re.compile(r"[.;:]\s+((?:[A-Z]{1,4}\.\d+|\d+\.\d+)(?:\.\d+)*)\.?\s+(?=[A-ZÀ-Þ])")
_NUMBERS = re.compile(r"\d+(?:\.\d+)*")
_LEADING = re.compile(r"\d+")


def doubt_references(found: list[Finding], policy: Policy, index: dict[str, Clause]) -> list[Finding]:
    """The findings, with broken references that cannot be confirmed as warnings, and without
    empty references to a lead-in whose content stands beside them."""
    found = [f for f in found if f.code != "empty-reference" or not _answered(f, policy, index)]
    broken = [f for f in found if f.code == "broken-reference" and f.is_error]
    if not broken:
        return found
    numbered = [c for top in policy.clauses for c in top.walk() if parse_label(c.label).kind == "number"]
    missing = {f.target.lower() for f in broken}
    lost = len(numbered) < 3 or len(numbered) < len(missing)
    parents = {key.rsplit(".", n)[0] for key in index for n in range(1, key.count(".") + 1)}
    tops = (parse_label(c.label).parts[0] for c in numbered)
    highest = max((int(top) for top in tops if top.isdigit()), default=0)
    run_in: set[str] | None = None
    schedules: dict[str, tuple[Clause, dict[str, Clause]]] | None = None
    result = []
    for finding in found:
        if finding.code == "broken-reference" and finding.is_error:
            target = finding.target.lower()
            clause = policy.find(finding.clause_id)
            note = ""
            if lost:
                note = _NO_NUMBERING
            elif target in parents:
                note = _HAS_PARTS
            else:
                if run_in is None:
                    run_in = _labels_in_text(policy)
                    schedules = schedule_index(policy)
                leading = _LEADING.match(target)
                first = int(leading[0]) if leading else 0
                if target in run_in:
                    note = _RUN_IN
                elif leading and clause is not None and first <= _unnumbered_sections(policy, clause):
                    note = _UNNUMBERED
                elif holder := next((s for s, own in (schedules or {}).values() if target in own), None):
                    note = _IN_SCHEDULE.format(holder.label.strip() or "a schedule")
                elif leading and clause is not None and not _numbered_part(policy, clause):
                    note = _PART_UNNUMBERED
                elif _NUMBERS.fullmatch(target) and _skipped(policy, target):
                    note = _SKIPS
                elif first > max(50, 3 * highest):
                    note = _FAR
            if note:
                finding = replace(finding, severity=WARNING, message=finding.message + note)
        result.append(finding)
    return result


def _sections(policy: Policy) -> list[Clause]:
    """The document's sections: its top-level clauses, or those under a title over all of them."""
    sections = policy.clauses
    if len(sections) == 1 and not sections[0].label.strip():
        return sections[0].children
    return sections


def _numbered_part(policy: Policy, clause: Clause) -> bool:
    """Whether the part of the document a clause stands in numbers its clauses: any label
    but letters ("a.", "(ii)") under it. A clause at the top, or a schedule, counts as numbered."""
    title = policy.clauses[0] if len(policy.clauses) == 1 and not policy.clauses[0].label.strip() else None
    node = clause
    while node.parent is not None and node.parent is not title:
        node = node.parent
    if node is clause or node.kind is ClauseKind.SCHEDULE:  # a schedule refers to the body's clauses
        return True
    labels = [parse_label(c.label) for c in node.walk() if c.label.strip()]
    return len(labels) < 3 or any(label.kind != "letters" for label in labels)


def _skipped(policy: Policy, target: str) -> bool:
    """Whether the target's number falls inside a run of its siblings that skips two or more
    numbers ("15" among sections 1, 3, 5, 6, 8 ... 20): that numbering is no count to go by."""
    parts = target.split(".")
    prefix, number = parts[:-1], int(parts[-1])
    if prefix:
        values = {
            int(label.parts[-1])
            for top in policy.clauses
            for c in top.walk()
            if (label := parse_label(c.label)).kind == "number" and list(label.parts[:-1]) == prefix
        }
    else:
        values = {
            int(label.parts[0])
            for c in _sections(policy)
            if (label := parse_label(c.label)).kind == "number" and len(label.parts) == 1
        }
    if not values or not min(values) < number < max(values):
        return False
    return max(values) - min(values) + 1 - len(values) >= 2


def _unnumbered_sections(policy: Policy, clause: Clause) -> int:
    """How many sections the clause's part has when they are headings without numbers, as pages
    whose numbers come from the website's styling are captured ("Section 13" is the 13th)."""
    count = 0
    node: Clause | None = clause
    while node is not None:
        siblings = policy.siblings_of(node)
        headed = [c for c in siblings if c.heading.strip()]
        if len(headed) >= 3 and not any(c.label.strip() for c in siblings):
            count = max(count, len(headed))
        node = node.parent
    return count


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
