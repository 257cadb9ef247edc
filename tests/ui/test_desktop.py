"""The running app identifies itself with the icon and desktop-file id it is installed with."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from plutoeditor.ui.common.desktop import APP_ID, application_icon, apply_desktop_identity

DESKTOP_FILE = Path(__file__).resolve().parents[2] / "packaging" / "linux" / f"{APP_ID}.desktop"


def test_icon_has_every_size(qapp):
    sizes = {(s.width(), s.height()) for s in application_icon().availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes


def test_app_uses_the_desktop_file_id(qapp):
    previous = QGuiApplication.desktopFileName()
    try:
        apply_desktop_identity(qapp)
        assert QGuiApplication.desktopFileName() == APP_ID
        assert DESKTOP_FILE.is_file()  # the id names the installed desktop entry
        assert not QGuiApplication.windowIcon().isNull()
    finally:
        QGuiApplication.setDesktopFileName(previous)
