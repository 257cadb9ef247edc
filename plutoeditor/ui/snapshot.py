"""A policy's snapshot for work on another thread: plain data taken on the GUI thread (about
20 ms for 10,000 clauses, where a deep copy takes 100 ms), turned back into a Policy on the
worker. The user may go on editing the live policy meanwhile."""

from __future__ import annotations

from typing import Any

from plutoeditor.formats import native
from plutoeditor.model import Policy


def take(policy: Policy) -> dict[str, Any]:
    """The policy as the native format's plain data (call on the GUI thread)."""
    return native.to_data(policy)


def policy_from(data: dict[str, Any]) -> Policy:
    """The policy a snapshot was taken of (same ids and document id; call on the worker)."""
    return native.from_data(data)
