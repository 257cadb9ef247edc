"""Build WordprocessingML paragraphs directly and fast, including tracked changes.

python-docx's `add_paragraph(style=name)` looks the style up by name on every call, which
takes minutes on a 10,000-clause policy; here paragraphs are plain lxml elements appended
to the body with cached style ids. Runs can be marked as inserted or deleted: real
<w:ins>/<w:del> revisions, so Word's and LibreOffice's Accept/Reject work on them.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from os import PathLike

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.files import write_atomic
from plutoeditor.model.tables import Table

#: Characters XML 1.0 forbids; a policy pasted from elsewhere may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

PLAIN, INSERTED, DELETED = "", "ins", "del"
#: Word's move revisions: the text left its old place (moveFrom) and arrived (moveTo).
MOVED_FROM, MOVED_TO = "moveFrom", "moveTo"

# Clark names, computed once: qn() on every element costs a fifth of a large export.
_P, _PPR, _PSTYLE, _VAL, _KEEP_NEXT, _PAGE_BREAK = (
    qn(n) for n in ("w:p", "w:pPr", "w:pStyle", "w:val", "w:keepNext", "w:pageBreakBefore")
)
_IND, _LEFT, _HANGING, _RPR, _R, _B, _T, _DEL_TEXT, _TAB = (
    qn(n) for n in ("w:ind", "w:left", "w:hanging", "w:rPr", "w:r", "w:b", "w:t", "w:delText", "w:tab")
)

_TBL = qn("w:tbl")
_NUMPR, _ILVL, _NUMID = (qn(n) for n in ("w:numPr", "w:ilvl", "w:numId"))
_BOOKMARK_START, _BOOKMARK_END, _ID, _NAME = (
    qn(n) for n in ("w:bookmarkStart", "w:bookmarkEnd", "w:id", "w:name")
)

#: Twentieths of a point: the unit of Word indents. One indent step is 1.5 cm.
TWIPS_PER_CM = 567
INDENT_STEP = 851


@dataclass
class Run:
    """A piece of a paragraph: text (a "\\t" is a tab), bold or not, inserted/deleted or not."""

    text: str
    mark: str = PLAIN
    bold: bool = False


@dataclass
class Block:
    """One paragraph to write: its style, runs, indentation and revision mark.

    `left`/`hanging` are in twips (None keeps the style's indent); `mark` marks the
    paragraph mark itself as inserted or deleted, so accepting or rejecting a whole
    added or removed clause leaves no empty paragraph behind.
    """

    style: str
    runs: list[Run] = field(default_factory=list)
    left: int | None = None
    hanging: int = 0
    page_break_before: bool = False
    keep_with_next: bool = False
    mark: str = PLAIN
    bookmark: str = ""  # a hidden bookmark starting at this paragraph (see importers.docx_clauses)
    table: Table | None = None  # written as a Word table instead of a paragraph (see docx_table)
    #: Word's automatic number for the label: (list, level), see docx_list_numbering.
    number: tuple[int, int] | None = None


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text) if not text.isprintable() else text


class BodyWriter:
    """Appends Blocks to a document body, numbering revisions as Word requires."""

    def __init__(
        self,
        document: DocxDocument,
        style_ids: dict[str, str],
        author: str = "PlutoEditor",
        date: dt.datetime | None = None,
    ) -> None:
        self.document = document
        self.body = document.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.style_ids = style_ids
        self.author = author
        self.date = (date or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._next_id = 1  # revisions and bookmarks: each w:id unique in the document
        self._bookmark_ids: dict[str, int] = {}
        #: numId elements written, with the list they belong to (numIds are set once known)
        self.numbered: list[tuple[etree._Element, int]] = []

    def end_bookmark(self, paragraph: etree._Element, name: str) -> None:
        """End the bookmark `name` at the end of `paragraph` (a range may span many paragraphs)."""
        etree.SubElement(paragraph, _BOOKMARK_END).set(_ID, str(self._bookmark_ids.pop(name)))

    def move_range(self, paragraph: etree._Element, mark: str, name: str, start: bool) -> None:
        """Open (at the start of `paragraph`) or close (at its end) the range of the move
        `name`, as Word writes it around moveFrom / moveTo content ("move1" on both sides)."""
        key = f"{mark}:{name}"
        if start:
            element = paragraph.makeelement(qn(f"w:{mark}RangeStart"), {})
            element.set(_ID, str(self._next_id))
            element.set(qn("w:author"), self.author)
            element.set(qn("w:date"), self.date)
            element.set(_NAME, name)
            self._bookmark_ids[key] = self._next_id
            self._next_id += 1
            ppr = paragraph.find(_PPR)
            if ppr is not None:
                ppr.addnext(element)
            else:
                paragraph.insert(0, element)
        else:
            etree.SubElement(paragraph, qn(f"w:{mark}RangeEnd")).set(_ID, str(self._bookmark_ids.pop(key)))

    def _append(self, element: etree._Element) -> None:
        if self.sect_pr is not None:
            self.sect_pr.addprevious(element)
        else:
            self.body.append(element)

    def _revision(self, parent: etree._Element, mark: str) -> etree._Element:
        element = etree.SubElement(parent, qn(f"w:{mark}"))
        element.set(qn("w:id"), str(self._next_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        self._next_id += 1
        return element

    def paragraph(self, block: Block) -> etree._Element:
        """Append one paragraph; consecutive runs with the same mark share one revision."""
        p = self.make_paragraph(block)
        self._append(p)
        return p

    def body_ends_with_table(self) -> bool:
        last = (
            self.sect_pr.getprevious()
            if self.sect_pr is not None
            else (self.body[-1] if len(self.body) else None)
        )
        return last is not None and last.tag == _TBL

    def append(self, element: etree._Element) -> None:
        """Append a body element (a table) before the section properties."""
        self._append(element)

    def make_paragraph(self, block: Block) -> etree._Element:
        """One paragraph element, not yet placed (a table cell's, or the body's)."""
        p = self.body.makeelement(_P, {})
        ppr = etree.SubElement(p, _PPR)
        etree.SubElement(ppr, _PSTYLE).set(_VAL, self.style_ids.get(block.style, block.style))
        if block.keep_with_next:
            etree.SubElement(ppr, _KEEP_NEXT)
        if block.page_break_before:
            etree.SubElement(ppr, _PAGE_BREAK)
        if block.number is not None:
            numpr = etree.SubElement(ppr, _NUMPR)
            etree.SubElement(numpr, _ILVL).set(_VAL, str(block.number[1]))
            num_id = etree.SubElement(numpr, _NUMID)
            num_id.set(_VAL, str(block.number[0]))
            self.numbered.append((num_id, block.number[0]))
        if block.left is not None:
            ind = etree.SubElement(ppr, _IND)
            ind.set(_LEFT, str(block.left))
            if block.hanging:
                ind.set(_HANGING, str(block.hanging))
        if block.mark:
            self._revision(etree.SubElement(ppr, _RPR), block.mark)
        if block.bookmark:
            start = etree.SubElement(p, _BOOKMARK_START)
            start.set(_ID, str(self._next_id))
            start.set(_NAME, block.bookmark)
            self._bookmark_ids[block.bookmark] = self._next_id
            self._next_id += 1
        holder, holder_mark = p, PLAIN
        for run in block.runs:
            if not run.text:
                continue
            if run.mark != holder_mark:
                holder = self._revision(p, run.mark) if run.mark else p
                holder_mark = run.mark
            self._add_run(holder, run)
        return p

    def _add_run(self, parent: etree._Element, run: Run) -> None:
        r = etree.SubElement(parent, _R)
        if run.bold:
            etree.SubElement(etree.SubElement(r, _RPR), _B)
        text_tag = _DEL_TEXT if run.mark in (DELETED, MOVED_FROM) else _T
        for i, piece in enumerate(xml_text(run.text).split("\t")):
            if i:
                etree.SubElement(r, _TAB)
            if piece:
                t = etree.SubElement(r, text_tag)
                t.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    t.set(_XML_SPACE, "preserve")


def field_runs(paragraph: etree._Element, instruction: str, placeholder: str) -> None:
    """Append a complex field (PAGE, NUMPAGES) that Word and LibreOffice update themselves."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("result", placeholder)):
        r = etree.SubElement(paragraph, qn("w:r"))
        if kind == "instr":
            t = etree.SubElement(r, qn("w:instrText"))
            t.text = f" {text} "
            t.set(_XML_SPACE, "preserve")
        elif kind == "result":
            etree.SubElement(r, qn("w:t")).text = text
        else:
            etree.SubElement(r, qn("w:fldChar")).set(qn("w:fldCharType"), kind)
    r = etree.SubElement(paragraph, qn("w:r"))
    etree.SubElement(r, qn("w:fldChar")).set(qn("w:fldCharType"), "end")


def text_run(paragraph: etree._Element, text: str) -> None:
    r = etree.SubElement(paragraph, qn("w:r"))
    t = etree.SubElement(r, qn("w:t"))
    t.text = xml_text(text)
    t.set(_XML_SPACE, "preserve")


def tab_run() -> etree._Element:
    r = OxmlElement("w:r")
    etree.SubElement(r, qn("w:tab"))
    return r


def save_document(document: DocxDocument, path: str | PathLike[str]) -> None:
    """Save through memory and write atomically: never a half-written .docx, and never one
    larger than PlutoEditor's own Word import accepts (what it writes, it opens again)."""
    buffer = BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    refuse_unopenable(data, str(path))
    write_atomic(path, data)


def refuse_unopenable(data: bytes, path: str) -> None:
    """PolicyFileError when a .docx would exceed the import limits of formats.docx_package."""
    from plutoeditor.formats import docx_package as limits

    def too_large(what: str, size: int, limit: int) -> PolicyFileError:
        return PolicyFileError(
            path,
            f"not written: {what} would be {size / 2**20:.1f} MiB and PlutoEditor opens Word files "
            f"with at most {limit / 2**20:.0f} MiB there, so it could not open this one again; "
            "export HTML or PDF instead",
        )

    if len(data) > limits.MAX_PACKAGE_BYTES:
        raise too_large("the file", len(data), limits.MAX_PACKAGE_BYTES)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        xml_parts = [i for i in archive.infolist() if i.filename.endswith((".xml", ".rels"))]
    for info in xml_parts:
        if info.file_size > limits.MAX_PART_BYTES:
            raise too_large(info.filename, info.file_size, limits.MAX_PART_BYTES)
    total = sum(info.file_size for info in xml_parts)
    if total > limits.MAX_TOTAL_BYTES:
        raise too_large("its parts together", total, limits.MAX_TOTAL_BYTES)
