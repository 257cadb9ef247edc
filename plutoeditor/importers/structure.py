"""Build a clause tree from a flat list of paragraphs, whatever file format they came from.

The text, Markdown and Word importers turn their files into `Block`s; `build_policy` reads
title, effective date and summary of changes from the top, then nests clauses by the LEVEL
of their labels ("2.7.1" is level 3) relative to the clauses still open, never by prefix:
"2.7.1" written after "2.16" becomes a child of 2.16, so the checks can report it.
Labels are kept exactly as written.

Unlabelled paragraphs (decisions, documented in the README):
- after a clause whose text ends with ":" and that reads like an address or contact list
  (short lines, no final full stop) -> further paragraphs of that clause;
- "Term: meaning" after a clause that introduces definitions -> DEFINITION children;
- after a heading (numbered or not) with no content yet -> its first unnumbered child;
- after the last item of a list whose parent has its own text ("in each case, ...") ->
  an unnumbered sibling of that parent (it closes the list); after a sub-clause of a section
  that is no lead-in ("2. Licence." then "2.1 ...") it stays in the section;
- otherwise -> an unnumbered sibling of the clause before it.
Short unlabelled lines without final punctuation that are followed by content become
unnumbered headings; "Cookie Schedule", "Schedule 1", "Annex A" start a SCHEDULE at top level.
A bare number ("10 Harbour Road") is a label only when it fits the numbering or introduces a
heading; a label alone on its line takes the next paragraph as its text, and so does a label
with a short title ("2.2. Contributor Grant.") when that paragraph is on the very next line
(the clause's `text_line` keeps where its text starts, for findings about it).
"""

from __future__ import annotations

from dataclasses import replace

from plutoeditor.importers.blocks import SCHEDULE_TITLE, Block, label_of, reads_as_heading
from plutoeditor.importers.clause_ids import assign_ids
from plutoeditor.importers.divisions import restarted_depth
from plutoeditor.importers.label_fit import bare_style, in_address, inline_item, plausible_number
from plutoeditor.importers.labels import is_bare_number, split_label
from plutoeditor.importers.metadata import read_front
from plutoeditor.importers.tree_builder import TreeBuilder
from plutoeditor.model.policy import Policy

__all__ = ["Block", "build_policy", "split_label"]


def build_policy(blocks: list[Block], path: str = "", *, guess_headings: bool = True) -> Policy:
    """A policy from the paragraphs of a document, labels kept exactly as written.

    `guess_headings`: treat short unlabelled lines as headings (plain text, Word without
    heading styles); Markdown passes False because it marks its headings.
    """
    metadata, body = read_front(blocks, path)
    builder = TreeBuilder(guess_headings)
    n = len(body)
    lone_numbers_are_labels = bare_style(body)
    i = 0
    while i < n:
        block = body[i]
        i += 1
        text = block.text.strip()
        if not text and block.label is None and not block.heading:
            continue
        if not lone_numbers_are_labels and block.label is None and text.isascii() and text.isdigit():
            continue  # a page number of a converted PDF: not part of any clause
        if block.label is not None:
            label, rest = block.label, text
            if (
                is_bare_number(label)
                and block.list_level is None
                and block.heading
                and not rest
                and not plausible_number(
                    label, f"{block.heading or ''} {rest}".strip(), builder.stack, builder.last_top_number
                )
            ):  # "**225 Liberty St, 4th Floor**" under "write to:" is an address, not clause 225
                text = " ".join(part for part in (label, block.heading, rest) if part)
                label, rest, block.heading = "", text, None
        else:
            label, rest = split_label(text)
            if (
                label
                and is_bare_number(label)
                and not plausible_number(
                    label, rest, builder.stack, builder.last_top_number, lone_numbers_are_labels
                )
            ):
                label, rest = "", text
            elif label and i >= 2 and inline_item(label, rest, body[i - 2].text):
                label, rest = "", text  # "... unless (a) such transfer ..., or" + "(b) the Client ..."
        if label or block.list_level is not None:
            body_below = False
            text_line = None
            if label and not rest and block.heading_level is None and i < n:
                nxt = body[i]  # a label alone on its line: its text is the next paragraph
                if nxt.label is None and nxt.heading_level is None and not split_label(nxt.text.strip())[0]:
                    rest, text_line = nxt.text.strip(), nxt.line
                    body_below = bool(block.heading)
                    i += 1
            elif label and i < n and _title_over_body(block, rest, body[i]):
                # "2.2. Contributor Grant." with its text on the very next line: its title and body
                block = replace(block, heading=rest)
                rest, text_line, body_below = body[i].text.strip(), body[i].line, True
                i += 1
            builder.next_block = body[i] if i < n else None
            builder.add_labelled(label, rest, block, body_below, text_line)
            continue
        if block.heading:  # a run-in heading on a paragraph that turned out to have no label
            text = f"{block.heading} {text}".strip()
        first = text.split("\n", 1)[0]
        if block.heading_level is not None:
            if SCHEDULE_TITLE.match(first):
                builder.add_schedule("", first, block)
            else:
                builder.add_labelled("", text, block)
            continue
        if block.emphasised and "\n" not in text and SCHEDULE_TITLE.match(text):
            builder.add_schedule("", text, block)  # "**Annex 2 – Security Measures**"
            continue
        if (block.emphasised or guess_headings) and reads_as_heading(text) and i < n:
            following = body[i]
            titled = following.heading is not None or following.heading_level is not None
            depth = restarted_depth(builder.stack, label_of(following), titled)
            if depth is not None:  # "**Specific Conditions**" then "I." again: a part of its own
                builder.add_part_heading(text, block, depth)
                continue
        if (
            (guess_headings or _capitals_over_list(block, text, body[i] if i < n else None))
            and reads_as_heading(text)
            and i < n
            and not in_address(builder.stack, text)
            and not builder.accepts_definition(text, _next_text(body, i))
        ):
            builder.add_unnumbered_heading(text, block)
            continue
        builder.add_paragraph(text, block.line, _next_text(body, i))
    clauses = builder.finish()
    assign_ids(clauses)
    return Policy(metadata, clauses)


def _capitals_over_list(block: Block, text: str, following: Block | None) -> bool:
    """A Markdown line in capitals right above a list that starts at 1 ("DEFINITIONS" then
    "1. ..."): a heading over its own list, though it has no heading markup."""
    letters = [ch for ch in text if ch.isalpha()]
    if following is None or len(letters) < 4 or not all(ch.isupper() for ch in letters):
        return False
    first = label_of(following).strip("().")
    return first in ("1", "a", "A") and bool(following.text.strip())


def _title_over_body(block: Block, title: str, following: Block) -> bool:
    """Whether a labelled plain-text line is a short title ("2.2. Contributor Grant.") whose text is
    the unlabelled paragraph on the line right below it (no blank line between)."""
    return (
        block.heading is None
        and block.heading_level is None
        and block.list_level is None
        and not following.blank_before
        and following.label is None
        and following.heading_level is None
        and following.list_level is None
        and reads_as_heading(title.removesuffix("."), 6)
        and not split_label(following.text.strip())[0]
    )


def _next_text(body: list[Block], i: int) -> str:
    return body[i].text.strip() if i < len(body) and body[i].label is None else ""
