"""Definitions written as "Term: meaning" lines under a clause that introduces them.

Also splits two definitions that a flattened table ran together on one line:
"...all associated domains.Pluto, we or usPluto LMS LTD, a company..." is read as
"Platform: ...domains." and "Pluto, we or us: Pluto LMS LTD, a company...", which is how
the 2023 seed's eight definitions in 1.1 are counted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plutoeditor.model.clause import ClauseKind

if TYPE_CHECKING:
    from plutoeditor.importers.label_fit import OpenClause

_INTRO = re.compile(r"defin|interpret|glossary|meanings?\b|acronym", re.IGNORECASE)
_DEFINITION = re.compile(
    r"^(?P<term>[“\"'‘]?[A-Z][^:.;!?]{0,70}?[”\"'’]?)\s*:\s+(?P<meaning>\S.*)$", re.DOTALL
)
_RUN_TOGETHER = re.compile(
    r"^(?P<before>.*?[a-z0-9)])\.(?P<term>[A-Z][^.:;]{0,50}?[a-z])(?P<meaning>[A-Z][A-Za-z].*)$"
)
MAX_TERM_WORDS = 8


def introduces_definitions(heading: str, text: str) -> bool:
    """A clause such as "1 Definitions" or "In this Policy, the following definitions are used:"."""
    return bool(_INTRO.search(heading or text))


def read_definition(text: str) -> tuple[str, str] | None:
    """(term, meaning) of a "Term: meaning" paragraph, or None."""
    m = _DEFINITION.match(text)
    if not m or len(m.group("term").split()) > MAX_TERM_WORDS:
        return None
    return m.group("term"), m.group("meaning")


def split_run_together(term: str, meaning: str) -> list[tuple[str, str]]:
    """One definition, or two when the next one's term was glued to the end of this meaning."""
    run = _RUN_TOGETHER.match(meaning)
    if run and len(run.group("term").split()) <= 6:
        return [(term, run.group("before") + "."), (run.group("term"), run.group("meaning"))]
    return [(term, meaning)]


def definition_host(stack: list[OpenClause], text: str, next_text: str) -> tuple[int, tuple[str, str]] | None:
    """Where a "Term: meaning" paragraph goes, when the clause above introduces definitions.

    Under a bare "Definitions" heading the next paragraph must be a definition too, so a
    lone "Short version: ..." note is not mistaken for one.
    """
    if not stack:
        return None
    clause = stack[-1].clause
    found = read_definition(text)
    if found is None:
        return None
    if clause.kind is ClauseKind.DEFINITION:
        return len(stack) - 1, found
    if not introduces_definitions(clause.heading, clause.text):
        return None
    if clause.text.endswith(":"):
        return len(stack), found
    if (not clause.text or stack[-1].heading_like) and read_definition(next_text):
        return len(stack), found
    return None
