"""Compare two versions of a policy (Qt-free): alignment, word diff, moves, metadata."""

from plutoeditor.compare.result import ClauseChange, Comparison, MetadataChange

__all__ = ["ClauseChange", "Comparison", "MetadataChange"]
