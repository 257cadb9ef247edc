"""Read the body of a Word .docx as Word displays it: paragraphs in order, with labels.

The package is opened through `docx_safety` (size limits, hardened XML) and read with lxml
directly, several times faster than python-docx on large documents. Automatic numbering
comes from `docx_numbering`; headings from heading styles, Title and outline levels.
Tracked changes read as if accepted (w:ins and w:moveTo in, w:del and w:moveFrom out),
hidden text and comments are left out, footnotes and endnotes are kept with their paragraph
(numbered as Word shows them: "[1] text" and "[i] text" by default), a table becomes
Markdown pipe rows ("| a | b |", `model.tables`), and a line break (soft, page or column) starts a new
line as it would in a text file (`docx_characters`: what Word shows for breaks, tabs, hyphens
and symbols). In a document with clause bookmarks, such a line is also kept in its
paragraph's `clause_parts`, so the clause gets it once, as a further paragraph of its text.
Text boxes (w:txbxContent in DrawingML or VML shapes) are read once (one branch of
mc:AlternateContent) as lines of the paragraph anchoring them, or of the paragraph above when
the anchor has no text, so a callout never starts a clause; only a box with nothing but the
title above it is a paragraph of its own (`docx_anchored`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from lxml import etree

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.importers.docx_anchored import SHAPES, Anchored, in_text_box, one_branch, text_boxes
from plutoeditor.importers.docx_characters import CHARACTER_TAGS, shown_character
from plutoeditor.importers.docx_clauses import ClauseParagraph, clause_id_of, clause_paragraph, mapped_ids
from plutoeditor.importers.docx_numbering import NumberedLabel, Numbering, ParagraphStyles, W, format_number
from plutoeditor.importers.docx_safety import DOCUMENT_PART, DocxPackage
from plutoeditor.model.tables import table_lines

_W = f"{{{W}}}"
_VAL = _W + "val"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"

T, P, R, TBL, TR, TC = (_W + n for n in ("t", "p", "r", "tbl", "tr", "tc"))
_SKIP = {  # subtrees whose text Word does not show as body text (or shows elsewhere)
    _W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "pPr", _W + "rPr",
    _W + "object", _MC + "Fallback", _W + "commentReference",
    _W + "annotationRef", _W + "footnoteRef", _W + "endnoteRef", _W + "fldData",
}  # fmt: skip
_CHANGE_TAGS = (_W + "ins", _W + "del", _W + "moveFrom", _W + "moveTo")
_SLOW_TAGS = (
    *_CHANGE_TAGS,
    _W + "drawing",
    _W + "pict",
    _W + "object",
    _MC + "AlternateContent",
    _W + "vanish",
)
_TEXT_TAGS = (T, *CHARACTER_TAGS, _W + "footnoteReference", _W + "endnoteReference", P)
PPR = _W + "pPr"
_SPECIAL = frozenset(_TEXT_TAGS) - {T, P}
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
    is_bullet: bool = False
    in_table: bool = False
    in_text_box: bool = False  # a text box with no paragraph to join (at the top, by the title)
    footnotes: list[str] = field(default_factory=list)  # "[1] text"
    endnotes: list[str] = field(default_factory=list)  # "[i] text"
    text_boxes: list[str] = field(default_factory=list)  # paragraphs of anchored text boxes
    clause_id: str | None = None  # from a PlutoEditor clause bookmark (see docx_clauses)
    clause_parts: ClauseParagraph | None = None  # set in documents with clause bookmarks
    soft_line: bool = False  # a line after a soft break, its text also in the clause_parts above

    def anchored_lines(self) -> list[str]:
        """Text-box lines, then footnotes, then endnotes: kept as lines of this paragraph."""
        return [*self.text_boxes, *self.footnotes, *self.endnotes]

    def anchor(self, found: Anchored) -> None:
        self.text_boxes += found.text_boxes
        self.footnotes += found.footnotes
        self.endnotes += found.endnotes


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
            outline = _int(child.get(_VAL))
        elif tag == _W + "rPr":
            deleted = child.find(_W + "del") is not None
    return sid, numpr, outline, deleted


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish), which Word does not display."""
    rpr = run[0] if len(run) and run[0].tag == _W + "rPr" else None
    if rpr is None:
        return False
    vanish = rpr.find(_W + "vanish")
    return vanish is not None and vanish.get(_VAL, "true") not in ("false", "0", "off")


def _clean(raw: str, keep_breaks: bool) -> str:
    lines = (line.strip() for line in raw.split("\n"))
    return ("\n" if keep_breaks else " ").join(line for line in lines if line)


def _on(el: etree._Element | None) -> bool:
    """A Word on/off property that is present and not switched off (w:val="false")."""
    return el is not None and el.get(_VAL, "true") not in ("false", "0", "off")


def _val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(_VAL)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


class _Reader:
    """Walks word/document.xml once, in body order."""

    def __init__(self, package: DocxPackage) -> None:
        self.package = package
        self.styles = ParagraphStyles(package.xml("word/styles.xml"))
        self.numbering = Numbering(package.xml("word/numbering.xml"), self.styles.numbering_map())
        self.footnote_count = 0
        self.endnote_count = 0
        self.paragraphs: list[WordParagraph] = []
        self.tracked = False
        self.pending = ""  # text of a paragraph whose mark was deleted (tracked)
        self.pending_anchored: Anchored | None = None  # and what that paragraph carried
        self.pending_paragraphs: list[etree._Element] = []  # and the paragraphs themselves
        self.marks: dict[str, str] = {}  # "footnote 3" / "endnote 3" -> the mark shown ("[1]")
        self.fast = False
        self._style_cache: dict[str, tuple[str, bool, int | None]] = {}
        self.footnotes: dict[str, str] = {}  # read with the reader itself, so it must exist first
        self.footnotes = self._notes("word/footnotes.xml", "footnote")
        self.footnote_format, self.footnote_start = "decimal", 1  # Word's default: 1, 2, 3
        self.endnote_format, self.endnote_start = "lowerRoman", 1  # Word's default: i, ii, iii
        self.endnotes: dict[str, str] = {}
        self.endnotes = self._notes("word/endnotes.xml", "endnote")
        self.mapped_ids = mapped_ids(package.xml("docProps/custom.xml"))  # short name -> long id
        self.bookmarks: dict[str, str] = {}  # w:id of a clause bookmark -> clause id
        self.last_paragraph: etree._Element | None = None  # the body's, which has none to join

    def _notes(self, part: str, tag: str) -> dict[str, str]:
        root = self.package.xml(part)
        notes: dict[str, str] = {}
        if root is None:
            return notes
        for note in root.iter(_W + tag):
            if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            texts = [self._text(p, Anchored()) for p in note.iter(P) if not in_text_box(p, note)]
            notes[note.get(_W + "id", "")] = " ".join(t for t in texts if t)
        return notes

    def read(self) -> list[WordParagraph]:
        root = self.package.xml(DOCUMENT_PART)
        assert root is not None
        body = root.find(_W + "body")
        if body is None:
            raise PolicyFileError(self.package.path, f"{DOCUMENT_PART} has no document body")
        self._note_numbering(body)
        for tag in _CHANGE_TAGS:
            if next(body.iter(tag), None) is not None:
                self.tracked = True
                break
        # Without tracked changes, drawings or alternate content, text can be gathered by
        # lxml's C iteration instead of walking every element in Python (3x faster).
        self.fast = not any(next(body.iter(tag), None) is not None for tag in _SLOW_TAGS)
        for mark in body.iter(_W + "bookmarkStart"):
            clause_id = clause_id_of(mark.get(_W + "name", ""), self.mapped_ids)
            if clause_id is not None:
                self.bookmarks[mark.get(_W + "id", "")] = clause_id
        self.last_paragraph = next((el for el in reversed(body) if el.tag == P), None)
        self._block(body, in_table=False)
        return self.paragraphs

    def _note_numbering(self, body: etree._Element) -> None:
        """How footnotes and endnotes are numbered: the document's settings, then its last
        section's (which Word lets override them)."""
        settings = self.package.xml("word/settings.xml")
        section = body.find(_W + "sectPr")
        for found in (settings, section):
            if found is None:
                continue
            footnote_pr = found.find(_W + "footnotePr")
            if footnote_pr is not None:
                self.footnote_format = _val(footnote_pr.find(_W + "numFmt")) or self.footnote_format
                self.footnote_start = _int(_val(footnote_pr.find(_W + "numStart"))) or self.footnote_start
            endnote_pr = found.find(_W + "endnotePr")
            if endnote_pr is not None:
                self.endnote_format = _val(endnote_pr.find(_W + "numFmt")) or self.endnote_format
                self.endnote_start = _int(_val(endnote_pr.find(_W + "numStart"))) or self.endnote_start

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
            elif tag in (_W + "sdt", _W + "customXml", _W + "ins", _W + "moveTo"):
                inner = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
                if inner is not None:
                    self._block(inner, in_table)

    def _table(self, table: etree._Element) -> None:
        """A table as one paragraph of Markdown pipe rows (`model.tables`), one line per row.

        The first row is the header (followed by the "| --- |" separator line) when Word
        repeats it on every page (w:tblHeader), which is how PlutoEditor exports a header.
        Cells are padded to the widest row; a table without any text is left out. In a
        document with clause bookmarks, bookmarks ending inside the table end with it.
        """
        rows: list[list[str]] = []
        header = False
        anchored = Anchored()
        ends: list[str] = []
        for row in table.iter(TR):
            if row.getparent() is not table and row.getparent().tag != _W + "sdtContent":
                continue  # rows of nested tables are read inside their cell
            trpr = row.find(_W + "trPr")
            if trpr is not None and trpr.find(_W + "del") is not None:
                self.tracked = True
                continue
            if not rows and trpr is not None:
                header = _on(trpr.find(_W + "tblHeader"))
            cells = []
            for cell in row.iter(TC):
                if cell.getparent() is not row:
                    continue
                parts = []
                for p in cell.iter(P):
                    if in_text_box(p, cell):
                        continue  # read with the text box's anchor
                    label, text = self._numbered_text(p, anchored)
                    text = f"{label} {text}".strip() if label else text
                    if text:
                        parts.append(text)
                cells.append(" ".join(parts))
            rows.append(cells)
            if self.bookmarks:
                for mark in row.iter(_W + "bookmarkEnd"):
                    ended = self.bookmarks.get(mark.get(_W + "id", ""))
                    if ended:
                        ends.append(ended)
        if any(any(cells) for cells in rows):
            para = WordParagraph("\n".join(table_lines(rows, header)), 0, style="Table Text", in_table=True)
            if self.bookmarks:
                para.clause_parts = ClauseParagraph(None, "Table Text", None, "", para.text, ends=ends)
            para.anchor(anchored)
            self._add(para)
        elif self.paragraphs:
            self.paragraphs[-1].anchor(anchored)
            if ends and self.paragraphs[-1].clause_parts:
                self.paragraphs[-1].clause_parts.ends += ends

    def _numbered_text(self, p: etree._Element, anchored: Anchored) -> tuple[str | None, str]:
        sid, numpr, _, _ = _properties(p)
        label = self._label(numpr, sid)
        text = self._text(p, anchored)
        return (label.label if label and not label.is_bullet else None), text

    def _paragraph(self, p: etree._Element) -> None:
        sid, numpr, outline, mark_deleted = _properties(p)
        anchored, self.pending_anchored = self.pending_anchored or Anchored(), None
        raw = self._raw(p, anchored)
        if mark_deleted and p is not self.last_paragraph:
            # Accepting the deletion of a paragraph mark joins the paragraph to the next one
            # (the body's last has none: Word never deletes its mark); it is not numbered on
            # its own, so it does not advance the list counters.
            self.tracked = True
            self.pending += raw
            self.pending_anchored = anchored
            self.pending_paragraphs.append(p)
            return
        label = self._label(numpr, sid)
        text = _clean(self.pending + raw, keep_breaks=True)
        self.pending = ""
        joined, self.pending_paragraphs = self.pending_paragraphs, []
        first, *more = text.split("\n")
        name, is_title, level = self._style_info(sid)
        para = WordParagraph(first, 0, style=name, is_title=is_title, heading_level=level)
        if self.bookmarks:
            para.clause_parts = clause_paragraph(p, name, self.bookmarks, self.marks, joined)
            para.clause_id = para.clause_parts.clause_id
        if not is_title and outline is not None and level is None and 0 <= outline < 9:
            para.heading_level = outline + 1
        if label is not None:
            para.list_level = label.level
            para.is_bullet = label.is_bullet
            if not label.is_bullet:
                para.auto_label = label.label
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
        if host is not None and (anchored.text_boxes or anchored.footnotes or anchored.endnotes):
            host.anchor(anchored)
        for line in lines:
            self._add(line)

    def _style_info(self, sid: str | None) -> tuple[str, bool, int | None]:
        """(style name, is Title, heading level from the name or outline level) per style."""
        key = sid or ""
        info = self._style_cache.get(key)
        if info is None:
            name = self.styles.name(sid)
            heading = _HEADING_NAME.match(name.strip())
            outline = self.styles.resolved(sid)[2]
            is_title = name.strip().lower() == "title"
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
            num_id = _val(numpr.find(_W + "numId"))
            ilvl = _int(_val(numpr.find(_W + "ilvl")))
        style_num, style_ilvl, _ = self.styles.resolved(sid)
        if num_id is None:
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl  # omitted: level 0, as Word and LibreOffice read it
        if not num_id:
            return None
        return self.numbering.label(num_id, ilvl)

    def _text(self, p: etree._Element, anchored: Anchored, keep_breaks: bool = False) -> str:
        """The paragraph's visible text with tracked changes accepted.

        Line breaks become spaces, or "\n" with `keep_breaks` (a soft break starts a new line
        for the reader, as in a text file). Text boxes and notes go to `anchored`.
        """
        return _clean(self._raw(p, anchored), keep_breaks)

    def _raw(self, p: etree._Element, anchored: Anchored) -> str:
        out: list[str] = []
        if not self.fast:
            self._collect(p, out, anchored)
            return "".join(out)
        for el in p.iter(*_TEXT_TAGS):
            tag = el.tag
            if tag == T:
                out.append(el.text or "")
            elif tag == P:
                if el is not p:
                    out.append(" ")
            else:
                self._special(el, tag, out, anchored)
        return "".join(out)

    def _note(self, el: etree._Element, kind: str, number: str, out: list[str]) -> str:
        """Write a note reference's mark ("[1]", "[i]") into the text and remember it by note id."""
        mark = f"[{number}]"
        out.append(mark)
        self.marks[f"{kind} {el.get(_W + 'id', '')}"] = mark
        return mark

    def _special(self, el: etree._Element, tag: str, out: list[str], anchored: Anchored) -> None:
        """Tabs, breaks, hyphens, symbols and note references inside a run (see docx_characters).

        A tab is a space here: in body text it only aligns what follows.
        """
        if tag == _W + "footnoteReference":
            number = self.footnote_start + self.footnote_count
            self.footnote_count += 1
            mark = self._note(el, "footnote", format_number(number, self.footnote_format) or str(number), out)
            anchored.footnotes.append(f"{mark} {self.footnotes.get(el.get(_W + 'id', ''), '')}".strip())
        elif tag == _W + "endnoteReference":
            number = self.endnote_start + self.endnote_count
            self.endnote_count += 1
            mark = self._note(el, "endnote", format_number(number, self.endnote_format) or str(number), out)
            anchored.endnotes.append(f"{mark} {self.endnotes.get(el.get(_W + 'id', ''), '')}".strip())
        else:
            shown = shown_character(el)
            out.append(" " if shown == "\t" else shown)

    def _collect(self, el: etree._Element, out: list[str], anchored: Anchored) -> None:
        for child in el:
            tag = child.tag
            if tag == T:
                out.append(child.text or "")
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            elif tag == R and _hidden(child):
                continue
            elif tag in _SPECIAL:
                self._special(child, tag, out, anchored)
            elif tag in SHAPES:
                for box in text_boxes(child):
                    self._text_box(box, anchored)
            elif tag == _MC + "AlternateContent":
                branch = one_branch(child)
                if branch is not None:
                    self._collect(branch, out, anchored)
            elif tag == P:  # a nested paragraph: keep its words apart
                out.append(" ")
                self._collect(child, out, anchored)
            else:
                self._collect(child, out, anchored)

    def _text_box(self, box: etree._Element, anchored: Anchored) -> None:
        """A text box's paragraphs (and table rows) as lines, in order; nested boxes after."""
        for child in box:
            tag = child.tag
            if tag == P:
                inner = Anchored()
                anchored.text_boxes += self._text(child, inner, keep_breaks=True).splitlines()
                anchored.extend(inner)
            elif tag == TBL:
                for row in child.iter(TR):
                    inner = Anchored()
                    cells = [
                        " ".join(t for t in (self._text(p, inner) for p in cell.iter(P)) if t)
                        for cell in row.iter(TC)
                        if cell.getparent() is row
                    ]
                    if any(cells):
                        anchored.text_boxes.append(" | ".join(cells))
                    anchored.extend(inner)
            elif tag in (_W + "sdt", _W + "customXml", _W + "ins", _W + "moveTo"):
                inner_box = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
                if inner_box is not None:
                    self._text_box(inner_box, anchored)

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
        if custom is not None:
            for prop in custom:
                value = "".join(prop.itertext()).strip()
                if value:
                    doc.property_text.append(f"{prop.get('name', '')}: {value}")
        reader.fast = False  # headers are small, and may hold text boxes the fast path would double
        for name in sorted(package.names()):
            if re.fullmatch(r"word/header\d*\.xml", name):
                root = package.xml(name)
                if root is not None:
                    for p in root.iter(P):
                        if in_text_box(p, root):
                            continue  # read with the paragraph it is anchored in
                        boxes = Anchored()
                        text = reader._text(p, boxes)
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
