"""Clauses one version splits where the other keeps one: re-wrapped lines, a heading line
broken in two, a paragraph the importer read as a clause of its own.

When a clause's words are another version's clause's words only together with the next
unnumbered clauses (unpaired, right after it in reading order), those clauses join its
wording: the two are paired and the joined ones are not reported as added or removed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from plutoeditor.compare.units import words_of
from plutoeditor.model.clause import Clause

if TYPE_CHECKING:
    from plutoeditor.compare.align import Entry

#: At most this many clauses are joined into one.
MAX_JOINED = 20
#: In a gap between anchors with more unpaired clauses than this, only neighbours are tried.
MAX_TRIES = 40


def clause_words(clause: Clause) -> list[str]:
    """The words a reader reads in the clause, heading first."""
    return words_of(clause.heading) + words_of(clause.text)


def same_words(a: Clause, b: Clause) -> bool:
    """The same words in the same order (spacing, punctuation and heading/text split aside)."""
    return clause_words(a) == clause_words(b)


def join_in_gaps(
    olds: list[Entry],
    news: list[Entry],
    old_entries: list[Entry],
    new_entries: list[Entry],
    pair: Callable[[Entry, Entry], None],
) -> None:
    """Pair, within one gap between anchors, clauses that are the same words split otherwise."""
    for a in olds[:MAX_TRIES]:
        if a.partner is not None or a.joined:
            continue
        for b in news[:MAX_TRIES]:
            if b.partner is not None or b.joined or (a.label != b.label):
                continue
            found = _joinable(a, b, old_entries, new_entries)
            if found is not None:
                pair(a, b)
                _join(a, b, *found)
                break


def join_split_units(old_entries: list[Entry], new_entries: list[Entry]) -> None:
    """For clauses already paired, join the split rest into their wording."""
    for b in new_entries:
        a = b.partner
        if a is None or a.key == b.key:
            continue
        found = _joinable(a, b, old_entries, new_entries)
        if found is not None:
            _join(a, b, *found)


def _join(a: Entry, b: Entry, more_old: list[Entry], more_new: list[Entry]) -> None:
    _absorb(a.clause, [e.clause for e in more_old])
    _absorb(b.clause, [e.clause for e in more_new])
    for entry in (*more_old, *more_new):
        entry.joined = True


def _joinable(
    a: Entry, b: Entry, old_entries: list[Entry], new_entries: list[Entry]
) -> tuple[list[Entry], list[Entry]] | None:
    words_a, words_b = clause_words(a.clause), clause_words(b.clause)
    if not words_a or not words_b or words_a[0] != words_b[0]:
        return None
    more_old: list[Entry] = []
    more_new: list[Entry] = []
    i, j = a.index + 1, b.index + 1
    while words_a != words_b and len(more_old) + len(more_new) < MAX_JOINED:
        if len(words_a) < len(words_b) and words_b[: len(words_a)] == words_a:
            if not _free(old_entries, i):
                return None
            words_a = words_a + clause_words(old_entries[i].clause)
            more_old.append(old_entries[i])
            i += 1
        elif len(words_b) < len(words_a) and words_a[: len(words_b)] == words_b:
            if not _free(new_entries, j):
                return None
            words_b = words_b + clause_words(new_entries[j].clause)
            more_new.append(new_entries[j])
            j += 1
        else:
            return None
    if words_a != words_b or not (more_old or more_new):
        return None
    if not _closed(a, more_old) or not _closed(b, more_new):
        return None
    return more_old, more_new


def _free(entries: list[Entry], i: int) -> bool:
    """Whether entries[i] can be joined to the clause before it: unpaired and unnumbered."""
    if i >= len(entries):
        return False
    entry = entries[i]
    return entry.partner is None and not entry.joined and not entry.label


def _closed(entry: Entry, joined: list[Entry]) -> bool:
    """Whether every sub-clause of the entry and of the joined ones is joined too."""
    members = set(joined)
    return all(child in members for e in (entry, *joined) for child in e.children)


def _absorb(clause: Clause, others: list[Clause]) -> None:
    """Add the others' headings and texts to the clause's text (a reading-unit copy)."""
    if not others:
        return
    parts = [clause.text] if clause.text.strip() else []
    for other in others:
        parts.extend(p for p in (other.heading, other.text) if p.strip())
    clause.text = "\n".join(parts)
