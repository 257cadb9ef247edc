"""The Word redline of a comparison: real tracked changes that Accept/Reject work on.

Inserted words are <w:ins> runs, deleted words <w:del> runs with <w:delText>; an added
clause is inserted whole (paragraph marks too) and a removed one deleted whole, so
accepting everything gives the new version and rejecting everything the old one.
Relabelled clauses carry their new label as plain text, not as a change: renumbering is
not a change of substance, and the summary lists it in one short paragraph instead. Moved clauses keep their
text unmarked and get a Word comment ("Moved from 4.1 to 9.2"), which is visible in Word's
and LibreOffice's margin but never becomes document text; w:moveFrom/w:moveTo would repeat
the whole clause at its old place, and LibreOffice shows those as plain deletions.
"""

from __future__ import annotations

import datetime as dt
import os

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun
from lxml import etree

from plutoeditor.compare.locations import moved_from, moved_groups
from plutoeditor.compare.report import field_name, field_value
from plutoeditor.compare.result import DELETE, INSERT, ClauseChange, Comparison, Ops
from plutoeditor.compare.wording import summary_sentence
from plutoeditor.export.docx_template import ensure_styles, open_template
from plutoeditor.export.docx_writer import clause_blocks, running_header_and_footer, set_properties
from plutoeditor.export.docx_xml import (
    DELETED,
    INSERTED,
    MOVED_FROM,
    MOVED_TO,
    PLAIN,
    Block,
    BodyWriter,
    Run,
    save_document,
    xml_text,
)
from plutoeditor.export.page_text import SUMMARY_HEADING, document_title, effective_date_line
from plutoeditor.formats.word_vocabulary import CLAUSE_TEXT, FRONT_MATTER, FRONT_MATTER_HEADING, TITLE
from plutoeditor.model import Metadata
from plutoeditor.model.clause import Clause

AUTHOR = "PlutoEditor"
_MARKS = {INSERT: INSERTED, DELETE: DELETED}
#: Longest lists in the summary; the rest is "and N more" (the body shows every change).
MAX_MOVES_LISTED = 10
MAX_RELABELS_LISTED = 12


def paragraphs_from_ops(ops: Ops) -> list[tuple[list[Run], str]]:
    """Split diff ops into paragraphs at "\\n"; an inserted or deleted "\\n" marks that
    paragraph's mark as inserted or deleted, so Accept/Reject also join or split paragraphs."""
    paragraphs: list[tuple[list[Run], str]] = [([], PLAIN)]
    for op, text in ops:
        mark = _MARKS.get(op, PLAIN)
        for i, piece in enumerate(text.split("\n")):
            if i:
                paragraphs[-1] = (paragraphs[-1][0], mark)
                paragraphs.append(([], PLAIN))
            if piece:
                paragraphs[-1][0].append(Run(piece, mark))
    if len(paragraphs) == 1 and not paragraphs[0][0]:
        return []
    return paragraphs


def change_blocks(change: ClauseChange) -> list[Block]:
    """The paragraphs of one clause of the redline."""
    clause = change.clause
    if change.status in ("added", "removed"):
        return whole_blocks(clause, change.depth, INSERTED if change.status == "added" else DELETED)
    assert change.old is not None and change.new is not None
    if change.heading_changed:
        heading = [r for runs, _ in paragraphs_from_ops(change.heading_ops) for r in runs]
    else:
        heading = [Run(change.new.heading.strip())]
    if change.text_changed:
        paragraphs = paragraphs_from_ops(change.ops)
    else:
        paragraphs = [([Run(text)], PLAIN) for text in change.new.paragraphs]
    blocks = clause_blocks(clause, change.depth, [Run(change.new.label.strip())], heading, paragraphs)
    if change.heading_changed and blocks and blocks[0].style.startswith("Heading"):
        if not change.new.heading.strip():
            blocks[0].mark = DELETED  # the heading line goes when the change is accepted
        elif not change.old.heading.strip():
            blocks[0].mark = INSERTED
    return blocks


def move_note(change: ClauseChange) -> str:
    old = change.old_label or "its earlier place"
    return f"Moved from {old} to {change.new_label}" if change.new_label else f"Moved from {old}"


def capped(items: list[str], limit: int) -> str:
    """'a, b, c and 7 more': a list that stays one short paragraph however long it is."""
    shown = ", ".join(items[:limit])
    return f"{shown} and {len(items) - limit} more" if len(items) > limit else shown


def _version_line(which: str, metadata: Metadata) -> str:
    line = effective_date_line(metadata) or "no effective date"
    return f"{which}: {document_title(metadata)}, {line[0].lower()}{line[1:]}"


def summary_lines(comparison: Comparison) -> list[str]:
    """The compact summary above the redline: counts, metadata changes, moves, relabels.

    Added, removed and reworded clauses are not listed: they are the tracked changes in the
    body, where Word's Review pane lists them. Dates are written in words.
    """
    lines = [
        summary_sentence(comparison, " · ") + ". Insertions and deletions are "
        "tracked changes; moved clauses are tracked moves, with a comment; relabelled clauses are not marked."
    ]
    for m in comparison.metadata_changes:
        lines.append(f"{field_name(m.field)}: {field_value(m.field, m.old)} → {field_value(m.field, m.new)}")
    moved = [c for c in comparison.changes if c.moved]
    for change in moved[:MAX_MOVES_LISTED]:
        label = change.new_label or change.old_label
        name = " ".join(p for p in (label, change.clause.display_name(50)) if p)
        note = move_note(change)
        lines.append(f"Moved: {name} ({note[0].lower()}{note[1:]})")
    if len(moved) > MAX_MOVES_LISTED:
        lines.append(f"Moved: and {len(moved) - MAX_MOVES_LISTED} more")
    relabelled = [c for c in comparison.changes if c.relabelled and not c.moved]
    if relabelled:
        pairs = [f"{c.old_label or '(none)'} → {c.new_label or '(none)'}" for c in relabelled]
        lines.append(f"Relabelled: {capped(pairs, MAX_RELABELS_LISTED)}")
    return lines


def whole_blocks(clause: Clause, depth: int, mark: str) -> list[Block]:
    """The paragraphs of a clause all inserted, deleted, moved away or moved here."""
    paragraphs = [([Run(text, mark)], mark) for text in clause.paragraphs]
    blocks = clause_blocks(
        clause,
        depth,
        [Run(clause.label.strip(), mark)],
        [Run(clause.heading.strip(), mark)],
        paragraphs,
        mark,
    )
    for block in blocks:
        block.mark = mark
    return blocks


def _moved_blocks(comparison: Comparison, members: list[int], side: str) -> list[Block]:
    """A moved clause and what travels with it: as it was (moveFrom) or as it is (moveTo)."""
    blocks: list[Block] = []
    head = comparison.changes[members[0]]
    assert head.old is not None
    old_inside = {c.id for c in head.old.walk()}
    for index in members:
        change = comparison.changes[index]
        if side == MOVED_FROM and change.old is not None and change.old.id in old_inside:
            blocks += whole_blocks(change.old, change.old_depth, MOVED_FROM)
        elif side == MOVED_TO and change.new is not None:
            blocks += whole_blocks(change.new, change.depth, MOVED_TO)
    return blocks


def _write_move(writer: BodyWriter, blocks: list[Block], side: str, name: str) -> list[etree._Element]:
    written = [writer.paragraph(block) for block in blocks]
    if written:
        writer.move_range(written[0], side, name, start=True)
        writer.move_range(written[-1], side, name, start=False)
    return written


def _summary(writer: BodyWriter, comparison: Comparison) -> None:
    old, new = comparison.old.metadata, comparison.new.metadata
    writer.paragraph(Block(TITLE, [Run(f"Redline: {document_title(new)}")]))
    writer.paragraph(Block(FRONT_MATTER, [Run(_version_line("Old version", old))]))
    writer.paragraph(Block(FRONT_MATTER, [Run(_version_line("New version", new))]))
    writer.paragraph(Block(FRONT_MATTER_HEADING, [Run(SUMMARY_HEADING)]))
    for line in summary_lines(comparison):
        name, sep, rest = line.partition(": ")
        lead = [Run(name + sep, bold=True), Run(rest)] if sep and len(name) < 30 else [Run(line)]
        writer.paragraph(Block(CLAUSE_TEXT, lead))


def _comment_on(document: DocxDocument, p: etree._Element, text: str) -> None:
    """Anchor a Word comment on the paragraph's plain runs (an empty run when it has none)."""
    paragraph = Paragraph(p, document._body)
    runs = paragraph.runs
    if not runs:
        anchor = p.makeelement(qn("w:r"), {})
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(anchor)
        else:
            p.insert(0, anchor)
        runs = [DocxRun(anchor, paragraph)]
    document.add_comment(runs, text=xml_text(text), author=AUTHOR, initials="PE")


def build_redline(comparison: Comparison, template: str | os.PathLike[str] | None = None,
                  date: dt.datetime | None = None) -> DocxDocument:  # fmt: skip
    """The python-docx Document of the redline (not yet saved)."""
    document = open_template(template)
    writer = BodyWriter(document, ensure_styles(document), AUTHOR, date)
    _summary(writer, comparison)
    new = comparison.new.metadata
    writer.paragraph(Block(TITLE, [Run(document_title(new))], page_break_before=True))
    # A moved clause is a Word move: its old self (moveFrom) where it stood, its new self
    # (moveTo) where it is, with whatever travels with it; Accept or Reject moves it.
    groups = moved_groups(comparison)
    members = {m for group in groups.values() for m in group[1:]}
    origins: dict[int, list[int]] = {}
    for head, before in moved_from(comparison).items():
        if head in groups and head not in members:
            origins.setdefault(before, []).append(head)
    names = {head: f"move{n}" for n, head in enumerate(sorted(groups), start=1)}

    def write_origins(after: int) -> None:
        for head in origins.get(after, []):
            _write_move(writer, _moved_blocks(comparison, groups[head], MOVED_FROM), MOVED_FROM, names[head])

    write_origins(-1)
    for index, change in enumerate(comparison.changes):
        if index in members:
            continue
        if index in groups:
            written = _write_move(
                writer, _moved_blocks(comparison, groups[index], MOVED_TO), MOVED_TO, names[index]
            )
        else:
            written = [writer.paragraph(block) for block in change_blocks(change)]
        write_origins(index)
        if change.moved and written:
            _comment_on(document, written[0], move_note(change))
        if change.references_followed and written:
            _comment_on(document, written[0], "References follow renumbered clauses; wording unchanged")
    right = effective_date_line(new)
    was = effective_date_line(comparison.old.metadata).removeprefix("Effective date: ")
    if was and was != right.removeprefix("Effective date: "):
        right = f"{right} (was {was})" if right else f"Was {was}"
    running_header_and_footer(document, f"Redline: {document_title(new)}", right)
    set_properties(document, new, title=f"Redline: {document_title(new)}")
    return document


def write_redline_docx(comparison: Comparison, path: str | os.PathLike[str],
                       template: str | os.PathLike[str] | None = None) -> None:  # fmt: skip
    """Write the redline .docx atomically."""
    save_document(build_redline(comparison, template), path)
