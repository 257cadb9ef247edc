"""`plutoeditor check FILE...`: report numbering, reference, content and metadata findings.

Text output is one line per finding, `PATH:LINE: SEVERITY CODE LABEL: MESSAGE`, then a
summary line; `--format json` prints `{"files": [{"path": ..., "notes": [...], "findings":
[...]}]}`. Notes from importing (a Word file's tracked changes were accepted, its comments
ignored) go to stderr as `PATH: note: ...` before the findings, or into "notes" in JSON.
Exit status: 0 no error-severity finding, 1 at least one, 2 a file could not be read
(the other files are still checked and reported). `--against OLD` adds the findings about
the files as the next version of OLD (checks/versions.py); an unreadable OLD is exit 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from plutoeditor.checks import ERROR, run_checks
from plutoeditor.formats.errors import PolicyFileError, printable

if TYPE_CHECKING:
    from plutoeditor.checks.report import CheckedFile

EXIT_CLEAN, EXIT_ERRORS, EXIT_BAD_INPUT = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check numbering, cross-references and completeness",
        description="Check one or more policies (.policy.yaml, .txt, .md or .docx). Exit status: "
        "0 no errors, 1 errors found, 2 a file could not be read.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="policy files to check")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--against",
        metavar="OLD",
        help="the previous version: also check that the effective date, version and summary of "
        "changes moved with the text",
    )
    parser.set_defaults(func=run)


def read_policy(path: str):  # type: ignore[no-untyped-def]
    """Open a policy; every failure becomes one PolicyFileError naming the file."""
    from plutoeditor.file_formats import open_policy

    try:
        return open_policy(path)
    except PolicyFileError:
        raise
    except OSError as exc:
        raise PolicyFileError(path, f"cannot read file: {exc.strerror or exc}") from None
    except (RecursionError, MemoryError):
        raise PolicyFileError(path, "the document is too deeply nested or too large to read") from None
    except Exception as exc:  # an importer bug must not become a traceback for the user
        from plutoeditor.cli.safety import log_traceback, short

        log = log_traceback(exc, f"reading {path}")  # an importer bug: its traceback goes to the log
        problem = f"{type(exc).__name__}: {short(str(exc))}"
        details = f"; details in {log}" if log else ""
        raise PolicyFileError(path, f"cannot read this file as a policy ({problem}{details})") from None


def import_notes(policy: object) -> list[str]:
    """What the importer wants the user to know (tracked changes accepted, comments ignored)."""
    return list(getattr(policy, "import_notes", None) or [])


def print_import_notes(path: str, policy: object, prefix: str = "plutoeditor: ") -> None:
    """One stderr line per import note: `plutoeditor: PATH: note: ...`."""
    for note in import_notes(policy):
        print(printable(f"{prefix}{path}: note: {note}"), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    results: list[CheckedFile] = []
    unreadable = 0
    previous = read_policy(args.against) if getattr(args, "against", None) else None
    for path in args.files:
        try:
            policy = read_policy(path)
        except PolicyFileError as exc:
            print(f"plutoeditor: {exc}", file=sys.stderr)
            unreadable += 1
            results.append({"path": path, "error": str(exc), "findings": []})
            continue
        notes = import_notes(policy)
        if args.format == "text":
            print_import_notes(path, policy, prefix="")
        findings = run_checks(policy)
        if previous is not None:
            from plutoeditor.checks.versions import check_against

            findings += check_against(policy, previous)
        results.append({"path": path, "notes": notes, "findings": findings})
    from plutoeditor.file_formats import CHECK_REPORTS, by_name

    sys.stdout.write(by_name(CHECK_REPORTS, args.format).load()(results))
    if unreadable:
        return EXIT_BAD_INPUT
    has_errors = any(f.severity == ERROR for r in results for f in r["findings"])
    return EXIT_ERRORS if has_errors else EXIT_CLEAN
