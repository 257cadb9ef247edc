"""The application log lands in the platform's log folder and rotates."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from plutoeditor import logging_setup, paths


@pytest.fixture(autouse=True)
def _no_leftover_handler():
    yield
    logging_setup.shutdown_logging()


def test_log_goes_to_the_log_folder(_private_home):
    path = logging_setup.configure_logging()
    assert path == paths.log_dir() / "plutoeditor.log"
    assert path.parent == _private_home / "log"
    logging.getLogger("plutoeditor.test").warning("clause 2.3.9 could not be checked")
    text = path.read_text(encoding="utf-8")
    assert "PlutoEditor" in text and "started" in text
    assert "WARNING" in text and "clause 2.3.9 could not be checked" in text


def test_configuring_twice_keeps_one_handler(_private_home):
    first = logging_setup.configure_logging()
    second = logging_setup.configure_logging()
    assert first == second
    logging.getLogger("plutoeditor.test").warning("only once")
    assert first.read_text(encoding="utf-8").count("only once") == 1
    assert logging_setup.log_file() == first


def test_unwritable_log_folder_falls_back_to_temp(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    path = logging_setup.configure_logging(folder=blocker / "log")
    assert path.name == "plutoeditor.log"
    assert path.parent.name == "plutoeditor-log"


def test_log_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2000)
    path = logging_setup.configure_logging(folder=tmp_path)
    for i in range(100):
        logging.getLogger("plutoeditor.test").warning("line %d of a long session", i)
    assert path.stat().st_size <= 2000
    assert (tmp_path / "plutoeditor.log.1").exists()


HARD_CRASH = """
import faulthandler
from plutoeditor.logging_setup import configure_logging
configure_logging()
faulthandler._sigsegv()  # what a fault inside Qt looks like to Python
"""


def test_a_hard_crash_leaves_a_log_with_the_stack(_private_home):
    result = subprocess.run([sys.executable, "-c", HARD_CRASH], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    text = (_private_home / "log" / "plutoeditor-crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "line 5" in text  # the Python stack at the moment of the crash
