"""What every command does to keep a user's files whole and its own output one line.

An output that is also an input (by name or through another path to the same file) is
refused before anything is read or written: `diff v1.txt v2.txt -o v2.txt` would replace a
policy by a report. An unexpected error prints one line naming the files; its traceback
goes to the log file, not to the terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable

from plutoeditor.formats.errors import PolicyFileError, printable

#: Longest part of an exception's message that goes into the one line (a 5 MB title can be in it).
MAX_MESSAGE_CHARS = 200


NO_DISPLAY = (
    "no display to open the editor window on (DISPLAY is not set); run a command instead, "
    "see 'plutoeditor --help'"
)


def no_display() -> bool:
    """On Linux and the BSDs without X11, Wayland or a chosen Qt platform, Qt would abort."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def same_file(a: str, b: str) -> bool:
    """Whether two names reach the same file (hard links, symbolic links, "./x" and "x")."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_output_over_inputs(output: str | None, inputs: Iterable[str | None]) -> None:
    """PolicyFileError when the output would replace one of the command's inputs."""
    if not output:
        return
    for source in inputs:
        if source and same_file(output, source):
            also = "" if os.path.basename(source) == os.path.basename(output) else f" ({source})"
            raise PolicyFileError(
                output, f"is also an input of this command{also}; write the output to another file"
            )


#: The parsed arguments of the commands that name files, inputs first.
FILE_ARGUMENTS = ("files", "file", "input", "old", "new", "against", "template", "output")


def command_files(args: object) -> list[str]:
    """The files a parsed command line names, inputs first."""
    names: list[str] = []
    for attribute in FILE_ARGUMENTS:
        value = getattr(args, attribute, None)
        for name in value if isinstance(value, list) else [value]:
            if name and str(name) not in names:
                names.append(str(name))
    return names


def empty_file_name(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """`export -o/--output: the file name is empty; ...` when the command line gives a file
    argument as '' (a shell variable that was not set): otherwise it would read as no file at
    all (`--against ''`, `diff -o ''`) or name a file called '' in a puzzling message."""
    for attribute in FILE_ARGUMENTS:
        value = getattr(args, attribute, None)
        if value == "" or (isinstance(value, list) and "" in value):
            return f"{args.command} {_argument_name(parser, args.command, attribute)}: the file name is empty"
    return None


def _argument_name(parser: argparse.ArgumentParser, command: str, attribute: str) -> str:
    """How the command's usage names an argument: "-o/--output", "--against", "FILE"."""
    for action in parser._actions:  # argparse has no public accessor for the subparsers
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            for argument in action.choices[command]._actions:
                if argument.dest == attribute:
                    if argument.option_strings:
                        return "/".join(argument.option_strings)
                    return str(argument.metavar or attribute.upper())
    return attribute


def short(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unexpected_error_line(exc: BaseException, files: list[str], command: str | None) -> str:
    """`plutoeditor: IN, OUT: unexpected error (...); please report it (details in LOG)`.

    The traceback is written to the application log; the line says where that is.
    """
    log = log_traceback(exc, command)
    where = ", ".join(printable(name) for name in files[:3])
    what = f"{type(exc).__name__}: {short(str(exc))}" if str(exc) else type(exc).__name__
    details = f" (details in {printable(str(log))})" if log else ""
    return f"plutoeditor: {where + ': ' if where else ''}unexpected error ({what}); please report it{details}"


def log_traceback(exc: BaseException, command: str | None) -> object:
    """Write the traceback to the log file; return its path, or None if it cannot be written."""
    try:
        import logging

        from plutoeditor.logging_setup import configure_logging, shutdown_logging

        path = configure_logging()
        try:
            logging.getLogger("plutoeditor").error(
                "unexpected error in %s",
                command or "plutoeditor",
                exc_info=(type(exc), exc, exc.__traceback__),
            )
        finally:
            shutdown_logging()
        return path
    except Exception:  # the log is a help, never a second failure
        return None
