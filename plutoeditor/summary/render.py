"""A drafted summary as text, Markdown or JSON (what `plutoeditor summarize` prints)."""

from __future__ import annotations

import json

from plutoeditor.summary.items import EDITORIAL, KINDS, STRUCTURAL, SUBSTANTIVE, ChangeSummary

#: How each kind is headed in the text and Markdown reports.
KIND_HEADINGS = {
    SUBSTANTIVE: "Substantive changes",
    STRUCTURAL: "Structural changes",
    EDITORIAL: "Editorial changes",
}


def render_text(summary: ChangeSummary, old_path: str = "", new_path: str = "") -> str:
    lines = [f"Summary of changes: {old_path} -> {new_path}"] if old_path or new_path else []
    if not summary.items:
        return "\n".join([*lines, "No changes to the text."]) + "\n"
    for kind in KINDS:
        items = summary.of_kind(kind)
        if items:
            lines.append(f"{KIND_HEADINGS[kind]} ({len(items)}):")
            lines.extend(f"  - {item.text}" for item in items)
    return "\n".join(lines) + "\n"


def render_markdown(summary: ChangeSummary, old_path: str = "", new_path: str = "") -> str:
    lines = ["# Summary of changes", ""]
    if old_path or new_path:
        lines += [f"From `{old_path}` to `{new_path}`.", ""]
    if not summary.items:
        return "\n".join([*lines, "No changes to the text."]) + "\n"
    for kind in KINDS:
        items = summary.of_kind(kind)
        if items:
            lines += [f"## {KIND_HEADINGS[kind]}", ""]
            lines += [f"- {_markdown_escape(item.text)}" for item in items]
            lines.append("")
    return "\n".join(lines)


def _markdown_escape(text: str) -> str:
    """Document text shown as text, not as Markdown markup or HTML."""
    out = []
    for ch in " ".join(text.split()):
        out.append("\\" + ch if ch in "\\`*_[]<>#|" else ch)
    return "".join(out)


def render_json(summary: ChangeSummary) -> str:
    """{"items": [{"text", "kind", "clauses": [{"old_label", "new_label", "id"}]}]}."""
    return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"

