"""The findings of `plutoeditor check` as a report: text, one line per finding and a summary
line, or JSON (`{"files": [{"path", "notes", "findings", "error"?}]}`).

Each takes the results of checking each file (`CheckedFile`). Listed in
`file_formats.CHECK_REPORTS`.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, NotRequired, TypedDict

from plutoeditor.checks.finding import Finding
from plutoeditor.formats.errors import printable


class CheckedFile(TypedDict):
    """One file checked: its path, the importer's notes and the findings; `error` instead
    when it could not be read (no notes, no findings)."""

    path: str
    notes: NotRequired[list[str]]
    findings: list[Finding]
    error: NotRequired[str]


def format_finding(path: str, finding: Finding) -> str:
    """`PATH:LINE: SEVERITY CODE LABEL: MESSAGE` (line and label left out when unknown)."""
    place = f"{path}:{finding.line}" if finding.line else path
    label = f" {finding.label}" if finding.label else ""
    return f"{place}: {finding.severity} {finding.code}{label}: {finding.message}"


def render_text(results: list[CheckedFile]) -> str:
    lines = []
    counts: Counter[str] = Counter()
    for result in results:
        for finding in result["findings"]:
            lines.append(printable(format_finding(result["path"], finding)))
            counts[finding.severity] += 1
    checked = sum(1 for r in results if "error" not in r)
    summary = (
        f"{checked} file{'s' if checked != 1 else ''} checked: "
        f"{_count(counts['error'], 'error')}, {_count(counts['warning'], 'warning')}, "
        f"{_count(counts['info'], 'note')}"
    )
    failed = len(results) - checked
    if failed:
        summary += f"; {_count(failed, 'file')} could not be read"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render_json(results: list[CheckedFile]) -> str:
    files = []
    for result in results:
        findings = [f.to_dict() for f in result["findings"]]
        notes = result.get("notes", [])
        entry: dict[str, Any] = {"path": result["path"], "notes": notes, "findings": findings}
        if "error" in result:
            entry["error"] = result["error"]
        files.append(entry)
    return json.dumps({"files": files}, ensure_ascii=False, indent=2) + "\n"
