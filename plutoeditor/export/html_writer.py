"""Export a policy as one standalone HTML file: inline CSS, no scripts, nothing fetched.

Every clause gets a stable anchor built from its permanent id (`#clause-c1a2b3c4d5`), so a
published clause can be linked to and the link survives renumbering. All document text is
escaped; a Content-Security-Policy forbids scripts as a second line of defence. Print CSS
gives A4 pages with the effective date in the running header and "Page X of Y" below.
"""

from __future__ import annotations

import html
import os
import re

from plutoeditor.export.html_terms import TermLinks
from plutoeditor.export.page_text import (
    SUMMARY_HEADING,
    ClauseColumns,
    clause_anchor,
    document_title,
    long_date,
    page_header,
    title_block,
    without_controls,
)
from plutoeditor.formats.files import write_atomic
from plutoeditor.model import Clause, ClauseKind, Policy
from plutoeditor.model.tables import Table, is_table_row, text_parts

#: No scripts, no fetching: only the inline style may apply.
_CSP = "default-src 'none'; style-src 'unsafe-inline'"

#: Table of contents: headed clauses down to this depth (0 = top level).
CONTENTS_DEPTH = 1

_STYLE = """
:root { --ink: #1a1a1a; --navy: #1f2a44; --muted: #5c5c5c; --rule: #c9c6bd; --step: 3.5rem; }
* { box-sizing: border-box; }
html { background: #f3f2ee; }
body { margin: 0; color: var(--ink); -webkit-text-size-adjust: 100%;
  font: 16px/1.55 Georgia, Cambria, "Times New Roman", "DejaVu Serif", serif; }
.sheet { max-width: 50rem; margin: 2.5rem auto; padding: 3.5rem 4.5rem 3rem; background: #fff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
.masthead { border-bottom: 2px solid var(--navy); margin-bottom: 2rem; padding-bottom: 1rem; }
.organisation { margin: 0 0 .4rem; color: var(--muted); font-size: .8rem; letter-spacing: .12em;
  text-transform: uppercase; }
h1 { margin: 0; color: var(--navy); font-size: 2.1rem; line-height: 1.2; }
.effective { margin: .6rem 0 0; color: var(--muted); }
.effective strong { color: var(--ink); font-weight: normal; }
.front h2 { margin: 0 0 .5rem; color: var(--navy); font-size: .8rem; letter-spacing: .12em;
  text-transform: uppercase; }
.front { margin: 0 0 2rem; padding: 1rem 1.25rem; background: #f7f6f2; border-left: 3px solid var(--navy); }
.summary ol { list-style: none; margin: 0; padding: 0; }
.summary li { padding-left: var(--step); }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents ol ol { padding-left: var(--step); }
.contents li { margin: .15rem 0; }
.contents a { display: block; padding-left: var(--step); color: var(--ink); text-decoration: none; }
.contents a:hover, .contents a:focus { text-decoration: underline; }
main { hyphens: auto; }
.clause { margin: 0; }
.clause p, .clause-heading { margin: 0 0 .55rem; }
.col-1 { padding-left: calc(1 * var(--step)); } .col-2 { padding-left: calc(2 * var(--step)); }
.col-3 { padding-left: calc(3 * var(--step)); } .col-4 { padding-left: calc(4 * var(--step)); }
.col-5 { padding-left: calc(5 * var(--step)); } .col-6 { padding-left: calc(6 * var(--step)); }
/* The label hangs in the margin; the space after it starts the line, so it collapses, but
   copying the text keeps "1.1 Text" apart. */
.label { float: left; min-width: var(--step); margin-left: calc(-1 * var(--step)); padding-right: .4em;
  font-variant-numeric: tabular-nums; }
.clause-heading { color: var(--navy); line-height: 1.3; break-after: avoid; }
h2.clause-heading { margin-top: 1.8rem; font-size: 1.2rem; }
h3.clause-heading { margin-top: 1.1rem; font-size: 1.02rem; }
h4.clause-heading, h5.clause-heading, h6.clause-heading, p.clause-heading { margin-top: .9rem;
  font-size: 1rem; font-style: italic; }
.clause :target, .clause:target > .lead { background: #fff6d6; }
dfn { font-style: normal; font-weight: bold; }
a.term { color: inherit; text-decoration: underline dotted; }
.schedule { margin-top: 3rem; padding-top: 1.5rem; border-top: 1px solid var(--rule); padding-left: 0; }
.schedule > .clause-heading { margin-top: 0; font-size: 1.35rem; }
.schedule .label { float: none; min-width: 0; margin: 0; padding: 0; }
.clause-table { width: 100%; margin: .2rem 0 .9rem; border-collapse: collapse; font-size: .9rem;
  line-height: 1.4; hyphens: manual; }
.clause-table th, .clause-table td { padding: .3rem .5rem; border: 1px solid var(--rule); text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
.clause-table thead th { background: #eceef3; color: var(--navy); }
.colophon { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--rule); color: var(--muted);
  font-size: .8rem; }
@media (max-width: 40rem) { .sheet { margin: 0; padding: 1.5rem 1.2rem; } :root { --step: 2.4rem; } }
@media print {
  html, body { background: #fff; font-size: 10.5pt; }
  .sheet { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .front { background: none; }
  .schedule { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
  .contents a { color: var(--ink); }
  .colophon { display: none; }
  p { orphans: 3; widows: 3; }
  .clause p { text-align: justify; }
  .clause-table thead { display: table-header-group; }
  .clause-table tr { break-inside: avoid; }
}
"""


#: Characters that end or break a CSS string (CSS counts \r and \f as newlines), close the
#: <style> element, or are not allowed in HTML at all; each becomes a hex escape or a space.
_CSS_ESCAPED = re.compile(r'["\'\\<>&]')
_LINE_BREAKS = re.compile("[\n\r\f\t\v\x85\u2028\u2029]")


def css_string(text: str) -> str:
    """A CSS string literal that no text can break out of, nor out of the <style> element.

    Line breaks (\\n, \\r, \\f and Unicode's) become spaces, other control characters go,
    and quotes, backslashes and '<', '>', '&' are hex escapes, so the string always ends
    where PlutoEditor ends it.
    """
    text = without_controls(_LINE_BREAKS.sub(" ", text))
    escaped = _CSS_ESCAPED.sub(lambda m: f"\\{ord(m.group()):x} ", text)
    return f'"{escaped}"'


def _page_css(policy: Policy) -> str:
    header = page_header(policy.metadata)
    return (
        "@page { size: A4; margin: 24mm 22mm 22mm;\n"
        f"  @top-left {{ content: {css_string(header.left)}; "
        "font: 8pt Georgia, serif; color: #5c5c5c; }\n"
        f"  @top-right {{ content: {css_string(header.right)}; font: 8pt Georgia, serif; color: #5c5c5c; }}\n"
        '  @bottom-center { content: "Page " counter(page) " of " counter(pages); '
        "font: 8pt Georgia, serif; color: #5c5c5c; }\n}\n"
    )


def _e(text: str) -> str:
    """Text escaped for HTML, without the control characters HTML does not allow."""
    return html.escape(without_controls(text), quote=True)


def _label(label: str) -> str:
    return f'<span class="label">{_e(label)}</span> ' if label else ""


def _masthead(policy: Policy) -> list[str]:
    meta = policy.metadata
    out = ['<header class="masthead">']
    if meta.organisation.strip():
        out.append(f'<p class="organisation">{_e(meta.organisation.strip())}</p>')
    out.append(f"<h1>{_e(document_title(meta))}</h1>")
    parts = []
    if meta.effective_date is not None:
        iso = meta.effective_date.isoformat()
        parts.append(
            f'Effective date: <strong><time datetime="{iso}">{long_date(meta.effective_date)}</time></strong>'
        )
    if meta.version.strip():
        parts.append(f"Version {_e(meta.version.strip())}")
    if meta.jurisdiction.strip():
        parts.append(_e(meta.jurisdiction.strip()))
    if parts:
        out.append(f'<p class="effective">{" · ".join(parts)}</p>')
    out.append("</header>")
    items = title_block(meta).summary
    if items:
        out.append('<section class="front summary" aria-labelledby="summary-of-changes">')
        out.append(f'<h2 id="summary-of-changes">{SUMMARY_HEADING}</h2><ol>')
        out.extend(f"<li>{_label(f'{n})')}{_e(item)}</li>" for n, item in enumerate(items, 1))
        out.append("</ol></section>")
    return out


def _contents(policy: Policy) -> list[str]:
    """Nested list of the headed clauses down to CONTENTS_DEPTH, linking to their anchors."""
    entries = [
        (clause, depth)
        for clause, depth in policy.walk_with_depth()
        if depth <= CONTENTS_DEPTH and (clause.heading.strip() or clause.kind is ClauseKind.SCHEDULE)
        and clause.kind is not ClauseKind.DEFINITION
    ]  # fmt: skip
    if not entries:
        return []
    out = ['<nav class="front contents" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>']
    previous: int | None = None
    for clause, depth in entries:
        level = 0 if previous is None else min(depth, previous + 1)
        if previous is not None:
            out.append("<ol>" if level > previous else "</li>" + "</ol></li>" * (previous - level))
        text = clause.heading.strip() or clause.label.strip()
        label = clause.label.strip() if clause.heading.strip() else ""
        out.append(f'<li><a href="#{clause_anchor(clause)}">{_label(label)}{_e(text)}</a>')
        previous = level
    out.append("</li>" + "</ol></li>" * (previous or 0) + "</ol></nav>")
    return out


def _table(table: Table) -> str:
    """A pipe table as an HTML table; a header row (unless all empty) goes in <thead>."""
    out = ['<table class="clause-table">']
    if table.header is not None and any(table.header):
        cells = "".join(f'<th scope="col">{_e(cell)}</th>' for cell in table.padded(table.header))
        out.append(f"<thead><tr>{cells}</tr></thead>")
    out.append("<tbody>")
    for row in table.rows:
        out.append("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in table.padded(row)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _clause(clause: Clause, depth: int, column: int, links: TermLinks | None = None) -> str:
    label = clause.label.strip()
    heading = clause.heading.strip()
    paragraphs = clause.paragraphs
    classes = ["clause", f"col-{column}"]

    def text(paragraph: str) -> str:  # escaped; each use of a defined term links to its definition
        return links.paragraph(paragraph, clause) if links is not None else _e(paragraph)

    if label:
        classes.append("numbered")
    out: list[str] = []
    if clause.kind is ClauseKind.DEFINITION:
        classes.append("definition")
        first = paragraphs[0] if paragraphs and not is_table_row(paragraphs[0]) else ""
        joint = ": " if heading and first else ""
        out.append(f'<p class="lead">{_label(label)}<dfn>{_e(heading)}</dfn>{joint}{text(first)}</p>')
        paragraphs = paragraphs[1:] if first else paragraphs
    elif heading or clause.kind is ClauseKind.SCHEDULE:
        if clause.kind is ClauseKind.SCHEDULE:
            classes = ["clause", "schedule"]
        level = depth + 2
        tag = f"h{level}" if level <= 6 else "p"
        aria = "" if level <= 6 else f' role="heading" aria-level="{level}"'
        out.append(f'<{tag} class="clause-heading lead"{aria}>{_label(label)}{_e(heading)}</{tag}>')
    elif paragraphs or label:
        first = paragraphs[0] if paragraphs and not is_table_row(paragraphs[0]) else ""
        if label or first:
            out.append(f'<p class="lead">{_label(label)}{text(first)}</p>')
        paragraphs = paragraphs[1:] if first else paragraphs
    out.extend(
        f"<p>{text(part)}</p>" if isinstance(part, str) else _table(part) for part in text_parts(paragraphs)
    )
    return f'<div class="{" ".join(classes)}" id="{clause_anchor(clause)}">{"".join(out)}</div>'


def render_html(policy: Policy) -> str:
    """The whole standalone page for a policy."""
    meta = policy.metadata
    title = document_title(meta)
    head_title = f"{title} — {meta.organisation.strip()}" if meta.organisation.strip() else title
    lang = _e(meta.language.strip() or "en")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="PlutoEditor">',
    ]
    if meta.organisation.strip():
        out.append(f'<meta name="author" content="{_e(meta.organisation.strip())}">')
    out.append(f"<title>{_e(head_title)}</title>")
    out.append(f"<style>{_STYLE}{_page_css(policy)}</style>")
    out.append("</head>")
    out.append('<body><div class="sheet">')
    out.extend(_masthead(policy))
    out.extend(_contents(policy))
    out.append("<main>")
    columns = ClauseColumns()
    links = TermLinks(policy)
    out.extend(
        _clause(clause, depth, columns.of(clause, depth), links) for clause, depth in policy.walk_with_depth()
    )
    out.append("</main>")
    out.append(f'<footer class="colophon"><p>{_e(page_header(meta).one_line())}</p></footer>')
    out.append("</div></body>\n</html>\n")
    return "\n".join(out)


def export_html(policy: Policy, path: str | os.PathLike[str]) -> None:
    """Write the standalone HTML file atomically."""
    write_atomic(path, render_html(policy))
