"""The application's identity on the desktop: window icon and desktop-file id.

The desktop-file id lets Wayland compositors and docks match the window to
org.plutoeditor.PlutoEditor.desktop (its name, icon and file associations); the window
icon is what X11, Windows and the task switcher show.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from plutoeditor import paths

APP_ID = "org.plutoeditor.PlutoEditor"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """PlutoEditor's icon in every size in resources/icons (needs the QGuiApplication first)."""
    icon = QIcon()
    folder = paths.resources_dir() / "icons"
    for size in ICON_SIZES:
        png = folder / f"plutoeditor-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon


def apply_desktop_identity(app: QGuiApplication) -> None:
    """Give the app its icon and desktop-file id (call once, right after creating it)."""
    app.setDesktopFileName(APP_ID)
    icon = application_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
