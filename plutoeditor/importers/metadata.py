"""Title, effective date and summary of changes from the top of an imported document.

These lines describe the policy rather than belong to it, so they become metadata and not
clauses: the title line, "This Privacy Policy is effective as of: 21st November 2022",
"_Last Updated: January 1, 2021_", and a "Summary of Update:" heading with its "1) ...",
"1. ...", "1 ..." or bulleted lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from plutoeditor.importers.blocks import heads_run_on_group
from plutoeditor.importers.dates import (
    find_effective_date,
    is_date_line,
    is_lone_date,
    parse_date,
    text_before_date,
)
from plutoeditor.importers.labels import split_label
from plutoeditor.model.policy import Metadata

if TYPE_CHECKING:
    from plutoeditor.importers.structure import Block

_SUMMARY_HEADING = re.compile(
    r"^(?:summary\s+of\s+(?:the\s+)?(?:updates?|changes|amendments|revisions)|"
    r"changes\s+(?:in|to)\s+this\s+(?:version|policy|notice)|what[’']?s\s+(?:new|changed)|recent\s+changes)"
    r"\s*:?$",
    re.IGNORECASE,
)
_SUMMARY_ENTRY = re.compile(r"^\s*(?:\(?\d{1,2}\)|[-*•\u2013])\s+(?P<entry>\S.*)$", re.DOTALL)
# "1. New address", "1 New address" (but not "1.1 ..."): the form the body's clauses also use
_NUMBERED_ENTRY = re.compile(r"^\s*(?P<number>\d{1,2})(?P<form>\.?)[ \t]+(?P<entry>\S.*)$", re.DOTALL)
_TITLE_FROM_SENTENCE = re.compile(
    r"\b[Tt]his\s+(?P<title>(?:[A-Z][\w’'-]*\s+){0,4}?"
    r"(?:Policy|Notice|Statement|Terms(?:\s+of\s+(?:Service|Use))?|Agreement|Conditions|Code\s+of\s+Conduct))\b"
)
_EFFECTIVE = re.compile(r"\beffective\b|\bin\s+force\b", re.IGNORECASE)
_FRONT_SCAN = 30  # an effective-date line is looked for among the first blocks only
#: "Version: 2.1", "Version 3.0 (March 2024)", "V. 2.0", "Ver. 4": the version field, not a clause.
_VERSION = re.compile(
    r"^[*_]*(?:version|ver\.|v\.?|revision|rev\.)[*_]*\s*(?:no\.?|number)?\s*:?[*_]*\s*v?"
    r"(?P<number>\d{1,4}(?:\.\d{1,3}){0,3})(?![\d/.-])",
    re.IGNORECASE,
)
#: A version named inside a date line: "Last updated on 1 May 2024 (Version 3)", "... | v2.1".
_VERSION_INSIDE = re.compile(
    r"(?:^|[\s(|,;–-])(?:version|ver\.|v\.?|revision|rev\.)\s*(?:no\.?|number)?\s*:?\s*v?"
    r"(?P<number>\d{1,4}(?:\.\d{1,3}){0,3})(?![\d/.-])",
    re.IGNORECASE,
)


def version_of(text: str) -> str | None:
    """The version number a short version line states, or None."""
    if len(text) > 80 or "\n" in text:
        return None
    m = _VERSION.match(text)
    if m is None:
        return None
    rest = text[m.end() :].strip(" _*")
    if rest and not rest.startswith(("(", ",", "-", "–", "|", "/")) and parse_date(rest) is None:
        return None  # "Version 2 of the licence applies to ..." is a sentence
    return m["number"]


def _title_like(block: Block, text: str) -> bool:
    if block.label or block.list_level is not None or "\n" in text:
        return False
    if block.heading_level is not None:  # "### The gist:" opens a section, it is not a title
        return not text.endswith(":") and not split_label(text)[0]
    return (
        len(text) <= 120
        and len(text.split()) <= 14
        and not text.endswith((".", ";", ",", ":"))
        and not split_label(text)[0]
    )


def _summary_entry(block: Block, text: str) -> str | None:
    if block.list_level is not None:
        return text
    m = _SUMMARY_ENTRY.match(text)
    return m.group("entry").strip() if m else None


def _numbered_entry(
    blocks: list[Block], i: int, previous: tuple[int, str] | None
) -> tuple[int, str, str] | None:
    """A "1. ..." / "1 ..." summary entry at blocks[i] as (number, form, text), or None.

    These look like the body's clauses, so the first one is an entry only when it does not
    start the body: not followed by its own sub-clause ("1 Introduction" then "1.1"), and,
    when it is a short heading-like line after a blank line, only when "2" follows. Later
    entries must continue the numbering in the same form ("1 Introduction" after "2." ends it).
    """
    block = blocks[i]
    if block.label is not None or block.heading_level is not None:
        return None
    m = _NUMBERED_ENTRY.match(block.text.strip())
    if m is None:
        return None
    number, form, entry = int(m.group("number")), m.group("form"), m.group("entry").strip()
    following = next((b.text.strip() for b in blocks[i + 1 :] if b.text.strip()), "")
    if re.match(rf"{number}\.\d", following):
        return None  # "1 Introduction" followed by "1.1 ...": the body starts here
    if previous is not None:
        return (number, form, entry) if (number, form) == (previous[0] + 1, previous[1]) else None
    if number != 1:
        return None
    heading_like = len(entry) <= 100 and len(entry.split()) <= 12 and not entry.endswith((".", ";", ",", ":"))
    if block.blank_before and heading_like:
        m2 = _NUMBERED_ENTRY.match(following)
        if not (m2 and m2.group("number") == "2" and m2.group("form") == form):
            return None
    return number, form, entry


def title_from_path(path: str) -> str:
    """A readable title from a file name: "pluto-privacy-2023-uk.txt" -> "Pluto privacy 2023 uk"."""
    name = Path(path).name if path and not path.startswith("<") else ""
    for suffix in (".policy.yaml", ".markdown", ".docx", ".txt", ".md", ".text"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    name = re.sub(r"[-_\s]+", " ", name).strip()
    return name[:1].upper() + name[1:]


def read_front(blocks: list[Block], path: str = "") -> tuple[Metadata, list[Block]]:
    """Metadata from the first blocks, and the blocks that remain for the clause tree."""
    meta = Metadata()
    date_text = ""
    i, n = 0, len(blocks)
    first = True
    while i < n:
        block = blocks[i]
        text = block.text.strip()
        if not text and not block.label and not block.heading:
            i += 1
            continue
        plain = block.label is None and block.list_level is None
        if plain and not meta.version and (number := version_of(text)) is not None:
            meta.version = number  # "Version: 2.1", also "Version 2.1, effective 1 May 2024"
            if meta.effective_date is None and is_date_line(text):
                meta.effective_date = find_effective_date(text)
                date_text = text
            i += 1
            first = False
            continue
        if plain and meta.effective_date is None and (is_date_line(text) or is_lone_date(text)):
            meta.effective_date = find_effective_date(text) or parse_date(text)
            date_text = text
            if not meta.version and (inside := _VERSION_INSIDE.search(text)):
                meta.version = inside["number"]  # "Last updated on 1 May 2024 (Version 3)"
            before = text_before_date(text)
            if first and block.heading_level is not None and before and not split_label(before)[0]:
                meta.title = before  # "## Firefox Privacy Notice *Effective September 26, 2017*"
            i += 1
            first = False
            continue
        if first and _title_like(block, text) and not heads_run_on_group(blocks, i):
            meta.title = text
            i += 1
            first = False
            continue
        if plain and date_text and is_date_line(text) and not split_label(text)[0]:
            # a second date line under the title ("Effective date: ..." then "Last updated: ..."):
            # the document's dates, not a clause; a stated effective date beats a last-updated one
            if _EFFECTIVE.search(text) and not _EFFECTIVE.search(date_text):
                meta.effective_date, date_text = find_effective_date(text), text
            if not meta.version and (inside := _VERSION_INSIDE.search(text)):
                meta.version = inside["number"]
            i += 1
            continue
        first = False
        if block.label is None and _SUMMARY_HEADING.match(text):
            i += 1
            numbered: tuple[int, str] | None = None
            while i < n:
                entry = _summary_entry(blocks[i], blocks[i].text.strip())
                if entry is None and (found := _numbered_entry(blocks, i, numbered)):
                    numbered, entry = found[:2], found[2]
                if entry is None:
                    if blocks[i].text.strip():
                        break
                else:
                    meta.summary_of_changes.append(entry)
                i += 1
            continue
        break
    body = blocks[i:]
    if meta.effective_date is None:
        # near the top, or a "Last updated: ..." line closing the document
        near_end = range(max(len(body) - 3, _FRONT_SCAN), len(body))
        last = max((j for j, b in enumerate(body) if b.text.strip()), default=-1)
        for j in [*range(min(_FRONT_SCAN, len(body))), *near_end]:
            block = body[j]
            text = block.text.strip()
            plain = block.label is None and block.heading_level is None and block.list_level is None
            # a date alone on the document's last line ("_30 May 2024_") dates this version
            if plain and (is_date_line(text) or (j == last and is_lone_date(text))):
                meta.effective_date = find_effective_date(text) or parse_date(text)
                date_text = text
                body = body[:j] + body[j + 1 :]
                break
    if not meta.title:
        # "This Privacy Policy is effective ...", "This Certification Practice Statement ("CPS") ..."
        for text in [date_text] + [b.text for b in body[:3] if b.label is None]:
            m = _TITLE_FROM_SENTENCE.search(text[:300])
            if m:
                meta.title = m.group("title")
                break
        else:
            meta.title = title_from_path(path)
            meta.guessed["title"] = meta.title
    return meta, body
