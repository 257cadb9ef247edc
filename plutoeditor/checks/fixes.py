"""Quick fixes: the edit that resolves a finding, with a name the user can read in a menu.

Numbering findings have fixes (renumber the section, relabel a run, restyle labels);
a reference whose title names another clause is pointed at that clause; other reference and
content findings need a person to write the missing text, so they have none;
term findings: write the term as defined, add a definition stub (`checks.terms_fixes`).
"""

from __future__ import annotations

from plutoeditor.checks.finding import Finding
from plutoeditor.checks.lead_in_items import written_for_a_lead_in
from plutoeditor.checks.missing_parents import missing_parent, numbered_cores
from plutoeditor.checks.numbering import restyle_labels
from plutoeditor.checks.reference_titles import redirect
from plutoeditor.checks.terms import TERM_CODES
from plutoeditor.checks.terms_fixes import term_fix
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import expected_labels, parse_label, scopes
from plutoeditor.model.operations import Operation
from plutoeditor.model.policy import Policy
from plutoeditor.model.renumber import relabel, renumber


def fix_for(policy: Policy, finding: Finding) -> tuple[str, Operation] | None:
    """(menu text, edit) that fixes a finding, or None when only a person can fix it."""
    clause = policy.find(finding.clause_id)
    if clause is None:
        return None
    if finding.code in TERM_CODES:
        return term_fix(policy, finding)
    if finding.code in ("wrong-parent", "skipped-level"):
        if finding.code == "wrong-parent" and missing_parent(clause, numbered_cores(scopes(policy))):
            return None  # "15.2 is missing": adding 15.2 or relabelling the run is the author's call
        return _relabel_run(policy, clause)
    if finding.code == "numbering-gap" and not clause.label.strip():
        return _number_heading(policy, clause, finding.expected_label)
    if finding.code == "duplicate-number" and written_for_a_lead_in(policy, clause):
        return None  # "(b)" standing for (i) under "(a) ...:": moving it there is the author's call
    if finding.code in ("duplicate-number", "numbering-gap", "out-of-order"):
        owner = _scope_owner(clause)
        where = "the document"
        if owner is not None:
            where = f"section {owner.label.strip()}" if owner.label.strip() else f"“{owner.display_name(30)}”"
        name = f"Renumber {where}"
        edit = renumber(policy, owner)
        edit.name = name
        return (name, edit) if edit.operations else None
    if finding.code == "misdirected-reference":
        return redirect(policy, clause, finding)
    if finding.code == "label-style":
        changes = restyle_labels(scopes(policy), clause)
        if not changes:
            return None
        first, count = changes[clause.id], len(changes)
        name = f"Write {clause.label.strip()} as {first}" + (f" ({count} labels)" if count > 1 else "")
        return name, relabel(policy, changes, name)
    return None


def _number_heading(policy: Policy, heading: Clause, label: str) -> tuple[str, Operation] | None:
    """Give a heading that lost its number the one missing ("lost_numbers"), when it stands among
    the clauses numbered at that level: inside another section, a number would not place it."""
    wanted = parse_label(label)
    shape = (wanted.kind, wanted.parts[:-1])
    if not label or not any(
        c.label.strip() and (parse_label(c.label).kind, parse_label(c.label).parts[:-1]) == shape
        for c in policy.siblings_of(heading)
    ):
        return None
    name = f"Number “{heading.display_name(30)}” {label}"
    return name, relabel(policy, {heading.id: label}, name)


def _scope_owner(clause: Clause) -> Clause | None:
    """The clause whose children `clause` is numbered among (None: the top level)."""
    return clause.parent


def _relabel_run(policy: Policy, first: Clause) -> tuple[str, Operation] | None:
    """Relabel the run of siblings written with the same wrong prefix, and what is below them."""
    siblings = policy.siblings_of(first)
    prefix = parse_label(first.label).parts[:-1]
    start = first.index_in_parent(siblings)
    run = []
    for clause in siblings[start:]:
        label = parse_label(clause.label)
        if not clause.label.strip():
            continue
        if label.parts[:-1] != prefix:
            break
        run.append(clause)
    expected = expected_labels(policy)
    changes = {
        c.id: expected[c.id]
        for member in run
        for c in member.walk()
        if c.id in expected and expected[c.id] != c.label.strip()
    }
    if not changes:
        return None
    old = first.label.strip() if len(run) == 1 else f"{first.label.strip()}-{run[-1].label.strip()}"
    new_first, new_last = expected[first.id], expected[run[-1].id]
    new = new_first if len(run) == 1 else f"{new_first}-{new_last}"
    name = f"Relabel {old} as {new}"
    return name, relabel(policy, changes, name)
