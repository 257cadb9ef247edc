"""`plutoeditor import IN -o OUT.policy.yaml` and `plutoeditor renumber IN -o OUT.policy.yaml`.

Both read any file PlutoEditor understands (native, text, Markdown, Word) and write the
native format atomically: on any failure nothing is written.
"""

from __future__ import annotations

import argparse
import sys

from plutoeditor.cli.check import read_policy
from plutoeditor.cli.safety import refuse_output_over_inputs
from plutoeditor.formats import native
from plutoeditor.formats.errors import PolicyFileError, printable

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    importer = subparsers.add_parser(
        "import",
        help="import a text, Markdown or Word policy into the native .policy.yaml format",
        description="Import a policy (labels kept exactly as written) and save it as .policy.yaml.",
    )
    _add_io(importer)
    importer.set_defaults(func=run_import)
    renumberer = subparsers.add_parser(
        "renumber",
        help="relabel every clause to the number its position calls for",
        description="Renumber a policy, each level in the label style most of its labels use "
        '("6." among "1", "2" becomes "6"); references to clauses follow '
        "their clauses. The result is saved as .policy.yaml.",
    )
    _add_io(renumberer)
    renumberer.set_defaults(func=run_renumber)


def _add_io(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN", help="the policy to read (.policy.yaml, .txt, .md or .docx)")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the .policy.yaml file to write")


def _check_output(args: argparse.Namespace) -> None:
    if not native.is_native(args.output):
        raise PolicyFileError(args.output, f"the output must be a {native.SUFFIX} file")
    refuse_output_over_inputs(args.output, (args.input,))


def _save(policy, path: str) -> None:  # type: ignore[no-untyped-def]
    try:
        native.save(policy, path)
    except ValueError as exc:  # the policy does not fit the schema: nothing was written
        raise PolicyFileError(path, f"not written: {exc}") from None
    except OSError as exc:
        raise PolicyFileError(path, f"cannot write the file: {exc.strerror or exc}") from None


def run_import(args: argparse.Namespace) -> int:
    _check_output(args)
    policy = read_policy(args.input)
    _save(policy, args.output)
    for note in getattr(policy, "import_notes", []):
        print(f"note: {printable(note)}", file=sys.stderr)
    print(f"{printable(args.output)}: {len(policy)} clauses imported from {printable(args.input)}")
    return EXIT_OK


def run_renumber(args: argparse.Namespace) -> int:
    from plutoeditor.model.renumber import renumber

    _check_output(args)
    policy = read_policy(args.input)
    edit = renumber(policy)
    edit.apply(policy)
    relabelled = sum(1 for op in edit.operations if getattr(op, "field", "") == "label")
    texts = len(edit.operations) - relabelled
    _save(policy, args.output)
    print(
        f"{printable(args.output)}: {relabelled} clause{'s' if relabelled != 1 else ''} relabelled, "
        f"{texts} text{'s' if texts != 1 else ''} with references updated"
    )
    return EXIT_OK
