"""`plutoeditor export FILE -o OUT.docx|.html|.pdf [--template T.docx]`: publish a policy.

The output format follows the suffix of OUT. Files are written atomically. PDF goes
through Qt's print support, so PySide6 is imported only when a PDF is asked for.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from plutoeditor.formats.errors import PolicyFileError

EXIT_OK = 0
FORMATS = (".docx", ".html", ".htm", ".pdf")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a policy to Word (.docx), a web page (.html) or PDF",
        description="Export a policy for publication: Word with the effective date in every page "
        "header, standalone HTML with a table of contents and a link anchor per clause, or PDF. "
        "Labels are written exactly as the document has them.",
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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output = str(args.output)
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS:
        raise PolicyFileError(output, "cannot export to this kind of file; name it .docx, .html or .pdf")
    if args.template and suffix != ".docx":
        raise PolicyFileError(args.template, "a Word template applies only to .docx output")
    folder = Path(output).parent
    if not folder.is_dir():
        raise PolicyFileError(output, f"folder {str(folder)!r} does not exist")

    from plutoeditor.formats.opening import open_policy

    policy = open_policy(args.file)
    from plutoeditor.cli.check import print_import_notes

    print_import_notes(args.file, policy)
    if suffix == ".docx":
        from plutoeditor.export.docx_writer import export_docx

        export_docx(policy, output, template=args.template)
    elif suffix == ".pdf":
        from plutoeditor.ui.pdf_export import export_pdf  # Qt only when a PDF is wanted

        export_pdf(policy, output)
    else:
        from plutoeditor.export.html_writer import export_html

        export_html(policy, output)
    return EXIT_OK


__all__ = ["register", "run"]
