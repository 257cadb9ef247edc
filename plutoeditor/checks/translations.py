"""A clause given twice, in two languages, is one clause and its translation, not a duplicate.

Bilingual policies (an English template with its Chinese translation under each clause, a
Canadian policy in English and French) write every label twice: "(B)" over the English
text, "(B)" again over the Chinese. When a number is reported as used twice and the two
clauses are written in different scripts (Latin and Chinese, Cyrillic and Latin), the
second is read as the first's translation: the finding is a warning with a note. Two
clauses in the same script with one number stay a duplicate error; so do languages that
share a script (English and French), which this cannot tell apart.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import replace

from plutoeditor.checks.finding import NUMBERING, WARNING, Finding, Review
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import Scope, parse_label

_NOTE = " ({first} at line {line} is written in another script: this may be its translation)"
#: Scripts by the first word of a letter's Unicode name; Japanese kana count with Chinese characters.
_SCRIPTS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "CJK": "CJK"}
#: Letters read per clause: enough to tell a script, little enough to stay fast.
_SAMPLE = 200


def as_translations(findings: list[Finding], all_scopes: list[Scope]) -> list[Finding]:
    """The findings, with duplicates of a clause written in another script as warnings."""
    duplicates = {f.clause_id for f in findings if f.is_error and f.code == "duplicate-number"}
    if not duplicates:
        return findings
    pairs: dict[str, tuple[Clause, Clause]] = {}  # duplicate's id -> (first with its number, it)
    for scope in all_scopes:
        first: dict[str, Clause] = {}
        for clause in scope.members:
            key = parse_label(clause.label).core.lower()
            if clause.id in duplicates and key in first:
                pairs[clause.id] = (first[key], clause)
            first.setdefault(key, clause)
    result = []
    for finding in findings:
        pair = pairs.get(finding.clause_id) if finding.code == "duplicate-number" else None
        if pair is not None and finding.is_error and _other_script(*pair):
            note = _NOTE.format(first=pair[0].label.strip(), line=pair[0].line)
            finding = replace(finding, severity=WARNING, message=finding.message + note)
        result.append(finding)
    return result


def _other_script(first: Clause, second: Clause) -> bool:
    one, other = script(_words(first)), script(_words(second))
    return bool(one) and bool(other) and one != other


def _words(clause: Clause) -> str:
    return f"{clause.heading} {clause.text}"


def script(text: str) -> str:
    """The script most of a text's letters are written in ("LATIN", "CJK", "CYRILLIC"), or ""
    when it has too few letters or no script has two thirds of them."""
    counts: Counter[str] = Counter()
    seen = 0
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        first = name.split(" ", 1)[0]
        counts[_SCRIPTS.get(first, first)] += 1
        seen += 1
        if seen >= _SAMPLE:
            break
    if seen < 4:
        return ""
    name, count = counts.most_common(1)[0]
    return name if count * 3 >= seen * 2 else ""


#: Registered in `registry.REVIEWS`: the Checker runs it on the numbering findings.
REVIEW = Review("translations", NUMBERING, lambda found, seen: as_translations(found, seen.scopes))
