"""compare_policies: align two versions, diff the paired clauses, find moves, list changes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from plutoeditor.compare.align import Entry, align
from plutoeditor.compare.joins import join_split_units, same_words
from plutoeditor.compare.moves import moved_entries
from plutoeditor.compare.result import ClauseChange, Comparison, MetadataChange, metadata_text
from plutoeditor.compare.units import reading_units
from plutoeditor.compare.worddiff import word_diff
from plutoeditor.model.policy import Metadata, Policy
from plutoeditor.model.renumber import texts_with_references_followed

Progress = Callable[[int, int], None]

#: Progress is reported in these units: alignment is 30 of them, word diffs the rest.
PROGRESS_TOTAL = 100


def compare_policies(old: Policy, new: Policy, progress: Progress | None = None) -> Comparison:
    """Everything that changed from `old` to `new`, as plain data for every renderer.

    `progress(done, total)` is called now and then (from the calling thread).
    """
    return _compare(old, new, progress or (lambda done, total: None))


def _compare(old: Policy, new: Policy, report: Progress) -> Comparison:
    report(0, PROGRESS_TOTAL)
    old_units, new_units = reading_units(old), reading_units(new)
    old_entries, new_entries = align(old_units, new_units)
    join_split_units(old_entries, new_entries)
    report(30, PROGRESS_TOTAL)
    moved = moved_entries(new_entries)
    pairs = [e for e in new_entries if e.partner is not None]
    followed = _texts_with_references_followed(old_units, pairs)
    changes_by_entry: dict[Entry, ClauseChange] = {}
    step = max(len(pairs) // 20, 1)
    for done, entry in enumerate(pairs, start=1):
        change = _matched(entry.partner, entry, entry in moved)  # type: ignore[arg-type]
        if change.text_changed and change.old is not None and change.new is not None:
            after = followed.get(change.old.id)
            change.references_followed = after is not None and _squash(after) == _squash(change.new.text)
        changes_by_entry[entry] = change
        if done % step == 0:
            report(30 + 69 * done // len(pairs), PROGRESS_TOTAL)
    changes = _reading_order(old_entries, new_entries, changes_by_entry)
    report(PROGRESS_TOTAL, PROGRESS_TOTAL)
    old_order = [e.clause.id for e in old_entries]
    return Comparison(old, new, metadata_changes(old.metadata, new.metadata), changes, old_order)


def _texts_with_references_followed(old: Policy, pairs: list[Entry]) -> dict[str, str]:
    """Old clause id -> its text with every cross-reference moved to the referenced clause's
    new label, for the clauses whose text renumbering alone would change.

    A clause whose new text is exactly this was not reworded: its references followed
    clauses that were renumbered (the same rewriting `plutoeditor renumber` does).
    """
    new_labels = {
        entry.partner.clause.id: entry.clause.label.strip()
        for entry in pairs
        if entry.partner is not None and entry.partner.clause.label.strip() != entry.clause.label.strip()
    }
    return texts_with_references_followed(old, new_labels) if new_labels else {}


def _matched(old: Entry, new: Entry, moved: bool) -> ClauseChange:
    a, b = old.clause, new.clause
    text_changed = a.text != b.text and _squash(a.text) != _squash(b.text)
    heading_changed = a.heading != b.heading and _squash(a.heading) != _squash(b.heading)
    if (text_changed or heading_changed) and same_words(a, b):
        # the same words, only split otherwise between heading and text (markup, line breaks)
        text_changed = heading_changed = False
    return ClauseChange(
        status="matched",
        old=a,
        new=b,
        old_label=a.label.strip(),
        new_label=b.label.strip(),
        heading=b.heading,
        text_changed=text_changed,
        heading_changed=heading_changed,
        relabelled=old.label != new.label,
        moved=moved,
        ops=word_diff(a.text, b.text) if text_changed else [],
        heading_ops=word_diff(a.heading, b.heading) if heading_changed else [],
        depth=new.depth,
        old_depth=old.depth,
    )


def _unpaired(entry: Entry, status: str) -> ClauseChange:
    clause = entry.clause
    label = clause.label.strip()
    return ClauseChange(
        status=status,
        old=clause if status == "removed" else None,
        new=clause if status == "added" else None,
        old_label=label if status == "removed" else "",
        new_label=label if status == "added" else "",
        heading=clause.heading,
        depth=entry.depth,
        old_depth=entry.depth if status == "removed" else 0,
    )


def _squash(text: str) -> str:
    """Text with whitespace differences (spacing, line wrapping) ignored."""
    return " ".join(text.split())


def _reading_order(
    old_entries: list[Entry],
    new_entries: list[Entry],
    matched: dict[Entry, ClauseChange],
) -> list[ClauseChange]:
    """The new version's order, each removed clause placed after what preceded it in the old.

    Joined clauses are part of a paired clause's wording and are not listed on their own.
    """
    removed_after: dict[Entry | None, list[Entry]] = defaultdict(list)
    anchor: Entry | None = None
    for entry in old_entries:
        if entry.partner is None:
            if not entry.joined:
                removed_after[anchor].append(entry)
        else:
            anchor = entry.partner
    changes = [_unpaired(e, "removed") for e in removed_after.get(None, [])]
    for entry in new_entries:
        if entry.joined:
            continue
        changes.append(matched[entry] if entry in matched else _unpaired(entry, "added"))
        changes.extend(_unpaired(e, "removed") for e in removed_after.get(entry, []))
    return changes


def metadata_changes(old: Metadata, new: Metadata) -> list[MetadataChange]:
    """The metadata fields (effective date, version, title, ...) that differ."""
    changes = []
    for name in Metadata.FIELDS:
        # a field the importer guessed (a title from the file name) was not stated: no change
        before, after = metadata_text(old.stated(name)), metadata_text(new.stated(name))
        if before != after:
            changes.append(MetadataChange(name, before, after))
    return changes
