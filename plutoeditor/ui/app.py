"""`plutoeditor [FILE]`: start the application and open the editor window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from plutoeditor.ui.common.desktop import apply_desktop_identity
from plutoeditor.ui.common.settings import APPLICATION, ORGANISATION
from plutoeditor.ui.editor.main_window import MainWindow

#: How long a thread holding the interpreter lock keeps it once another asks (Python's
#: default: 5 ms). Every time Qt calls Python on the GUI thread (a paint of a Python model's
#: rows, a timer, an event) while a worker checks or exports, the GUI thread may wait this
#: long for the lock; a burst of such calls added up to 100-200 ms of frozen window.
SWITCH_INTERVAL_S = 0.001


def make_application() -> QApplication:
    """The QApplication, named and styled (created once)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setStyle("Fusion")
    apply_desktop_identity(app)
    if not app.property("plutoeditor_finishes_work"):
        app.setProperty("plutoeditor_finishes_work", True)
        app.aboutToQuit.connect(finish_running_work)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    return app


def finish_running_work() -> None:
    """The application is quitting: cancel running comparisons and let every worker end, so
    no thread is destroyed while it runs (that aborts the process and can leave a hidden
    temporary file behind)."""
    from plutoeditor.ui.common.workers import wait_for_all_work
    from plutoeditor.ui.compare.worker import stop_comparisons

    stop_comparisons()
    wait_for_all_work()


def open_windows(files: list[str]) -> list[MainWindow]:
    """One window per file; with no file, recovered work, the last document or the start page.

    Recovered work comes first, whichever way the app was started: each recovery copy the
    user chose to recover gets a window, and a file named on the command line whose work was
    recovered is not opened again from disk (that would replace the recovered text).
    """
    windows: list[MainWindow] = []

    def new_window() -> MainWindow:
        window = MainWindow()
        window.show()
        windows.append(window)
        return window

    first = new_window()
    recovered: set[str] = set()
    for entry in first.autosave.offer_recovery():
        window = first if first.document is None else new_window()
        if window.autosave.recover(entry) and entry.original_path:
            recovered.add(_same_name(entry.original_path))
    for path in files:
        if _same_name(path) in recovered:
            continue
        window = first if first.document is None else new_window()
        window.files.open_path(path, ask=False)
    if not files and first.document is None:
        recent = [p for p in first.settings.recent_files() if Path(p).is_file()]
        if recent:
            first.files.open_path(recent[0], ask=False)
    return windows


def _same_name(path: str) -> str:
    """A file's name, resolved, so two spellings of one file compare equal."""
    return str(Path(path).resolve())


def run_app(files: list[str]) -> int:
    """Run the editor until its last window closes; the exit code for the shell."""
    app = make_application()
    from plutoeditor.ui.common.crash import install_excepthook
    from plutoeditor.ui.common.idle_gc import collect_when_idle
    from plutoeditor.ui.common.translations import install_translator

    install_translator(app)
    install_excepthook(app)
    collect_when_idle(app)
    windows = open_windows(files)
    code = app.exec()
    finish_running_work()  # also when the loop ended without aboutToQuit (it is cheap twice)
    del windows
    return code
