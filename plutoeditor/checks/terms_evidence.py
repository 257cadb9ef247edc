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

from plutoeditor.checks.terms_index import TermIndex
from plutoeditor.checks.terms_memo import MIN_TEXTS, TermMemo
from plutoeditor.checks.terms_recognise import Definition

MIN_DEFINITIONS = 2  # explicit definitions of capitalised terms the document writes
MIN_CLAUSES = MIN_TEXTS  # clauses of different texts using the phrase as a noun
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
    """The marks of a term in one document, worked out when first asked and kept in the
    index's memo, which keeps them up to date after edits (`checks.terms_memo`)."""

    def __init__(self, index: TermIndex, memo: TermMemo) -> None:
        self._index = index
        self._memo = memo
        self._short = len(index.order) <= SHORT
        self._wanted: frozenset[str] = frozenset()

    def expect(self, phrases: Iterable[str]) -> None:
        """The phrases `weak` will be asked about (their clauses are then found in one pass)."""
        self._wanted = frozenset(phrases)

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
        """Used as a noun in at least two clauses of different texts."""
        if self._short:
            return True
        nouns = self._memo.nouns(self._wanted.union(forms))
        texts: set[str] = set()
        for form in forms:
            known = nouns[form]
            if len(known) >= MIN_CLAUSES:
                return True
            texts.update(known)
        return len(texts) >= MIN_CLAUSES

    def _mostly_lower(self, forms: tuple[str, ...]) -> bool:
        """Written in lower case more often than capitalised mid-sentence."""
        capitalised = sum(self._index.phrases.get(form, 0) for form in forms)
        return sum(self._memo.lower(form) for form in forms) > capitalised

    def _a_name(self, forms: tuple[str, ...]) -> bool:
        """'delivered to The Meet Group' (a capital "The" mid-sentence), 'Last.fm' (an address)."""
        return any(self._memo.named(form) for form in forms)
