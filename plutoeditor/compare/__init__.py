"""Compare two versions of a policy (Qt-free): alignment, word diff, moves, metadata.

`compare_policies(old, new)` returns a `Comparison`, plain data that the text and JSON
reports, the HTML and DOCX redlines and the compare window all render.
"""

from plutoeditor.compare.engine import compare_policies, metadata_changes
from plutoeditor.compare.result import ClauseChange, Comparison, MetadataChange

__all__ = ["ClauseChange", "Comparison", "MetadataChange", "compare_policies", "metadata_changes"]
