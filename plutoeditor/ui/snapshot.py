"""A policy's snapshot for work on another thread: plain data taken on the GUI thread (about
20 ms for 10,000 clauses, where a deep copy takes 100 ms), turned back into a Policy on the
worker. The user may go on editing the live policy meanwhile."""

from __future__ import annotations

import datetime as dt
from typing import Any

from plutoeditor.formats import native
from plutoeditor.model import Policy
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Metadata


def take(policy: Policy) -> dict[str, Any]:
    """The policy as the native format's plain data (call on the GUI thread)."""
    return native.to_data(policy)


def policy_from(data: dict[str, Any]) -> Policy:
    """The policy a snapshot was taken of (same ids and document id; call on the worker)."""
    meta = data["metadata"]
    date = meta.get("effective_date") or ""
    metadata = Metadata(
        title=meta["title"],
        organisation=meta["organisation"],
        jurisdiction=meta["jurisdiction"],
        version=meta["version"],
        effective_date=dt.date.fromisoformat(date) if date else None,
        summary_of_changes=list(meta["summary_of_changes"]),
        language=meta["language"],
    )
    return Policy(metadata, [_clause(c) for c in data["clauses"]], data["document_id"])


def _clause(data: dict[str, Any]) -> Clause:
    return Clause(
        id=data["id"],
        kind=ClauseKind(data.get("kind", "clause")),
        label=data["label"],
        heading=data["heading"],
        text=data["text"],
        source_line=data.get("source_line"),
        children=[_clause(c) for c in data["children"]],
    )
