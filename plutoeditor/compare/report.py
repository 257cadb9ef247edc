"""The text and JSON reports of a comparison (what `plutoeditor diff` prints)."""

from __future__ import annotations

import datetime as dt
import json

from plutoeditor.compare.result import DELETE, INSERT, ClauseChange, Comparison, Ops
from plutoeditor.compare.wording import summary_sentence, what_changed

#: How every renderer marks a clause's fate: a symbol and words, never colour alone.
MOVED_MARK = "⇄ moved"
ADDED_MARK = "+ added"
REMOVED_MARK = "− removed"
REFERENCES_MARK = "↻ references follow renumbering"

_FIELD_NAMES = {
    "effective_date": "Effective date",
    "summary_of_changes": "Summary of changes",
    "title": "Title",
    "organisation": "Organisation",
    "jurisdiction": "Jurisdiction",
    "version": "Version",
    "language": "Language",
}


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def field_name(field: str) -> str:
    """The metadata field as a reader would name it."""
    return _FIELD_NAMES.get(field, field.replace("_", " ").capitalize())


def long_date(date: dt.date) -> str:
    """'21 November 2022', whatever the machine's locale."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def field_value(field: str, value: str, empty: str = "(none)") -> str:
    """A metadata value as a reader would write it: dates in words, list items joined by '; '."""
    if not value:
        return empty
    if field == "effective_date":
        try:
            return long_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value.replace("\n", "; ")


def summary_line(comparison: Comparison) -> str:
    return summary_sentence(comparison)


def inline_ops(ops: Ops) -> str:
    """Word diff in wdiff style: [-deleted-]{+inserted+}."""
    parts = []
    for op, text in ops:
        if op == DELETE:
            parts.append(f"[-{text}-]")
        elif op == INSERT:
            parts.append(f"{{+{text}+}}")
        else:
            parts.append(text)
    return "".join(parts)


def label_change(change: ClauseChange) -> str:
    """The label, "3.2 -> 3.3" when relabelled, "(unnumbered)" when there is none."""
    if change.status == "removed":
        return change.old_label or "(unnumbered)"
    if change.relabelled:
        return f"{change.old_label or '(unnumbered)'} -> {change.new_label or '(unnumbered)'}"
    return change.new_label or "(unnumbered)"


def render_text(comparison: Comparison, old_path: str = "", new_path: str = "") -> str:
    """A readable change list: metadata, a summary line, then one entry per change."""
    lines = []
    if old_path or new_path:
        lines.append(f"Comparing {old_path} -> {new_path}")
    if comparison.is_identical():
        lines.append("The versions are the same.")
        return "\n".join(lines) + "\n"
    for meta in comparison.metadata_changes:
        before, after = field_value(meta.field, meta.old), field_value(meta.field, meta.new)
        lines.append(f"{field_name(meta.field)}: {before} -> {after}")
    lines.append(f"Summary: {summary_line(comparison)}")
    lines.append("")
    for change in comparison.changes:
        if change.is_change:
            lines.extend(_change_lines(change))
    return "\n".join(lines) + "\n"


def _change_lines(change: ClauseChange) -> list[str]:
    clause = change.clause
    name = clause.display_name(70)
    if change.status == "added":
        return [f"+ added    {label_change(change)}  {name}"]
    if change.status == "removed":
        return [f"- removed  {label_change(change)}  {name}"]
    what = what_changed(change)
    lines = [f"~ {', '.join(what)}  {label_change(change)}  {name}"]
    if change.heading_changed:
        lines.append(f"    heading: {inline_ops(change.heading_ops)}")
    if change.text_changed:
        lines.extend(f"    {line}" for line in inline_ops(change.ops).split("\n"))
    return lines


def render_json(comparison: Comparison, old_path: str = "", new_path: str = "") -> str:
    """The JSON object described in the compare issue, one change a line.

    Built from compact per-entry dumps: json's indenting encoder is pure Python and
    several times slower on a 10,000-clause comparison.
    """
    data = comparison.to_dict(old_path, new_path)
    changes = data.pop("changes")
    head = json.dumps(data, ensure_ascii=False)[:-1]
    entries = ",\n ".join(json.dumps(c, ensure_ascii=False) for c in changes)
    return f'{head}, "changes": [\n {entries}\n]}}\n' if changes else f'{head}, "changes": []}}\n'
