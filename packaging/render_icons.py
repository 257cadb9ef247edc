"""Render resources/icons/plutoeditor.svg to the PNG sizes desktops ask for, plus .ico/.icns.

Run from the repository: `QT_QPA_PLATFORM=offscreen python packaging/render_icons.py`.
Writes resources/icons/plutoeditor-<n>.png, plutoeditor.ico (Windows) and
plutoeditor.icns (macOS). packaging/linux/install.sh copies the PNGs into the freedesktop
hicolor icon theme layout.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def encode(image: QImage, fmt: str) -> bytes | None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, fmt)
    buffer.close()
    return bytes(data) if ok else None


def _write(path: Path, payload: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(payload)
    tmp.replace(path)


def ico_with_pngs(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding every size as a PNG entry (smaller than Qt's one-size BMP ICO)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    directory, payload = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + directory + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "plutoeditor.svg"))
    if not renderer.isValid():
        print("plutoeditor.svg is not a valid SVG", file=sys.stderr)
        return 1
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        png = encode(render(renderer, size), "PNG")
        if png is None:
            print(f"cannot encode a {size} px PNG", file=sys.stderr)
            return 1
        pngs[size] = png
        _write(ICONS / f"plutoeditor-{size}.png", png)
    _write(ICONS / "plutoeditor.ico", ico_with_pngs(pngs))
    icns = encode(render(renderer, 256), "ICNS")
    if icns is None:
        print("note: this Qt has no ICNS writer; plutoeditor.icns not made", file=sys.stderr)
    else:
        _write(ICONS / "plutoeditor.icns", icns)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
