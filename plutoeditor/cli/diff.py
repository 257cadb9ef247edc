"""`plutoeditor diff OLD NEW`: what changed between two versions of a policy.

Exit 0 when the versions are the same, 1 when they differ, 2 on bad input. `-o` writes the
report to a file (atomically), in the format its name ends in: .txt text, .json JSON, .html
the HTML redline, .docx the Word redline with tracked changes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

EXIT_SAME, EXIT_DIFFERENT, EXIT_BAD_INPUT = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="show what changed between two versions of a policy",
        description="Compare two versions of a policy clause by clause. Renumbered and moved "
        "clauses are reported as such, not as deleted and re-added text. Exit status: 0 same, "
        "1 different, 2 bad input.",
    )
    parser.add_argument("old", metavar="OLD", help="the older version (.policy.yaml, .txt, .md or .docx)")
    parser.add_argument("new", metavar="NEW", help="the newer version")
    parser.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default=None,
        help="report format (default: text, or what the -o name ends in: .txt, .json, .html, .docx)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of the screen")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import gc

    # A short-lived process that builds two big trees which all stay alive: the cyclic
    # collector would only re-scan them (it costs about half the time on 10,000 clauses).
    gc.disable()
    from plutoeditor.cli.check import read_policy
    from plutoeditor.cli.safety import refuse_output_over_inputs
    from plutoeditor.compare import compare_policies
    from plutoeditor.file_formats import REPORTS, by_name
    from plutoeditor.formats.errors import printable
    from plutoeditor.formats.files import write_atomic

    output: str | None = args.output
    report = by_name(REPORTS, output_format(output, args.format))
    refuse_output_over_inputs(output, (args.old, args.new))
    try:
        make_report = report.load()
    except ImportError:
        print(f"plutoeditor: the {report.description} is not available in this build", file=sys.stderr)
        return EXIT_BAD_INPUT
    old, new = read_policy(args.old), read_policy(args.new)
    from plutoeditor.cli.check import print_import_notes

    print_import_notes(args.old, old)
    print_import_notes(args.new, new)
    _warn_if_reversed(args.old, args.new, old, new)
    comparison = compare_policies(old, new)
    status = EXIT_SAME if comparison.is_identical() else EXIT_DIFFERENT
    if report.to_file:
        make_report(comparison, output)
        return status
    if output:
        write_atomic(output, render(comparison, report.name, args.old, args.new))
    elif report.name == "text":  # names and text that could steer the terminal show as escapes
        text = render(comparison, report.name, printable(args.old), printable(args.new))
        _print(printable(text, keep="\n\t"))
    else:
        _print(render(comparison, report.name, args.old, args.new))
    return status


def _warn_if_reversed(old_path: str, new_path: str, old, new) -> None:  # type: ignore[no-untyped-def]
    """A note on stderr when OLD takes effect after NEW (the versions given the wrong way round)."""
    from plutoeditor.compare.report import long_date
    from plutoeditor.compare.versions import SWAPPED, order_by_effective_date

    if order_by_effective_date(old, new) == SWAPPED:
        print(
            f"plutoeditor: note: {old_path} takes effect on {long_date(old.metadata.effective_date)}, after "
            f"{new_path} ({long_date(new.metadata.effective_date)}); the older version goes first",
            file=sys.stderr,
        )


def output_format(output: str | None, requested: str | None) -> str:
    """The report format: --format, else what the -o name ends in, else text.

    A name whose ending PlutoEditor does not write (".pdf"), or one that contradicts
    --format ("--format json -o x.html"), is refused before anything is read or written.
    """
    from plutoeditor.file_formats import REPORTS, for_path

    def implied_by(suffix: str) -> str | None:
        report = for_path(REPORTS, suffix)
        return report.name if report is not None else None

    return choose_output_format(
        output,
        requested,
        implied_by,
        "cannot write a comparison to this kind of file; name it .txt, .json, .html or .docx",
    )


def choose_output_format(
    output: str | None, requested: str | None, implied_by: Callable[[str], str | None], refusal: str
) -> str:
    """--format, else the format `implied_by` the -o name's ending, else text; an ending no
    format claims (`refusal` says which do), or one contradicting --format, is refused."""
    if not output:
        return requested or "text"
    from pathlib import Path

    from plutoeditor.formats.errors import PolicyFileError

    suffix = Path(output).suffix.lower()
    implied = implied_by(suffix) if suffix else None
    if suffix and implied is None:
        raise PolicyFileError(output, refusal)
    if requested and implied and implied != requested:
        raise PolicyFileError(output, f"--format {requested} does not match a {suffix} file")
    return implied or requested or "text"


def _print(report: str) -> None:
    """Write to the terminal; a console that cannot show a character gets UTF-8 bytes."""
    try:
        sys.stdout.write(report)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(report.encode("utf-8"))


def render(comparison, report_format: str, old_path: str, new_path: str) -> str:  # type: ignore[no-untyped-def]
    """The comparison in one of the report formats that are text: "text", "json" or "html"."""
    from plutoeditor.file_formats import REPORTS, by_name

    report = by_name(REPORTS, report_format)
    render_report = report.load()
    return render_report(comparison, old_path, new_path) if report.names else render_report(comparison)


__all__ = ["register", "run", "render"]
