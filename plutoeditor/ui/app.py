"""`plutoeditor [FILE]`: start the application and open the editor window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from plutoeditor.ui.desktop import apply_desktop_identity
from plutoeditor.ui.main_window import MainWindow
from plutoeditor.ui.settings import APPLICATION, ORGANISATION


def make_application() -> QApplication:
    """The QApplication, named and styled (created once)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setStyle("Fusion")
    apply_desktop_identity(app)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    return app


def open_windows(files: list[str]) -> list[MainWindow]:
    """One window per file; with no file, recovered work, the last document or the start page."""
    windows: list[MainWindow] = []
    first = MainWindow()
    first.show()
    windows.append(first)
    recovered = first.autosave.offer_recovery()
    if files:
        first.files.open_path(files[0], ask=False)
        for path in files[1:]:
            window = MainWindow()
            window.show()
            window.files.open_path(path, ask=False)
            windows.append(window)
    elif not recovered:
        recent = [p for p in first.settings.recent_files() if Path(p).is_file()]
        if recent:
            first.files.open_path(recent[0], ask=False)
    return windows


def run_app(files: list[str]) -> int:
    """Run the editor until its last window closes; the exit code for the shell."""
    app = make_application()
    from plutoeditor.ui.crash import install_excepthook
    from plutoeditor.ui.translations import install_translator

    install_translator(app)
    install_excepthook(app)
    windows = open_windows(files)
    code = app.exec()
    del windows
    return code
