"""A finding: one thing a check noticed about a policy, in terms a reviewer can act on."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)

#: Every code the checks report, with its severity.
CODES: dict[str, str] = {
    "duplicate-number": ERROR,
    "numbering-gap": ERROR,
    "out-of-order": ERROR,
    "wrong-parent": ERROR,
    "skipped-level": ERROR,
    "label-style": WARNING,
    "broken-reference": ERROR,
    "empty-reference": ERROR,
    "incomplete-text": WARNING,
    "empty-clause": WARNING,
    "missing-metadata": WARNING,
    "unnumbered-paragraph": INFO,
}

NUMBERING_CODES = ("duplicate-number", "numbering-gap", "out-of-order", "wrong-parent", "skipped-level")


@dataclass(frozen=True)
class Finding:
    """What was found, where (label as written, source line, clause id) and what was expected.

    A finding about the policy's details rather than a clause (missing-metadata) has an
    empty clause_id and label; its target names the metadata field ("effective_date").
    """

    code: str
    severity: str
    label: str
    expected_label: str
    target: str
    message: str
    line: int | None
    clause_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def make(
    code: str,
    clause_id: str,
    label: str,
    message: str,
    line: int | None,
    expected_label: str = "",
    target: str = "",
) -> Finding:
    """A finding with the severity its code carries.

    A trailing colon is a separator, not part of the number ("6.9.2:" is reported as
    "6.9.2"), except in label-style findings, which are about exactly that.
    """
    if code != "label-style":
        label, expected_label = bare_label(label), bare_label(expected_label)
    return Finding(code, CODES[code], label, expected_label, target, message, line, clause_id)


def bare_label(label: str) -> str:
    return label.strip().rstrip(":").rstrip()
