"""What a Word paragraph carries besides its own text: text boxes and note texts.

A floating text box (DrawingML wps:txbx, or legacy VML v:textbox) sits in a run of the
paragraph that anchors it; Word usually saves it twice, as mc:AlternateContent with a
DrawingML Choice and a VML Fallback, so exactly one branch is read. Its paragraphs, and the
paragraph's footnote and endnote texts, become further lines of the paragraph's clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from plutoeditor.formats.word_vocabulary import MARKUP_COMPATIBILITY, W

_W = f"{{{W}}}"
_MC = f"{{{MARKUP_COMPATIBILITY}}}"
SHAPES = (_W + "drawing", _W + "pict")  # hold text boxes (wps:txbx, v:textbox)
TEXT_BOX = _W + "txbxContent"


@dataclass
class Anchored:
    """What a paragraph carries beside its own text: text-box lines and its notes."""

    text_boxes: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # "[1] text"
    endnotes: list[str] = field(default_factory=list)  # "[i] text"

    def lines(self) -> list[str]:
        """In reading order: what is on the page beside the paragraph, then the notes."""
        return [*self.text_boxes, *self.footnotes, *self.endnotes]

    def extend(self, other: Anchored) -> None:
        self.text_boxes += other.text_boxes
        self.footnotes += other.footnotes
        self.endnotes += other.endnotes


def text_boxes(shape: etree._Element) -> list[etree._Element]:
    """The outermost text boxes in a drawing or VML shape, one branch of alternate content.

    A box inside a box is read with the outer box's paragraphs.
    """
    found: list[etree._Element] = []
    for child in shape:
        tag = child.tag
        if tag == TEXT_BOX:
            found.append(child)
        elif tag == _MC + "AlternateContent":
            branch = one_branch(child)
            if branch is not None:
                found += text_boxes(branch)
        elif isinstance(tag, str):
            found += text_boxes(child)
    return found


def one_branch(alternate: etree._Element) -> etree._Element | None:
    """The one branch of mc:AlternateContent to read, so its content is not read twice.

    The first mc:Choice, as Word reads it; the mc:Fallback only when there is no Choice or
    only it holds a text box (a Choice we cannot read, e.g. a chart, beside a VML box).
    """
    choice = alternate.find(_MC + "Choice")
    fallback = alternate.find(_MC + "Fallback")
    if choice is None or fallback is None:
        return choice if choice is not None else fallback
    if next(choice.iter(TEXT_BOX), None) is None and next(fallback.iter(TEXT_BOX), None) is not None:
        return fallback
    return choice


def in_text_box(p: etree._Element, container: etree._Element) -> bool:
    """A paragraph inside a text box below `container`."""
    for ancestor in p.iterancestors():
        if ancestor is container:
            return False
        if ancestor.tag == TEXT_BOX:
            return True
    return False
