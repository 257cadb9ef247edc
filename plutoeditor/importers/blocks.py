"""The paragraphs a document is read into, and the shapes of text the tree builder weighs.

The text, Markdown and Word importers turn their files into `Block`s; the builder decides
from their shape whether a short line is a heading, part of an address, or a schedule title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plutoeditor.importers.labels import split_label
from plutoeditor.importers.sequences import follows_label
from plutoeditor.model.labels import ATTACHMENT_PATTERN


@dataclass
class Block:
    """One paragraph (or heading, or list item) of a source document.

    `text` still starts with its label unless `label` is given (the source format knows the
    displayed label, e.g. Word automatic numbering or a Markdown ordered list; "" for a
    bullet when `list_level` is set, or for text that must not be read for a label, such as
    code). Further paragraphs that belong to the same item are separated by "\\n".
    `heading` is a run-in heading the format marked (Markdown "**Title.** text").
    `blank_before` is False for a plain-text paragraph that directly follows another line.
    `emphasised` is True for a paragraph written wholly in bold (Markdown "**Overview**").
    """

    text: str
    line: int | None = None
    label: str | None = None
    heading_level: int | None = None
    list_level: int | None = None
    heading: str | None = None
    blank_before: bool = True
    emphasised: bool = False


#: Attachment words of other languages that open a title ("Annexe 1 : Tarifs", "Anlage 2"); as
#: labels they are not read, so a title is the only place they mark a schedule.
_TITLE_WORDS = "annexe|anexo|anlage|anhang|allegato|bijlage|melléklet|příloha|załącznik"
SCHEDULE_TITLE = re.compile(
    rf"^(?:(?:{ATTACHMENT_PATTERN}|{_TITLE_WORDS})\b|.*\b(?:{ATTACHMENT_PATTERN})$)", re.IGNORECASE
)
_SENTENCE_END = (".", ";", ",", ":")
# "V. 2.0", "Version 1.1", "v3": part of a title block, never a heading over the clauses
_VERSION_LINE = re.compile(r"^(?:v\.?|version)\s*\d{1,3}(?:\.\d{1,3})*$", re.IGNORECASE)


def reads_as_heading(text: str, max_words: int = 12) -> bool:
    """Short, one line, no closing punctuation: reads as a heading, not a sentence."""
    if not text or "\n" in text or len(text) > 100 or text.isdigit():
        return False
    if text.endswith(_SENTENCE_END) or not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"'‘("):
        return False
    return len(text.split(None, max_words)) <= max_words and not _VERSION_LINE.match(text)


def reads_as_address(text: str) -> bool:
    """A short line of an address or contact block; a schedule's title never is one."""
    return (
        "\n" not in text
        and len(text) <= 80
        and not text.endswith(".")
        and len(text.split(None, 12)) <= 12
        and not SCHEDULE_TITLE.match(text)
    )


def label_of(block: Block) -> str:
    return block.label if block.label is not None else split_label(block.text.strip())[0]


def heads_run_on_group(blocks: list[Block], i: int) -> bool:
    """Whether the short line at `i` heads the first of groups whose numbering runs on.

    "Permission to Use" over "(1)", then "Permission to Distribute" over "(2)" and "(3)":
    the first line is a group heading like the later ones, not the document's title. It
    must stand right above a first label, and a later short line of its kind (beginning
    with the same word, as parallel group headings do) right above the label that comes
    next after the one before it.
    """
    text = blocks[i].text.strip()
    if i + 1 >= len(blocks) or not reads_as_heading(text):
        return False
    word = text.split()[0]
    previous = label_of(blocks[i + 1])
    if not previous or previous.strip("().:") not in ("1", "a", "A", "i", "I"):
        return False
    for j in range(i + 2, len(blocks) - 1):
        block = blocks[j]
        label = label_of(block)
        if label:
            previous = label
        elif (
            block.label is None and reads_as_heading(other := block.text.strip()) and other.split()[0] == word
        ):
            following = label_of(blocks[j + 1])
            if following and follows_label(previous, following):
                return True
    return False
