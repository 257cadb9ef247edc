"""The visible text of a Word paragraph: its runs as Word shows them, tracked changes accepted.

Text in w:ins and w:moveTo is read, w:del and w:moveFrom are not; hidden runs (w:vanish),
field codes, comment marks and embedded objects are left out. Breaks, tabs, hyphens and
symbols read as `docx_characters` says (a tab as a space: in body text it only aligns what
follows); a note reference writes its mark and gives the note's text to the paragraph
(`docx_notes`); a text box in a run is read once (one branch of mc:AlternateContent) into
lines the paragraph carries (`docx_anchored`). In a document with none of that markup, lxml
gathers the text tags in C instead of walking every element in Python (3x faster).
"""

from __future__ import annotations

from lxml import etree

from plutoeditor.formats.word_vocabulary import MARKUP_COMPATIBILITY, W
from plutoeditor.importers.docx_anchored import SHAPES, Anchored, one_branch, text_boxes
from plutoeditor.importers.docx_characters import CHARACTER_TAGS, shown_character
from plutoeditor.importers.docx_notes import NOTE_REFERENCES, Notes

_W = f"{{{W}}}"
_VAL = _W + "val"
_MC = f"{{{MARKUP_COMPATIBILITY}}}"

T, P, R, TBL, TR, TC = (_W + n for n in ("t", "p", "r", "tbl", "tr", "tc"))
_SKIP = {  # subtrees whose text Word does not show as body text (or shows elsewhere)
    _W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "pPr", _W + "rPr",
    _W + "object", _MC + "Fallback", _W + "commentReference",
    _W + "annotationRef", _W + "footnoteRef", _W + "endnoteRef", _W + "fldData",
}  # fmt: skip
CHANGE_TAGS = (_W + "ins", _W + "del", _W + "moveFrom", _W + "moveTo")
_SLOW_TAGS = (
    *CHANGE_TAGS,
    _W + "drawing",
    _W + "pict",
    _W + "object",
    _MC + "AlternateContent",
    _W + "vanish",
)
_TEXT_TAGS = (T, *CHARACTER_TAGS, *NOTE_REFERENCES, P)
_SPECIAL = frozenset(_TEXT_TAGS) - {T, P}
#: Containers whose content reads as if they were not there (content controls, insertions).
TRANSPARENT = (_W + "sdt", _W + "customXml", _W + "ins", _W + "moveTo")


def clean(raw: str, keep_breaks: bool) -> str:
    """Lines stripped and empty ones left out; joined by "\\n" with `keep_breaks`, else spaces."""
    lines = (line.strip() for line in raw.split("\n"))
    return ("\n" if keep_breaks else " ").join(line for line in lines if line)


def content(container: etree._Element) -> etree._Element | None:
    """What a TRANSPARENT element holds: a content control's w:sdtContent, else the element."""
    return container.find(_W + "sdtContent") if container.tag == _W + "sdt" else container


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish), which Word does not display."""
    rpr = run[0] if len(run) and run[0].tag == _W + "rPr" else None
    if rpr is None:
        return False
    vanish = rpr.find(_W + "vanish")
    return vanish is not None and vanish.get(_VAL, "true") not in ("false", "0", "off")


class ParagraphText:
    """Reads paragraphs' text in document order; note references are numbered by `notes`."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.fast = False  # gather text tags in C: only for a body without SLOW markup

    def choose_path(self, body: etree._Element) -> None:
        """The fast path for a body without tracked changes, drawings, alternate content or
        hidden text."""
        self.fast = not any(next(body.iter(tag), None) is not None for tag in _SLOW_TAGS)

    def text(self, p: etree._Element, anchored: Anchored, keep_breaks: bool = False) -> str:
        """The paragraph's visible text with tracked changes accepted.

        Line breaks become spaces, or "\n" with `keep_breaks` (a soft break starts a new line
        for the reader, as in a text file). Text boxes and notes go to `anchored`.
        """
        return clean(self.raw(p, anchored), keep_breaks)

    def raw(self, p: etree._Element, anchored: Anchored) -> str:
        """The paragraph's visible text as Word stores it, breaks as "\\n", not yet cleaned."""
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

    def _special(self, el: etree._Element, tag: str, out: list[str], anchored: Anchored) -> None:
        """Tabs, breaks, hyphens, symbols and note references inside a run."""
        if tag in NOTE_REFERENCES:
            self.notes.reference(el, out, anchored)
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
                anchored.text_boxes += self.text(child, inner, keep_breaks=True).splitlines()
                anchored.extend(inner)
            elif tag == TBL:
                for row in child.iter(TR):
                    inner = Anchored()
                    cells = [
                        " ".join(t for t in (self.text(p, inner) for p in cell.iter(P)) if t)
                        for cell in row.iter(TC)
                        if cell.getparent() is row
                    ]
                    if any(cells):
                        anchored.text_boxes.append(" | ".join(cells))
                    anchored.extend(inner)
            elif tag in TRANSPARENT:
                inner_box = content(child)
                if inner_box is not None:
                    self._text_box(inner_box, anchored)
