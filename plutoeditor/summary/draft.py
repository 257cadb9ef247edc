"""draft_summary: the rules that turn one comparison into the items of a summary of changes.

- substantive: a clause added or removed (an obligation, a right, a kind of data, a party),
  and wording changed in a way the rules below cannot call editorial, quoted as the sentence
  now reads with what it said before ("for one year (was two)");
- structural: a clause moved ("Sharing Personal Data (now section 7) moved after Your
  rights"), a heading added over clauses that were already there;
- editorial: spelling, punctuation and capitalisation fixes, references that follow
  renumbering, headings reworded, and relabels grouped into runs ("Sections 6-7
  renumbered 5-6"); each kind of fix is one item naming its clauses.
"""

from __future__ import annotations

from collections.abc import Iterable

from plutoeditor.compare.result import ClauseChange, Comparison, Ops
from plutoeditor.compare.units import words_of
from plutoeditor.compare.worddiff import word_diff
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy
from plutoeditor.summary import places
from plutoeditor.summary.items import (
    EDITORIAL,
    STRUCTURAL,
    SUBSTANTIVE,
    ChangeSummary,
    SummaryClause,
    SummaryItem,
)
from plutoeditor.summary.phrasing import changed_sentences
from plutoeditor.summary.segments import (
    CAPITALISATION,
    PUNCTUATION,
    REFERENCE,
    SPELLING,
    SUBSTANCE,
    WHITESPACE,
    classify,
    normalise,
    segments_of,
)

#: How each kind of editorial fix is named, in the order the summary lists them.
FIX_WORDING = {
    SPELLING: "Spelling corrected in {places}",
    PUNCTUATION: "Punctuation corrected in {places}",
    CAPITALISATION: "Capitalisation changed in {places}",
    REFERENCE: "References updated to follow the renumbering in {places}",
}
#: A clause whose changed words are more than this share of its words is "reworded" as a whole.
REWORDED_SHARE = 0.6
#: More runs of renumbered clauses than this: those inside sections are one item.
MAX_RELABEL_ITEMS = 6
#: At most this many corrected words are quoted in a spelling item.
MAX_SPELLINGS = 5


class _Draft:
    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.changes = comparison.changes
        self.added = {c.clause.id for c in self.changes if c.status == "added"}
        self.removed_by_id = {c.clause.id: c for c in self.changes if c.status == "removed"}
        self.removed = set(self.removed_by_id)
        self.by_new_id = {c.new.id: c for c in self.changes if c.new is not None}
        self.relabelled = {
            normalise(c.old_label): c.new_label
            for c in self.changes
            if c.status == "matched" and c.relabelled and c.old_label
        }
        self.new_words = _Words(comparison.new)
        #: the new version's top-level clauses as compare paired them (reading units), and
        #: each new clause's place among its siblings
        self.top = [c.clause for c in self.changes if c.new is not None and c.clause.parent is None]
        self.place = {id(c): i for i, c in enumerate(self.top)}
        for change in self.changes:
            if change.new is not None:
                self.place.update((id(child), i) for i, child in enumerate(change.new.children))
        self.items: dict[str, list[SummaryItem]] = {SUBSTANTIVE: [], STRUCTURAL: [], EDITORIAL: []}
        self.fixes: dict[str, list[ClauseChange]] = {kind: [] for kind in FIX_WORDING}
        self.spellings: list[tuple[str, str]] = []

    def run(self) -> ChangeSummary:
        for change in self.changes:
            if change.status == "added":
                self._added(change)
            elif change.status == "removed":
                self._removed(change)
            else:
                self._matched(change)
        self._relabels()
        self._fix_items()
        return ChangeSummary([*self.items[SUBSTANTIVE], *self.items[STRUCTURAL], *self.items[EDITORIAL]])

    def _add(self, kind: str, text: str, changes: Iterable[ClauseChange]) -> None:
        self.items[kind].append(SummaryItem(text, kind, [SummaryClause.of(c) for c in changes]))

    # -- clauses added and removed --------------------------------------------------------
    def _added(self, change: ClauseChange) -> None:
        clause = change.clause
        if clause.parent is not None and clause.parent.id in self.added:
            return  # part of the added clause above it
        inside = [self.by_new_id[c.id] for c in clause.walk() if c.id in self.by_new_id]
        added_inside = [c for c in inside[1:] if c.status == "added"]
        if not clause.text.strip() and clause.heading.strip() and inside[1:] and not added_inside:
            children = [c for c in inside[1:] if c.clause.parent is clause]
            names = [f"“{places.name(c.clause, 40)}”" for c in children]
            more = [f"{len(names) - 2} more"] if len(names) > 3 else []
            under = places.label_range([c.new_label for c in children]) or places.listing(
                names if len(names) <= 3 else names[:2] + more
            )
            self._add(
                STRUCTURAL,
                f"New heading “{places.heading(clause)}” over {under}",
                [change],
            )
            return
        if not clause.text.strip() and not clause.heading.strip() and not added_inside:
            return  # an empty clause: nothing a reader could be told
        self._add(SUBSTANTIVE, "New " + places.described(clause, added_inside), [change, *added_inside])

    def _removed(self, change: ClauseChange) -> None:
        clause = change.clause
        if clause.parent is not None and clause.parent.id in self.removed:
            return
        removed = self.removed_by_id
        removed_inside = [removed[c.id] for c in clause.walk() if c is not clause and c.id in removed]
        if not clause.text.strip() and not clause.heading.strip() and not removed_inside:
            return
        self._add(
            SUBSTANTIVE, places.described(clause, removed_inside, removed=True), [change, *removed_inside]
        )

    # -- clauses in both versions ---------------------------------------------------------
    def _matched(self, change: ClauseChange) -> None:
        if change.moved:
            self._add(STRUCTURAL, self._move_text(change), [change])
        if change.heading_changed:
            self._heading(change)
        if change.text_changed:
            if change.references_followed:
                self.fixes[REFERENCE].append(change)
            else:
                self._text(change, change.ops)
        elif change.old is not None and change.new is not None and not change.heading_changed:
            # compare sets aside changes of punctuation and capitals alone; a summary lists them
            old, new = change.old, change.new
            if (
                old.text != new.text
                and _squash(old.text) != _squash(new.text)
                and _squash(old.heading) == _squash(new.heading)
            ):
                self._text(change, word_diff(old.text, new.text))

    def _heading(self, change: ClauseChange) -> None:
        assert change.old is not None and change.new is not None
        old, new = change.old.heading, change.new.heading
        kinds = {self._kind(s, old, new) for s in segments_of(change.heading_ops)} - {WHITESPACE}
        if kinds and kinds <= set(FIX_WORDING):
            for kind in kinds:
                self._fix(kind, change)
            return
        if change.clause.kind == ClauseKind.DEFINITION:  # a defined term renamed changes every use of it
            self._add(SUBSTANTIVE, f"The defined term “{old.strip()}” is now “{new.strip()}”", [change])
            return
        number = places.noun_and_label(change.clause)
        of = f" of {number}" if number else ""
        if not old.strip():
            text = f"Heading{of} added: “{new.strip()}”"
        elif not new.strip():
            text = f"Heading “{old.strip()}”{of} removed"
        else:
            text = f"Heading “{old.strip()}”{of} now “{new.strip()}”"
        self._add(EDITORIAL, text, [change])

    def _text(self, change: ClauseChange, ops: Ops) -> None:
        assert change.old is not None and change.new is not None
        old, new = change.old.text, change.new.text
        substance = []
        for segment in segments_of(ops):
            kind = self._kind(segment, old, new)
            segment.kind = kind
            if kind == SUBSTANCE:
                substance.append(segment)
            elif kind != WHITESPACE:
                self._fix(kind, change)
                if kind == SPELLING:
                    self.spellings.append((segment.old.strip(), segment.new.strip()))
        if not substance:
            return
        where = places.where(change.clause)
        changed = sum(len(s.old.split()) + len(s.new.split()) for s in substance)
        if changed > REWORDED_SHARE * (len(old.split()) + len(new.split())):
            self._add(SUBSTANTIVE, f"{where} reworded: “{places.quote(new)}”", [change])
            return
        self._add(SUBSTANTIVE, f"{where}: " + " … ".join(changed_sentences(new, old, substance)), [change])

    def _kind(self, segment, old: str, new: str) -> str:  # type: ignore[no-untyped-def]
        return classify(segment, old, new, self.relabelled, self.new_words)

    def _fix(self, kind: str, change: ClauseChange) -> None:
        if not self.fixes[kind] or self.fixes[kind][-1] is not change:
            self.fixes[kind].append(change)

    def _move_text(self, change: ClauseChange) -> str:
        clause = change.clause
        name = places.name(clause)
        new_label = places.label(clause)
        now = f" (now {places.noun(clause)} {new_label})" if change.relabelled and new_label else ""
        siblings = clause.parent.children if clause.parent is not None else self.top
        index = self.place.get(id(clause), 0)
        old_parent = change.old.parent if change.old is not None else None
        new_parent = clause.parent
        same_parent = (old_parent is None and new_parent is None) or (
            old_parent is not None
            and new_parent is not None
            and self.by_new_id.get(new_parent.id) is not None
            and self.by_new_id[new_parent.id].old is not None
            and self.by_new_id[new_parent.id].old.id == old_parent.id  # type: ignore[union-attr]
        )
        where = "" if same_parent or new_parent is None else f" into {places.name_with_label(new_parent)},"
        if index == 0:
            start = (
                f"the start of {places.name_with_label(new_parent)}"
                if new_parent is not None
                else "the start"
            )
            return f"{name}{now} moved{where} to {start}"
        return f"{name}{now} moved{where} after {places.name(siblings[index - 1])}"

    # -- grouped editorial items ----------------------------------------------------------
    def _relabels(self) -> None:
        runs: list[list[ClauseChange]] = []
        last: tuple[Clause | None, int] | None = None
        for change in self.changes:
            if (
                change.status != "matched"
                or not change.relabelled
                or change.moved
                or self._follows_parent(change)
            ):
                continue
            clause = change.clause
            index = self.place.get(id(clause), -1)
            if runs and last is not None and last == (clause.parent, index - 1):
                runs[-1].append(change)
            else:
                runs.append([change])
            last = (clause.parent, index)
        nested = [run for run in runs if run[0].clause.parent is not None]
        if len(runs) > MAX_RELABEL_ITEMS and nested:
            # a long document renumbered in many places: one line for the clauses inside sections
            runs = [run for run in runs if run[0].clause.parent is None]
            changes = [change for run in nested for change in run]
            tops = list(dict.fromkeys(_top(c.clause) for c in changes))
            if all(places.label(top) for top in tops):
                numbers = places.listing([places.label(top) for top in tops])
                where = f"{'sections' if len(tops) > 1 else 'section'} {numbers}"
            else:
                where = places.listing([places.name_with_label(top) for top in tops])
            text = f"{len(changes)} clauses renumbered in {where}"
            self._add(EDITORIAL, text, changes)
        if len(runs) > MAX_RELABEL_ITEMS:  # and the sections themselves
            changes = [change for run in runs for change in run]
            start, end = changes[0], changes[-1]
            text = (
                f"{len(changes)} {places.noun(start.clause, plural=True)} renumbered, from "
                f"{places.label_range([start.old_label])} (now {places.label_range([start.new_label])}) to "
                f"{places.label_range([end.old_label])} (now {places.label_range([end.new_label])})"
            )
            self._add(EDITORIAL, text, changes)
            runs = []
        for run in runs:
            old = places.label_range([c.old_label for c in run])
            new = places.label_range([c.new_label for c in run])
            if not new:  # the labels were taken away
                noun = places.noun(run[0].old or run[0].clause, plural=len(run) > 1).capitalize()
                self._add(EDITORIAL, f"{noun} {old} no longer numbered", run)
            elif not old:
                noun = places.noun(run[0].clause, plural=len(run) > 1).capitalize()
                self._add(EDITORIAL, f"{noun} now numbered {new}", run)
            else:
                noun = places.noun(run[0].clause, plural=len(run) > 1).capitalize()
                self._add(EDITORIAL, f"{noun} {old} renumbered {new}", run)

    def _follows_parent(self, change: ClauseChange) -> bool:
        """The label changed only because its parent's did ("6.1" -> "5.1" under "6" -> "5")."""
        old, new = change.old, change.new
        if old is None or new is None or old.parent is None or new.parent is None:
            return False
        parent = self.by_new_id.get(new.parent.id)
        if parent is None or not parent.relabelled or not parent.old_label:
            return False
        before, after = normalise(parent.old_label), normalise(parent.new_label)
        old_label, new_label = normalise(change.old_label), normalise(change.new_label)
        return (
            old_label.startswith(before)
            and new_label.startswith(after)
            and old_label[len(before) :] == new_label[len(after) :]
        )

    def _fix_items(self) -> None:
        for kind, wording in FIX_WORDING.items():
            changes = self.fixes[kind]
            if not changes:
                continue
            text = wording.format(places=places.listing([places.short_where(c.clause) for c in changes]))
            if kind == SPELLING:
                pairs = list(dict.fromkeys(self.spellings))
                shown = ", ".join(f"“{a}” → “{b}”" for a, b in pairs[:MAX_SPELLINGS])
                text += f" ({shown}{', …' if len(pairs) > MAX_SPELLINGS else ''})"
            self._add(EDITORIAL, text, changes)


def _top(clause: Clause) -> Clause:
    while clause.parent is not None:
        clause = clause.parent
    return clause


class _Words:
    """Every word of a version, lower case, read the first time the spelling rule asks."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy
        self._words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = {w for c in self._policy.walk() for w in words_of(f"{c.heading} {c.text}")}
        return word in self._words


def _squash(text: str) -> str:
    return " ".join(text.split())


def draft_summary(comparison: Comparison) -> ChangeSummary:
    """The items of a summary of changes from `comparison.old` to `comparison.new`."""
    return _Draft(comparison).run()
