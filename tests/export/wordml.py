"""Reading exported .docx files back in tests: paragraphs, revisions, accepted/rejected text."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def body(path: Path) -> etree._Element:
    return part(path, "word/document.xml").find(f"{{{W}}}body")


def _run_text(run: etree._Element, deleted: bool) -> str:
    out = []
    for child in run:
        tag = etree.QName(child).localname
        if tag == "tab":
            out.append("\t")
        elif tag == ("delText" if deleted else "t"):
            out.append(child.text or "")
    return "".join(out)


def _mark(paragraph: etree._Element, kind: str) -> bool:
    return paragraph.find(f"w:pPr/w:rPr/w:{kind}", NS) is not None


def version_paragraphs(path: Path, accept: bool) -> list[str]:
    """Body paragraph texts after Accept All (accept=True) or Reject All (accept=False).

    Done the way Word does it: dropped runs vanish, and a paragraph whose mark is dropped
    joins the next paragraph.
    """
    # a move is a deletion where the text was (moveFrom) and an insertion where it went (moveTo)
    drop, keep = (
        (("del", "moveFrom"), ("ins", "moveTo")) if accept else (("ins", "moveTo"), ("del", "moveFrom"))
    )
    texts: list[str] = []
    carry = ""
    for p in body(path).findall("w:p", NS):
        pieces = []
        for child in p:
            tag = etree.QName(child).localname
            if tag == "r":
                pieces.append(_run_text(child, deleted=False))
            elif tag in keep:
                deleted = tag in ("del", "moveFrom")
                pieces.extend(_run_text(r, deleted=deleted) for r in child.findall("w:r", NS))
        text = carry + "".join(pieces)
        if any(_mark(p, kind) for kind in drop):
            carry = text
            continue
        carry = ""
        texts.append(text)
    return texts


def paragraph_texts(path: Path) -> list[str]:
    return ["".join(_run_text(r, False) for r in p.iter(f"{{{W}}}r")) for p in body(path).findall("w:p", NS)]
