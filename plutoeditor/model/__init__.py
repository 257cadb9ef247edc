"""The Qt-free policy model: clauses, metadata, numbering and edit operations."""

from plutoeditor.model.clause import Clause, ClauseKind, new_clause_id
from plutoeditor.model.events import ChangeEvent
from plutoeditor.model.policy import Metadata, Policy

__all__ = ["Clause", "ClauseKind", "ChangeEvent", "Metadata", "Policy", "new_clause_id"]
