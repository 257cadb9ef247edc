"""Which version is older, by effective date."""

from __future__ import annotations

import datetime as dt

from plutoeditor.compare.versions import KEPT, SWAPPED, UNKNOWN, order_by_effective_date
from plutoeditor.model.policy import Metadata, Policy


def _on(date: dt.date | None) -> Policy:
    return Policy(Metadata(effective_date=date))


def test_order_by_effective_date():
    early, late = _on(dt.date(2022, 11, 21)), _on(dt.date(2023, 6, 7))
    assert order_by_effective_date(early, late) == KEPT
    assert order_by_effective_date(late, early) == SWAPPED
    assert order_by_effective_date(late, _on(None)) == UNKNOWN
    assert order_by_effective_date(early, _on(dt.date(2022, 11, 21))) == UNKNOWN
