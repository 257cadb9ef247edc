"""The compare window's summary bar and key: the counts in the words every report uses, what
was done about the order of the versions, the metadata that changed, and what the marks mean."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from plutoeditor.compare.report import (
    ADDED_MARK,
    MOVED_MARK,
    REFERENCES_MARK,
    REMOVED_MARK,
    field_name,
    field_value,
)
from plutoeditor.compare.result import Comparison
from plutoeditor.compare.versions import SWAPPED, UNKNOWN, order_by_effective_date
from plutoeditor.compare.wording import count_parts

#: The order was the user's choice (answered "which is older?" or swapped the sides).
TOLD = "told"


def legend() -> str:
    """The key to the marks, as rich text."""
    key = QCoreApplication.translate(
        "CompareWindow",
        "Key: <u>inserted words</u> · <s>deleted words</s> · {added} clause · {removed} clause · "
        "{moved} clause (in its new place) · <b>3.2 → 3.3</b> relabelled · {followed} (only "
        "references to renumbered clauses changed)",
    )
    return key.format(added=ADDED_MARK, removed=REMOVED_MARK, moved=MOVED_MARK, followed=REFERENCES_MARK)


def summary_text(comparison: Comparison, order: str, old_name: str, new_name: str) -> str:
    """The summary bar's lines (plain text)."""
    if comparison.is_identical():
        lines = [QCoreApplication.translate("CompareWindow", "The two versions are the same.")]
    else:
        lines = [QCoreApplication.translate("CompareWindow", " · ").join(count_parts(comparison))]
    line = order_line(comparison, order, old_name, new_name)
    if line:
        lines.append(line)
    for change in comparison.metadata_changes:
        before = field_value(change.field, change.old, "—")
        after = field_value(change.field, change.new, "—")
        lines.append(f"{field_name(change.field)}: {before} → {after}")
    return "\n".join(lines)


def order_line(comparison: Comparison, order: str, old_name: str, new_name: str) -> str:
    """What Compare With... did about the order of the versions, in words; or, when the
    versions were given in order, a warning if the old one takes effect after the new."""
    if not order:
        if order_by_effective_date(comparison.old, comparison.new) != SWAPPED:
            return ""
        return QCoreApplication.translate(
            "CompareWindow",
            "Note: the old version takes effect after the new one; Swap Sides puts them the other way.",
        )
    if order == TOLD:
        return QCoreApplication.translate("CompareWindow", "Older version (as you chose): {old}").format(
            old=old_name
        )
    if order == UNKNOWN:
        text = QCoreApplication.translate(
            "CompareWindow", "Older version (the effective dates do not say): {old}"
        )
        return text.format(old=old_name)
    old_date = comparison.old.metadata.effective_date
    new_date = comparison.new.metadata.effective_date
    text = QCoreApplication.translate(
        "CompareWindow", "Older version by effective date: {old} ({old_date}); newer: {new} ({new_date})"
    )
    return text.format(
        old=old_name,
        old_date=field_value("effective_date", old_date.isoformat() if old_date else ""),
        new=new_name,
        new_date=field_value("effective_date", new_date.isoformat() if new_date else ""),
    )
