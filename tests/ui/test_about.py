"""The About dialog names the version and every bundled library's licence; --version works."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata

import pytest
from PySide6.QtWidgets import QLabel, QTextBrowser

import plutoeditor
from plutoeditor import paths
from plutoeditor.cli.main import main
from plutoeditor.ui.common.about import BUNDLED_LIBRARIES, about_html, show_about


def test_about_dialog_shows_version_and_licences(qtbot):
    dialog = show_about(None)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert plutoeditor.__version__ in dialog.findChild(QLabel, "aboutVersion").text()
    text = dialog.findChild(QTextBrowser, "aboutText").toPlainText()
    for expected in ("PySide6", "LGPL-3.0", "python-docx", "diff-match-patch", "Apache-2.0", "PyYAML"):
        assert expected in text
    assert metadata.version("python-docx") in text
    assert metadata.version("PyYAML") in text
    assert "licences" in text


def test_licence_texts_the_lgpl_requires_are_shipped():
    licences = paths.resources_dir() / "licences"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in (licences / "GPL-3.0.txt").read_text(encoding="utf-8")
    assert "Apache License" in (licences / "Apache-2.0.txt").read_text(encoding="utf-8")
    assert str(licences) in about_html()


def test_every_runtime_dependency_is_listed():
    listed = {lib.distribution.lower() for lib in BUNDLED_LIBRARIES}
    required = metadata.requires("plutoeditor") or []
    runtime = [r for r in required if "extra ==" not in r]
    names = {re.match(r"[A-Za-z0-9._-]+", r).group(0).lower() for r in runtime}
    assert names and names <= listed


def test_about_says_where_the_log_and_settings_are(_private_home):
    text = about_html()
    assert str(_private_home / "log") in text
    assert str(_private_home / "config" / "PlutoEditor.ini") in text
    assert str(_private_home / "state" / "recovery") in text


def test_about_text_is_escaped_html():
    text = about_html()
    assert text.count("<tr>") == len(BUNDLED_LIBRARIES) + 1 + 3  # libraries, header, 3 folders
    assert "<script" not in text


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"PlutoEditor {plutoeditor.__version__}"


def test_version_flag_from_the_console_script():
    result = subprocess.run(
        [sys.executable, "-m", "plutoeditor", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"PlutoEditor {plutoeditor.__version__}"
