"""The Word redline of a comparison: real tracked changes that Accept/Reject work on.

Inserted words are <w:ins> runs, deleted words <w:del> runs with <w:delText>; an added
clause is inserted whole (paragraph marks too) and a removed one deleted whole, so
accepting everything gives the new version and rejecting everything the old one.
Relabelled clauses carry their new label as plain text, not as a change: renumbering is
not a change of substance, and the summary table lists it instead. Moved clauses keep their
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

from plutoeditor.compare.result import DELETE, INSERT, ClauseChange, Comparison, Ops
from plutoeditor.export.docx_template import ensure_styles, open_template
from plutoeditor.export.docx_writer import clause_blocks, running_header_and_footer, set_properties
from plutoeditor.export.docx_xml import DELETED, INSERTED, PLAIN, Block, BodyWriter, Run, save_document
from plutoeditor.export.page_text import document_title, effective_date_line
from plutoeditor.model import Metadata

AUTHOR = "PlutoEditor"
_MARKS = {INSERT: INSERTED, DELETE: DELETED}
_FIELD_NAMES = {"effective_date": "Effective date", "summary_of_changes": "Summary of changes"}


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
        mark = INSERTED if change.status == "added" else DELETED
        paragraphs = [([Run(text, mark)], mark) for text in clause.paragraphs]
        blocks = clause_blocks(
            clause, change.depth, [Run(clause.label.strip(), mark)], [Run(clause.heading.strip(), mark)],
            paragraphs, mark,
        )  # fmt: skip
        for block in blocks:
            block.mark = mark
        return blocks
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


def describe(change: ClauseChange) -> str:
    """What happened to a clause, in words, for the summary table."""
    if change.status == "added":
        return "Added"
    if change.status == "removed":
        return "Removed"
    parts = []
    if change.text_changed:
        parts.append("Reworded")
    if change.heading_changed:
        parts.append("Heading changed")
    if change.moved:
        parts.append(move_note(change))
    if change.relabelled:
        parts.append(f"Relabelled {change.old_label or '(none)'} → {change.new_label or '(none)'}")
    return "; ".join(parts)


def _version_line(which: str, metadata: Metadata) -> str:
    line = effective_date_line(metadata) or "no effective date"
    return f"{which}: {document_title(metadata)}, {line[0].lower()}{line[1:]}"


def _summary(writer: BodyWriter, comparison: Comparison) -> None:
    old, new = comparison.old.metadata, comparison.new.metadata
    writer.paragraph(Block("Title", [Run(f"Redline: {document_title(new)}")]))
    writer.paragraph(Block("Front Matter", [Run(_version_line("Old version", old))]))
    writer.paragraph(Block("Front Matter", [Run(_version_line("New version", new))]))
    writer.paragraph(Block("Front Matter Heading", [Run("Summary of changes")]))
    counts = comparison.summary()
    words = ("added", "removed", "text_changed", "moved", "relabelled")
    names = {"text_changed": "reworded"}
    line = " · ".join(f"{counts[k]} {names.get(k, k)}" for k in words)
    writer.paragraph(Block("Clause Text", [Run(f"{line}. Insertions and deletions are tracked changes; "
                                               "relabelled clauses are not marked; moved clauses carry "
                                               "a comment.")]))  # fmt: skip
    rows = [(_FIELD_NAMES.get(m.field, m.field.replace("_", " ").capitalize()),
             f"{m.old or '(none)'} → {m.new or '(none)'}") for m in comparison.metadata_changes]  # fmt: skip
    for change in comparison.changes:
        if change.is_change:
            label = change.new_label or change.old_label
            rows.append((" ".join(p for p in (label, change.clause.display_name(50)) if p), describe(change)))
    if rows:
        _table(writer, [("Clause", "Change"), *rows])


def _table(writer: BodyWriter, rows: list[tuple[str, str]]) -> None:
    """A two-column table built as XML (python-docx's cell access is slow on long tables)."""
    tbl = writer.body.makeelement(qn("w:tbl"), {})
    pr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(pr, qn("w:tblW"), {qn("w:w"): "5000", qn("w:type"): "pct"})
    borders = etree.SubElement(pr, qn("w:tblBorders"))
    for side in ("top", "bottom", "insideH"):
        attrs = {qn("w:val"): "single", qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "A6A6A6"}
        etree.SubElement(borders, qn(f"w:{side}"), attrs)
    margins = etree.SubElement(pr, qn("w:tblCellMar"))
    for side, size in (("top", "40"), ("bottom", "40"), ("left", "80"), ("right", "80")):
        etree.SubElement(margins, qn(f"w:{side}"), {qn("w:w"): size, qn("w:type"): "dxa"})
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for width in ("3400", "5600"):
        etree.SubElement(grid, qn("w:gridCol"), {qn("w:w"): width})
    for index, row in enumerate(rows):
        tr = etree.SubElement(tbl, qn("w:tr"))
        if index == 0:
            etree.SubElement(etree.SubElement(tr, qn("w:trPr")), qn("w:tblHeader"))
        for width, text in zip(("3400", "5600"), row, strict=True):
            tc = etree.SubElement(tr, qn("w:tc"))
            tc_pr = etree.SubElement(tc, qn("w:tcPr"))
            etree.SubElement(tc_pr, qn("w:tcW"), {qn("w:w"): width, qn("w:type"): "dxa"})
            if index == 0:
                etree.SubElement(tc_pr, qn("w:shd"), {qn("w:val"): "clear", qn("w:fill"): "EDEEF2"})
            for line in text.split("\n") or [""]:
                p = writer.paragraph(Block("Table Text", [Run(line, bold=index == 0)]))
                tc.append(p)  # moves the paragraph from the body into the cell
    if writer.sect_pr is not None:
        writer.sect_pr.addprevious(tbl)
    else:
        writer.body.append(tbl)


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
    document.add_comment(runs, text=text, author=AUTHOR, initials="PE")


def build_redline(comparison: Comparison, template: str | os.PathLike[str] | None = None,
                  date: dt.datetime | None = None) -> DocxDocument:  # fmt: skip
    """The python-docx Document of the redline (not yet saved)."""
    document = open_template(template)
    writer = BodyWriter(document, ensure_styles(document), AUTHOR, date)
    _summary(writer, comparison)
    new = comparison.new.metadata
    writer.paragraph(Block("Title", [Run(document_title(new))], page_break_before=True))
    for change in comparison.changes:
        written = [writer.paragraph(block) for block in change_blocks(change)]
        if change.moved and written:
            _comment_on(document, written[0], move_note(change))
    right = effective_date_line(new)
    was = effective_date_line(comparison.old.metadata).removeprefix("Effective date: ")
    if was and was != right.removeprefix("Effective date: "):
        right = f"{right} (was {was})" if right else f"Was {was}"
    running_header_and_footer(document, f"Redline: {document_title(new)}", right)
    set_properties(document, new)
    document.core_properties.title = f"Redline: {document_title(new)}"
    return document


def write_redline_docx(comparison: Comparison, path: str | os.PathLike[str],
                       template: str | os.PathLike[str] | None = None) -> None:  # fmt: skip
    """Write the redline .docx atomically."""
    save_document(build_redline(comparison, template), path)
