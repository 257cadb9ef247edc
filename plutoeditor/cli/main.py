"""Entry point of the `plutoeditor` console script.

`plutoeditor [FILE]` opens the editor window; `plutoeditor COMMAND ...` runs a command.
Exit codes: 0 success, 1 the command found problems or differences, 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from plutoeditor import __version__
from plutoeditor.cli.safety import (
    NO_DISPLAY,
    command_files,
    empty_file_name,
    no_display,
    unexpected_error_line,
)
from plutoeditor.formats.errors import PolicyFileError, printable

#: Each command lives in its own module under plutoeditor.cli with `register(subparsers)`,
#: which adds its parser and sets `func` to a handler taking the parsed args.
COMMAND_MODULES = ("check", "convert", "diff", "summarize", "export", "compare")

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

#: A first word that reads as a mistyped command rather than a file name: no dot, no slash.
_COMMAND_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `command` (one of COMMAND_MODULES) only that command's
    parser is added below it, which is all a run of that command reads: each parser made costs
    argparse's message look-ups (gettext), some 1 ms a command at every start."""
    parser = argparse.ArgumentParser(
        prog="plutoeditor",
        description="Write, check, compare and publish policies. "
        "Run 'plutoeditor FILE' to open the editor window.",
    )
    parser.add_argument("--version", action="version", version=f"PlutoEditor {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES if command is None else (command,):
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


#: Commands that open a window: Qt and the window's settings are torn down as usual after them.
WINDOW_COMMANDS = frozenset({"compare"})


def program() -> None:
    """The console script and `python -m plutoeditor`: run the command line, then exit.

    A command that ran to its end (not a window) ends the process as soon as its output is
    flushed, without tearing the interpreter down: freeing a checked 10,000-clause policy
    object by object took 30-55 ms of a 0.7 s `check` (mypy exits the same way).
    """
    sys.exit(main(exit_when_done=True))


def main(argv: Sequence[str] | None = None, *, exit_when_done: bool = False) -> int:
    """Run the command line; whatever happens, at most one line on stderr, never a traceback.

    `exit_when_done`: end the process right after a command's handler returns (`program`)."""
    args: argparse.Namespace | None = None
    try:
        args_list = list(sys.argv[1:] if argv is None else argv)
        first = args_list[0] if args_list else None
        parser = build_parser(first if first in COMMAND_MODULES else None)
        if _opens_window(args_list, parser):
            return _open_window(args_list)
        args = parser.parse_args(args_list)
        if args.command is None:
            return _open_window([])
        empty = empty_file_name(parser, args)
        if empty is not None:
            print(f"plutoeditor: {empty}", file=sys.stderr)
            return EXIT_BAD_INPUT
        handler: Callable[[argparse.Namespace], int] = args.func
        status = handler(args)
        if exit_when_done and args.command not in WINDOW_COMMANDS:
            _exit_now(status)
        return status
    except SystemExit:  # argparse's own usage errors (exit 2), --help and --version
        raise
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
        where = f"{printable(str(exc.filename))}: " if exc.filename else ""
        print(f"plutoeditor: {where}{printable(exc.strerror or str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RecursionError:
        files = ", ".join(printable(name) for name in command_files(args)[:2])
        print(f"plutoeditor: {files + ': ' if files else ''}the document is nested too deeply to process",
              file=sys.stderr)  # fmt: skip
        return EXIT_BAD_INPUT
    except MemoryError:
        files = ", ".join(printable(name) for name in command_files(args)[:2])
        print(f"plutoeditor: {files + ': ' if files else ''}not enough memory to process the document",
              file=sys.stderr)  # fmt: skip
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: one line for the user, the traceback to the log
        command = getattr(args, "command", None)
        print(unexpected_error_line(exc, command_files(args), command), file=sys.stderr)
        return EXIT_BAD_INPUT


def _opens_window(args_list: list[str], parser: argparse.ArgumentParser) -> bool:
    """`plutoeditor` alone or `plutoeditor FILE...` opens the window; a first word that is
    neither a command nor a file ("chek") is left to argparse, which names the commands."""
    if not args_list:
        return True
    first = args_list[0]
    if first in _command_names(parser) or first.startswith("-"):
        return False
    return os.path.exists(first) or not _COMMAND_LIKE.fullmatch(first)


def _exit_now(status: int) -> NoReturn:
    """Flush the output and the log, then end the process without freeing every object."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left (`check ... | head`): not an error
        pass
    except (OSError, ValueError) as exc:  # a full disk under a redirected stdout
        print(f"plutoeditor: cannot write the output: {exc}", file=sys.stderr)
        status = EXIT_BAD_INPUT
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    if "logging" in sys.modules:  # a command that logged (an unexpected error's traceback)
        sys.modules["logging"].shutdown()
    os._exit(status)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _open_window(files: list[str]) -> int:
    if no_display():
        print(f"plutoeditor: {NO_DISPLAY}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        from plutoeditor.ui.app import run_app
    except ImportError as exc:
        print(f"plutoeditor: the editor window needs PySide6 ({exc})", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_app(files)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
