"""Content checks: text that stops where its content should be, numbered clauses with nothing
in them, and unnumbered paragraphs."""

from __future__ import annotations

import re
from typing import NamedTuple

from plutoeditor.checks.finding import CLAUSE, INFO, WARNING, Check, Finding, bare_label, make
from plutoeditor.model.clause import Clause, ClauseKind

#: A sentence that ends on a word that needs something after it: "contact us at", "located
#: at;", "by visiting". List joints ("; and", "or;") are normal and not matched.
_DANGLING_WORDS = tuple("at to via visiting visit from the a an of with into by following including".split())
_DANGLING_END = re.compile(rf"\b(?:{'|'.join(_DANGLING_WORDS)})\s*[;,]?\s*$")
#: A link or address lost mid-text: "You may also wish to refer to However, ...".
_RESUMING = (
    *"However Therefore Moreover Furthermore Additionally Alternatively Please If".split(),
    "For example",
)
_DANGLING_MID = re.compile(
    r"\b(?:refer to|visiting|visit|contact us at|available at|located at|email us at)\s+"
    rf"(?=(?:{'|'.join(_RESUMING)})\b)"
)

#: A word that needs something after it, then punctuation: "Contact us at ." (the address lost).
_GAP = re.compile(
    r"\b(?:at|to|via|visiting|visit|from|with|by|email|contact)\s+[.,](?=\s|$)",
    re.IGNORECASE,
)
#: A drafting placeholder left in the text: "[insert name of Customer]", "[●]", "[___]", "[TBD]".
_PLACEHOLDER = re.compile(
    r"\[\s*(?:(?:insert|enter|add|specify|include)\b[^\]]{0,80}|[●•…]{1,5}|_{2,}|\.{4,}|[xX]{3,}|\*{3,}|TBD|TBC|to\s+be\s+confirmed)\s*\]"
    r"(?![(\[:])",
    re.IGNORECASE,
)


class Context(NamedTuple):
    """What a content check needs to know about a clause's surroundings."""

    next_is_continuation: bool  # the next clause completes a lead-in (a paragraph, a list)
    next_continues_sentence: bool  # the next clause carries on this sentence (a list item)
    numbered_siblings: bool  # unnumbered itself, while some sibling carries a number
    in_schedule: bool


def incomplete_reason(clause: Clause, context: Context) -> str | None:
    """Why a clause's text looks cut off, or None. A lead-in ending ":" with children is fine."""
    text = clause.text.strip()
    if not text:
        heading = clause.heading.strip()
        if heading.endswith(":") and clause.label.strip() and not clause.children:
            text = heading
        else:
            return None
    if "[" in text and (placeholder := _PLACEHOLDER.search(text)):
        return f"a placeholder is left in the text: “{placeholder.group()}”"
    gap = _GAP.search(text) if " ." in text or " ," in text else None
    if gap:
        return f"text breaks off: “{_tail(text[: gap.end()])}” has nothing where its details should be"
    # each pattern is tried only where the words it needs are in the text (a pattern search
    # tries every position: 1-2 us a clause)
    maybe_mid = "refer to" in text or "visit" in text or "us at" in text or " at " in text
    match = _DANGLING_MID.search(text) if maybe_mid and any(w in text for w in _RESUMING) else None
    if match:
        return f"text breaks off after “{_tail(text[: match.end()])}”"
    last = text[text.rfind("\n") + 1 :].strip()
    if last.endswith(":"):
        if clause.children or context.next_is_continuation:
            return None
        return f"ends “{_tail(last)}” with nothing after it"
    if clause.children or context.next_continues_sentence:
        return None
    tail = last[-30:]
    end = tail.rstrip()  # what _DANGLING_END needs: one of its words, then spaces and one ";" or ","
    if end[-1:] in (";", ","):
        end = end[:-1].rstrip()
    if end.endswith(_DANGLING_WORDS) and _DANGLING_END.search(tail):
        return f"ends “{_tail(last)}” with nothing after it"
    return None


def _tail(text: str, words: int = 5) -> str:
    parts = text.split()
    return ("… " if len(parts) > words else "") + " ".join(parts[-words:])


def check_content(clause: Clause, context: Context) -> list[Finding]:
    findings = []
    name = clause.label.strip()
    if name and clause.is_empty():
        # a label alone on its line ("1.2"): one finding, whatever follows it
        findings.append(make("empty-clause", clause.id, name, f"{bare_label(name)} has no text", clause.line))
        return findings
    reason = incomplete_reason(clause, context)
    if reason:
        findings.append(
            make(
                "incomplete-text",
                clause.id,
                name,
                reason[0].upper() + reason[1:],
                clause.line,
            )
        )
    if (
        not name
        and clause.kind is ClauseKind.CLAUSE
        and clause.text.strip()
        and context.numbered_siblings
        and not context.in_schedule
    ):
        findings.append(
            make(
                "unnumbered-paragraph",
                clause.id,
                "",
                f"unnumbered paragraph among numbered clauses: “{clause.display_name(50)}”",
                clause.line,
            )
        )
    return findings


CHECK = Check(
    "content",
    {"incomplete-text": WARNING, "empty-clause": WARNING, "unnumbered-paragraph": INFO},
    CLAUSE,
    check_content,
)
