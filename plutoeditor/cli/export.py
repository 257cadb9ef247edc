"""`plutoeditor export FILE -o OUT.docx|.html|.pdf [--template T.docx] [--numbering word|text] [--strict]`.

Publish a policy. With `--numbering word` (the default) a .docx numbers its clauses with
Word's own multilevel lists wherever the labels are the numbers their positions call for;
`text` writes every label as literal text.

The output format follows the suffix of OUT. Files are written atomically. PDF goes
through Qt's print support, so PySide6 is imported only when a PDF is asked for.
A policy with error findings is exported with one warning line on stderr; with --strict
it is refused (nothing written, exit 1). Warnings and notes never block.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plutoeditor.checks import run_checks
from plutoeditor.file_formats import PUBLISHERS, for_path
from plutoeditor.formats.errors import PolicyFileError, printable

EXIT_OK, EXIT_REFUSED = 0, 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a policy to Word (.docx), a web page (.html) or PDF",
        description="Export a policy for publication: Word with the effective date in every page "
        "header, standalone HTML with a table of contents and a link anchor per clause, or PDF. "
        "Labels read exactly as the document has them: in Word, numbered by Word itself where "
        "they are the numbers their positions call for (--numbering word), literal text otherwise.",
    )
    parser.add_argument("file", metavar="FILE", help="the policy (.policy.yaml, .txt, .md or .docx)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="OUT.docx, OUT.html or OUT.pdf (format by suffix)",
    )
    parser.add_argument(
        "--template",
        metavar="T.docx",
        help="Word template (.docx or .dotx) whose styles, margins and letterhead the .docx uses",
    )
    parser.add_argument(
        "--numbering",
        choices=("word", "text"),
        default="word",
        help="Word output: 'word' (default) numbers clauses with Word's own multilevel list, so a "
        "clause inserted in Word is numbered too, keeping any label that differs from its number "
        "as text; 'text' writes every label as literal text",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse to export a policy with error findings (exit 1, nothing written)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output = str(args.output)
    publisher = for_path(PUBLISHERS, output)
    if publisher is None:
        raise PolicyFileError(output, "cannot export to this kind of file; name it .docx, .html or .pdf")
    if args.template and "template" not in publisher.options:
        raise PolicyFileError(args.template, "a Word template applies only to .docx output")
    folder = Path(output).parent
    if not folder.is_dir():
        raise PolicyFileError(output, f"folder {str(folder)!r} does not exist")

    from plutoeditor.cli.check import print_import_notes, read_policy
    from plutoeditor.cli.safety import refuse_output_over_inputs

    refuse_output_over_inputs(output, (args.file, args.template))
    policy = read_policy(args.file)

    print_import_notes(args.file, policy)
    errors = sum(1 for finding in run_checks(policy) if finding.is_error)
    if errors and args.strict:
        if args.template:  # a bad template is still bad input (exit 2), not a refusal
            from plutoeditor.export.docx_template import open_template

            open_template(args.template)
        print(f"plutoeditor: {errors_line(args.file, errors)}; not exported (--strict)", file=sys.stderr)
        return EXIT_REFUSED
    publisher.write(policy, output, template=args.template, numbering=args.numbering)
    if errors:
        print(f"plutoeditor: warning: {errors_line(args.file, errors)}; exported anyway", file=sys.stderr)
    return EXIT_OK


def errors_line(path: str, errors: int) -> str:
    """`PATH has 5 errors (see 'plutoeditor check')`: what stands between a policy and publishing."""
    return f"{printable(path)} has {errors} error{'' if errors == 1 else 's'} (see 'plutoeditor check')"


__all__ = ["register", "run"]
