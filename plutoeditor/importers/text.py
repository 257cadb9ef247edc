"""Import plain-text and Markdown policies as they are really written.

Plain text: paragraphs are separated by blank lines, and also by single newlines when the
line before is short (address blocks) or the next line starts a clause ("2.7.1 Payment
Gateways;" lists). Long lines followed by a line without a label are one wrapped paragraph;
a wrapped line may start with a number ("... kept for\n3 months"), so a number there starts
a clause only when it is the next label in sequence or follows the end of a sentence.
Markdown (by extension, or by its headings and front matter) goes through `markdown.py`.
"""

from __future__ import annotations

import os
import re

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.files import decode_source, read_bytes
from plutoeditor.gc_pause import no_cycle_collection
from plutoeditor.importers.labels import decimal_parts, follows, is_bare_number, split_label
from plutoeditor.importers.scopes import build_scoped_policy
from plutoeditor.importers.structure import Block
from plutoeditor.model.policy import Policy

#: Wrapped lines are at least this long; shorter lines end their paragraph.
WRAP_WIDTH = 60
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_MARKDOWN_HINT = re.compile(
    r"^(?:#{1,6}\s+\S|---\s*$|\*\*[^*\n]+\*\*|[=-]{3,}\s*$|\s*[-*+]\s+\S)", re.MULTILINE
)
_BULLET_MARKS = "-*•◦▪‣–"
_BULLET = re.compile(rf"[{re.escape(_BULLET_MARKS)}]\s+(?=\S)")  # a mark, then the item
_ZERO_WIDTH = "\u200b\u2060\ufeff\u00ad"
#: Zero-width (non-)joiners spell words in Persian and Indic scripts and join emoji: kept
#: between two such characters, dropped next to a space, an ASCII character or a line end.
_STRAY_JOINER = re.compile(r"(?:(?<=[\x00-\x7f])|^)[\u200c\u200d]+|[\u200c\u200d]+(?=[\x00-\x7f]|$)", re.M)
_ODD_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u3000\t\f\v"
_SENTENCE_END = (".", ";", ":", "!", "?")
# A line ending in one of these words stops mid-sentence: the next line carries it on, even
# when that line is short or starts with a number ("required by section\n7.  This applies").
_OPEN_END = re.compile(
    r"\b(?:the|a|an|of|to|in|on|at|by|for|from|with|under|and|or|nor|but|either|neither|than|that|"
    r"which|who|whose|as|per|its|their|your|our|this|these|is|are|be|been|may|shall|must|will|"
    r"section|sections|clause|clauses|article|articles|paragraph|paragraphs|schedule|annex|"
    r"appendix|note|item|items|no|number)$",
    re.IGNORECASE,
)
_REFERENCE_END = re.compile(
    r"\b(?:section|sections|clause|clauses|article|articles|paragraph|paragraphs|schedule|annex|"
    r"appendix|note|item|items|no\.?|number)$",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Zero-width characters removed (joiners inside a word kept), non-breaking and odd spaces
    made plain, newlines unified."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # one character at a time: a search for one character skips through 1.5 MB at memory
    # speed (or not at all when the page has no character that wide), a pattern does not
    for mark in _ZERO_WIDTH:
        if mark in text:
            text = text.replace(mark, "")
    for space in _ODD_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return _STRAY_JOINER.sub("", text) if "\u200c" in text or "\u200d" in text else text


def looks_like_markdown(text: str, path: str = "") -> bool:
    """Markdown by extension, or by at least two Markdown constructs in the first lines."""
    if path.lower().endswith(_MARKDOWN_SUFFIXES):
        return True
    if path.lower().endswith((".txt", ".text")):
        return False
    return len(_MARKDOWN_HINT.findall(text[:20000])) >= 2


def _starts_clause(label: str, rest: str, previous: str, open_parts: tuple[int, ...]) -> bool:
    """Whether a labelled line after a long (possibly wrapped) line starts a new clause.

    After the end of a sentence it does; "(a)" always does. Mid-sentence, a number followed
    by a lower-case word or unit ("3 months", "2.5 million") continues the sentence, "2.7.1"
    and "6." start a clause, and a bare "2" does only when it is the next label in sequence.
    """
    if previous.endswith(_SENTENCE_END):
        return True
    if _REFERENCE_END.search(previous) and label[:1].isdigit():
        return False  # "... required by section" + "7.  This applies": the number is the reference
    parts = decimal_parts(label)
    if parts is None:
        return True
    if rest[:1].islower() or rest[:1] == "%":
        return False
    return not is_bare_number(label) or follows(open_parts, parts)


def _mid_sentence(previous: str, line: str) -> bool:
    """Whether a short line stops mid-sentence and `line` carries the sentence on.

    "The Licensor may provide the Work either" + "in source form ...": a line that ends
    without punctuation and is followed by a lower-case word, or that ends in a word no
    sentence or heading ends with, was broken where the line ran out.
    """
    if previous.endswith(_SENTENCE_END) or previous.endswith(("!", "?")):
        return False
    return (line[:1].islower() and previous[-1:].isalpha() or previous.endswith(",")) or bool(
        _OPEN_END.search(previous)
    )


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
    open_parts: tuple[int, ...] = ()  # the last decimal label that started a paragraph

    after_blank = True  # the open paragraph follows a blank line or starts the file

    def flush() -> None:
        if lines:
            joined = " ".join(lines)
            block = Block(joined, start) if bullet is None else Block(joined, start, "", None, bullet)
            block.blank_before = after_blank
            blocks.append(block)
            lines.clear()

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if lines:
                flush()
            previous = ""
            continue
        if line[0] in _BULLET_MARKS and (marker := _BULLET.match(line)):
            flush()
            after_blank = not previous
            indent = len(raw) - len(raw.lstrip())
            while indents and indent < indents[-1]:
                indents.pop()
            if not indents or indent > indents[-1]:
                indents.append(indent)
            bullet, start, previous = len(indents) - 1, number, line
            lines.append(line[marker.end() :])
            continue
        label, rest = split_label(line)
        if lines:
            wrapped = (len(previous) >= WRAP_WIDTH and not previous.endswith(":")) or _mid_sentence(
                previous, line
            )
            if not wrapped or (label and _starts_clause(label, rest, previous, open_parts)):
                flush()
        if not lines:
            after_blank = not previous
            start, bullet = number, None
            indents.clear()
            open_parts = decimal_parts(label) or open_parts if label else open_parts
        lines.append(line)
        previous = line
    flush()
    return blocks


def import_text(text: str, path: str = "<text>") -> Policy:
    """A policy from plain text or Markdown; raises PolicyFileError when nothing is recognisable."""
    text = normalise(text)
    if not text.strip():
        raise PolicyFileError(path, "file is empty")
    with no_cycle_collection():  # a page's blocks and clauses (30,000 of each) all stay alive
        if looks_like_markdown(text, path):
            from plutoeditor.importers.markdown import markdown_blocks

            blocks, front_title = markdown_blocks(text)
            policy = build_scoped_policy(blocks, text, path, markdown=True)
            if front_title:
                policy.metadata.title = front_title
        else:
            policy = build_scoped_policy(text_blocks(text), text, path, markdown=False)
    if not policy.clauses:
        raise PolicyFileError(path, "no clauses found: the file has a title or dates but no policy text", 1)
    return policy


def import_file(path: str | os.PathLike[str]) -> Policy:
    """Import a .txt or .md file; bad input (binary, not UTF-8, empty, huge) is a PolicyFileError."""
    name = str(path)
    text, note = decode_source(name, read_bytes(path))
    policy = import_text(text, name)
    if note:
        policy.import_notes.insert(0, note)
    return policy
