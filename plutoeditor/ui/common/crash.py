"""Unexpected errors become a log entry and a calm dialog, never a crash.

PySide6 hands an exception raised in a slot or event handler to `sys.excepthook` and keeps
the event loop running, so the document stays open and saveable. `install_excepthook(app)`
logs such an exception with its traceback to the application log and tells the user what
happened and where the log is. Exceptions from worker threads are logged there and the
dialog is shown on the GUI thread. One dialog at a time: errors that happen while it is
open are only logged.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from plutoeditor.logging_setup import configure_logging, log_file

log = logging.getLogger("plutoeditor.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


# Qt's translation lookup; lupdate finds the literal context and text in each call.
translate = QCoreApplication.translate


def show_crash_dialog(parent: QWidget | None, summary: str, log_path: Path | None) -> None:
    """The dialog the user sees. Tests replace this function (it is looked up at call time)."""
    where = str(log_path) if log_path else translate("CrashDialog", "(no log file could be written)")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("CrashDialog", "Unexpected error"))
    box.setText(
        translate("CrashDialog", "PlutoEditor ran into an unexpected problem and stopped that action.")
    )
    box.setInformativeText(
        translate(
            "CrashDialog",
            "Your document is still open. Save it now, or use Save As to keep a copy.\n\n"
            "Details were written to the log file:\n{log}\n\n"
            "Please send that file to your support contact.",
        ).format(log=where)
    )
    box.setDetailedText(summary)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


class CrashHandler(QObject):
    """Owns the hooks; `report()` may be called from any thread."""

    _report_requested = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__()
        self.moveToThread(app.thread())
        self._dialog_open = False
        self.reported = 0
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook
        self._report_requested.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._threading_hook

    def uninstall(self) -> None:
        """Put the previous hooks back (tests; the end of the app)."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_excepthook
        if threading.excepthook == self._threading_hook:
            threading.excepthook = self._previous_threading_hook

    # -- hooks -----------------------------------------------------------------

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self.report((exc_type, exc, tb))

    def _threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.report((args.exc_type, args.exc_value, args.exc_traceback))

    # -- reporting -------------------------------------------------------------

    def report(self, exc_info: ExcInfo) -> None:
        """Log the exception with its traceback and ask the GUI thread to tell the user."""
        summary = "".join(traceback.format_exception(*exc_info))
        try:
            log.critical("Unexpected error:\n%s", summary.rstrip())
        except Exception:  # noqa: BLE001 - reporting must never raise
            sys.stderr.write(summary)
        self.reported += 1
        if threading.current_thread() is threading.main_thread():
            self._show(summary)
        else:
            self._report_requested.emit(summary)

    @Slot(str)
    def _show(self, summary: str) -> None:
        if self._dialog_open:
            log.info("another error happened while the error dialog was open; logged only")
            return
        self._dialog_open = True
        try:
            parent = (
                QApplication.activeWindow() if isinstance(QCoreApplication.instance(), QApplication) else None
            )
            # Looked up through the module so tests can monkeypatch it.
            sys.modules[__name__].show_crash_dialog(parent, summary, log_file())
        except Exception:  # noqa: BLE001 - a failing dialog must not start a loop of dialogs
            log.exception("could not show the error dialog")
        finally:
            self._dialog_open = False


_installed: CrashHandler | None = None


def install_excepthook(app: QCoreApplication) -> CrashHandler:
    """Turn unexpected exceptions into a log entry and an error dialog (call once at start).

    Configures the log file if nobody has yet. Calling it again replaces the earlier handler.
    """
    global _installed
    if log_file() is None:
        configure_logging()
    if _installed is not None:
        _installed.uninstall()
    _installed = CrashHandler(app)
    _installed.install()
    return _installed
