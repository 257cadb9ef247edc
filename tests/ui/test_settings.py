"""Preferences have one set of defaults, survive a restart and stay apart from window state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from plutoeditor.ui.common.settings import PREFERENCES, Settings


def test_defaults_when_nothing_is_stored(_private_home):
    settings = Settings()
    assert settings.path == _private_home / "config" / "PlutoEditor.ini"
    assert settings.autosave_interval_seconds == 30
    assert settings.recent_files_max == 10
    assert settings.findings_debounce_ms == 300
    assert {name: p.default for name, p in PREFERENCES.items()} == {
        "autosave_interval_seconds": 30,
        "recent_files_max": 10,
        "findings_debounce_ms": 300,
    }
    assert settings.recent_files() == []
    assert settings.window_state().geometry is None


def test_preferences_survive_a_restart(tmp_path):
    ini = tmp_path / "custom.ini"
    settings = Settings(ini)
    settings.autosave_interval_seconds = 60
    settings.set("findings_debounce_ms", 500)
    settings.sync()
    again = Settings(ini)
    assert again.autosave_interval_seconds == 60
    assert again.get("findings_debounce_ms") == 500
    again.reset("autosave_interval_seconds")
    assert again.autosave_interval_seconds == 30
    text = ini.read_text(encoding="utf-8")
    assert "[preferences]" in text


def test_out_of_range_values_are_refused_and_bad_file_values_ignored(tmp_path):
    ini = tmp_path / "s.ini"
    settings = Settings(ini)
    with pytest.raises(ValueError, match="autosave_interval_seconds"):
        settings.autosave_interval_seconds = 0
    ini.write_text(
        "[preferences]\nautosave_interval_seconds=soon\nfindings_debounce_ms=-4\n", encoding="utf-8"
    )
    reread = Settings(ini)
    assert reread.autosave_interval_seconds == 30
    assert reread.findings_debounce_ms == 300


def test_recent_files_most_recent_first_without_duplicates(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    a, b = tmp_path / "a.policy.yaml", tmp_path / "b.policy.yaml"
    settings.add_recent_file(a)
    assert settings.recent_files() == [str(a)]  # a one-item list survives the INI format
    settings.add_recent_file(b)
    settings.add_recent_file(a)
    assert Settings(tmp_path / "s.ini").recent_files() == [str(a), str(b)]
    settings.remove_recent_file(b)
    assert settings.recent_files() == [str(a)]
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_recent_files_are_capped(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    for i in range(15):
        settings.add_recent_file(tmp_path / f"p{i}.policy.yaml")
    files = settings.recent_files()
    assert len(files) == 10
    assert files[0].endswith("p14.policy.yaml")
    settings.recent_files_max = 3
    assert len(Settings(tmp_path / "s.ini").recent_files()) == 3


def test_window_state_round_trips_and_lives_in_the_cache_group(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(900, 640)
    settings = Settings(tmp_path / "s.ini")
    settings.save_window_state(window.saveGeometry(), window.saveState())
    settings.sync()
    restored = Settings(tmp_path / "s.ini").window_state()
    assert isinstance(restored.geometry, QByteArray) and not restored.geometry.isEmpty()
    other = QMainWindow()
    qtbot.addWidget(other)
    assert other.restoreGeometry(restored.geometry)
    assert other.restoreState(restored.state)
    text = (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert "[cache]" in text and "window_geometry" in text
