"""Defined-term findings: what a proofreader checks first in a policy.

- `undefined-term` (warning): a capitalised phrase used mid-sentence as a defined term
  ("the Website"), defined nowhere, with the evidence a reader needs (`checks.terms_evidence`);
  names, dates, statutes, headings, the title and words in capitals are not terms
  (`checks.terms_ordinary`, `checks.terms_scan`).
- `unused-definition` (warning): a term defined and never used.
- `duplicate-definition`: a term defined twice; an error when both are written as
  definitions and their meanings differ, a warning when they say the same or one is inline;
  nothing when it is said again in the same words (`checks.terms_restated`).
- `term-case` (warning): a defined term of several words written in another case
  ("personal data" where "Personal Data" is defined), one finding per clause and term.
- `glued-definition` (warning): a definition run into the end of the one before it in the
  source ("...domains.Pluto, we or usPluto LMS LTD"), so the document never defines it;
  found in the text or where the importer split two definitions read from one source line.
"""

from __future__ import annotations

from plutoeditor.checks.finding import DOCUMENT, ERROR, WARNING, Check, Finding
from plutoeditor.checks.terms_case import case_variants
from plutoeditor.checks.terms_duplicates import duplicate_definitions
from plutoeditor.checks.terms_glued import glued_definitions
from plutoeditor.checks.terms_index import TermIndex, term_index
from plutoeditor.checks.terms_memo import term_memo
from plutoeditor.checks.terms_undefined import undefined_terms
from plutoeditor.checks.terms_unused import unused_definitions
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


def check_terms(policy: Policy) -> list[Finding]:
    """Every term finding of a policy; only the clauses changed since the last call are read again."""
    return term_findings(term_index(policy))


def term_findings(index: TermIndex) -> list[Finding]:
    """Every term finding of the indexed policy (refresh the index first)."""
    found: list[Finding] = []
    if not index.english():
        return found  # capitals mean other things in German or French; the rules are English
    clauses = index.clause_by_id()
    memo = term_memo(index)  # what the clauses said, kept while the edits cannot change it
    scopes = memo.instruments()
    found += duplicate_definitions(index, clauses, scopes)
    in_other_case = case_variants(index, scopes, memo.with_variants(), memo.positions)
    found += unused_definitions(index, clauses, {f.target for f in in_other_case})
    found += glued_definitions(index, clauses, memo.split_definitions())
    found += in_other_case
    found += undefined_terms(index, scopes, memo)
    return found


CHECK = Check("terms", CODES, DOCUMENT, check_terms)
