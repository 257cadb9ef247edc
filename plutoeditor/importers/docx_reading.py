"""Read the body of a Word .docx as Word displays it: paragraphs in order, with labels.

The package is opened through `formats.docx_package` (size limits, hardened XML) and read with lxml
directly, several times faster than python-docx on large documents. This module walks the
body and places what it finds: automatic labels come from `docx_numbering`; headings from
heading styles, Title and outline levels; each paragraph's text, tracked changes accepted,
from `docx_text` (what Word shows for breaks, tabs and symbols: `docx_characters`). A line
break (soft, page or column) starts a new line as it would in a text file; in a document
with clause bookmarks such a line is also kept in its paragraph's `clause_parts`, so the
clause gets it once, as a further paragraph of its text. A paragraph whose mark was deleted
as a tracked change joins the next one, as accepting the change does. Footnotes and endnotes
(`docx_notes`) and text boxes (`docx_anchored`) stay with the paragraph anchoring them, or
the paragraph above when the anchor has no text, so a callout never starts a clause; only a
box with nothing but the title above it is a paragraph of its own. A table is one paragraph
of Markdown pipe rows (`docx_tables`). Document properties, header text and notes for the
user (tracked changes accepted, comments ignored) complete the `WordDocument`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from lxml import etree

from plutoeditor.formats.docx_package import DocxPackage
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.word_vocabulary import (
    CORE_PROPERTIES,
    DOCUMENT_ID_PROPERTY,
    DOCUMENT_PART,
    DUBLIN_CORE,
    EXTENDED_PROPERTIES,
    TITLE,
    W,
    clause_id_of,
)
from plutoeditor.importers.docx_anchored import Anchored, in_text_box
from plutoeditor.importers.docx_clauses import ClauseParagraph, clause_paragraph, document_id_of, mapped_ids
from plutoeditor.importers.docx_contents import ContentsField, is_contents_control, is_contents_style
from plutoeditor.importers.docx_notes import Notes
from plutoeditor.importers.docx_numbering import NumberedLabel, Numbering, ParagraphStyles, int_of, val_of
from plutoeditor.importers.docx_run_in import lead_before_tab, run_in_heading
from plutoeditor.importers.docx_tables import read_table
from plutoeditor.importers.docx_text import CHANGE_TAGS, TBL, TRANSPARENT, P, ParagraphText, clean, content

_W = f"{{{W}}}"
_VAL = _W + "val"
_CP = f"{{{CORE_PROPERTIES}}}"
_DC = f"{{{DUBLIN_CORE}}}"
_EP = f"{{{EXTENDED_PROPERTIES}}}"

PPR = _W + "pPr"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


@dataclass
class WordParagraph:
    """One body paragraph (or table, as pipe rows) as Word shows it."""

    text: str
    line: int  # 1-based index among body paragraphs and tables
    style: str = ""  # style name
    heading_level: int | None = None  # 1-9 from heading styles or outline levels
    is_title: bool = False
    auto_label: str | None = None  # label from automatic numbering, None when not numbered
    list_level: int | None = None
    list_id: str = ""  # the Word list (abstract numbering) of a numbered paragraph
    is_bullet: bool = False
    run_in: str | None = None  # a bold or underlined run-in heading before the text (docx_run_in)
    tab_lead: str | None = None  # a short text typed before a tab (docx_run_in), unnumbered only
    in_table: bool = False
    in_text_box: bool = False  # a text box with no paragraph to join (at the top, by the title)
    anchored: Anchored = field(default_factory=Anchored)  # its text-box lines and notes
    clause_id: str | None = None  # from a PlutoEditor clause bookmark (see docx_clauses)
    clause_parts: ClauseParagraph | None = None  # set in documents with clause bookmarks
    soft_line: bool = False  # a line after a soft break, its text also in the clause_parts above


@dataclass
class WordDocument:
    """What the reader found: paragraphs, properties and notes for the user."""

    paragraphs: list[WordParagraph]
    title: str = ""
    creator: str = ""
    company: str = ""
    subject: str = ""
    language: str = ""
    version: str = ""
    header_text: list[str] = field(default_factory=list)
    property_text: list[str] = field(default_factory=list)  # custom properties "Name: value"
    document_id: str | None = None  # written by PlutoEditor's export (docx_clauses)
    notes: list[str] = field(default_factory=list)


def _properties(p: etree._Element) -> tuple[str | None, etree._Element | None, int | None, bool]:
    """(style id, numPr, outline level, paragraph mark deleted) from the paragraph's pPr."""
    sid = numpr = outline = None
    deleted = False
    ppr = p[0] if len(p) and p[0].tag == PPR else None
    if ppr is None:
        return None, None, None, False
    for child in ppr:
        tag = child.tag
        if tag == _W + "pStyle":
            sid = child.get(_VAL)
        elif tag == _W + "numPr":
            numpr = child
        elif tag == _W + "outlineLvl":
            outline = int_of(child.get(_VAL))
        elif tag == _W + "rPr":
            deleted = child.find(_W + "del") is not None
    return sid, numpr, outline, deleted


def _ends_section(p: etree._Element) -> bool:
    ppr = p[0] if len(p) and p[0].tag == PPR else None
    return ppr is not None and ppr.find(_W + "sectPr") is not None


class _Reader:
    """Walks word/document.xml once, in body order."""

    def __init__(self, package: DocxPackage) -> None:
        self.package = package
        self.styles = ParagraphStyles(package.xml("word/styles.xml"))
        self.numbering = Numbering(package.xml("word/numbering.xml"), self.styles.numbering_map())
        self.paragraphs: list[WordParagraph] = []
        self.tracked = False
        self.pending = ""  # text of a paragraph whose mark was deleted (tracked)
        self.pending_anchored: Anchored | None = None  # and what that paragraph carried
        self.pending_paragraphs: list[etree._Element] = []  # and the paragraphs themselves
        self._style_cache: dict[str, tuple[str, bool, int | None]] = {}
        self.notes = Notes()
        self.text = ParagraphText(self.notes)
        self.notes.read_texts(package, lambda p: self.text.text(p, Anchored()))
        self.mapped_ids = mapped_ids(package.xml("docProps/custom.xml"))  # short name -> long id
        self.bookmarks: dict[str, str] = {}  # w:id of a clause bookmark -> clause id
        self.last_paragraph: etree._Element | None = None  # the body's, which has none to join
        self.contents = ContentsField()  # a table of contents is left out (docx_contents)

    def read(self) -> list[WordParagraph]:
        root = self.package.xml(DOCUMENT_PART)
        assert root is not None
        body = root.find(_W + "body")
        if body is None:
            raise PolicyFileError(self.package.path, f"{DOCUMENT_PART} has no document body")
        self.notes.read_numbering(self.package.xml("word/settings.xml"), body.find(_W + "sectPr"))
        for tag in CHANGE_TAGS:
            if next(body.iter(tag), None) is not None:
                self.tracked = True
                break
        self.text.choose_path(body)
        for mark in body.iter(_W + "bookmarkStart"):
            clause_id = clause_id_of(mark.get(_W + "name", ""), self.mapped_ids)
            if clause_id is not None:
                self.bookmarks[mark.get(_W + "id", "")] = clause_id
        self.last_paragraph = next((el for el in reversed(body) if el.tag == P), None)
        self._block(body, in_table=False)
        return self.paragraphs

    def _block(self, container: etree._Element, in_table: bool) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self._paragraph(child)
            elif tag == _W + "bookmarkEnd" and self.paragraphs and self.paragraphs[-1].clause_parts:
                ended = self.bookmarks.get(child.get(_W + "id", ""))
                if ended:  # Word may move a range's end between paragraphs
                    self.paragraphs[-1].clause_parts.ends.append(ended)
            elif tag == TBL:
                self._table(child)
            elif tag in TRANSPARENT:
                if tag == _W + "sdt" and is_contents_control(child):
                    continue  # a table of contents: navigation, not policy text
                inner = content(child)
                if inner is not None:
                    self._block(inner, in_table)

    def _table(self, table: etree._Element) -> None:
        """A table as one paragraph of pipe rows (`docx_tables`); what a table without text
        carries goes to the paragraph above."""
        found = read_table(table, self._cell_text, self.bookmarks)
        if found.deleted_rows:
            self.tracked = True
        if found.text is not None:
            para = WordParagraph(found.text, 0, style="Table Text", in_table=True)
            if self.bookmarks:
                para.clause_parts = ClauseParagraph(None, "Table Text", None, "", para.text, ends=found.ends)
            para.anchored.extend(found.anchored)
            self._add(para)
        elif self.paragraphs:
            self.paragraphs[-1].anchored.extend(found.anchored)
            if found.ends and self.paragraphs[-1].clause_parts:
                self.paragraphs[-1].clause_parts.ends += found.ends

    def _cell_text(self, p: etree._Element, anchored: Anchored) -> str:
        """A paragraph in a table cell: its text after its automatic label (not a bullet)."""
        sid, numpr, _, _ = _properties(p)
        label = self._label(numpr, sid)
        text = self.text.text(p, anchored)
        if label and not label.is_bullet and label.label:
            return f"{label.label} {text}".strip()
        return text

    def _paragraph(self, p: etree._Element) -> None:
        sid, numpr, outline, mark_deleted = _properties(p)
        if self._in_contents(p, sid):
            return
        anchored, self.pending_anchored = self.pending_anchored or Anchored(), None
        raw = self.text.raw(p, anchored)
        if mark_deleted and p is not self.last_paragraph:
            # Accepting the deletion of a paragraph mark joins the paragraph to the next one
            # (the body's last has none: Word never deletes its mark); it is not numbered on
            # its own, so it does not advance the list counters.
            self.tracked = True
            self.pending += raw
            self.pending_anchored = anchored
            self.pending_paragraphs.append(p)
            return
        text = clean(self.pending + raw, keep_breaks=True)
        # An empty paragraph that only ends a section (its pPr holds the w:sectPr) shows no
        # number in LibreOffice, and the documents' own cross-references count without it.
        label = None if not text and _ends_section(p) else self._label(numpr, sid)
        self.pending = ""
        joined, self.pending_paragraphs = self.pending_paragraphs, []
        first, *more = text.split("\n")
        name, is_title, level = self._style_info(sid)
        para = WordParagraph(first, 0, style=name, is_title=is_title, heading_level=level)
        if self.bookmarks:
            own = label.label if numpr is not None and label is not None and not label.is_bullet else None
            para.clause_parts = clause_paragraph(p, name, self.bookmarks, self.notes.marks, joined, own)
            para.clause_id = para.clause_parts.clause_id
        if not is_title and outline is not None and level is None and 0 <= outline < 9:
            para.heading_level = outline + 1
        if label is not None:
            para.list_level = label.level
            para.list_id = label.list_id
            para.is_bullet = label.is_bullet
            if not label.is_bullet:
                para.auto_label = label.label
                para.run_in = run_in_heading(p, first)
        elif level is None and not is_title and first[:1].isdigit():
            para.tab_lead = lead_before_tab(p)
        if para.heading_level is not None or para.is_title:
            para.text, more = " ".join([first, *more]), []
        lines = [para] if first or para.auto_label is not None or para.clause_id else []
        # The lines after soft breaks share the paragraph's clause_parts, which already holds
        # them: a clause bookmark ending after them still ends in this paragraph.
        lines += [
            WordParagraph(line, 0, style=name, clause_parts=para.clause_parts, soft_line=True)
            for line in more
        ]
        # A paragraph with no text of its own (often just the anchor of a floating text box):
        # what it carries belongs to the clause above, as the reader sees it.
        host = lines[-1] if lines else self.paragraphs[-1] if self.paragraphs else None
        if not lines and host is not None and host.clause_parts and para.clause_parts:
            host.clause_parts.ends += para.clause_parts.ends  # an empty paragraph a user left
        if (host is None or host.is_title) and anchored.text_boxes:
            # Nothing above but the title: the boxes are a paragraph of their own, so the
            # title stays the title.
            host = WordParagraph("\n".join(anchored.text_boxes), 0, style=name, in_text_box=True)
            lines.append(host)
            anchored.text_boxes = []
        if host is not None and anchored.lines():
            host.anchored.extend(anchored)
        for line in lines:
            self._add(line)

    def _in_contents(self, p: etree._Element, sid: str | None) -> bool:
        """An entry (or the heading) of a table of contents, which the import leaves out.

        A heading is never an entry: one closes a TOC field whose end went missing, so a
        damaged field cannot swallow the document."""
        name, is_title, level = self._style_info(sid)
        in_field = self.contents.inside(p)
        if is_contents_style(name):
            return True
        if in_field and (level is not None or is_title):
            self.contents = ContentsField()
            return False
        return in_field

    def _style_info(self, sid: str | None) -> tuple[str, bool, int | None]:
        """(style name, is Title, heading level from the name or outline level) per style."""
        key = sid or ""
        info = self._style_cache.get(key)
        if info is None:
            name = self.styles.name(sid)
            heading = _HEADING_NAME.match(name.strip())
            outline = self.styles.resolved(sid)[2]
            is_title = name.strip().lower() == TITLE.lower()
            level = None
            if heading:
                level = int(heading.group(1))
            elif outline is not None and 0 <= outline < 9:
                level = outline + 1
            info = self._style_cache[key] = (name, is_title, None if is_title else level)
        return info

    def _label(self, numpr: etree._Element | None, sid: str | None) -> NumberedLabel | None:
        num_id: str | None = None
        ilvl: int | None = None
        if numpr is not None:
            num_id = val_of(numpr.find(_W + "numId"))
            ilvl = int_of(val_of(numpr.find(_W + "ilvl")))
        style_num, style_ilvl, _ = self.styles.resolved(sid)
        if num_id is None:
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl  # omitted: level 0, as Word and LibreOffice read it
        if not num_id:
            return None
        return self.numbering.label(num_id, ilvl)

    def _add(self, para: WordParagraph) -> None:
        para.line = len(self.paragraphs) + 1
        self.paragraphs.append(para)


def read_word_document(path: str | os.PathLike[str]) -> WordDocument:
    """Read a .docx into paragraphs and properties; PolicyFileError for anything unreadable."""
    with DocxPackage(path) as package:
        reader = _Reader(package)
        paragraphs = reader.read()
        doc = WordDocument(paragraphs)
        core = package.xml("docProps/core.xml")
        if core is not None:
            doc.title = (core.findtext(_DC + "title") or "").strip()
            doc.creator = (core.findtext(_DC + "creator") or "").strip()
            doc.subject = (core.findtext(_DC + "subject") or "").strip()
            doc.language = (core.findtext(_DC + "language") or "").strip()
            doc.version = (core.findtext(_CP + "version") or "").strip()
            for tag in (_CP + "keywords", _DC + "description", _CP + "contentStatus"):
                value = (core.findtext(tag) or "").strip()
                if value:
                    doc.property_text.append(value)
        app = package.xml("docProps/app.xml")
        if app is not None:
            doc.company = (app.findtext(_EP + "Company") or "").strip()
        custom = package.xml("docProps/custom.xml")
        doc.document_id = document_id_of(custom)
        if custom is not None:
            for prop in custom:
                value = "".join(prop.itertext()).strip()
                if value and prop.get("name") != DOCUMENT_ID_PROPERTY:
                    doc.property_text.append(f"{prop.get('name', '')}: {value}")
        reader.text.fast = False  # headers are small, and may hold text boxes the fast path would double
        for name in sorted(package.names()):
            if re.fullmatch(r"word/header\d*\.xml", name):
                root = package.xml(name)
                if root is not None:
                    for p in root.iter(P):
                        if in_text_box(p, root):
                            continue  # read with the paragraph it is anchored in
                        boxes = Anchored()
                        text = reader.text.text(p, boxes)
                        doc.header_text += [line for line in [text, *boxes.text_boxes] if line]
        if reader.tracked:
            doc.notes.append(
                "The document had unaccepted tracked changes; they were read as if accepted "
                "(inserted text in, deleted text out)."
            )
        comments = package.xml("word/comments.xml")
        count = 0 if comments is None else sum(1 for _ in comments.iter(_W + "comment"))
        if count:
            what = "1 comment was" if count == 1 else f"{count} comments were"
            doc.notes.append(f"The document's {what} ignored (comments are not part of the policy).")
    return doc
