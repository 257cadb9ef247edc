"""The structural keys of the Document view as model operations: Enter adds the next
clause, Backspace at a clause's start merges it into the one before, a paste of several
paragraphs becomes several clauses (their labels read by the text importer).

Each function returns one operation (a Batch where several steps make one edit) for the
document's undo stack, and the clause the cursor should go to; nothing here touches Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plutoeditor.export.page_text import heading_line
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.importers.labels import split_label
from plutoeditor.importers.text import import_text, normalise
from plutoeditor.model import Clause, ClauseKind, Policy
from plutoeditor.model import operations as ops
from plutoeditor.model.clause import new_clause_id
from plutoeditor.model.labels import (
    DECIMAL,
    format_label,
    format_number,
    letter_families,
    parse_label,
    value_in,
)

#: A first line the importer takes as the title, so the pasted lines are all read as clauses.
_TITLE = "Pasted clauses"
_WORD = re.compile(r"\w+")


@dataclass
class Edit:
    """An operation, what Edit > Undo calls it, and where the cursor goes afterwards."""

    operation: ops.Operation
    clause: Clause
    position: int = 0


def _place_after(policy: Policy, clause: Clause) -> tuple[str | None, int]:
    """Where the clause after `clause` at its level goes (its parent and index)."""
    siblings = policy.siblings_of(clause)
    return (clause.parent.id if clause.parent else None), clause.index_in_parent(siblings) + 1


def next_label(label: str, before: str = "") -> str:
    """The label after `label` in its own style, as Word's numbering would continue it:
    "1.2" -> "1.3", "(a)" -> "(b)", "iv." -> "v.", "6." -> "7."; "" for an unnumbered clause
    or a label that cannot be continued ("1A", "Schedule 1"). `before` is the label of the
    clause before `label`: "(i)" after "(h)" is a letter, otherwise a roman numeral."""
    written = parse_label(label)
    if written.kind not in ("number", "letters") or not written.parts:
        return ""
    families = (DECIMAL,) if written.last.isdigit() else letter_families(written.last)
    if not families:
        return ""
    if len(families) > 1:  # a letter or a roman numeral: the clause before decides
        alpha, roman = families
        previous = parse_label(before)
        here, there = value_in(written, alpha), value_in(previous, alpha) if before else None
        families = (alpha,) if here is not None and there is not None and there + 1 == here else (roman,)
    value = value_in(written, families[0])
    if value is None:
        return ""
    core = ".".join((*written.parts[:-1], format_number(value + 1, families[0])))
    return format_label(written, core)


def new_clause_after(policy: Policy, clause: Clause, position: int) -> Edit:
    """Enter: at the end of the text a new empty clause at the clause's level (its first
    sub-clause when it has sub-clauses, which is where the reader's eye goes next); inside
    the text the clause is split there and the rest becomes that new clause. A new clause
    after a numbered one gets the next number in its style ("1.3" after "1.2"); one that
    becomes a first sub-clause takes the label of the sub-clause it goes before, and the
    numbering findings show what else a renumber would change."""
    rest = clause.text[position:]
    first_child = bool(clause.children) and not rest
    siblings = policy.siblings_of(clause)
    index = clause.index_in_parent(siblings)
    before = siblings[index - 1].label if index else ""
    label = clause.children[0].label if first_child else next_label(clause.label, before)
    new = Clause(label=label, text=rest.lstrip("\n "), kind=clause.kind)
    steps: list[ops.Operation] = []
    if rest:
        steps.append(ops.SetClauseField(clause.id, "text", clause.text[:position].rstrip("\n ")))
    if first_child:
        steps.append(ops.InsertClause(clause.id, 0, new))
    else:
        parent_id, index = _place_after(policy, clause)
        steps.append(ops.InsertClause(parent_id, index, new))
    return Edit(ops.Batch(steps, name="New clause" if not rest else "Split clause"), new, 0)


def merge_into_previous(policy: Policy, clause: Clause, previous: Clause) -> Edit | None:
    """Backspace at the start of `clause`: its heading and text join the end of `previous`
    (the clause before it in reading order); its sub-clauses keep their place in reading
    order and their level (under `previous`, or its ancestor at this clause's level; when
    `previous` is the parent, they take the clause's place)."""
    if previous is clause:
        return None
    parts = [p for p in (previous.text, clause.heading.strip(), clause.text) if p]
    position = len(previous.text) + (1 if previous.text and len(parts) > 1 else 0)
    joined = "\n".join(parts)  # a paragraph of its own: a second Backspace joins the paragraphs
    steps: list[ops.Operation] = [ops.SetClauseField(previous.id, "text", joined)]
    siblings = policy.siblings_of(clause)
    index = clause.index_in_parent(siblings)
    holder = previous  # the clause before, or its ancestor at this clause's level
    for _ in range(policy.depth_of(previous) - policy.depth_of(clause)):
        holder = holder.parent  # type: ignore[assignment]
    if holder is not clause.parent and policy.depth_of(holder) == policy.depth_of(clause):
        base = len(holder.children)  # sub-clauses keep their level and follow the text they followed
        for i, child in enumerate(clause.children):
            steps.append(ops.MoveClause(child.id, holder.id, base + i))
    else:  # merged into its parent: its sub-clauses take its place
        parent_id = clause.parent.id if clause.parent else None
        for i, child in enumerate(clause.children):
            steps.append(ops.MoveClause(child.id, parent_id, index + 1 + i))
    steps.append(ops.DeleteClause(clause.id))
    return Edit(ops.Batch(steps, name="Merge clauses"), previous, position)


def pasted_clauses(text: str) -> list[Clause]:
    """Clauses from pasted text, one paragraph a line, labels and nesting read as the text
    importer reads a file ("2.4 ...", "(a) ..."). When the importer would take a line as the
    policy's date or title, every line is read on its own instead, so no pasted word is lost."""
    lines = [line.strip() for line in normalise(text).split("\n") if line.strip()]
    if not lines:
        return []
    try:
        policy = import_text("\n\n".join([_TITLE, *lines]))
    except PolicyFileError:
        policy = None
    if policy is not None and _words(lines) == _words(_texts(policy.clauses)):
        for clause in (c for top in policy.clauses for c in top.walk()):
            # new clauses of this policy, not the importer's ids derived from what they say:
            # those repeat when the same lines are pasted twice, or lines of an imported file
            clause.id = new_clause_id()
        return policy.clauses
    clauses = []
    for line in lines:
        label, rest = split_label(line)
        clauses.append(Clause(label=label, text=rest if label else line))
    return clauses


def _texts(clauses: list[Clause]) -> list[str]:
    return [" ".join((c.label, c.heading, c.text)) for top in clauses for c in top.walk()]


def _words(lines: list[str]) -> list[str]:
    return sorted(word for line in lines for word in _WORD.findall(line))


def paste_paragraphs(policy: Policy, clause: Clause, position: int, text: str) -> Edit | None:
    """Paste of several paragraphs into `clause` at `position`: each pasted paragraph becomes
    a clause after it at its level; text after the cursor follows the pasted clauses as a
    clause of its own. An empty clause is replaced by what was pasted."""
    new = pasted_clauses(text)
    if not new:
        return None
    steps: list[ops.Operation] = []
    before, rest = clause.text[:position], clause.text[position:]
    parent_id, index = _place_after(policy, clause)
    replace = clause.is_empty() and not clause.label.strip()
    if rest:
        steps.append(ops.SetClauseField(clause.id, "text", before.rstrip("\n ")))
    for offset, pasted in enumerate(new):
        steps.append(ops.InsertClause(parent_id, index + offset, pasted))
    if rest:
        steps.append(ops.InsertClause(parent_id, index + len(new), Clause(text=rest.lstrip("\n "))))
    if replace:
        steps.append(ops.DeleteClause(clause.id))
    last = list(new[-1].walk())[-1]
    return Edit(ops.Batch(steps, name="Paste clauses"), last, len(last.text))


@dataclass
class DeleteAcross:
    """Delete from `start` in one clause to `end` in a later one (reading order), as a word
    processor deletes a selection over several paragraphs: the first clause keeps its text
    before the selection and is joined by the last clause's text after it; the clauses in
    between go; every sub-clause after the selection keeps its place in reading order.

    Each step is computed on the tree as the previous step left it, so `apply` returns the
    concrete steps' inverse (a Batch) for undo."""

    first_id: str
    start: int
    last_id: str
    end: int
    name: str = "Delete"

    def apply(self, policy: Policy) -> ops.Operation:
        first, last = policy.find(self.first_id), policy.find(self.last_id)
        if first is None or last is None:
            raise KeyError(self.first_id if first is None else self.last_id)
        rows = [clause for clause in policy.walk()]
        between = rows[rows.index(first) + 1 : rows.index(last) + 1]
        tail = last.text[self.end :]
        undo: list[ops.Operation] = [
            ops.SetClauseField(first.id, "text", first.text[: self.start]).apply(policy)
        ]
        for clause in reversed(between):  # from the last one back, each emptied and merged away
            for field in ("heading", "text"):
                if getattr(clause, field):
                    undo.append(ops.SetClauseField(clause.id, field, "").apply(policy))
            previous = _row_before(policy, clause)
            merge = merge_into_previous(policy, clause, previous)
            assert merge is not None
            undo.append(merge.operation.apply(policy))
        if tail:
            undo.append(ops.SetClauseField(first.id, "text", first.text + tail).apply(policy))
        return ops.Batch(list(reversed(undo)), name=self.name)


def _row_before(policy: Policy, clause: Clause) -> Clause:
    """The clause just before `clause` in reading order (its previous sibling's last
    descendant, or its parent)."""
    siblings = policy.siblings_of(clause)
    index = clause.index_in_parent(siblings)
    if index == 0:
        assert clause.parent is not None, "the first clause has nothing before it"
        return clause.parent
    before = siblings[index - 1]
    while before.children:
        before = before.children[-1]
    return before


def text_across(rows: list[Clause], start: int, end: int) -> str:
    """The text a selection from `start` in rows[0] to `end` in rows[-1] covers, as the policy
    is published (what Copy puts on the clipboard): a heading on its own line with its label,
    a clause's label before its text, a definition's term before its meaning; a clause the
    selection begins inside of starts at the selection, without its label."""
    if len(rows) == 1:
        return rows[0].text[start:end]
    lines = _published(rows[0], rows[0].text[start:], whole=start == 0)
    for clause in rows[1:-1]:
        lines += _published(clause, clause.text)
    lines += _published(rows[-1], rows[-1].text[:end])
    return "\n".join(lines)


def _published(clause: Clause, text: str, whole: bool = True) -> list[str]:
    if not whole:
        return [text] if text else []
    label, heading = clause.label.strip(), clause.heading.strip()
    if clause.kind is ClauseKind.DEFINITION and heading:
        return [" ".join(p for p in (label, f"{heading}:", text) if p)]
    if heading:
        return [heading_line(clause)] + ([text] if text else [])
    return [" ".join(p for p in (label, text) if p)] if label or text else []
