"""Smoke test of the editor window: start, open a file, show it, quit with an exit code.

`plutoeditor --smoke-test FILE` in the frozen app (packaging/entry.py) runs this, so CI can
prove that a release build starts its window and opens a policy - with every Qt plugin,
resource and lazily imported module it needs bundled. It uses a throw-away settings and
recovery folder, never the user's. Fails (exit 1) on an unexpected exception, on any modal
dialog (an open error, a recovery offer) and when the document is not shown in time.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from plutoeditor import paths

if TYPE_CHECKING:
    from plutoeditor.ui.editor.main_window import MainWindow


@dataclass
class _Outcome:
    code: int = 1
    message: str = "the window did not show the document in time"
    errors: list[str] = field(default_factory=list)


def run_smoke(file: str | None, timeout_ms: int = 30_000, screenshot: str | None = None) -> int:
    """Open the main window on `file` (or the start page), wait until it shows, quit.

    Returns 0 when the window showed the document, 1 otherwise; prints one line either way.
    `screenshot` (or env PLUTOEDITOR_SMOKE_SCREENSHOT) saves what the window looked like.
    """
    screenshot = screenshot or os.environ.get("PLUTOEDITOR_SMOKE_SCREENSHOT") or None
    previous_home = os.environ.get(paths.HOME_ENV)
    previous_hook = sys.excepthook
    with tempfile.TemporaryDirectory(prefix="plutoeditor-smoke-") as home:
        os.environ[paths.HOME_ENV] = home  # never touch the user's settings or recovery files
        try:
            outcome = _run(file, timeout_ms, screenshot, Path(home))
        finally:
            sys.excepthook = previous_hook
            if previous_home is None:
                os.environ.pop(paths.HOME_ENV, None)
            else:
                os.environ[paths.HOME_ENV] = previous_home
    stream = sys.stdout if outcome.code == 0 else sys.stderr
    print(f"smoke test: {outcome.message}", file=stream)
    return outcome.code


def _run(file: str | None, timeout_ms: int, screenshot: str | None, home: Path) -> _Outcome:
    from plutoeditor.recovery import RecoveryStore
    from plutoeditor.ui.app import make_application
    from plutoeditor.ui.common.settings import Settings
    from plutoeditor.ui.common.translations import install_translator
    from plutoeditor.ui.editor.main_window import MainWindow

    outcome = _Outcome()

    def record(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        outcome.errors.append("".join(traceback.format_exception(exc_type, exc, tb)))

    sys.excepthook = record
    app = make_application()
    translators = install_translator(app)
    window = MainWindow(Settings(home / "smoke.ini"), RecoveryStore(home / "recovery"))
    window.show()
    if file:  # from the event loop, so a modal error dialog cannot block before polling starts
        QTimer.singleShot(0, lambda: window.files.open_path(file, ask=False))
    clock = QElapsedTimer()
    clock.start()

    def finish(code: int, message: str) -> None:
        outcome.code, outcome.message = code, message
        timer.stop()
        app.exit(code)  # also ends a modal dialog's event loop

    def poll() -> None:
        if outcome.errors:
            finish(1, "unexpected error:\n" + outcome.errors[0])
            return
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            text = getattr(dialog, "text", lambda: "")()
            finish(1, f"a dialog appeared: {dialog.windowTitle()}: {text}")
            return
        ready = _ready(window, file)
        if ready is not None:
            if screenshot:
                window.grab().save(screenshot)
            finish(0, f"{ready} in {clock.elapsed()} ms")
        elif clock.elapsed() > timeout_ms:
            finish(1, f"the window did not show {file or 'the start page'} within {timeout_ms} ms")

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
    app.exec()
    window.hide()  # not close(): an imported document would ask to be saved
    window.deleteLater()
    for translator in translators:
        app.removeTranslator(translator)
    app.processEvents()
    return outcome


def _ready(window: MainWindow, file: str | None) -> str | None:
    """A description of what the window shows once it is fully up, else None."""
    if not window.isVisible():
        return None
    if not file:
        return "window shown with the start page"
    document = window.document
    if document is None or document.findings_pending():
        return None
    model = window.outline.model()
    rows = model.rowCount() if model is not None else 0
    if rows == 0 and len(document.policy) > 0:
        return None
    return (
        f"window shown with {Path(file).name}: {len(document.policy)} clauses, "
        f"{len(document.findings)} findings"
    )
