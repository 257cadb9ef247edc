"""`misdirected-reference`: a reference whose title in brackets names another clause.

"Section 12 (Dispute Resolution)" where clause 12 is headed "Severability" and clause 13
"Dispute Resolution": the number went stale when clauses moved, and the reader who follows it
lands on the wrong clause. The title is the writer's own statement of where the reference
should go, so the finding names the clause it names.

Reported only on that evidence: the title, in Title Case ("(Mass Filings)", not "(for amounts
incurred before ...)"), names no clause on the referred clause's path (itself, the clauses under
it, "Section 10 (Assignment)" for a 10.3 headed "Assignment", and the ones it stands in when it
has no heading of its own), and exactly one other clause, numbered otherwise, is headed with
those words. A title that names no clause says nothing (a heading reworded since, a subject
rather than a title), and a clause numbered as the reference is (a page holding two documents,
"2" in each) may be the one meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plutoeditor.checks.finding import ERROR, REFERENCES, Check, Finding, make
from plutoeditor.checks.references import enclosing_schedule, schedule_labels
from plutoeditor.model.clause import Clause, full_label
from plutoeditor.model.labels import label_core
from plutoeditor.model.operations import Operation, SetClauseField
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import Reference, internal_references, label_index, reference_key

#: The title after a reference: "Section 12 (Dispute Resolution)", "Section 4.2. (“Fees”)".
_TITLE = re.compile(
    r"\.?[ \u00a0]?\([ \u00a0]?[“\"‘']?(?P<title>[A-Z][^()\d\n“”\"‘’]{1,60}?)[”\"’']?[ \u00a0]?\)"
)
_WORD = re.compile(r"[^\W\d_]+")
_SMALL = frozenset("the of and or a an to in on for with your our its this these by".split())


def check_reference_titles(
    clause: Clause, index: dict[str, Clause], local: dict[str, dict[str, Clause]] | None = None
) -> list[Finding]:
    """misdirected-reference findings for one clause's text (see the module docstring)."""
    return [
        make(
            "misdirected-reference",
            clause.id,
            clause.label.strip(),
            message,
            clause.line_of_text(reference.start),
            target=reference.target,
        )
        for reference, message, _ in _misdirections(clause, index, local)
    ]


def redirect(policy: Policy, clause: Clause, finding: Finding) -> tuple[str, Operation] | None:
    """The quick fix: the reference pointed at the clause meant ("Section 12 (Dispute Resolution)"
    -> "Section 13 (Dispute Resolution)"), or None when the text no longer holds it or the clause
    meant is not there ("this Subsection 12.2" in a 13 that has no 13.2: the author's call)."""
    for reference, _, number in _misdirections(clause, label_index(policy)):
        if reference.target == finding.target:
            if number is None:
                return None
            text = clause.text[: reference.start] + number + clause.text[reference.end :]
            name = f"Refer to clause {number} instead of {reference.target}"
            return name, SetClauseField(clause.id, "text", text, name=name)
    return None


def _misdirections(
    clause: Clause, index: dict[str, Clause], local: dict[str, dict[str, Clause]] | None = None
) -> Iterator[tuple[Reference, str, str | None]]:
    """Each misdirected reference of the clause: (the reference, the message, the number of the
    clause meant if the document has it)."""
    for reference, written, target, other in _misdirected(clause, index, local):
        heading = (target.heading.strip() or target.text.strip()[:50]).rstrip(". ")
        message = (
            f"Refers to clause {reference.target} (“{written}”), but clause {full_label(target)} is "
            f"“{heading}”; “{other.heading.strip().rstrip('. ')}” is clause {full_label(other)}"
        )
        yield reference, message, full_label(other)
    reported: set[str] = set()
    for reference, written, section in _stale_this(clause, index):
        if reference.target in reported:
            continue
        reported.add(reference.target)
        own = label_core(section.label)
        message = f"{_THIS_MESSAGE}{written}” from inside section {own}; “this” names section {own}"
        _, dot, rest = reference.target.partition(".")
        meant = own + dot + rest
        yield reference, message, meant if reference_key(meant) in index else None


_THIS_MESSAGE = "Refers to “"  # how a "this Section 2" finding opens ('Refers to clause ...' for a title)


def about_this_section(finding: Finding) -> bool:
    """Whether a misdirected-reference finding is about a "this Section 2" written in section 3."""
    return finding.code == "misdirected-reference" and finding.message.startswith(_THIS_MESSAGE)


#: "this Section", "this Subsection", "these clauses" just before a reference.
_THIS = re.compile(
    r"\b(?:this|these)[ \u00a0]+(?:sub-?)?(?:section|clause|paragraph|article)s?[ \u00a0]*$", re.I
)


def _stale_this(clause: Clause, index: dict[str, Clause]) -> Iterator[tuple[Reference, str, Clause]]:
    """Each "this Section 2" written inside a numbered section 3: "this" names the section the
    words stand in, so the number went stale when the sections moved (the reference, the words
    as written, the section they stand in). Only in a section numbered at the top level, not in a
    schedule (which numbers on its own) nor a table row (which quotes other sections), and only
    where the first number differs: "this Section 3.2" in 3.4 may name a part of the section; a
    number the document lacks is a broken reference, reported as that."""
    text = clause.text
    top: Clause | None = None
    for reference in internal_references(clause):
        before = text[max(0, reference.start - 30) : reference.start]
        m = _THIS.search(before)
        if m is None:
            continue
        if text.startswith("|", text.rfind("\n", 0, reference.start) + 1):
            continue  # a table row quoting a requirement of another section ("Relevant Dates")
        if top is None:
            if enclosing_schedule(clause) is not None:
                return
            top = clause
            while top.parent is not None:
                top = top.parent
        own = label_core(top.label)
        first = reference.base.split(".", 1)[0]
        if not own.isdigit() or not first.isdigit() or first == own:
            continue
        if reference_key(reference.base) not in index:
            continue  # "this Subsection 12.2" where there is no 12.2: broken-reference says so, once
        yield reference, (before[m.start() :] + reference.target).strip(), top


def _misdirected(
    clause: Clause, index: dict[str, Clause], local: dict[str, dict[str, Clause]] | None
) -> Iterator[tuple[Reference, str, Clause, Clause]]:
    """Each reference of the clause whose title names another clause: (the reference, its title
    as written, the clause its number points at, the clause its title names)."""
    text = clause.text
    own: dict[str, Clause] | None = None
    everything: list[Clause] | None = None
    for reference in internal_references(clause):
        if "(" not in text[reference.end : reference.end + 4]:
            continue
        m = _TITLE.match(text, reference.end)
        if m is None:
            continue
        title = _words(m.group("title"))
        if not title:
            continue
        if own is None:
            schedule = enclosing_schedule(clause) if clause.parent is not None else None
            own = schedule_labels(schedule, local) if schedule is not None else {}
        key = reference_key(reference.base)
        number = reference_key(reference.target)
        target = own.get(number) or index.get(number) or own.get(key) or index.get(key)
        if target is None:
            continue  # broken-reference reports a missing one
        if any(_names(title, c) for c in _path(target)):
            continue
        if everything is None:
            everything = _every_clause(index)
        if any(_numbered(c, number) and _names(title, c) for c in everything):
            continue  # one numbered so is meant: "In this Section 2 (Updates)" in a second document
        named = [
            c
            for c in everything
            if c.label.strip() and _heading_words(c) == title and not _numbered(c, number, key)
        ]
        if len(named) == 1:
            yield reference, m.group("title").strip(), target, named[0]


def _words(text: str) -> frozenset[str]:
    """The significant words of a title or heading, in lower case, a plural as its singular."""
    return frozenset(_singular(w) for w in _WORD.findall(text.lower()) if w not in _SMALL)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _heading_words(clause: Clause) -> frozenset[str]:
    return _words(clause.heading) if clause.heading.strip() else frozenset()


def _names(title: frozenset[str], clause: Clause) -> bool:
    """Whether the clause's heading (or, with none, its first words) and the title share their
    words: one holds the other ("Limitation of Liability" in "Disclaimer; Limitation of Liability")."""
    heading = _heading_words(clause) or _words(clause.text[:80])
    return bool(heading) and (title <= heading or heading <= title)


def _numbered(clause: Clause, number: str, base: str = "") -> bool:
    """Whether the clause carries the number referred to ("20(b)"), or its label is the base number
    (the "20." of a "20(b)") when `base` is given."""
    own = reference_key(clause.label)
    return own == number or (bool(base) and own == base) or reference_key(full_label(clause)) == number


def _every_clause(index: dict[str, Clause]) -> list[Clause]:
    """Every clause of the document that holds a numbered clause (from the label index's clauses,
    through the top-level clauses they stand in), in document order; read only for a title that
    names another clause, which is rare."""
    roots: dict[int, Clause] = {}
    for clause in index.values():
        node = clause
        while node.parent is not None:
            node = node.parent
        roots.setdefault(id(node), node)
    return [clause for root in roots.values() for clause in root.walk()]


def _path(target: Clause) -> Iterator[Clause]:
    """The clause, every clause under it, and, when it has no heading of its own, the clauses it
    stands in ("Section 20(a) (Arbitration)" under "20. Governing Law and Arbitration" names the
    20(b) headed "Arbitration" when 20(a) is headed "Governing Law")."""
    yield target
    node = target.parent
    while node is not None and not target.heading.strip():
        yield node
        node = node.parent
    for child in target.children:
        yield from child.walk()


CHECK = Check("reference titles", {"misdirected-reference": ERROR}, REFERENCES, check_reference_titles)
