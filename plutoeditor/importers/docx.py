"""Import a Word .docx policy: the labels Word displays, kept as written.

`docx_reading` turns the document into paragraphs (automatic numbering computed, tracked
changes accepted); here they become `Block`s for the shared tree builder
(`importers.structure.build_policy`), exactly as text-imported lines do, so checks behave
the same on Word and text copies of a policy. Text boxes, footnotes and endnotes stay with
the paragraph they are anchored in, as further lines of its clause's text; a text box with
no clause above it (at the top, by the title) is an unlabelled clause. Document properties
fill the metadata the text does not give (the model has no author field, so the creator
property is not used); import notes (tracked changes, comments) go to `policy.import_notes`.
"""

from __future__ import annotations

import os
import re

from plutoeditor.importers.dates import find_effective_date
from plutoeditor.importers.docx_clauses import ClauseParagraph, build_marked_clauses
from plutoeditor.importers.docx_outline import outline_levels
from plutoeditor.importers.docx_reading import WordDocument, WordParagraph, read_word_document
from plutoeditor.importers.docx_run_in import text_after
from plutoeditor.importers.labels import decimal_parts, is_bare_number
from plutoeditor.importers.structure import Block, build_policy, split_label
from plutoeditor.model import Policy

__all__ = ["import_docx", "read_word_document", "word_blocks", "WordDocument", "WordParagraph"]


def import_docx(path: str | os.PathLike[str]) -> Policy:
    """Import a Word document as a policy; labels as Word displays them, kept as written.

    Import notes (tracked changes accepted, comments ignored) are in `policy.import_notes`.
    """
    doc = read_word_document(path)
    doc.company = _whole_property(doc.company, doc.paragraphs)
    start = next((i for i, p in enumerate(doc.paragraphs) if p.clause_id), None)
    if start is not None:
        # Written by PlutoEditor: the clause bookmarks give the tree back exactly; only the
        # front matter above the first clause is read for metadata.
        front = WordDocument(doc.paragraphs[:start], company=doc.company)
        policy = build_policy(word_blocks(front), str(path), guess_headings=False)
        policy.clauses = build_marked_clauses(_clause_paragraphs(doc.paragraphs[start:]))
    else:
        blocks = word_blocks(doc)
        has_headings = any(p.heading_level is not None for p in doc.paragraphs)
        policy = build_policy(blocks, str(path), guess_headings=not has_headings)
    _apply_properties(policy, doc)
    if doc.document_id:
        policy.document_id = doc.document_id
    policy.import_notes = list(doc.notes)
    return policy


#: How a document property cut to fit ends (as `export.docx_writer.property_text` cuts it).
_CUT = "…"
#: Paragraphs at the top where an exported document restates its properties.
_FRONT = 10


def _whole_property(value: str, paragraphs: list[WordParagraph]) -> str:
    """A property cut to fit Word's property fields (python-docx takes at most 255 characters),
    given whole from the front-matter line at the top that starts with it, if there is one."""
    if not value.endswith(_CUT) or len(value) < 2:
        return value
    kept = value[: -len(_CUT)]
    for para in paragraphs[:_FRONT]:
        text = " ".join(para.text.split())
        if len(text) > len(kept) and text.startswith(kept):
            return text
    return value


def word_blocks(doc: WordDocument) -> list[Block]:
    """The tree builder's input: one block per paragraph, Word's automatic labels given.

    Paragraphs at the top that only restate the document's properties (the title and the
    organisation written as front matter) are left out; they become metadata. A line after a
    soft break is a further line of its paragraph's block, as Word shows it, unless one of the
    paragraph's lines starts with a label typed after a break ("(a) ...", "9 High St"): then
    the tree builder reads each line as it would in a text file.
    """
    blocks: list[Block] = []
    first = next((p for p in doc.paragraphs if p.text.strip()), None)
    titled = any(p.is_title and p.text for p in doc.paragraphs[:10])
    if (
        doc.title
        and first is not None
        and not titled
        and first.text.strip().casefold() != doc.title.casefold()
    ):
        # No title paragraph: the title property is the title (see _apply_properties), read
        # here first so that the document's own first line stays in the tree, not lost.
        blocks.append(Block(doc.title, None))
    front = True
    restated = {t.casefold() for t in (doc.company,) if t}
    added = False  # the paragraph before gave the last block
    joined = _joined_lines(doc.paragraphs)
    levels = outline_levels(doc.paragraphs)
    lead_in = _lead_in_lists(doc.paragraphs)
    notes = _notes_in_lists(doc.paragraphs)
    for i, para in enumerate(doc.paragraphs):
        text = para.text if para.auto_label is not None else _spaced_label(para.text)
        if anchored := para.anchored.lines():
            text = "\n".join([text, *anchored])
        if i in joined and added:
            blocks[-1].text += "\n" + text
            continue
        added = False
        if front and para.auto_label is None and not para.is_title and text.strip().casefold() in restated:
            continue
        added = True
        if para.auto_label is not None or para.heading_level is not None or para.list_level is not None:
            front = False
        if para.in_table:
            blocks.append(Block(text, para.line, label=""))
        elif para.in_text_box:  # a callout with no clause to join: a clause of its own, unlabelled
            blocks.append(Block(text, para.line, label="", list_level=0))
        elif para.is_title:  # the title, however long: the front reader takes a heading as one
            blocks.append(Block(text, para.line, heading_level=1))
        elif para.auto_label is not None and levels[i] is not None:
            # A numbered heading, or a paragraph of the list that numbers the headings: placed
            # by its list level (docx_outline); a run-in heading parts heading and text.
            heading = para.run_in
            if heading is None and para.heading_level is None:
                heading = ""  # a body paragraph: all of it is text
            blocks.append(
                Block(_own_text(para, text), para.line, label=para.auto_label, heading_level=levels[i],
                      heading=heading)
            )  # fmt: skip
        elif para.auto_label is not None and i in lead_in:
            # Items of a list its lead-in introduces ("The checklist covers 13 areas:"): the
            # lead-in's list, not sections of the document.
            blocks.append(
                Block(_own_text(para, text), para.line, label=para.auto_label, list_level=para.list_level,
                      heading=para.run_in)
            )  # fmt: skip
        elif para.auto_label is not None and _reads_as_typed(para, _own_text(para, text)):
            # A top-level "6." or "1)" item reads exactly like the same label typed in a text
            # file, so Word and text copies of a document build the same tree.
            blocks.append(Block(f"{para.auto_label} {_own_text(para, text)}", para.line, heading=para.run_in))
        elif para.auto_label is not None and para.run_in is not None:
            blocks.append(
                Block(_own_text(para, text), para.line, label=para.auto_label, list_level=para.list_level,
                      heading=para.run_in)
            )  # fmt: skip
        elif para.auto_label is not None:
            blocks.append(
                Block(text, para.line, label=para.auto_label, heading_level=para.heading_level,
                      list_level=None if para.heading_level is not None else para.list_level)
            )  # fmt: skip
        elif para.is_bullet:
            blocks.append(Block(text, para.line, label="", list_level=para.list_level or 0))
        elif para.heading_level is not None:
            # A number typed at the start of a heading is its label, however long the heading.
            label, rest = _heading_label(text)
            blocks.append(
                Block(
                    rest if label else text, para.line, label=label or None, heading_level=para.heading_level
                )
            )
        elif i in notes and blocks:
            blocks[-1].text += "\n" + text  # a note inside a list item: more of its text
        elif (typed := _typed_before_tab(para, blocks)) is not None:
            blocks.append(Block(text[len(typed) :].lstrip(), para.line, label=typed))
        else:
            blocks.append(Block(text, para.line))
    return blocks


_LABEL_THEN_NBSP = re.compile(
    r"^(\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[A-Za-z0-9]{1,4}\)|[A-Za-z]\.)[ \t]*\u00a0[\u00a0 \t]*(?=\S)"
)


#: A decimal label written straight before Chinese, Japanese or Korean text ("3.1部品表"), which
#: needs no space; only one of two or more parts, so "1年" stays text.
_LABEL_THEN_CJK = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+\.?)(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])")


def _spaced_label(text: str) -> str:
    """A typed label set apart by no-break spaces ("3.1\u00a0\u00a0Bill of Materials"), as
    Word users align them, or written straight before CJK text, reads as a label and a space."""
    if "\u00a0" in text[:24]:
        return _LABEL_THEN_NBSP.sub(r"\1 ", text, count=1)
    return _LABEL_THEN_CJK.sub(r"\1 ", text, count=1) if text[:1].isdigit() else text


#: A number before a full-width colon opening a Chinese or Japanese heading ("2：术语和定义").
_LABEL_THEN_WIDE_COLON = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*：)[ \t\u3000]*(?=\S)")


def _heading_label(text: str) -> tuple[str, str]:
    """The label typed at the start of a heading and the rest: as in a text file, or a number
    set off by a full-width colon, the colon CJK text uses (kept in the label as written)."""
    label, rest = split_label(text)
    if not label and (match := _LABEL_THEN_WIDE_COLON.match(text.lstrip())):
        return match[1], text.lstrip()[match.end() :]
    return label, rest


def _lead_in_lists(paragraphs: list[WordParagraph]) -> set[int]:
    """The numbered paragraphs (by index) of lists that start right after a lead-in, a plain
    paragraph ending in ":" (or the full-width "：" of CJK text); each such list runs until the
    next heading."""
    found: set[int] = set()
    listed: set[str] = set()
    previous: WordParagraph | None = None
    for i, para in enumerate(paragraphs):
        if para.heading_level is not None or para.is_title:
            listed.clear()
        elif para.auto_label is not None:
            lead_in = previous is not None and previous.list_level is None and previous.heading_level is None
            if lead_in and previous is not None and previous.text.rstrip().endswith((":", "：")):
                listed.add(para.list_id)
            if para.list_id in listed:
                found.add(i)
        if para.text.strip() or para.auto_label is not None:
            previous = para
    return found


def _notes_in_lists(paragraphs: list[WordParagraph]) -> set[int]:
    """Plain paragraphs (by index) between two items of one Word list (a. note b.): a note
    inside the item above, so the list is not closed by it. A paragraph that starts with a
    typed label ("(B) ...") is no note: it ends the run."""
    found: set[int] = set()
    waiting: list[int] = []
    above: WordParagraph | None = None  # the last numbered paragraph, with only notes after it
    for i, para in enumerate(paragraphs):
        plain = para.heading_level is None and not para.in_table and not para.is_title
        if para.auto_label is not None and plain:
            if above is not None and waiting and para.list_id == above.list_id:
                found.update(waiting)
            above, waiting = para, []
        elif plain and para.list_level is None and not split_label(para.text.strip())[0]:
            if para.text.strip():
                waiting.append(i)
        else:  # a heading, table, bullet point or typed label ends the list's run
            above, waiting = None, []
    return found


def _typed_before_tab(para: WordParagraph, blocks: list[Block]) -> str | None:
    """A bare number typed before a tab ("6<tab>The applicant ..."), when it fits the numbers
    above it (at most 3 past the last one-part number): the tab marks it as a label."""
    lead = para.tab_lead
    if lead is None or not is_bare_number(lead) or not para.text.startswith(lead):
        return None
    last = 0
    for block in reversed(blocks):
        label = block.label if block.label is not None else split_label(block.text.strip())[0]
        parts = decimal_parts(label) if label else None
        if parts is not None and len(parts) == 1:
            last = parts[0]
            break
    return lead if 1 <= int(lead) <= last + 3 else None


def _joined_lines(paragraphs: list[WordParagraph]) -> set[int]:
    """The lines after soft breaks that stay in their paragraph's block (by index): all of a
    paragraph's, when none of them starts with a label."""
    joined: set[int] = set()
    group: list[int] = []
    for i, para in enumerate([*paragraphs, None]):
        if para is not None and para.soft_line:
            group.append(i)
            continue
        if not any(split_label(paragraphs[j].text)[0] for j in group):
            joined.update(group)
        group = []
    return joined


def _clause_paragraphs(paragraphs: list[WordParagraph]) -> list[ClauseParagraph]:
    """One per Word paragraph or table row: the lines after a soft break are already in the
    text of their paragraph's clause_parts; only what they carry (notes, text boxes) is added."""
    found: list[ClauseParagraph] = []
    for para in paragraphs:
        if para.soft_line and found:
            found[-1].anchored += para.anchored.lines()
        else:
            found.append(_parts(para))
    return found


def _parts(para: WordParagraph) -> ClauseParagraph:
    """A paragraph as the clause-tree builder reads it (a table row as text)."""
    if para.clause_parts is not None:
        parts = para.clause_parts
        parts.line = para.line
    else:
        parts = ClauseParagraph(None, para.style, None, "", para.text, line=para.line)
    parts.anchored = para.anchored.lines()
    return parts


def _reads_as_typed(para: WordParagraph, text: str) -> bool:
    """A top-level decimal label that the text importer would read back unchanged."""
    label = para.auto_label or ""
    if para.heading_level is not None or para.list_level != 0 or not label[:1].isdigit() or label.isdigit():
        return False
    return split_label(f"{label} {text}") == (label, text)


def _own_text(para: WordParagraph, text: str) -> str:
    """The paragraph's text after its run-in heading, if it has one."""
    return text if para.run_in is None else text_after(text, para.run_in)


def _apply_properties(policy: Policy, doc: WordDocument) -> None:
    """Document properties fill metadata the text did not give.

    Title: a Title-styled paragraph at the top, else the title property, else the builder's.
    """
    meta = policy.metadata
    title_paragraph = next((p.text for p in doc.paragraphs[:10] if p.is_title and p.text), "")
    if title_paragraph:  # the title the reader sees beats a possibly stale property
        meta.title = title_paragraph
    elif doc.title:
        meta.title = doc.title
    if doc.company and not meta.organisation:
        meta.organisation = doc.company
    if doc.version and not meta.version:
        meta.version = doc.version
    if doc.subject and not meta.jurisdiction and len(doc.subject) <= 60 and "\n" not in doc.subject:
        meta.jurisdiction = doc.subject
    if doc.language:
        meta.language = doc.language
    if meta.effective_date is None:
        for text in [*doc.header_text, *doc.property_text]:
            found = find_effective_date(text)
            if found is not None:
                meta.effective_date = found
                break
