"""What the term checks worked out about a policy, kept up to date after edits.

The term index logs each clause it reads again (`TermIndex.edits`); a `TermMemo` catches up
from that log: it patches its list of entries, adjusts its counts by what the edited
clauses said before and after, and forgets only what an edit could change. A check after a
one-clause edit then reads that clause, not the 10,000 others. When the tree changed (the
index read every clause again) everything is worked out afresh.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass

from plutoeditor.checks.terms_index import ClauseTerms, TermIndex
from plutoeditor.checks.terms_scopes import Instruments, instruments, instruments_after_edits
from plutoeditor.model.clause import Clause, ClauseKind

EVERY_CLAUSE = 1 << 62  # a horizon: the result depends on clauses anywhere in the document
MIN_TEXTS = 2  # different texts using a phrase as a noun that the evidence asks for


@dataclass(slots=True)
class RunIn:
    """What the clauses say of a phrase: whether it is described as a run-in heading or
    mostly starts a longer name, and its first use; no edit after `horizon` (a position in
    document order) changes either. `sites`: the places of the clauses that use a form of it
    or are Markdown headings, every one up to `end`; `stale`: an edit may have changed it."""

    described: bool
    first: Clause | None
    horizon: int
    sites: list[int]
    end: int
    stale: bool = False


@dataclass(slots=True)
class FormCounts:
    """One form of a phrase over the whole document, each count worked out when first asked
    (None: not yet). A form holds no line break (the scan reads paragraph by paragraph), so
    no match spans two clauses and the counts are sums over clauses."""

    lower: int | None = None  # written in lower case, as a word of its own
    named: int | None = None  # places where it is a name: "delivered to The X", "X.com"
    nouns: dict[str, int] | None = None  # clause texts using it as a noun -> clauses with that text
    #: the last place `nouns` counts: the texts of every clause up to there, and (if not the
    #: last clause) two texts or more; a reader wants to know whether there are two
    nouns_end: int = EVERY_CLAUSE


class TermMemo:
    """The kept results of one term index (see the module docstring)."""

    def __init__(self, index: TermIndex) -> None:
        self._index = weakref.ref(index)
        self._reread = -1
        self._rederived = -1
        self._seen = 0  # edits of the log caught up with
        self._entries: list[tuple[Clause, ClauseTerms]] | None = None
        self._positions: dict[str, int] | None = None
        self.run_in: dict[str, RunIn] = {}
        self.forms: dict[str, FormCounts] = {}
        self._variants: dict[str, Clause] | None = None  # clauses with case variants, by id
        self._split: list[Clause] | None = None  # definitions read from a source line
        self._scopes: Instruments | None = None  # the instruments found last
        self._touched: list[Clause] = []  # the clauses edited since

    @property
    def index(self) -> TermIndex:
        index = self._index()
        if index is None:
            raise ReferenceError("the term index of this memo is gone")
        return index

    def catch_up(self) -> None:
        """Bring the kept results up to date with the index (refresh the index first)."""
        index = self.index
        if index.reread != self._reread:
            self._reread, self._seen = index.reread, 0
            self._entries = self._positions = self._variants = self._split = None
            self._scopes, self._touched = None, []
            self.run_in, self.forms = {}, {}
        if index.rederived != self._rederived:
            self._rederived = index.rederived
            self._variants = self._split = None  # every clause's uses were read again
        edits = index.edits[self._seen :]
        self._seen = len(index.edits)
        if not edits:
            return
        if self._scopes is not None:
            self._touched += [clause for clause, _, _ in edits]
        if self._entries is None and self._variants is None and not self.run_in and not self.forms:
            return  # nothing kept to bring up to date
        positions = self.positions()
        for clause, before, after in edits:
            if before is after:
                continue  # its label edited: only the instruments read that
            at = positions[clause.id]
            if self._entries is not None:
                self._entries[at] = (clause, after)
            if self._variants is not None:
                if after.variants:
                    self._variants[clause.id] = clause
                else:
                    self._variants.pop(clause.id, None)
            self._move_run_in(at, before, after)
            for form, counts in self.forms.items():
                _count_clause(form, counts, at, before, -1)
                _count_clause(form, counts, at, after, 1)

    def _move_run_in(self, at: int, before: ClauseTerms, after: ClauseTerms) -> None:
        """Note in each phrase's sites whether the edited clause at `at` is one now, and mark
        the phrase stale where the edit may change what the clauses say of it."""
        if not self.run_in:
            return
        marked = before.text[:1] == "#", after.text[:1] == "#"  # read for every phrase
        used = before.scan.phrases, after.scan.phrases
        if not used[0] and not used[1] and not any(marked):
            return
        for phrase, known in self.run_in.items():
            if at > known.end:
                continue
            forms = run_in_forms(phrase)
            was = marked[0] or not forms.isdisjoint(used[0])
            now = marked[1] or not forms.isdisjoint(used[1])
            if not was and not now:
                continue
            if at <= known.horizon:
                known.stale = True
            if was != now:
                where = bisect.bisect_left(known.sites, at)
                if now:
                    known.sites.insert(where, at)
                else:
                    del known.sites[where]

    def instruments(self) -> Instruments:
        """The instruments of the page (`checks.terms_scopes`), found again only when an edit
        may have changed them."""
        index = self.index
        if self._scopes is None or (
            self._touched and instruments_after_edits(self._touched, index) is not self._scopes
        ):
            self._scopes = instruments(index.order, index)
        self._touched = []
        return self._scopes

    def entries(self) -> list[tuple[Clause, ClauseTerms]]:
        """Every clause with what the index read of it, in document order (do not change it)."""
        if self._entries is None:
            self._entries = self.index.entries()
        return self._entries

    def positions(self) -> dict[str, int]:
        """Each clause's place in document order, by id."""
        if self._positions is None:
            self._positions = {clause.id: at for at, clause in enumerate(self.index.order)}
        return self._positions

    def with_variants(self) -> list[tuple[Clause, ClauseTerms]]:
        """The clauses that write a defined term in another case, in document order."""
        if self._variants is None:
            self._variants = {clause.id: clause for clause, entry in self.entries() if entry.variants}
        if not self._variants:
            return []
        entries, positions = self.entries(), self.positions()
        return [entries[at] for at in sorted(positions[i] for i in self._variants)]

    def split_definitions(self) -> list[Clause]:
        """The definitions the importer read from a source line, in document order."""
        if self._split is None:
            self._split = [
                clause
                for clause in self.index.order
                if clause.kind is ClauseKind.DEFINITION and clause.source_line is not None
            ]
        return self._split

    def form(self, form: str) -> FormCounts:
        known = self.forms.get(form)
        if known is None:
            known = self.forms[form] = FormCounts()
        return known

    def nouns(self, forms: frozenset[str]) -> dict[str, dict[str, int]]:
        """Per form, the texts of the clauses using it as a noun (at least two of them, or all);
        those not yet known are found in one pass, which stops once each has two."""
        missing = {form for form in forms if self.form(form).nouns is None}
        if missing:
            found: dict[str, dict[str, int]] = {form: {} for form in missing}
            ends = dict.fromkeys(missing, EVERY_CLAUSE)
            wanted = frozenset(missing)  # the forms not yet in two texts
            for at, (_, entry) in enumerate(self.entries()):
                used = entry.scan.nouns
                if used and not wanted.isdisjoint(used):
                    for form in wanted.intersection(used):
                        texts = found[form]
                        texts[entry.text] = texts.get(entry.text, 0) + 1
                        if len(texts) >= MIN_TEXTS:
                            ends[form] = at
                            missing.discard(form)
                    if len(missing) < len(wanted):
                        if not missing:
                            break
                        wanted = frozenset(missing)
            for form, texts in found.items():
                self.forms[form].nouns, self.forms[form].nouns_end = texts, ends[form]
        return {form: self.forms[form].nouns or {} for form in forms}

    def lower(self, form: str) -> int:
        """How often the form is written in lower case as a word of its own."""
        known = self.form(form)
        if known.lower is None:
            known.lower = lower_uses(self.index.joined_text(), form)
        return known.lower

    def named(self, form: str) -> int:
        """How often the form is a name ("delivered to The X", "X.com")."""
        known = self.form(form)
        if known.named is None:
            known.named = name_uses(self.index.joined_text(), form)
        return known.named


def run_in_forms(phrase: str) -> frozenset[str]:
    """The forms a run-in heading may write a phrase in: as is, plural, singular."""
    return frozenset((phrase, phrase + "s", phrase[:-1] if phrase.endswith("s") else phrase))


def _count_clause(form: str, counts: FormCounts, at: int, entry: ClauseTerms, sign: int) -> None:
    text = entry.text
    if counts.lower is not None and form.lower() in text:
        counts.lower += sign * lower_uses(text, form)
    if form not in text:
        return
    if counts.named is not None:
        counts.named += sign * name_uses(text, form)
    if counts.nouns is not None and form in entry.scan.nouns and at <= counts.nouns_end:
        left = counts.nouns.get(text, 0) + sign
        if left:
            counts.nouns[text] = left
        else:
            del counts.nouns[text]
            if counts.nouns_end != EVERY_CLAUSE and len(counts.nouns) < MIN_TEXTS:
                counts.nouns = None  # the clauses after the last counted may hold the second


def lower_uses(text: str, form: str) -> int:
    """How often the form is written in lower case as a word of its own ("our services")."""
    word = form.lower()
    size = len(text)
    found = 0
    at = text.find(word)  # a search per form, no lower-cased copy of the text
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-_")) and (
            end >= size or not (text[end].isalnum() or text[end] in "-_")
        ):
            found += 1
        at = text.find(word, end)
    return found


def name_uses(text: str, form: str) -> int:
    """Places where the form is a name: 'delivered to The Meet Group' (a capital "The"
    mid-sentence), 'Last.fm' (an address)."""
    found = 0
    # the patterns are tried only where str.find puts the form (one search for both): searched
    # for, a pattern starting with a class is tried at every position of the text
    named = re.compile(rf"[a-z,] The {re.escape(form)}\b")
    address = re.compile(rf"(?<![\w.]){re.escape(form)}\.[a-z]{{2,}}\b")
    size = len(form)
    at = text.find(form)
    while at >= 0:
        if at >= 6 and text.startswith(" The ", at - 5) and named.match(text, at - 6):
            found += 1
        if text.startswith(".", at + size) and address.match(text, at):
            found += 1
        at = text.find(form, at + 1)
    return found


_MEMOS: weakref.WeakKeyDictionary[TermIndex, TermMemo] = weakref.WeakKeyDictionary()


def term_memo(index: TermIndex) -> TermMemo:
    """The index's memo, caught up with its edits."""
    memo = _MEMOS.get(index)
    if memo is None:
        memo = _MEMOS[index] = TermMemo(index)
    memo.catch_up()
    return memo
