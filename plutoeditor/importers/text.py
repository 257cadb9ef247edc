"""Import plain-text and Markdown policies as they are really written.

Plain text: paragraphs are separated by blank lines, and also by single newlines when the
next line starts with a label ("2.7.1 Payment Gateways;" lists) or the line before is short
(address blocks). Long lines followed by a line without a label are one wrapped paragraph.
Markdown (by extension, or by its headings and front matter) goes through `markdown.py`.
"""

from __future__ import annotations

import os
import re

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.files import decode_text, read_bytes
from plutoeditor.importers.labels import is_bare_number, split_label
from plutoeditor.importers.structure import Block, build_policy
from plutoeditor.model.policy import Policy

#: Wrapped lines are at least this long; shorter lines end their paragraph.
WRAP_WIDTH = 60
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_MARKDOWN_HINT = re.compile(
    r"^(?:#{1,6}\s+\S|---\s*$|\*\*[^*\n]+\*\*|[=-]{3,}\s*$|\s*[-*+]\s+\S)", re.MULTILINE
)
_BULLET = re.compile(r"[-*•◦▪‣–]\s+(?=\S)")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ODD_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u3000\t\f\v"
_INVISIBLE = re.compile(f"[{_ZERO_WIDTH}{_ODD_SPACES}]")


def normalise(text: str) -> str:
    """Zero-width characters removed, non-breaking and odd spaces made plain, newlines unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub(lambda m: "" if m.group() in _ZERO_WIDTH else " ", text)


def looks_like_markdown(text: str, path: str = "") -> bool:
    """Markdown by extension, or by at least two Markdown constructs in the first lines."""
    if path.lower().endswith(_MARKDOWN_SUFFIXES):
        return True
    if path.lower().endswith((".txt", ".text")):
        return False
    return len(_MARKDOWN_HINT.findall(text[:20000])) >= 2


def text_blocks(text: str) -> list[Block]:
    """Paragraphs of a plain-text document with their 1-based starting lines.

    Bullet lines ("- ", "* ", "• ") become unlabelled list items, nested by indentation.
    """
    blocks: list[Block] = []
    lines: list[str] = []
    start = 0
    previous = ""
    bullet: int | None = None  # list level of the open bullet item
    indents: list[int] = []

    def flush() -> None:
        if lines:
            joined = " ".join(lines)
            blocks.append(Block(joined, start) if bullet is None else Block(joined, start, "", None, bullet))
            lines.clear()

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            flush()
            previous = ""
            continue
        if marker := _BULLET.match(line):
            flush()
            indent = len(raw) - len(raw.lstrip())
            while indents and indent < indents[-1]:
                indents.pop()
            if not indents or indent > indents[-1]:
                indents.append(indent)
            bullet, start, previous = len(indents) - 1, number, line
            lines.append(line[marker.end() :])
            continue
        if lines:
            label = split_label(line)[0]
            wrapped = len(previous) >= WRAP_WIDTH and not previous.endswith(":")
            if (label and not (is_bare_number(label) and wrapped)) or not wrapped:
                flush()
        if not lines:
            start, bullet = number, None
            indents.clear()
        lines.append(line)
        previous = line
    flush()
    return blocks


def import_text(text: str, path: str = "<text>") -> Policy:
    """A policy from plain text or Markdown; raises PolicyFileError when nothing is recognisable."""
    text = normalise(text)
    if not text.strip():
        raise PolicyFileError(path, "file is empty")
    if looks_like_markdown(text, path):
        from plutoeditor.importers.markdown import markdown_blocks

        blocks, front_title = markdown_blocks(text)
        policy = build_policy(blocks, path, guess_headings=False)
        if front_title:
            policy.metadata.title = front_title
    else:
        policy = build_policy(text_blocks(text), path)
    if not policy.clauses:
        raise PolicyFileError(path, "no clauses found: the file has a title or dates but no policy text", 1)
    return policy


def import_file(path: str | os.PathLike[str]) -> Policy:
    """Import a .txt or .md file; bad input (binary, not UTF-8, empty, huge) is a PolicyFileError."""
    name = str(path)
    text = decode_text(name, read_bytes(path))
    return import_text(text, name)
