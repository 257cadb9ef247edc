"""A finding: one thing a check noticed about a policy, in terms a reviewer can act on;
`Check`, what a check module declares about the findings it makes; and `Review`, what a module
that weighs findings against the document declares (both listed in `registry`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plutoeditor.model.clause import Clause
    from plutoeditor.model.numbering import Scope
    from plutoeditor.model.policy import Policy

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)


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


#: What a check looks at again after an edit, and so how the Checker calls its `run`:
#: CLAUSE: run(clause, context) per clause; again for edited clauses and their neighbours.
#: DOCUMENT: run(policy); again after any edit of the clauses (not of the metadata alone).
#: METADATA: run(policy); again after an edit of the metadata.
#: NUMBERING: run(scope) per numbering scope; again for scopes whose owner or members changed.
#: REFERENCES: run(clause, label index, schedule indexes) per clause that refers inside the
#: document; again at every re-check (references are few), the label index when labels change.
CLAUSE, DOCUMENT, METADATA = "clause", "document", "metadata"
NUMBERING, REFERENCES = "numbering", "references"


@dataclass(frozen=True)
class Check:
    """A check: the codes it reports with their severities (in the order findings about one
    clause are listed), what it re-checks after an edit, and the function that runs it."""

    name: str
    codes: dict[str, str]
    rechecks: str
    run: Callable[..., list[Finding]]


@dataclass(frozen=True)
class Evidence:
    """What a review may weigh: the policy, its numbering scopes and its label index."""

    policy: Policy
    scopes: list[Scope]
    index: dict[str, Clause]


@dataclass(frozen=True)
class Review:
    """A review: it reads findings and returns them with those the document leaves in doubt
    downgraded or dropped. `reviews` says which, and so when the Checker runs it:
    NUMBERING: the numbering findings, once the scopes are checked (again when they are);
    REFERENCES: every clause's findings, once the references are resolved (before DOCUMENT checks).
    Reviews of one kind run in the order the registry lists them, each on the last one's result."""

    name: str
    reviews: str
    run: Callable[[list[Finding], Evidence], list[Finding]]


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
    from plutoeditor.checks.registry import CODES  # the registry imports the modules that call make

    return Finding(code, CODES[code], label, expected_label, target, message, line, clause_id)


def about_clause(code: str, clause: Clause, message: str, target: str = "") -> Finding:
    """A finding about `clause` (its id, label and line), on `target` (the words it is about)."""
    return make(code, clause.id, clause.label, message, clause.line, target=target)


def bare_label(label: str) -> str:
    return label.strip().rstrip(":").rstrip()
