"""A Word table of contents: navigation, not policy text, so the import leaves it out.

Word writes a table of contents as a TOC field (begin and end may be paragraphs apart), its
entries styled "toc 1" ... "toc 9" and usually inside a "Table of Contents" content control
with a "TOC Heading" paragraph ("Contents"). Each entry repeats a heading's number as typed
text ("1.<tab>Purpose<tab>3"), so read as paragraphs they would become clauses numbered
twice. Any one of these marks is enough: the control, the field or the entry styles.
"""

from __future__ import annotations

import re

from lxml import etree

from plutoeditor.formats.word_vocabulary import W

_W = f"{{{W}}}"
_CONTENTS_STYLE = re.compile(r"^(?:toc\s*[1-9]|toc\s*heading|table\s+of\s+figures)$", re.IGNORECASE)
_FIELD_PARTS = (_W + "fldChar", _W + "instrText", _W + "fldSimple")


def is_contents_control(sdt: etree._Element) -> bool:
    """A content control holding a table of contents (docPartGallery "Table of Contents")."""
    props = sdt.find(_W + "sdtPr")
    if props is None:
        return False
    gallery = props.find(f"{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and "table of contents" in gallery.get(_W + "val", "").lower()


def is_contents_style(name: str) -> bool:
    """The style of a table-of-contents entry or of its heading ("toc 2", "TOC Heading")."""
    return bool(_CONTENTS_STYLE.match(name.strip()))


class ContentsField:
    """Follows Word's fields through the body, paragraph by paragraph: is a paragraph part of
    a TOC field's result? Fields nest (each entry's PAGEREF sits inside the TOC)."""

    def __init__(self) -> None:
        self._open: list[bool] = []  # one per open field: is it a TOC field
        self._instruction = ""  # of the field just begun, until its separator

    def inside(self, p: etree._Element) -> bool:
        """Whether `p` is (partly) inside a TOC field; call once per body paragraph, in order."""
        was_inside = any(self._open)
        touched = was_inside
        for el in p.iter(*_FIELD_PARTS):
            tag = el.tag
            if tag == _W + "fldSimple":
                touched = touched or _is_toc(el.get(_W + "instr", ""))
            elif tag == _W + "instrText":
                self._instruction += el.text or ""
                if self._open and not self._open[-1] and _is_toc(self._instruction):
                    self._open[-1] = True
                    touched = True
            else:
                kind = el.get(_W + "fldCharType")
                if kind == "begin":
                    self._open.append(False)
                    self._instruction = ""
                elif kind == "end" and self._open:
                    self._open.pop()
        return touched


def _is_toc(instruction: str) -> bool:
    return instruction.strip().upper().startswith("TOC")
