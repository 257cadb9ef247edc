"""`duplicate-definition`: a term defined twice.

An error when both are written as definitions of one list and their meanings differ; a
warning when they say the same, one is inline, or the second may be meant for one part only
("In this Schedule, Services means ..."). Each instrument on the page defines its own terms.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from plutoeditor.checks.finding import WARNING, Finding, about_clause
from plutoeditor.checks.terms_index import TermIndex
from plutoeditor.checks.terms_recognise import ACRONYM, BARE, CLAUSE, INLINE, MEANS, Definition
from plutoeditor.checks.terms_restated import differences, said_again
from plutoeditor.checks.terms_scopes import Instruments
from plutoeditor.checks.terms_unused import OUTSIDE_WORDS
from plutoeditor.model.clause import Clause, full_label

_PRONOUNS = frozenset("we us our ours you your yours i me my they them their".split())
_PART = r"(?:section|clause|part|schedule|annex|appendix|exhibit|addendum|paragraph|article|chapter)s?"
#: A definition meant for one part only: "In this Schedule, ...", "throughout Section B, ...",
#: "defined in the General Terms; however, as used in these Service Terms, it means ...".
#: Words that limit a definition to one part ("as used in Part 2", "for the purposes of this Section").
_LIMITING = r"as used in|for (?:the )?purposes? of|throughout|only in|when used in"
_SCOPED = re.compile(
    rf"\b(?:{_LIMITING}|in)\s+"
    rf"(?:(?:this|these|that)\s+{_PART}\b|{_PART}\s+[\dA-Z])|\bhowever,?\s+(?:as used|when used|in)\b",
    re.IGNORECASE,
)
#: "for purposes of Colorado Revised Statute § 6-1-731.1(e), the term X shall mean ...": for one law.
_FOR_A_LAW = re.compile(r"\b[Ff]or (?:the )?purposes? of (?:the )?[A-Z]")
#: Words that may limit a definition to one part: it is then not certainly wrong twice.
_MAYBE_SCOPED = re.compile(rf"\b(?:{_LIMITING})\b", re.IGNORECASE)
#: "[ ] B. ... means": one of several definitions offered to choose from (a template's boxes).
_CHECKBOX = re.compile(r"^\s*(?:\[\s*[xX]?\s*\]|[☐☑☒])")
_POINTS_BACK = re.compile(
    r"^\W*(?:set out|given|ascribed|assigned|defined|stated)\b.{0,40}?"
    r"\b(?:this|above|herein|hereof|earlier)\b",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


def duplicate_definitions(index: TermIndex, clauses: dict[str, Clause], scopes: Instruments) -> list[Finding]:
    """duplicate-definition: each term defined again in the same instrument (see the module docstring)."""
    found = []
    first: dict[tuple[int, str], Definition] = {}
    for definition in index.definitions:
        if definition.form in (ACRONYM, BARE) or not definition.term[:1].isupper():
            continue
        if definition.term.casefold() in _PRONOUNS:
            continue  # "Us", "our": alternatives of the party, named again wherever it is named
        # each instrument on the page (a second version, an annex, the clauses it quotes)
        # defines its own terms
        key = (scopes.of(definition.clause_id), definition.term.casefold())
        earlier = first.get(key)
        if earlier is None:
            first[key] = definition
            continue
        if earlier.clause_id == definition.clause_id or _POINTS_BACK.match(definition.meaning):
            continue  # '"Sales Proceeds" has the meaning set out in this Agreement' names it again
        if _points_to(earlier, clauses[earlier.clause_id]) or _points_to(
            definition, clauses[definition.clause_id]
        ):
            continue  # '(The terms "Source Code" and "Modifications" are defined in the License.)
        clause = clauses[definition.clause_id]
        if _scoped(definition, clause) or _scoped(earlier, clauses[earlier.clause_id]):
            continue  # "In this Schedule, Services means ...": it governs its part, as meant
        if _CHECKBOX.match(clause.text):
            continue  # "[ ] C. "Third Party" means ...": the alternatives of a template
        if _copy(earlier, clauses[earlier.clause_id], definition, clause):
            continue  # the page repeats a passage, or a part written again for other readers
        if _title_line(clauses[earlier.clause_id], earlier):
            continue  # 'Data Security Terms ("Data Security Terms")' as the title, then in its first words
        if earlier.form == INLINE and definition.form in (MEANS, CLAUSE) and _restates(earlier, definition):
            continue  # a glossary entry that says again what the text said where it named the term
        if (definition.form == INLINE and _NOTICE.match(clause.text)) or (
            earlier.form == INLINE and _NOTICE.match(clauses[earlier.clause_id].text)
        ):
            continue  # 'Licensed under the X License (the "License")': the notice to copy into files
        if INLINE in (definition.form, earlier.form) and (
            definition.term.isupper() or definition.term.split()[-1] in OUTSIDE_WORDS
        ):
            continue  # "the Digital Millennium Copyright Act ("DMCA")" spelt out again: a reminder
        if said_again(earlier, definition):
            continue  # the document named twice, an inline definition given again in its words
        where = _where(clauses[earlier.clause_id])
        same = _meaning(earlier.meaning) == _meaning(definition.meaning)
        # one list of definitions that defines a term twice, differently, is certainly wrong;
        # a term defined again in another part may be meant for that part only
        one_list = (
            earlier.form != INLINE
            and definition.form != INLINE
            and _list_of(clauses[earlier.clause_id]) == _list_of(clause)
            and not _MAYBE_SCOPED.search(earlier.meaning + " " + definition.meaning + " " + clause.text[:300])
        )
        if same or not one_list:
            message = f"“{definition.term}” is defined again (first defined in {where})"
            message += (
                " with the same meaning" if same else f" in other words: {differences(earlier, definition)}"
            )
            finding = about_clause("duplicate-definition", clause, message, definition.term)
            found.append(replace(finding, severity=WARNING))
        else:
            message = (
                f"“{definition.term}” is defined again with a different meaning (first defined in {where}): "
                + differences(earlier, definition)
            )
            found.append(about_clause("duplicate-definition", clause, message, definition.term))
    return found


#: The notice a licence asks to be put in each file, quoted in its appendix.
_NOTICE = re.compile(r"^\W*(?:the contents of this file are subject to|licensed under the)\b", re.IGNORECASE)
_COPY = 0.8  # how alike two passages are (difflib's ratio) to be one passage written twice
_PASSAGE = 60  # characters: shorter texts are alike by chance


def _copy(earlier: Definition, first: Clause, definition: Definition, clause: Clause) -> bool:
    """The same definition in a copy of its passage: the page holds a document twice, or a part
    written again for other readers ("THIS SECTION 4 APPLIES TO YOU IF ...", the same notice
    for each state), so each copy defines the term once."""
    meanings = earlier.meaning[:200].lower(), definition.meaning[:200].lower()
    if min(map(len, meanings)) >= _PASSAGE and SequenceMatcher(None, *meanings).ratio() >= 0.9:
        return True
    one = (first.heading + " " + first.text)[:300].lower()  # one copy may be in capitals
    other = (clause.heading + " " + clause.text)[:300].lower()
    if min(len(one), len(other)) < _PASSAGE:
        return False  # "Records: the files we keep" twice in a list is one list's slip
    matcher = SequenceMatcher(None, one, other)
    return matcher.real_quick_ratio() >= _COPY and matcher.quick_ratio() >= _COPY and matcher.ratio() >= _COPY


def _title_line(clause: Clause, definition: Definition) -> bool:
    """Whether the definition is in a heading or a title line (one short line, no sentence):
    the text under it names the term again as it begins."""
    if definition.form not in (INLINE, MEANS):
        return False  # a definition clause: its heading is the term, by design
    text = clause.text.strip()
    if not text or definition.term not in text:
        text = clause.heading.strip()  # defined in the heading
    return (
        definition.term in text
        and len(text) <= 100
        and "\n" not in text
        and not text.endswith((".", ";", ":", ","))
    )


_WORD = re.compile(r"[a-z]{3,}")
_SMALL_WORDS = frozenset(
    "the and for any all that this with which are from such its their our your you has have been will "
    "shall may means mean refers".split()
)


def _restates(inline: Definition, entry: Definition) -> bool:
    """Whether a glossary entry says what the words before an inline definition said
    ('Tresorit may use any feedback, ideas ... or suggestions (“Suggestions”)', then
    '“Suggestions” means any feedback, ideas ... or suggestions Customer sends'): most of the
    words of the shorter (three at least, or all of it) are in the other."""
    one, other = _content_words(inline.meaning[-120:]), _content_words(entry.meaning[:200])
    small = min(len(one), len(other))
    if not small:
        return False
    shared = len(one & other) / small
    return shared == 1 or (small >= 3 and shared >= 0.6)


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower())} - _SMALL_WORDS


#: What follows "is defined" in a pointer to a definition: '"X" is defined in Section 3 / below'.
_WHERE_DEFINED = re.compile(r"^\W*(?:in|below|above|later|herein|hereinafter|under|at)\b", re.IGNORECASE)
_DEFINED_VERB = re.compile(r"\b(?:is|are)\s+(?:also\s+)?defined\s*$", re.IGNORECASE)


def _points_to(definition: Definition, clause: Clause) -> bool:
    """'(The terms "Licensed Product" and "Source Code" are defined in the License.)': where
    the definition is, not one."""
    if definition.form != MEANS or not _WHERE_DEFINED.match(definition.meaning):
        return False
    at = clause.text.find(definition.meaning[:40])
    return at > 0 and _DEFINED_VERB.search(clause.text[max(0, at - 40) : at]) is not None


def _scoped(definition: Definition, clause: Clause) -> bool:
    """A definition meant for one part only: "as used in these Service Terms, X means ..."."""
    text = definition.meaning[:300] + " " + clause.text[:300]
    parent = clause.parent
    if parent is not None and not parent.heading and parent.text:
        text += " " + parent.text[:300]  # "In this Schedule, the following definitions apply:"
    elif parent is not None:
        text += " " + parent.heading + " " + parent.text[:300]
    return (
        _SCOPED.search(text) is not None
        or _FOR_A_LAW.search(definition.meaning[:300] + " " + clause.text[:300]) is not None
    )


def _list_of(clause: Clause) -> str:
    """The clause holding a list of definitions (its parent), as an id."""
    return clause.parent.id if clause.parent is not None else ""


def _meaning(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip(" .;,")


def _where(clause: Clause) -> str:
    return full_label(clause) or f"“{clause.display_name(40)}”"
