"""Pair the clauses of two versions of a policy.

By id when both versions descend from the same native document; otherwise (and for what
ids leave unpaired) by content: identical normalised heading and text that occurs once in
each version first, then sections whose children were paired with each other's children,
then repeated content under paired parents, then the most similar heading and text among
the rest. Labels and positions only break ties. Candidates for the similarity
step come from shared rare words, so the work grows with the number of changed clauses,
not with the square of the document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from plutoeditor.compare.joins import join_in_gaps
from plutoeditor.compare.sequence import heaviest_increasing
from plutoeditor.compare.units import words_of
from plutoeditor.model.clause import Clause
from plutoeditor.model.labels import plain_label
from plutoeditor.model.policy import Policy

#: Two clauses are paired by similarity only above this Dice score of their word sets.
MIN_SIMILARITY = 0.5
#: Words found in more unpaired clauses than this are too common to propose candidates.
MAX_POSTING = 40
#: Each clause proposes candidates through at most this many of its rarest words.
RARE_WORDS = 8
#: ... and the unpaired clauses standing in the same place of the other version, at most this many.
GAP_CANDIDATES = 24


@dataclass(eq=False, slots=True)
class Entry:
    """One clause of a version, flattened: its place and what its content looks like."""

    clause: Clause
    index: int
    depth: int
    parent: Entry | None
    key: str = ""
    heading_key: str = ""
    label: str = ""
    position: int = 0
    previous: Entry | None = None
    children: list[Entry] = field(default_factory=list)
    partner: Entry | None = None
    #: part of a neighbour's wording (a line the other version joins to it): not listed
    joined: bool = False
    word_set: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The distinct words of heading and text (made when first needed: most clauses are
        paired by their key alone)."""
        if self.word_set is None:
            self.word_set = frozenset(self.key.split())
        return self.word_set


def flatten(policy: Policy) -> list[Entry]:
    """Every clause in document order, with its normalised content."""
    entries: list[Entry] = []

    def visit(clauses: list[Clause], parent: Entry | None, depth: int) -> None:
        previous = None
        for position, clause in enumerate(clauses):
            heading = words_of(clause.heading) if clause.heading else []
            words = heading + words_of(clause.text)
            label = plain_label(clause.label)
            entry = Entry(
                clause,
                len(entries),
                depth,
                parent,
                # a clause with no words ("1.2" on a line of its own) is known by its label
                key=" ".join(words) if words else ("§" + label if label else ""),
                heading_key=" ".join(heading),
                label=label,
                position=position,
                previous=previous,
            )
            previous = entry
            entries.append(entry)
            if parent is not None:
                parent.children.append(entry)
            visit(clause.children, entry, depth + 1)

    visit(policy.clauses, None, 0)
    return entries


def _pair(a: Entry, b: Entry) -> None:
    a.partner, b.partner = b, a


def _same_context(a: Entry, b: Entry) -> bool:
    """Whether the parents of a and b are paired with each other (or both top level)."""
    if a.parent is None or b.parent is None:
        return a.parent is None and b.parent is None
    return a.parent.partner is b.parent


def similarity(a: Entry, b: Entry) -> float:
    """Dice coefficient of the two clauses' word sets (1.0 for identical content)."""
    if not a.words or not b.words:
        return 0.0
    shared = len(a.words & b.words)
    return 2.0 * shared / (len(a.words) + len(b.words))


def align(old: Policy, new: Policy) -> tuple[list[Entry], list[Entry]]:
    """Flatten both versions and pair their clauses; `Entry.partner` holds the result."""
    old_entries, new_entries = flatten(old), flatten(new)
    if old.document_id == new.document_id:
        _align_by_id(old_entries, new_entries)
    repeated = _align_unique(old_entries, new_entries)
    _align_by_children(old_entries, new_entries)  # before repeated headings pair by order
    _align_same_in_gaps(old_entries, new_entries)
    _align_by_children(old_entries, new_entries)
    _align_repeated(repeated)
    _align_by_children(old_entries, new_entries)
    for olds, news in _gaps(old_entries, new_entries):
        join_in_gaps(olds, news, old_entries, new_entries, _pair)
    _align_similar(old_entries, new_entries)
    _align_by_children(old_entries, new_entries)
    return old_entries, new_entries


def _align_by_id(old_entries: list[Entry], new_entries: list[Entry]) -> None:
    by_id = {e.clause.id: e for e in new_entries}
    for entry in old_entries:
        partner = by_id.get(entry.clause.id)
        if partner is not None and partner.partner is None:
            _pair(entry, partner)


Groups = list[tuple[list[Entry], list[Entry]]]


def _align_unique(old_entries: list[Entry], new_entries: list[Entry]) -> Groups:
    """Pair clauses whose normalised heading and text occur exactly once in each version.

    Returns the groups of clauses whose content repeats ("in each case, in accordance with
    this Policy.", a "Cookies" heading in every part), to be paired once their parents are.
    """
    old_groups: dict[str, list[Entry]] = defaultdict(list)
    new_groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in old_entries:
        if entry.partner is None and entry.key:
            old_groups[entry.key].append(entry)
    for entry in new_entries:
        if entry.partner is None and entry.key:
            new_groups[entry.key].append(entry)
    repeated = []
    for key, olds in old_groups.items():
        news = new_groups.get(key)
        if not news:
            continue
        if len(olds) == 1 and len(news) == 1:
            _pair(olds[0], news[0])
        else:
            repeated.append((olds, news))
    return repeated


def in_order_pairs(new_entries: list[Entry]) -> list[Entry]:
    """The paired new entries that kept their reading order (the longest such run): the
    anchors between which the rest is paired."""
    paired = [e for e in new_entries if e.partner is not None]
    kept = heaviest_increasing([e.partner.index for e in paired if e.partner is not None])
    return [e for i, e in enumerate(paired) if i in kept]


def _gaps(old_entries: list[Entry], new_entries: list[Entry]) -> list[tuple[list[Entry], list[Entry]]]:
    """The unpaired clauses between consecutive in-order anchors, old side and new side."""
    gaps = []
    old_start = new_start = 0
    for anchor in [*in_order_pairs(new_entries), None]:
        old_stop = anchor.partner.index if anchor is not None and anchor.partner else len(old_entries)
        new_stop = anchor.index if anchor is not None else len(new_entries)
        olds = [e for e in old_entries[old_start:old_stop] if e.partner is None]
        news = [e for e in new_entries[new_start:new_stop] if e.partner is None]
        if olds and news:
            gaps.append((olds, news))
        old_start, new_start = old_stop + 1, new_stop + 1
    return gaps


#: Longer gaps are matched greedily in order instead (difflib is quadratic in the worst case).
MAX_GAP = 2000


def _align_same_in_gaps(old_entries: list[Entry], new_entries: list[Entry]) -> None:
    """Between in-order anchors, pair clauses with the same content in reading order
    (repeated lines, empty numbered clauses): a file compared with itself pairs throughout."""
    for olds, news in _gaps(old_entries, new_entries):
        if len(olds) * len(news) > MAX_GAP * MAX_GAP:
            continue
        keys = {e.key for e in olds if e.key}
        if not any(e.key in keys for e in news):
            continue  # nothing alike here (most gaps: one reworded clause)
        if len(olds) == 1 and len(news) == 1:
            _pair(olds[0], news[0])
            continue
        matcher = SequenceMatcher(None, [e.key for e in olds], [e.key for e in news], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                a, b = olds[block.a + k], news[block.b + k]
                if a.key and a.partner is None and b.partner is None:
                    _pair(a, b)


def _align_repeated(groups: Groups) -> None:
    """Pair clauses with repeated content: right after the twin of their previous sibling,
    then in order under the paired parent, then (without context) by label and order."""
    for olds, news in groups:
        after = {b.previous: b for b in news if b.partner is None and b.previous is not None}
        for a in olds:
            twin = a.previous.partner if a.previous is not None else None
            b = after.get(twin) if twin is not None else None
            if a.partner is None and b is not None and b.partner is None:
                _pair(a, b)
        under: dict[Entry | None, list[Entry]] = defaultdict(list)
        for b in news:
            if b.partner is None:
                under[b.parent].append(b)
        waiting: dict[Entry | None, list[Entry]] = defaultdict(list)
        for a in olds:
            if a.partner is None and (a.parent is None or a.parent.partner is not None):
                waiting[a.parent.partner if a.parent is not None else None].append(a)
        for target, group in waiting.items():
            for a, b in zip(group, under.get(target, []), strict=False):  # in order: no false moves
                _pair(a, b)
        # The rest only where the parent gives no context (top level, or an unpaired
        # parent): a repeated line is not taken from under another paired parent.
        free_news = [b for b in news if b.partner is None and _without_context(b)]
        free_olds = [a for a in olds if a.partner is None and _without_context(a)]
        by_label: dict[str, list[Entry]] = defaultdict(list)
        for b in free_news:
            if b.label:
                by_label[b.label].append(b)
        for a in free_olds:
            twin = next((b for b in by_label.get(a.label, ()) if b.partner is None), None)
            if twin is not None:
                _pair(a, twin)
        free_news = [b for b in free_news if b.partner is None]
        for a, b in zip([a for a in free_olds if a.partner is None], free_news, strict=False):
            _pair(a, b)


def _without_context(entry: Entry) -> bool:
    return entry.parent is None or entry.parent.partner is None


def _align_by_children(old_entries: list[Entry], new_entries: list[Entry]) -> None:
    """Pair unpaired sections whose paired children mostly went to one another.

    Deepest first, so a chain of sections is paired from the bottom up. Two sections with
    text of their own are paired only when that text is somewhat alike or they keep their label
    ("2.1 Contributor Grant." reworded "2.1 Grants." over the same paragraph).
    """
    for entry in reversed(old_entries):
        if entry.partner is not None or not entry.children:
            continue
        votes = Counter(
            c.partner.parent for c in entry.children if c.partner is not None and c.partner.parent is not None
        )
        if not votes:
            continue
        candidate, count = votes.most_common(1)[0]
        if candidate.partner is not None or count * 2 < len(entry.children):
            continue
        from_here = sum(1 for c in candidate.children if c.partner is not None and c.partner.parent is entry)
        if from_here * 2 < len(candidate.children):
            continue
        no_text = not entry.clause.text.strip() and not candidate.clause.text.strip()
        same_label = bool(entry.label) and entry.label == candidate.label
        unkeyed = not entry.key or not candidate.key
        if no_text or same_label or unkeyed or similarity(entry, candidate) >= 0.25:
            _pair(entry, candidate)


def _align_similar(old_entries: list[Entry], new_entries: list[Entry]) -> None:
    """Pair the most similar remaining clauses, best score first."""
    olds = [e for e in old_entries if e.partner is None and e.key and not e.joined]
    news = [e for e in new_entries if e.partner is None and e.key and not e.joined]
    if not olds or not news:
        return
    frequency: Counter[str] = Counter()
    for entry in news:
        frequency.update(entry.words)
    postings: dict[str, list[Entry]] = defaultdict(list)
    for entry in news:
        for word in entry.words:
            if frequency[word] <= MAX_POSTING:
                postings[word].append(entry)
    by_heading: dict[str, list[Entry]] = defaultdict(list)
    for entry in news:
        if entry.heading_key:
            by_heading[entry.heading_key].append(entry)
    old_span, new_span = max(len(old_entries), 1), max(len(new_entries), 1)
    gaps = _gap_candidates(old_entries, news)
    scored: list[tuple[float, int, int, Entry, Entry, bool]] = []
    for a in olds:
        rare = sorted((w for w in a.words if w in postings), key=lambda w: (frequency[w], w))[:RARE_WORDS]
        near = set(gaps.get(a, ()))
        candidates: set[Entry] = set(near)
        for word in rare:
            candidates.update(postings[word])
        same_heading = by_heading.get(a.heading_key, ()) if a.heading_key else ()
        if len(same_heading) <= MAX_POSTING:
            candidates.update(same_heading)
        for b in candidates:
            score = similarity(a, b)
            if a.heading_key and a.heading_key == b.heading_key:
                score += 0.1
            if score < MIN_SIMILARITY:
                continue
            if not _headings_agree(a, b):
                continue
            # tie-breakers: same parent pair, same label, nearby position
            if _same_context(a, b) and a.parent is not None:
                score += 0.05
            if a.label and a.label == b.label:
                score += 0.02
            score -= 0.01 * abs(a.index / old_span - b.index / new_span)
            scored.append((score, a.index, b.index, a, b, b in near))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    for _score, _i, _j, a, b, in_gap in scored:
        if a.partner is None and b.partner is None:
            if not in_gap and not _same_wording(a, b):
                continue  # far away, only alike: an insertion and a deletion, not a move
            _pair(a, b)


#: A clause paired with one far from its place (a move) must keep this much of its wording in
#: order (difflib's ratio over words): alike vocabulary alone does not make a move.
FAR_SIMILARITY = 0.8


def _same_wording(a: Entry, b: Entry) -> bool:
    words_a, words_b = a.key.split(), b.key.split()
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    return matcher.real_quick_ratio() >= FAR_SIMILARITY and matcher.ratio() >= FAR_SIMILARITY


def _headings_agree(a: Entry, b: Entry) -> bool:
    """Two clauses under other labels whose likeness is mostly their headings pair only when
    the headings share more than one word: "2.2 Contributor Grant." is not "1.1 'Contributor'"."""
    if not a.heading_key or not b.heading_key or a.heading_key == b.heading_key:
        return True
    if not a.label or not b.label or a.label == b.label:
        return True
    heading_a, heading_b = set(a.heading_key.split()), set(b.heading_key.split())
    shared_heading = len(heading_a & heading_b)
    shared_text = len(a.words & b.words) - shared_heading
    return shared_heading >= 2 or shared_text > 2


def _gap_candidates(old_entries: list[Entry], news: list[Entry]) -> dict[Entry, list[Entry]]:
    """For each unpaired old clause, the unpaired new clauses in the same gap between paired
    neighbours: a reworded clause usually stays where it was, even when all its words are
    common ones."""
    positions = [b.index for b in news]
    result: dict[Entry, list[Entry]] = {}
    previous = [-1] * len(old_entries)  # partner index of the nearest paired clause before
    last = -1
    for entry in old_entries:
        previous[entry.index] = last
        if entry.partner is not None:
            last = entry.partner.index
    following = 1 << 62
    for entry in reversed(old_entries):
        if entry.partner is not None:
            following = entry.partner.index
            continue
        if not entry.key:
            continue
        low = previous[entry.index]
        high = following if following > low else low + GAP_CANDIDATES + 1
        start = bisect_right(positions, low)
        stop = min(bisect_left(positions, high), start + GAP_CANDIDATES)
        if start < stop:
            result[entry] = news[start:stop]
    return result
