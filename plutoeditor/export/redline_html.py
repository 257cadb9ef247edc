"""The HTML redline: one standalone page showing what changed between two versions.

Rendered from the same `Comparison` as the text report and the compare window. Inline CSS,
no scripts, no external resources; every piece of document text goes through html.escape.
Inserted words are underlined (<ins>), deleted words struck (<del>); moved clauses carry a
colour and the words "⇄ moved"; relabelled clauses show "3.2 → 3.3" with no text marked.
"""

from __future__ import annotations

import datetime as dt
import html

from plutoeditor.compare.locations import clause_title, moved_from, where
from plutoeditor.compare.report import (
    ADDED_MARK,
    MOVED_MARK,
    REFERENCES_MARK,
    REMOVED_MARK,
    field_name,
    field_value,
    long_date,
)
from plutoeditor.compare.result import DELETE, INSERT, ClauseChange, Comparison, Ops
from plutoeditor.compare.wording import count_parts, is_renumbering_only, what_changed
from plutoeditor.export.page_text import SUMMARY_HEADING, without_controls
from plutoeditor.model.policy import Metadata

__all__ = ["render_redline_html", "ADDED_MARK", "MOVED_MARK", "REMOVED_MARK"]

#: As in the policy export: no scripts, nothing fetched, only the inline style applies.
_CSP = "default-src 'none'; style-src 'unsafe-inline'"

_CSS = (
    """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; max-width: 50em; margin: 2em auto;
  padding: 0 1em; line-height: 1.5; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
.versions { margin: 0 0 1em; }
.versions td, .versions th, .meta td, .meta th { padding: .15em .8em .15em 0; text-align: left;
  vertical-align: top; }
.summary { border: 1px solid #bbb; padding: .6em 1em; margin-bottom: 1.5em; background: #f7f7f7; }
.summary ul { margin: .3em 0; padding-left: 1.2em; }
.legend > span { margin-right: 1.2em; white-space: nowrap; }
.meta { border-collapse: collapse; }
.meta td:first-child { white-space: nowrap; }
ins { text-decoration: underline; text-decoration-thickness: 2px; color: #0b5d1e;
  background: #e3f6e6; }
del { text-decoration: line-through; color: #9b1c1c; background: #fbe4e4; }
.clause { margin: .4em 0; padding: .1em .6em; border-left: 4px solid transparent; }
.clause p { margin: .2em 0; }
.clause .head { font-weight: bold; }
.label { font-weight: bold; margin-right: .5em; white-space: nowrap; }
.mark { font-family: sans-serif; font-size: .8em; font-weight: bold; padding: 0 .4em;
  margin-right: .5em; border-radius: 3px; white-space: nowrap; }
.added { border-left-color: #1e7d34; }
.added .mark { color: #fff; background: #1e7d34; }
.removed { border-left-color: #b42318; }
.removed .mark { color: #fff; background: #b42318; }
.moved { border-left-color: #6b3fa0; background: #f4effa; }
.mark.references { color: #fff; background: #5b6570; }
.mark.move { color: #fff; background: #6b3fa0; }
.relabel { color: #5a4a00; }
.unchanged { color: #333; }
.origin { border-left: 4px dashed #6b3fa0; color: #555; font-size: .9em; }
.where { font-family: sans-serif; font-size: .85em; color: #555; }
.toggle { font-family: sans-serif; font-size: .9em; margin-left: .3em; }
#changes-only:checked ~ main .unchanged { display: none; }
"""
    + "".join(f".depth-{d} {{ margin-left: {1.5 * d:g}em; }}\n" for d in range(1, 9))
    + """
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  .clause { break-inside: avoid; }
  .summary { break-after: avoid; }
  ins, del, .moved, .mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 2cm; }
}
"""
)


def escape(text: str) -> str:
    """Text escaped for HTML, without the control characters HTML does not allow."""
    return html.escape(without_controls(text))


def render_redline_html(comparison: Comparison) -> str:
    """The whole redline page as a string (write it with formats.files.write_atomic)."""
    old_meta, new_meta = comparison.old.metadata, comparison.new.metadata
    title = new_meta.title or old_meta.title or "Policy"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(new_meta.language or old_meta.language or "en")}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>{escape(title)} — changes</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}: changes</h1>",
        _versions_table(old_meta, new_meta),
        "</header>",
        _summary(comparison),
        '<input type="checkbox" id="changes-only"><label for="changes-only" class="toggle">'
        "Show changes only</label>",
        "<main>",
    ]
    origins: dict[int, list[int]] = {}
    for moved, before in moved_from(comparison).items():
        origins.setdefault(before, []).append(moved)
    changes = comparison.changes
    parts.extend(_moved_away(changes[m]) for m in origins.get(-1, []))
    for index, change in enumerate(changes):
        parts.append(_clause(change))
        parts.extend(_moved_away(changes[m]) for m in origins.get(index, []))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _date(value: dt.date | None) -> str:
    return long_date(value) if value else "not stated"


def _versions_table(old: Metadata, new: Metadata) -> str:
    rows = []
    for name, meta in (("Old version", old), ("New version", new)):
        version = f", version {escape(meta.version)}" if meta.version else ""
        rows.append(
            f"<tr><th>{name}</th><td>Effective date: {escape(_date(meta.effective_date))}{version}</td></tr>"
        )
    return '<table class="versions">' + "".join(rows) + "</table>"


def _summary(comparison: Comparison) -> str:
    items = count_parts(comparison)
    parts = ['<section class="summary" aria-label="Summary of changes">', f"<h2>{SUMMARY_HEADING}</h2>"]
    if comparison.is_identical():
        parts.append("<p>The two versions are the same.</p>")
    parts.append("<p>Clauses: " + ", ".join(items) + ".</p>")
    if comparison.metadata_changes:
        parts.append('<table class="meta"><tr><th>Field</th><th>Old</th><th>New</th></tr>')
        for change in comparison.metadata_changes:
            old, new = _metadata_value(change.field, change.old), _metadata_value(change.field, change.new)
            parts.append(f"<tr><td>{escape(field_name(change.field))}</td><td>{old}</td><td>{new}</td></tr>")
        parts.append("</table>")
    parts.append(
        '<p class="legend">Key: <span><ins>inserted words</ins></span> <span><del>deleted words</del></span> '
        f'<span><span class="mark move">{MOVED_MARK}</span>clause moved</span> '
        '<span><span class="label relabel">3.2 → 3.3</span>renumbered, wording unchanged</span></p>'
    )
    parts.append(_change_links(comparison))
    parts.append("</section>")
    return "\n".join(parts)


#: The summary links to at most this many changes (the page itself lists them all).
MAX_LINKS = 500


def _change_links(comparison: Comparison) -> str:
    """A linked list of the changes, renumbering-only ones counted in one line."""
    items: list[str] = []
    renumbered = 0
    for change in comparison.changes:
        if not change.is_change:
            continue
        if is_renumbering_only(change):
            renumbered += 1
            continue
        if len(items) < MAX_LINKS:
            what = ", ".join(what_changed(change))
            place = where(change)
            title = escape(clause_title(change.clause)) + (f" ({escape(place)})" if place else "")
            items.append(f'<li><a href="#clause-{escape(change.clause.id)}">{title}</a>: {escape(what)}</li>')
    if not items and not renumbered:
        return ""
    more = sum(1 for c in comparison.changes if c.is_change and not is_renumbering_only(c)) - len(items)
    if more > 0:
        items.append(f"<li>and {more} more</li>")
    if renumbered:
        items.append(f"<li>{renumbered} clauses only renumbered (their references following)</li>")
    return '<ol class="changes">' + "".join(items) + "</ol>"


def _moved_away(change: ClauseChange) -> str:
    """The place a moved clause left, linked to where it went."""
    old = change.old
    assert old is not None
    target = escape(change.clause.id)
    now = (
        f" (now {escape(change.new_label)})"
        if change.new_label and change.new_label != change.old_label
        else ""
    )
    return (
        f'<div class="clause origin depth-{min(change.old_depth, 8)}" id="from-{target}"><p>'
        f'<span class="mark move">{MOVED_MARK} from here</span>'
        f'<a href="#clause-{target}">{escape(clause_title(old))}</a>{now}</p></div>'
    )


def _metadata_value(field: str, value: str) -> str:
    """A metadata value as HTML: dates written out, list items one a line, "—" for none."""
    if field == "summary_of_changes":
        return escape(value).replace("\n", "<br>") or "—"
    return escape(field_value(field, value, "—"))


def _ops_html(ops: Ops) -> list[str]:
    """Paragraphs of HTML for word ops, each op's text escaped and wrapped in ins/del."""
    paragraphs: list[list[str]] = [[]]
    for op, text in ops:
        for i, piece in enumerate(text.split("\n")):
            if i:
                paragraphs.append([])
            if not piece:
                continue
            if op == INSERT:
                paragraphs[-1].append(f"<ins>{escape(piece)}</ins>")
            elif op == DELETE:
                paragraphs[-1].append(f"<del>{escape(piece)}</del>")
            else:
                paragraphs[-1].append(escape(piece))
    return ["".join(p) for p in paragraphs if p]


def _wrap(text: str, tag: str | None) -> list[str]:
    """Plain paragraphs, optionally all inside one ins/del tag each."""
    out = []
    for paragraph in text.split("\n"):
        if paragraph.strip():
            body = escape(paragraph)
            out.append(f"<{tag}>{body}</{tag}>" if tag else body)
    return out


def _clause(change: ClauseChange) -> str:
    clause = change.clause
    classes = ["clause", f"depth-{min(change.depth, 8)}"]
    marks = []
    whole = None  # ins/del around all the clause's text
    if change.status == "added":
        classes.append("added")
        marks.append(f'<span class="mark">{ADDED_MARK}</span>')
        whole = "ins"
    elif change.status == "removed":
        classes.append("removed")
        marks.append(f'<span class="mark">{REMOVED_MARK}</span>')
        whole = "del"
    if change.moved:
        classes.append("moved")
        marks.append(f'<span class="mark move">{MOVED_MARK}</span>')
    if change.references_followed:
        marks.append(f'<span class="mark references">{REFERENCES_MARK}</span>')
    if not change.is_change:
        classes.append("unchanged")
    if change.relabelled:
        old_label, new_label = change.old_label or "(unnumbered)", change.new_label or "(unnumbered)"
        label = f'<span class="label relabel">{escape(old_label)} → {escape(new_label)}</span>'
    else:
        shown = change.new_label if change.status != "removed" else change.old_label
        label = f'<span class="label">{escape(shown)}</span>' if shown else ""
    if change.heading_changed:
        heading = "".join(_ops_html(change.heading_ops))
    else:
        heading = "".join(_wrap(clause.heading, whole))
    paragraphs = _ops_html(change.ops) if change.text_changed else _wrap(clause.text, whole)
    anchor = escape(clause.id)
    first = "".join(marks) + label + (f'<span class="head">{heading}</span>' if heading else "")
    notes = []
    if change.moved:
        notes.append(
            f'<a href="#from-{anchor}">moved from {escape(change.old_label or "its earlier place")}</a>'
        )
    place = where(change) if change.is_change else ""
    if place:
        notes.append(escape(place))
    if notes:
        first += f' <span class="where">({"; ".join(notes)})</span>'
    body = [f"<p>{first}</p>"] if first else []
    body.extend(f"<p>{p}</p>" for p in paragraphs)
    return f'<div class="{" ".join(classes)}" id="clause-{anchor}">' + "".join(body) + "</div>"
