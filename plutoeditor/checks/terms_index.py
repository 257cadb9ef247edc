"""The document's defined terms and where each is used, kept up to date clause by clause.

`TermIndex(policy).refresh()` reads every clause once and afterwards only the clauses whose
heading, text or kind changed (strings are compared by identity first, so an unchanged
clause costs a lookup). It gives the definitions in document order, the uses of each
defined name per clause, the case variants ("personal data" for "Personal Data") and the
capitalised phrases used mid-sentence that no definition covers. The Definitions pane, the
HTML export and the term checks all read this one index.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from plutoeditor.checks.terms_recognise import INLINE, Definition, definitions_in
from plutoeditor.checks.terms_scan import TextScan, foreign, heading_like, opens_sentence, scan_text
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy

_SUFFIX = r"(?:s|es|’s|'s|s’|s')?"
_QUOTES = "“\"‘'"
_DETERMINERS = frozenset("Your Our The This These Their My Its His Her A An Any Each".split())


@dataclass
class ClauseTerms:
    """What one clause contributes: its definitions and its text scan."""

    heading: str
    text: str
    kind: str
    definitions: list[Definition]
    scan: TextScan
    #: uses per defined name, and case variants (variant, name, paragraph, offset); None: stale
    uses: dict[str, int] | None = None
    variants: list[tuple[str, str]] = field(default_factory=list)
    names_key: object = None


class TermIndex:
    """Definitions, uses and candidate terms of one policy (see the module docstring)."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._clauses: dict[str, ClauseTerms] = {}
        self.order: list[Clause] = []
        self.definitions: list[Definition] = []
        self.by_name: dict[str, list[Definition]] = {}
        self._names_key: tuple[str, ...] = ()
        self._pattern: re.Pattern[str] | None = None
        self._folded: dict[str, str] = {}
        self._explicit: frozenset[str] = frozenset()  # names written as definitions

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Bring the index up to date with the policy."""
        clauses = self._clauses
        seen: dict[str, ClauseTerms] = {}
        order = list(self.policy.walk())
        definitions: list[Definition] = []
        for clause in order:
            entry = clauses.get(clause.id)
            if (
                entry is None
                or entry.text is not clause.text
                and entry.text != clause.text
                or entry.heading is not clause.heading
                and entry.heading != clause.heading
                or entry.kind != clause.kind
            ):
                entry = ClauseTerms(
                    clause.heading, clause.text, clause.kind, definitions_in(clause), scan_text(clause.text)
                )
            seen[clause.id] = entry
            definitions.extend(entry.definitions)
        self._clauses = seen
        self.order = order
        headings = {c.heading.strip().casefold() for c in order if c.heading and c.kind != "definition"}
        if headings:  # 'see "Your Rights"' names a heading; it defines nothing
            definitions = [d for d in definitions if d.form != INLINE or d.term.casefold() not in headings]
        self.definitions = definitions
        by_name: dict[str, list[Definition]] = {}
        for definition in definitions:
            for name in definition.names:
                by_name.setdefault(name, []).append(definition)
        self.by_name = by_name
        explicit = frozenset(n for d in definitions if d.explicit for n in d.names)
        key = tuple(sorted(by_name, key=lambda n: (-len(n), n)))
        if explicit != self._explicit:
            self._explicit = explicit
            self._names_key = ()  # read the uses again: which names count for term-case changed
        if key != self._names_key:
            self._names_key = key
            self._folded = {}
            for name in key:
                self._folded.setdefault(name.casefold(), name)
            self._pattern = (
                re.compile(
                    r"(?<![\w-])(" + "|".join(re.escape(n) for n in key) + r")" + _SUFFIX + r"(?![\w-])",
                    re.IGNORECASE,
                )
                if key
                else None
            )
        for entry in seen.values():
            if entry.uses is None or entry.names_key is not key:
                self._read_uses(entry, key)

    def _read_uses(self, entry: ClauseTerms, key: tuple[str, ...]) -> None:
        uses: dict[str, int] = {}
        variants: list[tuple[str, str]] = []
        pattern = self._pattern
        if pattern is not None and entry.text:
            folded = self._folded
            for paragraph in entry.text.split("\n"):
                label_row = paragraph.startswith("|") or foreign(paragraph)  # table cells, other languages
                for m in pattern.finditer(paragraph):
                    written = m.group(1)
                    name = folded.get(written.casefold())
                    if name is None:
                        continue
                    start = m.start(1)
                    if start and paragraph[start - 1] in _QUOTES:
                        continue  # a mention in quotes: the definition itself, or "so-called"
                    if written == name or written[1:] == name[1:] or name.isupper():
                        # "permanent cookies" for "Permanent cookies"; "Third Party" for "THIRD PARTY"
                        uses[name] = uses.get(name, 0) + 1
                    elif (
                        not label_row
                        and name in self._explicit
                        and _real_variant(written, name, paragraph, start)
                    ):
                        variants.append((written, name))
        entry.uses = uses
        entry.variants = variants
        entry.names_key = key

    # -- questions ----------------------------------------------------------------------
    def entry(self, clause_id: str) -> ClauseTerms | None:
        return self._clauses.get(clause_id)

    def uses_of(self, definition: Definition) -> list[tuple[Clause, int]]:
        """(clause, number of uses) for each clause that uses one of the definition's names."""
        found = []
        for clause in self.order:
            entry = self._clauses[clause.id]
            if entry.uses:
                count = sum(entry.uses.get(name, 0) for name in definition.names)
                if count:
                    found.append((clause, count))
        return found

    def pattern(self) -> re.Pattern[str] | None:
        """The names of every defined term, longest first (case-insensitive; check the case)."""
        return self._pattern

    def name_for(self, written: str) -> str | None:
        """The defined name a use written so (any case) stands for."""
        return self._folded.get(written.casefold())

    def english(self) -> bool:
        """Whether the document is written in English (" the ", " and ", " of " make 1% of it)."""
        english = spaces = 0
        for entry in self._clauses.values():
            english += entry.scan.english
            spaces += entry.scan.spaces
        return english >= 0.01 * spaces

    def entries(self) -> list[tuple[Clause, ClauseTerms]]:
        return [(clause, self._clauses[clause.id]) for clause in self.order]


def _real_variant(written: str, name: str, paragraph: str, start: int) -> bool:
    """A use written in another case that a reader would call inconsistent.

    Not: one-word terms in lower case ("service" beside "Service" is usually the ordinary
    word), a capital only because a sentence starts, terms in capitals within a line in
    capitals, or pronoun names ("we", "us").
    """
    if " " not in name or not name[:1].isupper() or name[1:] == name[1:].lower() or name.isupper():
        return False  # one word, a pronoun, a term in sentence case ("Session cookies") or capitals
    if name.split(" ", 1)[0] in _DETERMINERS:
        return False  # "Your Product" defined, "your products" written: the ordinary words
    if written.isupper():
        return False
    if written[0].isupper() and written[1:] == name[1:].lower() and opens_sentence(paragraph, start):
        return False
    if written[0].isupper() and opens_sentence(paragraph, start) and written[1:].islower():
        return False
    return not heading_like(paragraph)


_INDEXES: weakref.WeakKeyDictionary[Policy, TermIndex] = weakref.WeakKeyDictionary()


def term_index(policy: Policy) -> TermIndex:
    """The policy's term index, up to date; kept with the policy, so a re-check after an edit
    reads only the clauses that changed."""
    index = _INDEXES.get(policy)
    if index is None:
        index = _INDEXES[policy] = TermIndex(policy)
    index.refresh()
    return index
