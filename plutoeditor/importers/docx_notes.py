"""Footnotes and endnotes: their texts, and the marks their references show in the body.

Word numbers notes in the order their references stand: footnotes 1, 2, 3 and endnotes
i, ii, iii by default, or as the document's settings and then its last section say
(w:footnotePr, w:endnotePr: number format and start). A reference writes its mark ("[1]")
into the paragraph's text, and the note's text ("[1] text") goes with the paragraph
(`docx_anchored`); the marks are remembered by note id, so the clause reader
(`docx_clauses`) writes the same ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from plutoeditor.formats.docx_package import DocxPackage
from plutoeditor.formats.word_vocabulary import W
from plutoeditor.importers.docx_anchored import Anchored, in_text_box
from plutoeditor.importers.docx_numbering import format_number, int_of, val_of

_W = f"{{{W}}}"
_P = _W + "p"
FOOTNOTE_REFERENCE = _W + "footnoteReference"
ENDNOTE_REFERENCE = _W + "endnoteReference"
NOTE_REFERENCES = (FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE)
_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")


@dataclass
class NoteSeries:
    """One kind of note: its texts by note id, and how its references are numbered."""

    kind: str  # "footnote" or "endnote", as in the part's tags
    number_format: str  # a w:numFmt value
    start: int = 1
    count: int = 0  # references read so far
    texts: dict[str, str] = field(default_factory=dict)

    def next_mark(self) -> str:
        """The mark of the next reference, as Word numbers it: "[1]", "[i]"."""
        number = self.start + self.count
        self.count += 1
        return f"[{format_number(number, self.number_format) or str(number)}]"

    def read_numbering(self, found: etree._Element) -> None:
        """The number format and start that settings or a section give, where they give them."""
        properties = found.find(f"{_W}{self.kind}Pr")
        if properties is not None:
            self.number_format = val_of(properties.find(_W + "numFmt")) or self.number_format
            self.start = int_of(val_of(properties.find(_W + "numStart"))) or self.start


class Notes:
    """The document's footnotes and endnotes, numbered as their references are read."""

    def __init__(self) -> None:
        self.footnotes = NoteSeries("footnote", "decimal")  # Word's default: 1, 2, 3
        self.endnotes = NoteSeries("endnote", "lowerRoman")  # Word's default: i, ii, iii
        self.marks: dict[str, str] = {}  # "footnote 3" / "endnote 3" -> the mark shown ("[1]")

    def read_texts(self, package: DocxPackage, paragraph_text: Callable[[etree._Element], str]) -> None:
        """Each note's text, its paragraphs (not those of its text boxes) read by `paragraph_text`.

        Footnotes are read first, so a reference inside an endnote finds its footnote's text.
        """
        for series in (self.footnotes, self.endnotes):
            series.texts = _note_texts(package.xml(f"word/{series.kind}s.xml"), series.kind, paragraph_text)

    def read_numbering(self, settings: etree._Element | None, section: etree._Element | None) -> None:
        """How notes are numbered: the document's settings, then its last section's (which Word
        lets override them)."""
        for found in (settings, section):
            if found is not None:
                self.footnotes.read_numbering(found)
                self.endnotes.read_numbering(found)

    def reference(self, el: etree._Element, out: list[str], anchored: Anchored) -> None:
        """A note reference: its mark into the text `out`, remembered by note id; the note's
        text, after the mark, to what the paragraph carries."""
        if el.tag == FOOTNOTE_REFERENCE:
            series, lines = self.footnotes, anchored.footnotes
        else:
            series, lines = self.endnotes, anchored.endnotes
        mark = series.next_mark()
        out.append(mark)
        note_id = el.get(_W + "id", "")
        self.marks[f"{series.kind} {note_id}"] = mark
        lines.append(f"{mark} {series.texts.get(note_id, '')}".strip())


def _note_texts(
    root: etree._Element | None, kind: str, paragraph_text: Callable[[etree._Element], str]
) -> dict[str, str]:
    notes: dict[str, str] = {}
    if root is None:
        return notes
    for note in root.iter(_W + kind):
        if note.get(_W + "type") in _NOT_NOTES:
            continue
        texts = [paragraph_text(p) for p in note.iter(_P) if not in_text_box(p, note)]
        notes[note.get(_W + "id", "")] = " ".join(t for t in texts if t)
    return notes
