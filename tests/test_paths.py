"""Settings, recovery files and logs go where each platform expects them."""

from __future__ import annotations

import sys
from pathlib import Path

from plutoeditor import paths

LINUX_HOME = {"HOME": "/home/ana"}
WIN = {
    "USERPROFILE": r"C:\Users\ana",
    "APPDATA": r"C:\Users\ana\AppData\Roaming",
    "LOCALAPPDATA": r"C:\Users\ana\AppData\Local",
}
MAC = {"HOME": "/Users/ana"}


def test_linux_defaults_follow_xdg():
    assert paths.config_dir("linux", LINUX_HOME) == Path("/home/ana/.config/plutoeditor")
    assert paths.recovery_dir("linux", LINUX_HOME) == Path("/home/ana/.local/state/plutoeditor/recovery")
    assert paths.log_dir("linux", LINUX_HOME) == Path("/home/ana/.local/state/plutoeditor/log")


def test_linux_xdg_variables_win_but_relative_ones_are_ignored():
    env = {**LINUX_HOME, "XDG_STATE_HOME": "/data/state", "XDG_CONFIG_HOME": "relative/cfg"}
    assert paths.log_dir("linux", env) == Path("/data/state/plutoeditor/log")
    assert paths.recovery_dir("linux", env) == Path("/data/state/plutoeditor/recovery")
    assert paths.config_dir("linux", env) == Path("/home/ana/.config/plutoeditor")


def test_windows_uses_local_appdata_for_recovery_and_logs():
    assert paths.recovery_dir("win32", WIN) == Path(WIN["LOCALAPPDATA"]) / "PlutoEditor" / "Recovery"
    assert paths.log_dir("win32", WIN) == Path(WIN["LOCALAPPDATA"]) / "PlutoEditor" / "Logs"
    assert paths.config_dir("win32", WIN) == Path(WIN["APPDATA"]) / "PlutoEditor"


def test_macos_uses_library_folders():
    assert paths.recovery_dir("darwin", MAC) == Path(
        "/Users/ana/Library/Application Support/PlutoEditor/Recovery"
    )
    assert paths.log_dir("darwin", MAC) == Path("/Users/ana/Library/Logs/PlutoEditor")


def test_plutoeditor_home_overrides_everything(tmp_path):
    env = {**LINUX_HOME, "PLUTOEDITOR_HOME": str(tmp_path)}
    for platform in ("linux", "win32", "darwin"):
        assert paths.config_dir(platform, env) == tmp_path / "config"
        assert paths.recovery_dir(platform, env) == tmp_path / "state" / "recovery"
        assert paths.log_dir(platform, env) == tmp_path / "log"
        assert paths.settings_file(platform, env) == tmp_path / "config" / "PlutoEditor.ini"


def test_tests_never_touch_the_real_home(tmp_path):
    # tests/conftest.py points PLUTOEDITOR_HOME at a temporary folder for every test.
    assert paths.log_dir() != paths.log_dir("linux", LINUX_HOME)
    assert not str(paths.recovery_dir()).startswith(str(Path.home() / ".local"))


def test_resources_folder_is_found_from_a_checkout():
    assert paths.resources_dir().name == "resources"
    assert paths.resources_dir().parent == Path(paths.__file__).resolve().parents[1]


def test_resources_folder_in_a_frozen_build(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
