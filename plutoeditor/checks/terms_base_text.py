"""Definitions that change the wording of another document the text builds on.

A licence or agreement written as changes to a base text ("Terminology in the Apache License
is supplemented or modified as follows:", "The following definitions shall replace the
corresponding definitions in the Apache License:", '"Copyright statement": the reference to
'copyright statement' shall be taken to read ...') defines terms used in that base text, not
in its own words: they are no unused definitions.
"""

from __future__ import annotations

import re

from plutoeditor.checks.terms_index import TermIndex
from plutoeditor.checks.terms_recognise import Definition
from plutoeditor.model.clause import Clause

#: '"Authorship": any reference to 'authorship' shall be taken to read "authorship or design"'.
_REWORDS = re.compile(
    r"^\W*(?:(?:any|the|each|every|all)\s+)?references?\s+to\b.{0,80}?\b(?:shall|will|is\s+to|are\s+to)\s+be\s+"
    r"(?:taken|read|construed|deemed|understood)\b",
    re.IGNORECASE | re.DOTALL,
)
#: 'Licensor in the Apache License means ...': the base text's term given another meaning.
_IN_THE_BASE = re.compile(r"^\W*(?:as\s+used\s+)?in\s+the\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4}\s*,?\s*$")
#: The lead-in of a list of such changes.
_CHANGES = re.compile(
    r"\b(?:replace|supplement|modif|amend|add|substitut)\w*\b[^.:]{0,80}?\b(?:definitions?|terminology|terms)\b"
    r"[^.:]{0,60}?\b(?:in|of|to)\s+the\s+[A-Z]"
    r"|\b(?:definitions?|terminology|terms)\s+(?:in|of)\s+the\s+[A-Z][^.:]{0,60}?\b(?:is|are|shall\s+be)\s+"
    r"(?:replaced|supplemented|modified|amended|changed)\b",
)
_LOOK_BACK = 12  # clauses before a definition that may hold the lead-in of its list


class BaseText:
    """Asks whether a definition rewrites a base text's wording (see the module docstring)."""

    def __init__(self, index: TermIndex) -> None:
        self._order = index.order
        self._places: dict[str, int] | None = None

    def rewrites(self, definition: Definition, clause: Clause) -> bool:
        if _REWORDS.match(definition.meaning):
            return True
        before = clause.text.split(definition.term, 1)[0]
        if _IN_THE_BASE.match(before.replace("“", "").replace('"', "")):
            return True
        return self._listed_as_changes(clause)

    def _listed_as_changes(self, clause: Clause) -> bool:
        """Whether the list the clause stands in is introduced as changes to another text."""
        if _CHANGES.search(clause.text.split("\n", 1)[0]):
            return True
        if self._places is None:
            self._places = {c.id: at for at, c in enumerate(self._order)}
        at = self._places.get(clause.id, 0)
        for earlier in reversed(self._order[max(0, at - _LOOK_BACK) : at]):
            lead_in = earlier.text.rstrip()
            if lead_in.endswith(":"):
                return _CHANGES.search(lead_in) is not None
            if earlier.heading:
                return False
        return False
