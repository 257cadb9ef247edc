"""`plutoeditor summarize OLD NEW`: a drafted summary of changes, one item per change a
reader of a "what changed" notice needs, each substantive, structural or editorial.

Exit 0, or 2 on bad input (one line naming the file). `-o` writes the report atomically in
the format its name ends in: .txt text, .md Markdown, .json JSON.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plutoeditor.file_formats import Report
    from plutoeditor.summary import ChangeSummary

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "summarize",
        help="draft the summary of changes between two versions of a policy",
        description="Draft a summary of changes from OLD to NEW: new and removed clauses and changed "
        "wording (substantive), moves (structural), spelling, punctuation, references and relabels "
        "(editorial). Exit status: 0 done, 2 bad input.",
    )
    parser.add_argument("old", metavar="OLD", help="the older version (.policy.yaml, .txt, .md or .docx)")
    parser.add_argument("new", metavar="NEW", help="the newer version")
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default=None,
        help="report format (default: text, or what the -o name ends in: .txt, .md, .json)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to this file instead of the screen")
    parser.set_defaults(func=run)


def output_format(output: str | None, requested: str | None) -> str:
    """--format, else what the -o name ends in, else text; a name ending in anything else,
    or one that contradicts --format, is refused before anything is read."""
    from plutoeditor.cli.diff import choose_output_format
    from plutoeditor.file_formats import SUMMARY_REPORTS, for_path

    def implied_by(suffix: str) -> str | None:
        report = for_path(SUMMARY_REPORTS, suffix)
        return report.name if report is not None else None

    return choose_output_format(
        output,
        requested,
        implied_by,
        "cannot write a summary to this kind of file; name it .txt, .md or .json",
    )


def run(args: argparse.Namespace) -> int:
    from plutoeditor.cli.check import print_import_notes, read_policy
    from plutoeditor.cli.diff import _print, _warn_if_reversed
    from plutoeditor.cli.safety import refuse_output_over_inputs
    from plutoeditor.compare import compare_policies
    from plutoeditor.file_formats import SUMMARY_REPORTS, by_name
    from plutoeditor.formats.errors import printable
    from plutoeditor.formats.files import write_atomic
    from plutoeditor.summary import draft_summary

    output: str | None = args.output
    report = by_name(SUMMARY_REPORTS, output_format(output, args.format))
    refuse_output_over_inputs(output, (args.old, args.new))
    old, new = read_policy(args.old), read_policy(args.new)
    print_import_notes(args.old, old)
    print_import_notes(args.new, new)
    _warn_if_reversed(args.old, args.new, old, new)
    summary = draft_summary(compare_policies(old, new))
    if output:
        write_atomic(output, _render(report, summary, args.old, args.new))
    elif not report.names:
        _print(_render(report, summary))
    else:  # names and text that could steer the terminal show as escapes
        text = _render(report, summary, printable(args.old), printable(args.new))
        _print(printable(text, keep="\n\t"))
    return EXIT_OK


def _render(report: Report, summary: ChangeSummary, old_path: str = "", new_path: str = "") -> str:
    render_report = report.load()
    return render_report(summary, old_path, new_path) if report.names else render_report(summary)


__all__ = ["register", "run"]
