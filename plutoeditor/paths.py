"""Where PlutoEditor keeps its settings, recovery files and logs on each platform.

Qt-free, so the CLI and the recovery store can use it. Setting the environment variable
PLUTOEDITOR_HOME puts everything under that one folder (tests point it at a temporary
folder so nothing touches the real home; a portable install can use it too).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "PlutoEditor"
HOME_ENV = "PLUTOEDITOR_HOME"


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME") or env.get("USERPROFILE")
    return Path(home) if home else Path.home()


def _override(env: Mapping[str, str]) -> Path | None:
    value = env.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _xdg(env: Mapping[str, str], variable: str, fallback: str) -> Path:
    value = env.get(variable, "").strip()
    # The XDG spec says relative values are invalid and must be ignored.
    if value and Path(value).is_absolute():
        return Path(value)
    return _home(env) / fallback


def _local_appdata(env: Mapping[str, str]) -> Path:
    value = env.get("LOCALAPPDATA", "").strip()
    return Path(value) if value else _home(env) / "AppData" / "Local"


def config_dir(platform: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Folder of the settings file (user preferences, recent files, window state)."""
    platform, env = platform or sys.platform, _env(env)
    if (root := _override(env)) is not None:
        return root / "config"
    if platform.startswith("win"):
        value = env.get("APPDATA", "").strip()
        return (Path(value) if value else _home(env) / "AppData" / "Roaming") / APP_NAME
    if platform == "darwin":
        return _home(env) / "Library" / "Preferences" / APP_NAME
    return _xdg(env, "XDG_CONFIG_HOME", ".config") / "plutoeditor"


def state_dir(platform: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Folder for data the app keeps between runs that is not a preference."""
    platform, env = platform or sys.platform, _env(env)
    if (root := _override(env)) is not None:
        return root / "state"
    if platform.startswith("win"):
        return _local_appdata(env) / APP_NAME
    if platform == "darwin":
        return _home(env) / "Library" / "Application Support" / APP_NAME
    return _xdg(env, "XDG_STATE_HOME", ".local/state") / "plutoeditor"


def recovery_dir(platform: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Folder of the autosaved recovery copies of unsaved documents."""
    platform, env = platform or sys.platform, _env(env)
    native_style = _override(env) is None and (platform.startswith("win") or platform == "darwin")
    return state_dir(platform, env) / ("Recovery" if native_style else "recovery")


def log_dir(platform: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Folder of the log file a user can send when something went wrong."""
    platform, env = platform or sys.platform, _env(env)
    if (root := _override(env)) is not None:
        return root / "log"
    if platform.startswith("win"):
        return _local_appdata(env) / APP_NAME / "Logs"
    if platform == "darwin":
        return _home(env) / "Library" / "Logs" / APP_NAME
    return _xdg(env, "XDG_STATE_HOME", ".local/state") / "plutoeditor" / "log"


def settings_file(platform: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The INI file QSettings stores preferences in (the same on every platform, easy to send)."""
    return config_dir(platform, env) / f"{APP_NAME}.ini"


def resources_dir() -> Path:
    """The application's resources/ folder (icons, samples, templates, translations).

    In a frozen build it sits beside the bundled code (PyInstaller's _MEIPASS); from a
    source checkout it is the repository's resources/ folder.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"
