"""Defined-term findings: what a proofreader checks first in a policy.

- `undefined-term` (warning): a capitalised phrase used mid-sentence as a defined term at
  least twice ("the Website"), defined nowhere; names, dates, statutes, headings, the title
  and words in capitals are not terms (`checks.terms_ordinary`, `checks.terms_scan`).
- `unused-definition` (warning): a term defined and never used.
- `duplicate-definition`: a term defined twice; an error when both are written as
  definitions and their meanings differ, a warning when they say the same or one is inline.
- `term-case` (warning): a defined term of several words written in another case
  ("personal data" where "Personal Data" is defined), one finding per clause and term.
- `glued-definition` (warning): a definition run into the end of the one before it in the
  source ("...domains.Pluto, we or usPluto LMS LTD"), so the document never defines it;
  found in the text or where the importer split two definitions read from one source line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from plutoeditor.checks.finding import DOCUMENT, ERROR, WARNING, Check, Finding, make
from plutoeditor.checks.terms_index import TermIndex, term_index
from plutoeditor.checks.terms_ordinary import ordinary_phrase
from plutoeditor.checks.terms_recognise import ACRONYM, BARE, Definition
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy

#: The codes, with their severities (duplicate-definition is softened to a warning when unsure).
CODES = {
    "undefined-term": WARNING,
    "unused-definition": WARNING,
    "duplicate-definition": ERROR,
    "term-case": WARNING,
    "glued-definition": WARNING,
}
TERM_CODES = tuple(CODES)
MIN_USES = 2  # uses mid-sentence; two of them as a noun ("the Website", "our Services")
_PRONOUNS = frozenset("we us our ours you your yours i me my they them their".split())
#: A definition meant for one part only: "as used in these Service Terms, it means ...".
_SCOPED = re.compile(
    r"\b(?:as used in|for (?:the )?purposes? of|throughout|in this (?:section|clause|part|schedule)|"
    r"only in|when used in)\b",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"^\W*(?:set out|given|ascribed|assigned|defined|stated)\b.{0,40}?"
    r"\b(?:this|above|herein|hereof|earlier)\b",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def check_terms(policy: Policy) -> list[Finding]:
    """Every term finding of a policy; only the clauses changed since the last call are read again."""
    return term_findings(term_index(policy))


def term_findings(index: TermIndex) -> list[Finding]:
    """Every term finding of the indexed policy (refresh the index first)."""
    found: list[Finding] = []
    if not index.english():
        return found  # capitals mean other things in German or French; the rules are English
    clauses = {c.id: c for c in index.order}
    found += _duplicates(index, clauses)
    found += _unused(index, clauses)
    found += _glued(index, clauses)
    found += _case_variants(index)
    found += _undefined(index)
    return found


def _finding(code: str, clause: Clause, message: str, target: str) -> Finding:
    return make(code, clause.id, clause.label, message, clause.line, target=target)


def _duplicates(index: TermIndex, clauses: dict[str, Clause]) -> list[Finding]:
    found = []
    first: dict[str, Definition] = {}
    for definition in index.definitions:
        if definition.form in (ACRONYM, BARE) or not definition.term[:1].isupper():
            continue
        if definition.term.casefold() in _PRONOUNS:
            continue  # "Us", "our": alternatives of the party, named again wherever it is named
        key = definition.term.casefold()
        earlier = first.get(key)
        if earlier is None:
            first[key] = definition
            continue
        if earlier.clause_id == definition.clause_id or _POINTS_BACK.match(definition.meaning):
            continue  # '"Sales Proceeds" has the meaning set out in this Agreement' names it again
        clause = clauses[definition.clause_id]
        where = _where(clauses[earlier.clause_id])
        same = _meaning(earlier.meaning) == _meaning(definition.meaning)
        # one list of definitions that defines a term twice, differently, is certainly wrong;
        # a term defined again in another part may be meant for that part only
        one_list = (
            earlier.form != "inline"
            and definition.form != "inline"
            and _list_of(clauses[earlier.clause_id]) == _list_of(clause)
            and not _SCOPED.search(earlier.meaning + " " + definition.meaning + " " + clause.text[:300])
        )
        if same or not one_list:
            message = f"“{definition.term}” is defined again (first defined in {where})"
            if same:
                message += " with the same meaning"
            found.append(
                replace(_finding("duplicate-definition", clause, message, definition.term), severity=WARNING)
            )
        else:
            message = (
                f"“{definition.term}” is defined again with a different meaning (first defined in {where})"
            )
            found.append(_finding("duplicate-definition", clause, message, definition.term))
    return found


def _unused(index: TermIndex, clauses: dict[str, Clause]) -> list[Finding]:
    total: dict[str, int] = {}
    for name, count in index.uses.items():  # "Author" and "AUTHOR" are one term
        total[name.casefold()] = total.get(name.casefold(), 0) + count
    found = []
    for definition in index.definitions:
        if not definition.explicit:
            continue
        if any(total.get(name.casefold(), 0) for name in definition.names):
            continue
        if any(not name[:1].isupper() for name in definition.names):
            continue  # "we", "you": pronouns are used whatever their case
        clause = clauses[definition.clause_id]
        message = f"“{definition.term}” is defined but never used"
        found.append(_finding("unused-definition", clause, message, definition.term))
    return found


def _glued(index: TermIndex, clauses: dict[str, Clause]) -> list[Finding]:
    found = []
    for definition in index.definitions:
        if definition.glued_into:
            clause = clauses[definition.clause_id]
            message = (
                f"the definition of “{definition.term}” is run into the end of the definition of "
                f"“{definition.glued_into}”, so the document never defines it"
            )
            found.append(_finding("glued-definition", clause, message, definition.term))
    for clause in index.order:  # two definitions the importer split from one source line
        if clause.kind is not ClauseKind.DEFINITION or clause.source_line is None:
            continue
        siblings = clause.parent.children if clause.parent is not None else index.policy.clauses
        at = next(i for i, s in enumerate(siblings) if s is clause)
        before = siblings[at - 1] if at else None
        if (
            before is not None
            and before.kind is ClauseKind.DEFINITION
            and before.source_line == clause.source_line
            and before.text.rstrip().endswith(".")
        ):
            message = (
                f"the definition of “{clause.heading.strip()}” is run into the end of the definition "
                f"of “{before.heading.strip()}” in the source (line {clause.source_line}), so the "
                "document never defines it"
            )
            found.append(_finding("glued-definition", clause, message, clause.heading.strip()))
    return found


def _case_variants(index: TermIndex) -> list[Finding]:
    found = []
    defined_in = {(d.clause_id, name) for d in index.definitions for name in d.names}
    entries = [(clause, entry) for clause, entry in index.entries() if entry.variants]
    other_case: dict[str, int] = {}
    for _, entry in entries:
        for _, name in entry.variants:
            other_case[name] = other_case.get(name, 0) + 1
    for clause, entry in entries:
        counts: dict[tuple[str, str], int] = {}
        for written, name in entry.variants:
            counts[(written, name)] = counts.get((written, name), 0) + 1
        for (written, name), count in counts.items():
            if (clause.id, name) in defined_in:
                continue  # inside the term's own definition
            if other_case[name] >= index.uses.get(name, 0):
                continue  # mostly written so (a quoted statute, the ordinary words): not a slip
            times = "" if count == 1 else f" ({count} times)"
            message = f"“{written}” is written here{times}; the defined term is “{name}”"
            found.append(make("term-case", clause.id, clause.label, message, clause.line, name, name))
    return found


def _undefined(index: TermIndex) -> list[Finding]:
    title_words = frozenset(w.lower() for w in _TITLE_WORD.findall(index.policy.metadata.title))
    headings = frozenset(_heading_text(h) for h in index.headings)
    defined: set[str] | None = None
    parts: set[str] = set()
    nouns = index.nouns
    found = []
    for phrase, count in index.phrases.items():
        if count < MIN_USES or nouns.get(phrase, 0) < 2:
            continue  # not twice "the Website", "our Services": not used as a term of the document
        if defined is None:
            defined = {name.casefold() for name in index.by_name}
            defined.update(q.casefold() for q in index.quoted)
            defined.update([name.replace("-", " ") for name in defined if "-" in name])
            parts = _word_runs(defined)
        if _is_defined(phrase, defined) or phrase.casefold() in parts or _joins_a_term(phrase, defined):
            continue  # "Upload Information" of "Your Upload Information": a defined term's words
        if ordinary_phrase(phrase, index.written_in_lower, title_words, headings):
            continue
        clause = index.first_use(phrase)
        if clause is None:
            continue
        message = f"“{phrase}” is used as a defined term ({count} times, first here) but is not defined"
        found.append(_finding("undefined-term", clause, message, phrase))
    return found


def _word_runs(names: set[str]) -> set[str]:
    """Every run of consecutive words of the names of several words."""
    runs: set[str] = set()
    for name in names:
        words = name.split()
        if 1 < len(words) <= 8:
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    runs.add(" ".join(words[i:j]))
    return runs


def _joins_a_term(phrase: str, defined: set[str]) -> bool:
    """'Process Applicable Personal Data': a capitalised word next to a defined term of several words."""
    words = phrase.casefold().split()
    for i in range(1, len(words)):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if (" " in tail and tail in defined) or (" " in head and head in defined):
            return True
    return False


def _is_defined(phrase: str, defined: set[str]) -> bool:
    folded = phrase.casefold()
    if "-" in folded and folded.replace("-", " ") in defined:
        return True  # "Third-Party Content" for the defined "Third Party Content"
    if folded in defined:
        return True
    for variant in (folded + "s", folded + "es", folded[:-1], folded[:-2], folded[:-3] + "y"):
        if variant in defined:
            return True
    words = folded.split()
    return len(words) > 1 and words[0] == "the" and " ".join(words[1:]) in defined


def _list_of(clause: Clause) -> str:
    """The clause holding a list of definitions (its parent), as an id."""
    return clause.parent.id if clause.parent is not None else ""


def _heading_text(heading: str) -> str:
    return _SPACE.sub(" ", heading.strip().rstrip(":.").lower())


def _meaning(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip(" .;,")


def _where(clause: Clause) -> str:
    if clause.label.strip():
        return clause.label.strip().rstrip(".")
    return f"“{clause.display_name(40)}”"


CHECK = Check("terms", CODES, DOCUMENT, check_terms)
