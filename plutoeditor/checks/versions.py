"""Integrity against the previous version: the date, version and summary of changes moved
when the text did (`plutoeditor check NEW --against OLD`, and the editor after Compare
With... the older version).

- the text changed substantively but the effective date, or the version, is the previous one's;
- the effective date is before the previous version's; the version number went down;
- a clause of the body says the policy is effective from another date than its details;
- substantive changes but the summary of changes is empty, or the previous version's;
- the summary names a clause that is in neither version (or only in the old one while the
  item does not say it was removed, moved or renumbered).

The Checker does not run these by itself (they need the previous version): callers do.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from plutoeditor.checks.finding import ERROR, WARNING, Check, Finding, make
from plutoeditor.lazy_pattern import lazy_pattern
from plutoeditor.model.policy import Policy
from plutoeditor.model.references import INTERNAL, find_references, label_index, reference_key

if TYPE_CHECKING:
    from plutoeditor.compare.result import Comparison

# (plutoeditor.compare and the date reader are imported, and the patterns compiled, where these
# checks run, with a previous version: every `plutoeditor check` imports this module, and the
# comparison engine took 15-45 ms of it, the dates and patterns 10 ms more.)

#: What `Check.rechecks` says of these: run on request, with the previous version.
PREVIOUS_VERSION = "previous-version"

#: "This Policy is effective as of 1 May 2024", "These terms take effect on ...", "Last updated: ...".
_BODY_DATE = lazy_pattern(
    r"(?i)\b(?:(?:this|these|our)\s+(?:[\w-]+\s+){0,3}?(?:policy|notice|statement|terms|agreement)\b"
    r"[^.;:\n]{0,40}?\b(?:is|are|becomes?|shall\s+be|will\s+be)?\s*(?:effective|in\s+force|in\s+effect)"
    r"(?:\s+(?:as\s+(?:of|from)|from|on|since))?|take[sn]?\s+effect\s+(?:on|from)|last\s+updated(?:\s+on)?)"
    r"\s*:?\s*"
)
_MAY_STATE_DATE = ("ffect", "FFECT", "orce", "ORCE", "pdated", "PDATED")
#: A summary item that speaks of a clause that is gone may name its old label.
_GONE = lazy_pattern(
    r"(?i)\b(?:remov|delet|withdr|drop|merg|mov|renumber|numbered|relabel|replac|split|combin|no\s+longer|"
    r"was\b|were\b)"
)


def check_against(new: Policy, old: Policy, comparison: Comparison | None = None) -> list[Finding]:
    """The integrity findings of `new` as the next version of `old`."""
    return integrity_findings(new, old, substantive_changes(old, new, comparison))


def substantive_changes(old: Policy, new: Policy, comparison: Comparison | None = None) -> int:
    """How many substantive items a summary of changes from `old` to `new` has (the slow part:
    the editor keeps it from its last comparison and re-checks the details with it)."""
    from plutoeditor.compare import compare_policies
    from plutoeditor.summary import SUBSTANTIVE, draft_summary

    if comparison is None:
        comparison = compare_policies(old, new)
    return len(draft_summary(comparison).of_kind(SUBSTANTIVE))


def integrity_findings(new: Policy, old: Policy, substantive: int) -> list[Finding]:
    """The findings, given the number of substantive changes between the versions."""
    findings = [*_dates(new, old, substantive), *_versions(new, old, substantive)]
    findings += _body_dates(new)
    findings += _summary(new, old, substantive)
    return findings


def _changes(count: int) -> str:
    return f"{count} substantive change{'s' if count != 1 else ''}"


def _line(policy: Policy, field: str) -> int | None:
    return policy.metadata_lines.get(field, policy.metadata_lines.get(""))


def _dates(new: Policy, old: Policy, substantive: int) -> list[Finding]:
    from plutoeditor.compare.report import long_date

    before, after = old.metadata.effective_date, new.metadata.effective_date
    if before is None or after is None:
        return []  # a missing date is a missing-metadata finding already
    line = _line(new, "effective_date")
    if after < before:
        message = (
            f"The effective date {long_date(after)} is before the previous version's ({long_date(before)})"
        )
        return [make("effective-date-earlier", "", "", message, line, target="effective_date")]
    if after == before and substantive:
        message = (
            f"The text changed ({_changes(substantive)}) but the effective date is still "
            f"{long_date(after)}, as in the previous version"
        )
        return [make("effective-date-unchanged", "", "", message, line, target="effective_date")]
    return []


def version_key(version: str) -> tuple[int, ...] | None:
    """ "2.10" -> (2, 10), "2024.1" -> (2024, 1), "v3" -> (3,); None when it holds no number."""
    numbers = re.findall(r"\d+", version)
    return tuple(int(n) for n in numbers) if numbers else None


def _versions(new: Policy, old: Policy, substantive: int) -> list[Finding]:
    before, after = old.metadata.version.strip(), new.metadata.version.strip()
    if not before or not after:
        return []
    line = _line(new, "version")
    a, b = version_key(before), version_key(after)
    if a is not None and b is not None and _padded(b, a) < _padded(a, b):
        message = f"The version {after} is lower than the previous version's ({before})"
        return [make("version-lower", "", "", message, line, target="version")]
    same = (a == b) if a is not None and b is not None and a and b else before == after
    if same and substantive:
        message = f"The text changed ({_changes(substantive)}) but the version is still {after}"
        return [make("version-unchanged", "", "", message, line, target="version")]
    return []


def _padded(key: tuple[int, ...], other: tuple[int, ...]) -> tuple[int, ...]:
    return key + (0,) * max(len(other) - len(key), 0)


@lru_cache(maxsize=65536)
def body_date(text: str) -> dt.date | None:
    """The date a sentence gives for the policy taking effect, or None (cached by text: the
    editor re-checks after every edit)."""
    if not any(word in text for word in _MAY_STATE_DATE):  # most clauses: cheap test first
        return None
    from plutoeditor.importers.dates import parse_date

    for match in _BODY_DATE.finditer(text):
        date = parse_date(text[match.end() : match.end() + 40])
        if date is not None and re.match(r"\W{0,3}\w", text[match.end() :]):
            return date
    return None


def _body_dates(new: Policy) -> list[Finding]:
    from plutoeditor.compare.report import long_date

    stated = new.metadata.effective_date
    if stated is None:
        return []
    findings = []
    for clause in new.walk():
        date = body_date(clause.text)
        if date is not None and date != stated:
            message = (
                f"This clause says the policy takes effect on {long_date(date)}, but its effective date "
                f"is {long_date(stated)}"
            )
            findings.append(make("body-date-differs", clause.id, clause.label, message, clause.line))
    return findings


def _summary(new: Policy, old: Policy, substantive: int) -> list[Finding]:
    items = [item.strip() for item in new.metadata.summary_of_changes if item.strip()]
    previous = [item.strip() for item in old.metadata.summary_of_changes if item.strip()]
    line = _line(new, "summary_of_changes")
    findings = []
    if substantive and not items:
        message = f"The text changed ({_changes(substantive)}) but the summary of changes is empty"
        findings.append(make("summary-empty", "", "", message, line, target="summary_of_changes"))
    elif substantive and items == previous:
        message = (
            f"The text changed ({_changes(substantive)}) but the summary of changes is the previous version's"
        )
        findings.append(make("summary-unchanged", "", "", message, line, target="summary_of_changes"))
    if items and items != previous:
        findings += _named_clauses(new, old, items, line)
    return findings


def _named_clauses(new: Policy, old: Policy, items: list[str], line: int | None) -> list[Finding]:
    new_labels, old_labels = label_index(new), label_index(old)
    findings = []
    for item in items:
        for reference in find_references(item):
            if reference.kind != INTERNAL:
                continue
            key = reference_key(reference.base)
            if key in new_labels or (key in old_labels and _GONE.search(item)):
                continue
            message = (
                f"The summary of changes names {reference.target}, which is not in this version: “{item}”"
            )
            findings.append(
                make("summary-names-missing-clause", "", "", message, line, target="summary_of_changes")
            )
    return findings


CHECK = Check(
    "versions",
    {
        "effective-date-unchanged": ERROR,
        "effective-date-earlier": ERROR,
        "version-unchanged": ERROR,
        "version-lower": ERROR,
        "body-date-differs": WARNING,
        "summary-empty": WARNING,
        "summary-unchanged": ERROR,
        "summary-names-missing-clause": ERROR,
    },
    PREVIOUS_VERSION,
    integrity_findings,
)
