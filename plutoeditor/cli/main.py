"""Entry point of the `plutoeditor` console script.

`plutoeditor [FILE]` opens the editor window; `plutoeditor COMMAND ...` runs a command.
Exit codes: 0 success, 1 the command found problems or differences, 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence

from plutoeditor import __version__
from plutoeditor.formats.errors import PolicyFileError

#: Each command lives in its own module under plutoeditor.cli with `register(subparsers)`,
#: which adds its parser and sets `func` to a handler taking the parsed args.
COMMAND_MODULES = ("check", "convert", "diff", "export", "compare")

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plutoeditor",
        description="Write, check, compare and publish policies. "
        "Run 'plutoeditor FILE' to open the editor window.",
    )
    parser.add_argument("--version", action="version", version=f"PlutoEditor {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"plutoeditor.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"plutoeditor.cli.{name}":
                continue  # command not built yet
            raise
        module.register(subparsers)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:  # argparse has no public accessor for this
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (args_list[0] not in _command_names(parser) and not args_list[0].startswith("-")):
        return _open_window(args_list)
    args = parser.parse_args(args_list)
    if args.command is None:
        return _open_window([])
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        return handler(args)
    except PolicyFileError as exc:
        print(f"plutoeditor: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("plutoeditor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `plutoeditor check ... | head`: the reader left, not an error
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"plutoeditor: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RecursionError:
        print("plutoeditor: the document is nested too deeply to process", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: one line for the user, the traceback to the log
        logging.getLogger("plutoeditor").exception("unexpected error in %s", args.command)
        message = f"unexpected error ({type(exc).__name__}: {exc}); please report it"
        print(f"plutoeditor: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _open_window(files: list[str]) -> int:
    try:
        from plutoeditor.ui.app import run_app
    except ImportError as exc:
        print(f"plutoeditor: the editor window needs PySide6 ({exc})", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_app(files)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
