"""Which of two versions is the older one, by what they say about themselves."""

from __future__ import annotations

from plutoeditor.model.policy import Policy

KEPT, SWAPPED, UNKNOWN = "kept", "swapped", "unknown"


def order_by_effective_date(first: Policy, second: Policy) -> str:
    """KEPT when `first` takes effect before `second`, SWAPPED when after, UNKNOWN when a
    date is missing or both are the same (the user must say which is older)."""
    a, b = first.metadata.effective_date, second.metadata.effective_date
    if a is None or b is None or a == b:
        return UNKNOWN
    return KEPT if a < b else SWAPPED
