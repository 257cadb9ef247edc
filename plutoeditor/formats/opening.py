"""Open any file PlutoEditor understands: native YAML, plain text, Markdown or DOCX."""

from __future__ import annotations

import os
from pathlib import Path

from plutoeditor.formats import limits, native
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.model import Policy

IMPORTABLE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx")


def open_policy(path: str | os.PathLike[str]) -> Policy:
    """Load a native file, or import a text, Markdown or Word file (labels kept as written).

    Every failure is a PolicyFileError whose `str()` names the file and place.
    """
    p = Path(path)
    # A policy saved as NAME.yaml (without ".policy") is still YAML: read it as the native
    # format, so a stray file gets a schema error rather than a nonsense text import.
    if native.is_native(p) or p.suffix.lower() in (".yaml", ".yml"):
        return native.load(p)
    if p.suffix.lower() == ".docx":
        from plutoeditor.importers import docx as docx_import

        policy = docx_import.import_docx(p)
    else:
        from plutoeditor.importers import text as text_import

        policy = text_import.import_file(p)
    _refuse_deep_nesting(policy, str(p))
    policy.import_notes.extend(limits.fit_metadata(policy.metadata))
    _refuse_unsavable(policy, str(p))
    return policy


def _refuse_unsavable(policy: Policy, path: str) -> None:
    """An import that would make a policy file larger than PlutoEditor opens is refused now,
    not when the user saves their work."""
    if limits.native_size_bound(policy) <= limits.MAX_NATIVE_BYTES:
        return
    try:
        native.dumps(policy)
    except ValueError as exc:
        raise PolicyFileError(path, f"too large to import: {exc}") from None


def _refuse_deep_nesting(policy: Policy, path: str) -> None:
    """An imported tree deeper than the native format allows could not be saved or checked."""
    for clause, depth in policy.walk_with_depth():
        if depth + 1 > native.MAX_DEPTH:
            raise PolicyFileError(
                path, f"clauses are nested more than {native.MAX_DEPTH} levels deep", clause.source_line
            )


__all__ = ["open_policy", "PolicyFileError", "IMPORTABLE_SUFFIXES"]
