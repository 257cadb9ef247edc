"""The application log: one rotating file in the platform's log folder that a user can send.

Qt-free. The editor window calls `configure_logging()` once at start; the crash handler
(plutoeditor.ui.crash) writes unexpected errors with their traceback to the same file.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import tempfile
from pathlib import Path

from plutoeditor import __version__, paths

LOG_FILE_NAME = "plutoeditor.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"


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
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _AppLogHandler):
            root.removeHandler(handler)
            handler.close()


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
