"""Findings as the Document view shows them: the words a finding is about underlined in its
severity's colour, a label a finding is about drawn in that colour, a bar in the margin by
the clause, and the messages for the tooltip."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from plutoeditor.checks.finding import Finding
from plutoeditor.model import Clause
from plutoeditor.ui.document.editor import SEARCH_HIGHLIGHT, underline
from plutoeditor.ui.document.layout import SEVERITY_COLOURS

_RANK = {"error": 0, "warning": 1}
_MARKS = {"error": "✖", "warning": "⚠", "info": "ℹ"}


def search_spans(text: str, needle: str, match_case: bool) -> list[tuple[int, int]]:
    """Where `needle` occurs in `text` (as the find bar finds it)."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def span_of(finding: Finding, text: str) -> tuple[int, int] | None:
    """Where in a clause's `text` the words a finding is about are: its target, or for a
    term-case finding (whose target is the term as defined) the term written in another case
    ("personal data" where "Personal Data" is defined), not a use written correctly. A target
    written more than once is the one the message names: a whole number or word, followed by
    the title the message quotes, not the first "4" (in "24", or the reference just fixed)."""
    target = finding.target or ""
    if not target:
        return None
    if finding.code == "term-case":
        pattern = re.compile(rf"(?<!\w){re.escape(target)}(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(text):
            if match.group() != target:
                return match.span()
    starts = [m.start() for m in re.finditer(re.escape(target), text)]
    if target[-1:].isalnum():  # a number or a word, not part of a longer one ("4" in "24" or "4.1")
        starts = [s for s in starts if not _inside_longer(text, s, s + len(target))] or starts
    if len(starts) > 1:  # "Section 3 (Acceptable Use) and/or Section 4 (Content Standards)"
        quoted = _QUOTED.search(finding.message)  # 'Refers to clause 4 (“Content Standards”), ...'
        title = quoted.group(1).casefold() if quoted else ""
        for start in starts if title else ():
            after = text[start + len(target) : start + len(target) + len(title) + 8].casefold()
            if title in after:
                return start, start + len(target)
    return (starts[0], starts[0] + len(target)) if starts else None


_QUOTED = re.compile(r"“([^”]+)”")


def _inside_longer(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end : end + 2]
    return (
        before.isalnum()
        or (before == "." and start > 1 and text[start - 2].isdigit())
        or after[:1].isalnum()
        or (after[:1] == "." and after[1:].isdigit())
    )


def highlight(doc: QTextDocument, spans: list[tuple[int, int]]) -> None:
    """Mark the find bar's matches in a painted clause's text or heading."""
    fmt = QTextCharFormat()
    fmt.setBackground(SEARCH_HIGHLIGHT)
    for start, end in spans:
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


class FindingMarks:
    """The findings of one document, by clause."""

    def __init__(self) -> None:
        self._by_clause: dict[str, list[Finding]] = {}

    def set_findings(self, findings: list[Finding]) -> None:
        by_clause: dict[str, list[Finding]] = {}
        for finding in findings:
            if finding.clause_id:
                by_clause.setdefault(finding.clause_id, []).append(finding)
        self._by_clause = by_clause

    def of(self, clause: Clause) -> list[Finding]:
        return self._by_clause.get(clause.id, [])

    def spans(self, clause: Clause) -> list[tuple[int, int, str]]:
        """(start, end, severity) of the words in the clause's text each finding is about."""
        spans = []
        for finding in self.of(clause):
            span = span_of(finding, clause.text)
            if span is not None:
                spans.append((span[0], span[1], finding.severity))
        return spans

    def underline(self, doc: QTextDocument, clause: Clause) -> None:
        """Underline the findings' words in a painted clause's text."""
        for start, end, severity in self.spans(clause):
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(underline(severity))

    def label_colour(self, clause: Clause) -> QColor | None:
        """The colour of a finding about the clause's label (its number), if there is one."""
        about_label = [f for f in self.of(clause) if f.expected_label and f.severity != "info"]
        return SEVERITY_COLOURS.get(about_label[0].severity) if about_label else None

    def margin_colour(self, clause: Clause) -> QColor | None:
        """The colour of the clause's most severe finding (the bar in the margin)."""
        findings = self.of(clause)
        if not findings:
            return None
        worst = min(findings, key=lambda f: _RANK.get(f.severity, 2))
        return SEVERITY_COLOURS.get(worst.severity, QColor("#777"))

    def messages(self, clause: Clause) -> str:
        return "\n".join(f"{_MARKS.get(f.severity, '•')}  {f.message}" for f in self.of(clause))
