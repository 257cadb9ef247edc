"""Quit, from any window: every window of the application is closed, the one Quit was pressed
in first, each asking to save its work as its own Close does. Quit stops at the first window
the user keeps open (Cancel); a window that closes once its work in progress is done (an
export, a save) says so with `closes_when_idle`, and Quit goes on to the others.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def quit_application(first: QWidget | None = None) -> bool:
    """Close every main window (editors, compare windows), `first` first; True when all closed
    or will close as soon as their work is done."""
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    if first is not None and first.window() in windows:
        windows.remove(first.window())  # type: ignore[arg-type]
        windows.insert(0, first.window())  # type: ignore[arg-type]
    for window in windows:
        if not window.isVisible():
            continue  # closed with the one before (a compare window with its editor)
        if not window.close() and not getattr(window, "closes_when_idle", False):
            return False
    return True
