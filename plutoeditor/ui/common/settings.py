"""User preferences and remembered window state, stored with QSettings.

Defaults are declared once, in `PREFERENCES`. Preferences (what the user chooses) live in
the "preferences" group; things the app merely remembers (recent files, window geometry
and dock layout) live apart in the "cache" group, so clearing the cache never loses a
choice. The file is `PlutoEditor.ini` in the platform's config folder (plutoeditor.paths),
which PLUTOEDITOR_HOME redirects; the same file on every platform, easy to inspect or send.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from plutoeditor import paths

ORGANISATION = "PlutoEditor"
APPLICATION = "PlutoEditor"


@dataclass(frozen=True)
class Preference:
    """One user preference: its default, its allowed range and what it means."""

    default: int
    minimum: int
    maximum: int
    description: str


#: Every preference and its default, in one place.
PREFERENCES: dict[str, Preference] = {
    "autosave_interval_seconds": Preference(30, 5, 3600, "Seconds between autosaves to the recovery file"),
    "recent_files_max": Preference(10, 0, 50, "How many recently opened files to list"),
    "findings_debounce_ms": Preference(300, 0, 5000, "Pause after an edit before findings refresh"),
}

_PREFS = "preferences/"
_CACHE = "cache/"


@dataclass(frozen=True)
class WindowState:
    """Remembered main-window geometry and toolbar/dock layout (QMainWindow.saveState)."""

    geometry: QByteArray | None
    state: QByteArray | None


class Settings:
    """Typed access to preferences, recent files and window state.

    `Settings()` uses the user's settings file; `Settings(path)` any INI file (tests).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else paths.settings_file()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- preferences -----------------------------------------------------------

    def get(self, name: str) -> int:
        """A preference's value; the default when unset, unreadable or out of range."""
        pref = PREFERENCES[name]
        raw = self._store.value(_PREFS + name)
        try:
            value = int(str(raw)) if raw is not None else pref.default
        except ValueError:
            return pref.default
        return value if pref.minimum <= value <= pref.maximum else pref.default

    def set(self, name: str, value: int) -> None:
        """Store a preference; a value outside its range raises ValueError."""
        pref = PREFERENCES[name]
        if not isinstance(value, int) or not pref.minimum <= value <= pref.maximum:
            raise ValueError(f"{name} must be a whole number from {pref.minimum} to {pref.maximum}")
        self._store.setValue(_PREFS + name, value)

    def reset(self, name: str) -> None:
        """Forget a preference, so its default applies again."""
        self._store.remove(_PREFS + name)

    @property
    def autosave_interval_seconds(self) -> int:
        return self.get("autosave_interval_seconds")

    @autosave_interval_seconds.setter
    def autosave_interval_seconds(self, value: int) -> None:
        self.set("autosave_interval_seconds", value)

    @property
    def recent_files_max(self) -> int:
        return self.get("recent_files_max")

    @recent_files_max.setter
    def recent_files_max(self, value: int) -> None:
        self.set("recent_files_max", value)
        self._store_recent(self.recent_files())

    @property
    def findings_debounce_ms(self) -> int:
        return self.get("findings_debounce_ms")

    @findings_debounce_ms.setter
    def findings_debounce_ms(self, value: int) -> None:
        self.set("findings_debounce_ms", value)

    # -- recent files (cache) --------------------------------------------------

    def recent_files(self) -> list[str]:
        """Recently opened files, most recent first (files since deleted are still listed)."""
        raw: Any = self._store.value(_CACHE + "recent_files", [])
        if raw is None:
            return []
        if isinstance(raw, str):  # an INI list of one item comes back as a plain string
            raw = [raw]
        return [str(item) for item in raw if str(item)][: self.recent_files_max]

    def add_recent_file(self, path: str | os.PathLike[str]) -> list[str]:
        """Put a file at the top of the recent list (once); return the new list."""
        entry = str(Path(path).expanduser().resolve())
        files = [entry] + [f for f in self.recent_files() if f != entry]
        return self._store_recent(files)

    def remove_recent_file(self, path: str | os.PathLike[str]) -> list[str]:
        """Drop a file from the recent list (e.g. it could not be opened)."""
        entry = str(Path(path).expanduser().resolve())
        return self._store_recent([f for f in self.recent_files() if f not in (entry, str(path))])

    def clear_recent_files(self) -> None:
        self._store.remove(_CACHE + "recent_files")

    def _store_recent(self, files: list[str]) -> list[str]:
        files = files[: self.recent_files_max]
        self._store.setValue(_CACHE + "recent_files", files)
        return files

    # -- window state (cache) --------------------------------------------------

    def window_state(self) -> WindowState:
        """The main window's last geometry and layout, or Nones on first start."""
        return WindowState(self._bytes("window_geometry"), self._bytes("window_state"))

    def save_window_state(self, geometry: QByteArray | bytes, state: QByteArray | bytes) -> None:
        """Remember QMainWindow.saveGeometry() and saveState() for the next start."""
        self._store.setValue(_CACHE + "window_geometry", QByteArray(geometry))
        self._store.setValue(_CACHE + "window_state", QByteArray(state))

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(_CACHE + key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes) and value:
            return QByteArray(value)
        return None

    # -- storage ---------------------------------------------------------------

    def sync(self) -> None:
        """Write pending changes to disk now (QSettings also does this on its own)."""
        self._store.sync()
