"""Windows and dialogs sized to fit the screen they open on: the size asked for where that
fits, else nine tenths of the screen's free area (the editor window's own rule), so a
1366x768 laptop sees the whole of a print preview or a comparison."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() * 9 // 10)
        height = min(height, free.height() * 9 // 10)
    widget.resize(width, height)
