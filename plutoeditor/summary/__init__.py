"""A drafted summary of changes (Qt-free): plain-worded items over one comparison.

`draft_summary(comparison)` turns the clause pairs and their word changes into the items a
"what changed" notice lists, each substantive, editorial or structural, by fixed rules
(deterministic, offline). The CLI (`plutoeditor summarize`), the editor and the compare
window all show the same items.
"""

from plutoeditor.summary.draft import draft_summary
from plutoeditor.summary.items import EDITORIAL, KINDS, STRUCTURAL, SUBSTANTIVE, ChangeSummary, SummaryItem

__all__ = [
    "EDITORIAL",
    "KINDS",
    "STRUCTURAL",
    "SUBSTANTIVE",
    "ChangeSummary",
    "SummaryItem",
    "draft_summary",
]
