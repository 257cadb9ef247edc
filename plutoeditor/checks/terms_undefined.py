"""`undefined-term`: a capitalised phrase used mid-sentence as a defined term ("the
Website"), defined nowhere, with the evidence a reader needs (`checks.terms_evidence`).

Names, dates, statutes, headings, the title and words in capitals are not terms
(`checks.terms_ordinary`, `checks.terms_scan`), nor a run-in heading, the start of a longer
name, a defined term's words, nor the terms of a page that starts mid-instrument or takes its
terms from another document.
"""

from __future__ import annotations

import re
import weakref

from plutoeditor.checks.finding import Finding, about_clause
from plutoeditor.checks.terms_evidence import Evidence, companions
from plutoeditor.checks.terms_index import ClauseTerms, TermIndex
from plutoeditor.checks.terms_memo import EVERY_CLAUSE, RunIn, TermMemo, run_in_forms
from plutoeditor.checks.terms_ordinary import ordinary_phrase
from plutoeditor.checks.terms_scopes import Instruments
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy

MIN_USES = 2  # uses mid-sentence; two of them as a noun ("the Website", "our Services")
_SPACE = re.compile(r"\s+")
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def undefined_terms(index: TermIndex, scopes: Instruments, memo: TermMemo) -> list[Finding]:
    """undefined-term: each phrase used as a term twice and defined nowhere, at its first use.
    What the clauses say of each phrase is kept in `memo` while the edits cannot change it."""
    if _excerpt(index.policy):
        return []  # the page starts at "Article 19": its terms are defined in the parts not shown
    if reads_with_another(index.order):
        return []  # a wraparound licence: its terms are the licence's it is read with
    evidence = Evidence(index, memo)
    if not evidence.defines_terms(index.definitions):
        return []  # a page that defines nothing capitalises by house style, not as terms
    if evidence.attached(index.policy.metadata.title):
        return []  # a DPA or service level agreement: the agreement it belongs to defines its terms
    title_words = frozenset(w.lower() for w in _TITLE_WORD.findall(index.policy.metadata.title))
    headings = frozenset(_heading_text(h) for h in index.headings)
    defined: set[str] | None = None
    parts: set[str] = set()
    phrases, nouns = index.phrases, index.nouns
    if scopes.borrowing:  # "terms not defined here have the meanings given in the Agreement"
        phrases, nouns = _own_phrases(memo.entries(), scopes)
    found: list[Finding] = []
    candidates: list[tuple[str, int]] = []
    for phrase, count in phrases.items():
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
        if _defined_in_lower_case(index, phrase):
            continue  # '(hereinafter "data importer")': the clauses it quotes define it in lower case
        candidates.append((phrase, count))
    if candidates:
        described, first = _run_in_headings(index, memo, [phrase for phrase, _ in candidates])
        # "Developer Balance. Developers using ... will have a Developer Balance": described
        kept = [(phrase, count) for phrase, count in candidates if phrase not in described]
        evidence.expect(phrase for phrase, _ in kept)
        for phrase, count, forms in companions(kept):
            if evidence.weak(forms, count):
                continue
            uses = [
                c
                for c in (
                    first.get(f) if not scopes.borrowing else _first_use(memo.entries(), f, scopes)
                    for f in forms
                )
                if c is not None
            ]
            if not uses:
                continue
            clause = uses[0]
            if len(uses) > 1:  # the form used first
                positions = memo.positions()
                clause = min(uses, key=lambda c: positions[c.id])
            if _set_out_elsewhere(clause.text, forms):
                continue  # "the Trademarks set forth in the IO": the IO says what they are
            if _in_definitions(clause):
                continue  # "The Document may include Warranty Disclaimers ...": described where terms are
            message = f"“{phrase}” is used as a defined term ({count} times, first here) but is not defined"
            found.append(about_clause("undefined-term", clause, message, phrase))
    return found


#: "operates as a wraparound licence to the Apache License", "must be read in conjunction with",
#: "Section 1 below modifies definitions in the Apache License".
_WRAPS = re.compile(
    r"\b(?:wrap-?around\s+licen[cs]e\s+to|(?:must|shall|is\s+to)\s+be\s+read\s+(?:in\s+conjunction|together)"
    r"\s+with|modif(?:y|ies)\s+(?:the\s+)?definitions(?:\s+and\s+terminology)?\s+(?:in|of))\b",
    re.IGNORECASE,
)


def reads_with_another(order: list[Clause]) -> bool:
    """Whether the page opens by saying it is read with another document whose text it
    modifies (a wraparound licence): the terms it uses and defines are that text's."""
    return any(_WRAPS.search(clause.text[:1500]) for clause in order[:4])


#: After a phrase: its meaning is set out in another document ("the Trademarks set forth in the IO").
_SET_OUT = re.compile(
    r"[ \u00a0](?:as\s+)?(?:set\s+forth|set\s+out|specified|identified|listed|described)\s+(?:in|on|under)\s+"
    r"(?:the|your|an?|each|any)\s+[A-Z]"
)


def _set_out_elsewhere(text: str, forms: tuple[str, ...]) -> bool:
    """Whether, where it is first used, the phrase is said to be set out in another document."""
    for form in forms:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if end < len(text) and text[end] == "s":
                end += 1
            if _SET_OUT.match(text, end):
                return True
            at = text.find(form, at + 1)
    return False


_DEFINITIONS_HEADING = re.compile(r"\b(?:definitions?|interpretation|glossary)\b", re.IGNORECASE)


def _in_definitions(clause: Clause) -> bool:
    """Whether the clause belongs to the document's definitions ("1. APPLICABILITY AND
    DEFINITIONS"): a phrase first used there is defined by what that text says of it."""
    owner: Clause | None = clause
    for _ in range(2):  # the clause, or the section holding it
        if owner is None:
            return False
        if owner.heading and _DEFINITIONS_HEADING.search(owner.heading):
            return True
        owner = owner.parent
    return False


def _defined_in_lower_case(index: TermIndex, phrase: str) -> bool:
    lower = phrase.lower()
    return any(index.written_in_lower(f"{q}{lower}{e}") for q, e in _QUOTES)


_QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"))
#: "Our Warranties. We warrant ...", "No Liability . We will not ...": a paragraph's run-in heading;
#: or a Markdown heading left in the text: "#### 4.2.2. No Technical Measures that Limit Access".
_RUN_IN = r"(?:^|\n)(?:\W*(?:(?:Our|Your|No|The|A|An)\s+)?(?:{0})\s?[.:](?:\s|$)|#+\s[^\n]*\b(?:{0})\b)"


_READ: weakref.WeakKeyDictionary[TermIndex, dict[tuple[str, str], tuple[str, bool, int, int]]] = (
    weakref.WeakKeyDictionary()
)


def _run_in_headings(
    index: TermIndex, memo: TermMemo, phrases: list[str]
) -> tuple[set[str], dict[str, Clause]]:
    """The phrases that head a paragraph of their own (a run-in heading, in any number), and
    those mostly written as the start of a longer name ("This Action by Written Consent");
    and the clause where each phrase is first used. Kept in `memo` until an edit could change it."""
    known = memo.run_in
    fresh = [phrase for phrase in phrases if phrase not in known]
    for phrase in phrases:
        if phrase in known and known[phrase].stale:  # read again where it is used
            if not _read_sites(index, memo.entries(), phrase, known):
                fresh.append(phrase)
    if fresh:
        _read_run_in(index, memo.entries(), fresh, known)
    found = {phrase for phrase in phrases if known[phrase].described}
    first: dict[str, Clause] = {}
    for phrase in phrases:
        clause = known[phrase].first
        if clause is not None:
            first[phrase] = clause
        if phrase not in found and any(  # "No Refund." read as the heading of its clause
            f"{lead}{f.lower()}" in index.headings for f in run_in_forms(phrase) for lead in _LEADS
        ):
            found.add(phrase)
    return found, first


class _Reading:
    """What the clauses read so far, in document order, say of one phrase: its first use, and
    whether the first few clauses using a form of it describe it (what a clause says is
    remembered in `cache` while its text stays the same)."""

    def __init__(self, phrase: str, cache: dict[tuple[str, str], tuple[str, bool, int, int]]) -> None:
        self.phrase = phrase
        self.forms = tuple(run_in_forms(phrase))
        self.first: Clause | None = None
        self.first_at = EVERY_CLAUSE
        self.done_at = -1  # where its first clauses were read (or one described it)
        self._cache = cache
        self._read = 0
        self._found = False
        self._uses = self._going_on = 0  # uses, uses going on into a longer name
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def take(self, at: int, clause: Clause, entry: ClauseTerms) -> None:
        """Read one clause that uses a form of the phrase or is a Markdown heading."""
        phrase = self.phrase
        used = phrase in entry.scan.phrases
        if used and self.first is None:
            self.first, self.first_at = clause, at
        if self.done_at >= 0:
            return
        self._read += 1
        known = self._cache.get((phrase, clause.id))
        if known is None or known[0] is not entry.text:
            if self._patterns is None:
                alternatives = "|".join(re.escape(f) for f in sorted(self.forms, key=len, reverse=True))
                self._patterns = (
                    re.compile(_RUN_IN.format(alternatives)),
                    re.compile(rf"\b{re.escape(phrase)}\b{_GOES_ON}"),
                )
            run_in, longer = self._patterns
            matches = [m.group(1) is not None for m in longer.finditer(entry.text)] if used else []
            known = (entry.text, run_in.search(entry.text) is not None, len(matches), sum(matches))
            self._cache[(phrase, clause.id)] = known
        self._found = self._found or known[1]
        self._uses += known[2]
        self._going_on += known[3]
        if self._found or self._read >= _READ_CLAUSES:
            self.done_at = at

    def finished(self) -> bool:
        """Whether no later clause can change what is known."""
        return self.first is not None and self.done_at >= 0

    def result(self, sites: list[int], end: int) -> RunIn:
        described = self._found or bool(self._going_on and 2 * self._going_on >= self._uses)
        horizon = max(self.first_at, self.done_at) if self.done_at >= 0 else EVERY_CLAUSE
        return RunIn(described, self.first, horizon, sites, end)


def _read_run_in(
    index: TermIndex, entries: list[tuple[Clause, ClauseTerms]], phrases: list[str], into: dict[str, RunIn]
) -> None:
    """What the clauses say of each phrase (`_run_in_headings`), read from every clause until
    the first few using each tell."""
    cache = _READ.setdefault(index, {})
    readings = [_Reading(phrase, cache) for phrase in phrases]
    sites: dict[str, list[int]] = {phrase: [] for phrase in phrases}
    all_forms = frozenset(f for reading in readings for f in reading.forms)
    end = len(entries) - 1
    for at, (clause, entry) in enumerate(entries):
        used = entry.scan.phrases
        marked = entry.text[:1] == "#"  # a Markdown heading left in the text names no term
        if not marked and all_forms.isdisjoint(used):
            continue  # no form of any phrase here: nothing to read, nothing changed since the last test
        for reading in readings:
            for f in reading.forms:
                if f in used:
                    break
            else:
                if not marked:
                    continue
            sites[reading.phrase].append(at)
            reading.take(at, clause, entry)
        if all(reading.finished() for reading in readings):
            end = at
            break  # every phrase's first use found and its first clauses read
    for reading in readings:
        into[reading.phrase] = reading.result(sites[reading.phrase], end)


def _read_sites(
    index: TermIndex, entries: list[tuple[Clause, ClauseTerms]], phrase: str, into: dict[str, RunIn]
) -> bool:
    """Read a phrase again from its sites only; False if they end before what is known is
    settled (then every clause is read)."""
    known = into[phrase]
    reading = _Reading(phrase, _READ.setdefault(index, {}))
    for at in known.sites:
        clause, entry = entries[at]
        reading.take(at, clause, entry)
        if reading.finished():
            break
    if not reading.finished() and known.end < len(entries) - 1:
        return False
    into[phrase] = reading.result(known.sites, known.end)
    return True


_LEADS = ("", "our ", "your ", "no ", "the ")
#: What follows a phrase that is the start of a longer name: "Action by Written Consent",
#: "Display & Video 360", "Generative AI Use Policy", "Contracts (Rights of Third Parties) Act".
_GOES_ON = r"( by (?:the )?[A-Z]| & [A-Z]| [A-Z]{2,}\b| \([A-Z][^()]{0,60}\) [A-Z])?"
_READ_CLAUSES = 25  # clauses read for a phrase: where a term is described, it is described early


def _own_phrases(
    entries: list[tuple[Clause, ClauseTerms]], scopes: Instruments
) -> tuple[dict[str, int], dict[str, int]]:
    """The capitalised phrases (and their uses as nouns) of the instruments that define their own terms."""
    phrases: dict[str, int] = {}
    nouns: dict[str, int] = {}
    for clause, entry in entries:
        if scopes.of(clause.id) in scopes.borrowing:
            continue
        for totals, counts in ((phrases, entry.scan.phrases), (nouns, entry.scan.nouns)):
            for phrase, count in counts.items():
                totals[phrase] = totals.get(phrase, 0) + count
    return phrases, nouns


def _first_use(entries: list[tuple[Clause, ClauseTerms]], phrase: str, scopes: Instruments) -> Clause | None:
    """The first clause using the phrase in an instrument that defines its own terms."""
    for clause, entry in entries:
        if phrase in entry.scan.phrases and scopes.of(clause.id) not in scopes.borrowing:
            return clause
    return None


_FIRST_LABELS = frozenset("1 i a (1) (i) (a) 0 1.0 1.1 one".split())
_LABEL_TAIL = re.compile(r"[.):]+$")


def _excerpt(policy: Policy) -> bool:
    """A page that begins in the middle of an instrument: its first numbered clause is "Article 19"."""
    for clause in policy.clauses:
        label = clause.label.strip()
        if not label:
            continue
        core = _LABEL_TAIL.sub("", label.split()[-1].lower())
        return bool(core) and core not in _FIRST_LABELS and not core.startswith(("1.", "0"))
    return False


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


def _heading_text(heading: str) -> str:
    return _SPACE.sub(" ", heading.strip().rstrip(":.").lower())
