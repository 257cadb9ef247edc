"""The application log: one rotating file in the platform's log folder that a user can send.

Qt-free. The editor window calls `configure_logging()` once at start; the crash handler
(plutoeditor.ui.common.crash) writes unexpected errors with their traceback to the same file.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from plutoeditor import __version__, paths

LOG_FILE_NAME = "plutoeditor.log"
#: Hard crashes (a fault inside Qt or another C library) are written here by faulthandler:
#: the Python log cannot record them, because the process dies at once.
FAULT_LOG_NAME = "plutoeditor-crash.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"


_fault_file: TextIO | None = None  # the open crash log faulthandler writes to
_fault_handler_was_enabled = False  # faulthandler's state before we took it over


class _AppLogHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler this module installed, so a second call does not add another."""


def configure_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Send log records to `<log dir>/plutoeditor.log` (1 MB x 5 files); return its path.

    Safe to call more than once: a call with the same folder keeps the existing handler.
    If the log folder cannot be created, the log goes to the temporary folder instead, so
    a read-only home never stops the app from starting.
    """
    root = logging.getLogger()
    target = _usable_folder(folder or paths.log_dir()) / LOG_FILE_NAME
    for handler in list(root.handlers):
        if isinstance(handler, _AppLogHandler):
            if Path(handler.baseFilename) == target.resolve():
                return target
            root.removeHandler(handler)
            handler.close()
    _enable_fault_log(target.parent / FAULT_LOG_NAME)
    handler = _AppLogHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.getLogger("plutoeditor").info(
        "PlutoEditor %s started (Python %s, %s)",
        __version__,
        platform.python_version(),
        platform.platform(terse=True),
    )
    return target


def log_file() -> Path | None:
    """The file the application log currently goes to, or None before configure_logging()."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _AppLogHandler):
            return Path(handler.baseFilename)
    return None


def shutdown_logging() -> None:
    """Remove and close the application log handler (tests; the end of the app)."""
    global _fault_file
    if _fault_file is not None:
        faulthandler.disable()
        if _fault_handler_was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)  # as it was (pytest)
        _fault_file.close()
        _fault_file = None
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _AppLogHandler):
            root.removeHandler(handler)
            handler.close()


def _enable_fault_log(path: Path) -> None:
    """Let a hard crash leave the Python stack of every thread in `path` (kept under 1 MB)."""
    global _fault_file, _fault_handler_was_enabled
    try:
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - must stay open for faulthandler
    except OSError:
        return
    if _fault_file is None:
        _fault_handler_was_enabled = faulthandler.is_enabled()
    faulthandler.enable(file=handle, all_threads=True)
    if _fault_file is not None:
        _fault_file.close()
    _fault_file = handle


def _usable_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError as exc:
        fallback = Path(tempfile.gettempdir()) / "plutoeditor-log"
        fallback.mkdir(parents=True, exist_ok=True)
        print(
            f"plutoeditor: cannot create the log folder {folder} ({exc}); logging to {fallback}",
            file=sys.stderr,
        )
        return fallback
