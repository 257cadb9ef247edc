"""Run-in headings and labels typed before a tab in Word.

"1. Confidentiality. Each party ..." with the first words bold or underlined: they are the
clause's heading, as the Markdown importer reads "1. **Confidentiality.** Each party ...".

A run-in heading is the paragraph's leading emphasised text (bold or underlined directly on
its runs; a style that makes the whole paragraph bold emphasises nothing apart), at most 12
words, that ends in "." or ":" or is followed by one, with more text after it. A paragraph
that is emphasised from start to end has no run-in heading: it is all heading or all text.
A tab after a few typed characters ("6<tab>...") marks them as the paragraph's label.
"""

from __future__ import annotations

from lxml import etree

from plutoeditor.formats.word_vocabulary import W
from plutoeditor.importers.docx_clauses import shown_in_paragraph

_W = f"{{{W}}}"
_OFF = ("false", "0", "off", "none")
#: Runs below these are not shown as the paragraph's own text.
_MAX_WORDS = 12
_ENDINGS = (".", ":", "：")  # and the full-width colon of CJK text


def _emphasised(run: etree._Element) -> bool | None:
    """Bold or underlined directly; None for a hidden run (not shown)."""
    rpr = run.find(_W + "rPr")
    if rpr is None:
        return False
    if _on(rpr.find(_W + "vanish")):
        return None
    underline = rpr.find(_W + "u")
    underlined = underline is not None and underline.get(_W + "val", "single") not in _OFF
    return _on(rpr.find(_W + "b")) or underlined


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(_W + "val", "true") not in _OFF


def _pieces(p: etree._Element, tabs: str = " ") -> list[tuple[str, bool]]:
    """(text, emphasised) of the paragraph's first line, in order; a tab reads as `tabs`."""
    pieces: list[tuple[str, bool]] = []
    for run in p.iter(_W + "r"):
        if not shown_in_paragraph(run, p):
            continue
        emphasised = _emphasised(run)
        if emphasised is None:
            continue
        for child in run:
            if child.tag == _W + "t":
                pieces.append((child.text or "", emphasised))
            elif child.tag == _W + "tab":
                pieces.append((tabs, emphasised))
            elif child.tag in (_W + "br", _W + "cr"):
                return pieces
    return pieces


def lead_before_tab(p: etree._Element) -> str | None:
    """What a Word user typed before the paragraph's first tab, when that is short ("6" in
    "6<tab>The applicant ..."): a tab there sets a typed label apart, as the hanging indent
    of automatic numbering does. None when the paragraph has no such tab."""
    lead = ""
    for text, _ in _pieces(p, tabs="\t"):
        if text == "\t":
            lead = lead.strip()
            return lead if 0 < len(lead) <= 8 else None
        lead += text
        if len(lead) > 8:
            return None
    return None


def run_in_heading(p: etree._Element, first_line: str) -> str | None:
    """The run-in heading that starts `first_line` (the paragraph's text as read), or None."""
    pieces = _pieces(p)
    lead = ""
    i = 0
    while i < len(pieces) and (pieces[i][1] or not lead.strip()):
        if not pieces[i][1] and pieces[i][0].strip():
            return None  # plain text comes first
        lead += pieces[i][0]
        i += 1
    after = "".join(text for text, _ in pieces[i:])
    heading = " ".join(lead.split())
    if not heading or not after.strip() or len(heading.split()) > _MAX_WORDS:
        return None
    if not heading.endswith(_ENDINGS) and not after.lstrip().startswith(_ENDINGS):
        return None
    if not first_line.startswith(heading) or not any(ch.isalnum() for ch in text_after(first_line, heading)):
        return None
    return heading


def text_after(text: str, heading: str) -> str:
    """The paragraph's text after its run-in heading and the "." or ":" closing it."""
    rest = text[len(heading) :].lstrip()
    if not heading.endswith(_ENDINGS) and rest.startswith(_ENDINGS):
        rest = rest[1:].lstrip()
    return rest
