"""Every kind of file PlutoEditor reads or writes, in one table by file name ending and format.

- READERS: the policies it opens: native, Word, text and Markdown (any other ending is read
  as text or Markdown, by what it looks like).
- PUBLISHERS: what `export` and File > Export write: Word, HTML, PDF.
- REPORTS: what `diff -o` and Export Redline write: text, JSON, the HTML and Word redlines.
- SUMMARY_REPORTS: what `summarize -o` writes: text, Markdown, JSON.
- CHECK_REPORTS: what `check --format` prints: text, JSON.

Each entry names its function as "module:function", imported when first used, so the CLI
starts without python-docx and loads Qt only for a PDF. Reading RTF is one module in
importers/ with `import_rtf(path) -> Policy` and one `Reader` line here. The CLI and the
window both dispatch through this table; formats/ and importers/ know nothing of it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from plutoeditor.formats import limits, native
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.model import Policy


@dataclass(frozen=True)
class Format:
    """A kind of file: its name ("docx"), what a person calls it, the endings that mean it,
    and its function ("module:function")."""

    name: str
    description: str
    suffixes: tuple[str, ...]
    target: str

    def load(self) -> Callable[..., Any]:
        """The function, imported now (an ImportError when this build lacks it)."""
        module, function = self.target.split(":")
        return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]

    def matches(self, path: str | os.PathLike[str]) -> bool:
        return str(path).lower().endswith(self.suffixes)


@dataclass(frozen=True)
class Reader(Format):
    """`read(path) -> Policy`. `imported`: the file is another program's, so the policy read
    from it must also fit the native format (depth, size, metadata lengths) to be saved.
    `shown`: the endings the window's Open dialogs list (empty: all of `suffixes`)."""

    imported: bool = True
    shown: tuple[str, ...] = ()


@dataclass(frozen=True)
class Publisher(Format):
    """`write(policy, path, **options)`, with only the `options` it takes (template, numbering)."""

    options: tuple[str, ...] = ()

    def write(self, policy: Policy, path: str | os.PathLike[str], **options: Any) -> None:
        chosen = {key: value for key, value in options.items() if key in self.options}
        self.load()(policy, path, **chosen)


@dataclass(frozen=True)
class Report(Format):
    """A report on a comparison, a summary or check results: `render(subject, old name, new
    name) -> str` (`names` False: `render(subject)`), or when `to_file`, `write(subject, path)`
    writes the file itself."""

    names: bool = True
    to_file: bool = False


READERS: tuple[Reader, ...] = (
    # NAME.yaml without ".policy" is still YAML: a stray file gets a schema error, not a text import
    Reader(
        "native",
        "PlutoEditor policy",
        (".policy.yaml", ".policy.yml", ".yaml", ".yml"),
        "plutoeditor.formats.native:load",
        imported=False,
        shown=(".policy.yaml", ".policy.yml"),
    ),
    Reader(
        "text",
        "text or Markdown",
        (".txt", ".text", ".md", ".markdown"),
        "plutoeditor.importers.text:import_file",
        shown=(".txt", ".md", ".markdown"),
    ),
    Reader("docx", "Word document", (".docx",), "plutoeditor.importers.docx:import_docx"),
)
#: What a file whose ending no reader claims is read as.
DEFAULT_READER = "text"

PUBLISHERS: tuple[Publisher, ...] = (
    Publisher(
        "docx",
        "Word document",
        (".docx",),
        "plutoeditor.export.docx_writer:export_docx",
        options=("template", "numbering"),
    ),
    Publisher("html", "web page", (".html", ".htm"), "plutoeditor.export.html_writer:export_html"),
    Publisher("pdf", "PDF document", (".pdf",), "plutoeditor.export.pdf_export:export_pdf"),
)

REPORTS: tuple[Report, ...] = (
    Report("text", "change list", (".txt", ".text", ".md"), "plutoeditor.compare.report:render_text"),
    Report("json", "JSON change list", (".json",), "plutoeditor.compare.report:render_json"),
    Report(
        "html",
        "HTML redline",
        (".html", ".htm"),
        "plutoeditor.export.redline_html:render_redline_html",
        names=False,
    ),
    Report(
        "docx",
        "Word redline with tracked changes",
        (".docx",),
        "plutoeditor.export.redline_docx:write_redline_docx",
        to_file=True,
    ),
)


SUMMARY_REPORTS: tuple[Report, ...] = (
    Report("text", "summary of changes", (".txt", ".text"), "plutoeditor.summary.render:render_text"),
    Report(
        "markdown",
        "summary of changes in Markdown",
        (".md", ".markdown"),
        "plutoeditor.summary.render:render_markdown",
    ),
    Report(
        "json", "JSON summary of changes", (".json",), "plutoeditor.summary.render:render_json", names=False
    ),
)

#: `render(results)`: the findings of each file checked (checks/report.py).
CHECK_REPORTS: tuple[Report, ...] = (
    Report("text", "findings list", (".txt", ".text"), "plutoeditor.checks.report:render_text", names=False),
    Report("json", "JSON findings", (".json",), "plutoeditor.checks.report:render_json", names=False),
)


F = TypeVar("F", bound=Format)


def by_name(table: tuple[F, ...], name: str) -> F:
    """The entry of `table` called `name` ("docx"); KeyError when there is none."""
    for entry in table:
        if entry.name == name:
            return entry
    raise KeyError(name)


def for_path(table: tuple[F, ...], path: str | os.PathLike[str]) -> F | None:
    """The entry of `table` whose ending `path` has, or None."""
    return next((entry for entry in table if entry.matches(path)), None)


def without_suffix(name: str) -> str:
    """A file name without the ending a reader knows: "policy.txt" -> "policy"."""
    for reader in READERS:
        for suffix in reader.suffixes:
            if name.lower().endswith(suffix):
                return name[: -len(suffix)]
    return name


def open_policy(path: str | os.PathLike[str]) -> Policy:
    """Load a native file, or import a text, Markdown or Word file (labels kept as written).

    Every failure is a PolicyFileError whose `str()` names the file and place.
    """
    p = Path(path)
    reader = for_path(READERS, p) or by_name(READERS, DEFAULT_READER)
    policy: Policy = reader.load()(p)
    if reader.imported:
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
