"""The document's defined terms and where each is used, kept up to date clause by clause.

`TermIndex(policy).refresh()` reads every clause once and afterwards only the clauses whose
heading, text or kind changed (strings are compared by identity first, so an unchanged
clause costs a lookup). It gives the definitions in document order, the uses of each
defined name per clause, the case variants ("personal data" for "Personal Data") and the
capitalised phrases used mid-sentence that no definition covers. The Definitions pane, the
HTML export and the term checks all read this one index. The uses are found with
`checks.terms_search`; `checks.terms_edits` says which clauses an edit changed.
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass, field

from plutoeditor.checks.terms_edits import EditWatch
from plutoeditor.checks.terms_recognise import INLINE, Definition, definitions_in
from plutoeditor.checks.terms_scan import TextScan, english_words, heading_like, opens_sentence, scan_text
from plutoeditor.checks.terms_search import FORM_MARKS, QUOTE_MARKS, NameSearch, holding, text_starts
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy

_NOTHING = TextScan({})

_GLUE_BEFORE = frozenset("’'@:/.-_")


def _stands_alone(text: str, at: int, size: int) -> bool:
    """Whether text[at:at + size] is a word of its own, not part of a word, address or path."""
    if at and (text[at - 1].isalnum() or text[at - 1] in _GLUE_BEFORE):
        return False
    end = at + size
    if end < len(text):
        after = text[end]
        if after.isalnum() or after in "@_-":
            return False
        if after == "." and end + 1 < len(text) and text[end + 1].isalpha():
            return False  # "example.com"
    return True


_DOCUMENT_WORDS = frozenset(
    "Policy Notice Terms Conditions Agreement Statement Use Service Guidelines".split()
)
_EDITS_KEPT = 256  # clauses read again, kept for later readers to catch up from

_DETERMINERS = frozenset("Your Our The This These Their My Its His Her A An Any Each".split())


@dataclass(slots=True)
class ClauseTerms:
    """What one clause contributes: its definitions and its text scan."""

    heading: str
    text: str
    kind: str
    definitions: list[Definition]
    scan: TextScan
    #: uses per defined name (None: not read yet), and case variants (as written, defined name)
    uses: dict[str, int] | None = None
    variants: list[tuple[str, str]] = field(default_factory=list)
    names_key: object = None
    english: int = -1  # " the ", " and ", " of ", " to " written (-1: not counted yet)


class TermIndex:
    """Definitions, uses and candidate terms of one policy (see the module docstring)."""

    def __init__(self, policy: Policy, checking: bool = True) -> None:
        # held weakly: the index is kept in a WeakKeyDictionary keyed by its policy, and a
        # value holding its key keeps both alive for ever (every closed document leaked)
        self._policy = weakref.ref(policy)
        self._checking = checking  # False: definitions and find_uses only (the HTML export)
        self._clauses: dict[str, ClauseTerms] = {}
        self.order: list[Clause] = []
        self.definitions: list[Definition] = []
        self.by_name: dict[str, list[Definition]] = {}
        self._names_key: tuple[str, ...] = ()
        self._names = NameSearch()
        self._explicit: frozenset[str] = frozenset()  # names written as definitions
        self._lower: dict[str, str] = {}  # word -> a clause that writes it in lower case, or ""
        self._joined: str | None = None  # every clause's text (`joined_text`)
        self._lower_joined: str | None = None
        self._starts: list[int] = []  # where each clause's text starts in it
        self._ids: list[str] = []  # and whose it is
        # the document's totals, kept up to date clause by clause
        self.uses: dict[str, int] = {}  # defined name -> uses
        self.phrases: dict[str, int] = {}  # capitalised phrase used mid-sentence -> times
        self.nouns: dict[str, int] = {}  # ... after "the", "our", "any"
        self.quoted: dict[str, int] = {}  # phrase written in quotes -> clauses
        self.headings: set[str] = set()
        self.spaces = 0
        self._watch = EditWatch(policy)  # the clauses edited since the last refresh
        self._by_id: dict[str, Clause] = {}
        # what later readers (`checks.terms_memo`) catch up from: how often every clause was
        # read again (the tree changed), how often the definitions or headings changed, and
        # (clause, before, after) for each clause edited since the last full read
        self.reread = 0
        self.rederived = 0
        self.edits: list[tuple[Clause, ClauseTerms, ClauseTerms]] = []

    @property
    def policy(self) -> Policy:
        policy = self._policy()
        if policy is None:
            raise ReferenceError("the policy of this term index is gone")
        return policy

    # -- reading ------------------------------------------------------------------------
    def listen(self) -> None:
        """Follow the policy's change events: a refresh after edits of clauses' text, heading
        or kind then reads only those clauses (`checks.terms_edits`)."""
        self._watch.listen()

    def stop_listening(self) -> None:
        self._watch.stop()

    def refresh(self) -> None:
        """Bring the index up to date with the policy."""
        updated = self._watch.take()
        if updated is not None and self.order:
            self._refresh_updated(updated)
        else:
            self._refresh_all()

    def _refresh_updated(self, updated: dict[str, Clause]) -> None:
        """Read again the clauses edited since the last refresh (the tree is as it was)."""
        clauses = self._clauses
        changed: list[Clause] = []
        rederive = False  # definitions or headings changed: what depends on them too
        for clause_id, clause in updated.items():
            entry = clauses.get(clause_id)
            if entry is None:
                self._refresh_all()  # not in the tree when last read
                return
            if (
                (entry.text is clause.text or entry.text == clause.text)
                and (entry.heading is clause.heading or entry.heading == clause.heading)
                and entry.kind == clause.kind
            ):
                self.edits.append((clause, entry, entry))  # its label, which the instruments read
                continue  # a label edit, or back as it was
            self._count(entry, -1)
            scan = scan_text(clause.text) if self._checking else _NOTHING
            new = ClauseTerms(clause.heading, clause.text, clause.kind, definitions_in(clause), scan)
            self._count(new, 1)
            clauses[clause_id] = new
            changed.append(clause)
            if entry.definitions != new.definitions or entry.heading != new.heading or entry.kind != new.kind:
                rederive = True
            self.edits.append((clause, entry, new))
        if len(self.edits) > _EDITS_KEPT:
            self.reread += 1  # readers start again from every clause
            self.edits = []
        if not changed:
            return
        self._forget_lower(changed, False)
        if rederive:
            self.rederived += 1
            self._derive([d for c in self.order for d in clauses[c.id].definitions], changed)
        elif self._checking:
            for clause in changed:
                self._read_uses(clauses[clause.id], self._names_key)

    def _refresh_all(self) -> None:
        self.reread += 1
        self.rederived += 1
        self.edits = []
        clauses = self._clauses
        seen: dict[str, ClauseTerms] = {}
        order = list(self.policy.walk())
        definitions: list[Definition] = []
        changed: list[Clause] = []
        read: list[ClauseTerms] = []  # to add to the totals
        checking = self._checking
        # most clauses unread (the first read): what their texts hold is looked up in the
        # whole document at once, a search per mark instead of several tests per clause
        screened = checking and len(clauses) * 2 < len(order)
        if screened:
            texts = [c.text for c in order]
            joined = "\n".join(texts)
            starts = text_starts(texts)
            quotes = holding(joined, starts, QUOTE_MARKS)
            marks = holding(joined, starts, FORM_MARKS)
        for at, clause in enumerate(order):
            entry = clauses.get(clause.id)
            if (
                entry is None
                or entry.text is not clause.text
                and entry.text != clause.text
                or entry.heading is not clause.heading
                and entry.heading != clause.heading
                or entry.kind is not clause.kind
                and entry.kind != clause.kind
            ):
                if entry is not None:  # the totals change in document order, as clause by clause
                    self._add_all(read)
                    read = []
                    self._count(entry, -1)
                if screened:
                    scan = scan_text(clause.text, at in quotes)
                    found = definitions_in(clause, at in marks)
                else:
                    scan = scan_text(clause.text) if checking else _NOTHING
                    found = definitions_in(clause)
                entry = ClauseTerms(clause.heading, clause.text, clause.kind, found, scan)
                read.append(entry)
                changed.append(clause)
            seen[clause.id] = entry
            if entry.definitions:
                definitions.extend(entry.definitions)
        self._add_all(read)
        gone = clauses.keys() - seen.keys() if len(clauses) + len(changed) > len(seen) else set()
        for clause_id in gone:
            if clause_id in clauses and clauses[clause_id] is not seen.get(clause_id):
                self._count(clauses[clause_id], -1)
        self._clauses = seen
        self.order = order
        self._by_id = {c.id: c for c in order}
        self._joined = None  # the texts, in their new order
        self._forget_lower(changed, bool(gone))
        if screened and len(seen) == len(order):  # (each id once: the texts are those of `seen`)
            self._joined, self._lower_joined, self._starts, self._ids = joined, None, starts, list(seen)
        self._derive(definitions, changed)

    def _derive(self, definitions: list[Definition], changed: list[Clause]) -> None:
        """Definitions by name, the names searched for and their uses, from every clause's
        definitions (in document order); the uses are read again in the changed clauses
        only, unless the names changed."""
        order, seen = self.order, self._clauses
        headings = {c.heading.strip().casefold() for c in order if c.heading and c.kind != "definition"}
        if headings:  # 'see "Your Rights"' names a heading; it defines nothing
            definitions = [d for d in definitions if d.form != INLINE or d.term.casefold() not in headings]
        self.headings = headings
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
            self._names = NameSearch(key)
            self.uses = {}
            if self._checking:
                self._read_all_uses(self._names_key)
        elif self._checking:
            for clause in changed:
                self._read_uses(seen[clause.id], self._names_key)

    def _add_all(self, entries: list[ClauseTerms]) -> None:
        """Add what the clauses read contribute to the document's totals (counts are positive:
        nothing falls to zero); written out, it runs for every clause."""
        phrases, nouns, quoted = self.phrases, self.nouns, self.quoted
        spaces = 0
        for entry in entries:
            scan = entry.scan
            spaces += scan.spaces
            if scan.phrases:
                for phrase, count in scan.phrases.items():
                    phrases[phrase] = phrases.get(phrase, 0) + count
            if scan.nouns:
                for phrase, count in scan.nouns.items():
                    nouns[phrase] = nouns.get(phrase, 0) + count
            if scan.quoted:
                for phrase in scan.quoted:
                    quoted[phrase] = quoted.get(phrase, 0) + 1
        self.spaces += spaces

    def _count(self, entry: ClauseTerms, sign: int) -> None:
        """Add (sign 1) or take away (-1) what one clause contributes to the document's totals."""
        if sign > 0:
            self._add_all([entry])
            return
        scan = entry.scan
        self.spaces -= scan.spaces
        for totals, counts in ((self.phrases, scan.phrases), (self.nouns, scan.nouns)):
            for phrase, count in counts.items():
                left = totals.get(phrase, 0) - count
                if left:
                    totals[phrase] = left
                else:
                    del totals[phrase]
        for phrase in scan.quoted:
            left = self.quoted.get(phrase, 0) - 1
            if left:
                self.quoted[phrase] = left
            else:
                del self.quoted[phrase]
        if entry.uses:
            self._add_uses(entry.uses, -1)

    def _add_uses(self, uses: dict[str, int], sign: int) -> None:
        totals = self.uses
        for name, count in uses.items():
            left = totals.get(name, 0) + sign * count
            if left:
                totals[name] = left
            else:
                totals.pop(name, None)

    def _read_uses(self, entry: ClauseTerms, key: tuple[str, ...]) -> None:
        if entry.uses and entry.names_key is key:
            self._add_uses(entry.uses, -1)
        entry.uses, entry.variants, entry.names_key = {}, [], key
        text = entry.text
        if self._names.pattern is not None and text and not entry.scan.foreign:
            self._tally(text, self.find_uses(text), [entry], [0])

    def _tally(
        self,
        text: str,
        found: list[tuple[int, int, str, str]],
        entries: list[ClauseTerms | None],
        starts: list[int],
    ) -> None:
        """Count the uses `found` in `text` (in order) and note the case variants among them,
        each in the entry whose text holds it (entry k's text starts at `starts[k]`; None: not
        read for uses); the document's totals too."""
        totals, explicit = self.uses, self._explicit
        last = len(starts) - 1
        k, end = -1, -1
        uses: dict[str, int] | None = None
        variants: list[tuple[str, str]] = []
        for start, _, written, name in found:
            if start >= end:  # in the text of a later entry
                k = bisect.bisect_right(starts, start, k + 1) - 1
                end = starts[k + 1] if k < last else len(text)
                entry = entries[k]
                uses = None if entry is None else entry.uses
                if entry is not None:
                    variants = entry.variants
            if uses is None:
                continue
            # counted as uses: "cookies" for "Cookies", "API" for "APIs" (the name cut to its
            # length), "permanent cookies" for "Permanent cookies"; "Third Party" for "THIRD PARTY"
            if written[1:] == name[1 : len(written)] or name.isupper():
                uses[name] = uses.get(name, 0) + 1
                totals[name] = totals.get(name, 0) + 1
            elif name in explicit:
                form = name if len(written) == len(name) else name[: len(written)]
                begin = text.rfind("\n", 0, start) + 1
                stop = text.find("\n", start)
                paragraph = text[begin : stop if stop >= 0 else len(text)]
                if paragraph[0] != "|" and _real_variant(written, form, paragraph, start - begin):
                    variants.append((written, name))  # not in table cells: labels

    def _read_all_uses(self, key: tuple[str, ...]) -> None:
        """`_read_uses` of every clause at once: the joined
        text is searched name by name with `str.find` (a name holds no line break, so no use
        spans two clauses, and a line break reads as the start or end of a text). A search per
        name over the whole document is a fraction of the pattern's cost, which tries every
        position."""
        entries = list(self._clauses.values())  # in document order, as `joined_text`
        for entry in entries:
            entry.uses, entry.variants, entry.names_key = {}, [], key
        if self._names.pattern is None:
            return
        joined, low = self.joined_text(), self._lowered()
        if len(low) != len(joined) or any("\n" in name for name in self._names.searched):
            for entry in entries:
                self._read_uses(entry, key)
            return
        read: list[ClauseTerms | None] = [None if e.scan.foreign else e for e in entries]
        self._tally(joined, self._names.find_all(joined, low), read, self._starts)

    def find_uses(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, as written, defined name) of each use of a defined name in `text`, in any
        case, with a plural or possessive ending; not a mention in quotes."""
        return self._names.find_uses(text)

    # -- words written in lower case ------------------------------------------------------
    def written_in_lower(self, word: str) -> bool:
        """Whether `word` (in lower case) stands as a word of its own somewhere in the text."""
        witness = self._lower.get(word)
        if witness is None:
            witness = self._lower[word] = self._find_lower(word)
        return witness != ""

    def _find_lower(self, word: str) -> str:
        joined = self.joined_text()
        at = joined.find(word)
        while at >= 0:
            if _stands_alone(joined, at, len(word)):
                return self._ids[bisect.bisect_right(self._starts, at) - 1]
            at = joined.find(word, at + 1)
        return ""

    def joined_text(self) -> str:
        """Every clause's text as read, in document order, joined by line breaks (a name or a
        word holds none, so no search finds one across two clauses): built once after each
        refresh that changed a text or the tree, for all the checks that search the document."""
        if self._joined is None:
            texts = [entry.text for entry in self._clauses.values()]  # in document order
            self._joined, self._lower_joined, self._starts = "\n".join(texts), None, text_starts(texts)
            self._ids = list(self._clauses)
        return self._joined

    def _lowered(self) -> str:
        """`joined_text()` in lower case."""
        if self._lower_joined is None:
            self._lower_joined = self.joined_text().lower()
        return self._lower_joined

    def _forget_lower(self, changed: list[Clause], removed: bool) -> None:
        """Keep what is known about words in lower case, except where the changed clauses tell."""
        if not changed and not removed:
            return
        self._joined = None
        if removed or len(changed) > 64:
            self._lower.clear()
            return
        ids = {c.id for c in changed}
        for word, witness in list(self._lower.items()):
            if witness in ids:
                del self._lower[word]  # look again: it may have gone from that clause
            elif witness == "":
                for clause in changed:
                    text = clause.text
                    at = text.find(word)
                    while at >= 0 and not _stands_alone(text, at, len(word)):
                        at = text.find(word, at + 1)
                    if at >= 0:
                        self._lower[word] = clause.id
                        break

    # -- questions ----------------------------------------------------------------------

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

    def english(self) -> bool:
        """Whether the document is written in English (" the ", " and ", " of " make 1% of it)."""
        enough = 0.01 * self.spaces
        english = 0
        for entry in self._clauses.values():  # counted only until there are enough
            if english >= enough:
                return True
            if entry.english < 0:
                entry.english = english_words(entry.text)[0] if self._checking else 0
            english += entry.english
        return english >= enough

    def first_use(self, phrase: str) -> Clause | None:
        """The first clause whose text uses a capitalised phrase mid-sentence."""
        for clause in self.order:
            if phrase in self._clauses[clause.id].scan.phrases:
                return clause
        return None

    def clause_by_id(self) -> dict[str, Clause]:
        """Every clause of the policy by id (do not change it)."""
        return self._by_id

    def entries(self) -> list[tuple[Clause, ClauseTerms]]:
        if len(self._clauses) == len(self.order):  # each id once: in the same order
            return list(zip(self.order, self._clauses.values(), strict=True))
        return [(clause, self._clauses[clause.id]) for clause in self.order]


def _real_variant(written: str, name: str, paragraph: str, start: int) -> bool:
    """A use written in another case that a reader would call inconsistent.

    Not: one-word terms in lower case ("service" beside "Service" is usually the ordinary
    word), a capital only because a sentence starts, terms in capitals within a line in
    capitals, or pronoun names ("we", "us").
    """
    if " " not in name or not name[:1].isupper() or name[1:] == name[1:].lower() or name.isupper():
        return False  # one word, a pronoun, a term in sentence case ("Session cookies") or capitals
    words = name.split()
    if words[0] in ("Terms", "Conditions") or words[-1] in _DOCUMENT_WORDS:
        return False  # "their own terms of use", "the payment processor's privacy policy": any document
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
        index.listen()
    index.refresh()
    return index


def forget_term_index(policy: Policy) -> None:
    """Drop the policy's kept index (its document is closed)."""
    index = _INDEXES.pop(policy, None)
    if index is not None:
        index.stop_listening()
