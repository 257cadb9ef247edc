"""What a reader needs before accepting "X is used as a defined term but is not defined".

A capitalised phrase is reported only when the document gives it the marks of a term: the
document defines terms at all (a page that defines nothing capitalises for emphasis or by
house style) and is not a DPA or service level agreement (whose agreement defines them), the
phrase is used at least three times, as a noun ("the Website", "our Platform") in at least two
different clauses (the same text pasted twice counts once), it is capitalised more often
than written in lower case (else the capitals are ordinary: "our Services" beside "the
services we offer"), and it is not a name: "The Meet Group" with a capital "The" mid-sentence,
"Last.fm" an address. A notice of a few clauses has no room for definitions or several
clauses: there the uses alone are the evidence. The singular and plural of a phrase
("Consumer", "Consumers") are one term: reported once, under the form used more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plutoeditor.checks.terms_index import ClauseTerms, TermIndex
from plutoeditor.checks.terms_recognise import Definition
from plutoeditor.model.clause import Clause

MIN_DEFINITIONS = 2  # explicit definitions of capitalised terms the document writes
MIN_CLAUSES = 2  # different clauses using the phrase as a noun
MIN_USES = 3  # uses mid-sentence, in all its forms
#: A notice of a few clauses has no room for any of that: its twice "the Website" is the evidence.
SHORT = 20  # clauses
#: A document attached to another, which defines its terms: "This DPA forms part of the Agreement".
#: A data processing agreement or a service level agreement is always one (by its title).
_ATTACHED_TITLE = re.compile(
    r"\b(?:data\s+process(?:ing|or)\s+(?:agreement|addendum|terms)|dpa|service\s*level\s*agreement)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset("we us our ours you your yours i me my they them their".split())


def companions(candidates: Iterable[tuple[str, int]]) -> list[tuple[str, int, tuple[str, ...]]]:
    """(phrase, uses, forms) per term: a phrase and its plural or singular are one term,
    named by the form used more; its uses are both forms' uses."""
    by_key: dict[str, list[tuple[str, int]]] = {}
    for phrase, count in candidates:
        by_key.setdefault(_singular(phrase), []).append((phrase, count))
    merged = []
    for forms in by_key.values():
        forms.sort(key=lambda pc: -pc[1])
        merged.append((forms[0][0], sum(c for _, c in forms), tuple(p for p, _ in forms)))
    return merged


def _singular(phrase: str) -> str:
    if phrase.endswith("ies") and len(phrase) > 4:
        return phrase[:-3] + "y"
    if phrase.endswith("s") and not phrase.endswith("ss") and len(phrase) > 3:
        return phrase[:-1]
    return phrase


class Evidence:
    """The marks of a term in one document, worked out when first asked."""

    def __init__(self, index: TermIndex, entries: list[tuple[Clause, ClauseTerms]]) -> None:
        self._index = index
        self._entries = entries
        self._joined: str | None = None
        self._short = len(entries) <= SHORT
        self._wanted: frozenset[str] = frozenset()
        self._noun_texts: dict[str, set[str]] | None = None  # phrase -> texts using it as a noun

    def expect(self, phrases: Iterable[str]) -> None:
        """The phrases `weak` will be asked about (their clauses are then found in one pass)."""
        self._wanted = frozenset(phrases)
        self._noun_texts = None

    def defines_terms(self, definitions: list[Definition]) -> bool:
        """Whether the document writes definitions of its own capitalised terms (or is short)."""
        if self._short:
            return True
        explicit = 0
        for d in definitions:
            if d.explicit and d.term[:1].isupper() and d.term.casefold() not in _PRONOUNS:
                explicit += 1
                if explicit >= MIN_DEFINITIONS:
                    return True
        return False

    def attached(self, title: str) -> bool:
        """A DPA or a service level agreement (by its title): the agreement it belongs to
        defines its terms."""
        return _ATTACHED_TITLE.search(title) is not None

    def weak(self, forms: tuple[str, ...], uses: int) -> bool:
        """Whether a reader would doubt that the phrase (in any of its forms) is a term."""
        if uses < MIN_USES and not self._short:
            return True
        return not self._spread(forms) or self._a_name(forms) or self._mostly_lower(forms)

    def _spread(self, forms: tuple[str, ...]) -> bool:
        if self._short:
            return True
        if self._noun_texts is None or not self._wanted.issuperset(forms):
            self._wanted = self._wanted.union(forms)
            found: dict[str, set[str]] = {}
            wanted = set(self._wanted)  # the phrases not yet seen in two texts
            for _, entry in self._entries:
                nouns = entry.scan.nouns
                if nouns and not wanted.isdisjoint(nouns):
                    for phrase in wanted.intersection(nouns):
                        seen = found.setdefault(phrase, set())
                        seen.add(entry.text)
                        if len(seen) >= MIN_CLAUSES:
                            wanted.discard(phrase)
                    if not wanted:
                        break
            self._noun_texts = found
        texts: set[str] = set()
        for form in forms:
            texts.update(self._noun_texts.get(form, ()))
        return len(texts) >= MIN_CLAUSES

    def _text(self) -> str:
        if self._joined is None:
            self._joined = "\n".join(entry.text for _, entry in self._entries)
        return self._joined

    def _mostly_lower(self, forms: tuple[str, ...]) -> bool:
        """Written in lower case more often than capitalised mid-sentence."""
        text = self._text()
        size = len(text)
        capitalised = sum(self._index.phrases.get(form, 0) for form in forms)
        lower = 0
        for form in forms:
            word = form.lower()
            at = text.find(word)  # only the lower-case ones: a search per phrase, no copy of the text
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-_")) and (
                    end >= size or not (text[end].isalnum() or text[end] in "-_")
                ):
                    lower += 1
                    if lower > capitalised:
                        return True
                at = text.find(word, end)
        return False

    def _a_name(self, forms: tuple[str, ...]) -> bool:
        """'delivered to The Meet Group' (a capital "The" mid-sentence), 'Last.fm' (an address)."""
        text = self._text()
        for form in forms:
            # each pattern tried only where str.find puts its words: searched for, a pattern
            # starting with a class is tried at every position of the document's text (1.5 MB
            # for 10,000 clauses), once per phrase
            named = re.compile(rf"[a-z,] The {re.escape(form)}\b")
            at = text.find(f" The {form}", 1)
            while at >= 0:
                if named.match(text, at - 1):
                    return True
                at = text.find(f" The {form}", at + 1)
            address = re.compile(rf"(?<![\w.]){re.escape(form)}\.[a-z]{{2,}}\b")
            at = text.find(f"{form}.")
            while at >= 0:
                if address.match(text, at):
                    return True
                at = text.find(f"{form}.", at + 1)
        return False
