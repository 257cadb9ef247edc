"""No abort when work is still running: 50 exports in a row in one window, quitting during an
export, closing a running comparison. Each runs the real application loop in its own
process (tests/ui/drive_exports.py), so an abort shows as the process dying by SIGABRT."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("drive_exports.py")


def drive(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PLUTOEDITOR_HOME=str(folder / "home"))
    return subprocess.run(
        [sys.executable, str(DRIVER), str(folder), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def hidden_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def assert_clean_exit(run: subprocess.CompletedProcess[str]) -> None:
    assert "QThread: Destroyed" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stderr[-2000:]}"


def test_fifty_exports_in_a_row_then_quit(tmp_path):
    run = drive(tmp_path, "exports", "50")
    assert_clean_exit(run)
    assert run.stdout.startswith("exit 0; 50 done")
    written = sorted(tmp_path.glob("out-*"))
    assert len(written) == 50 and all(p.stat().st_size > 0 for p in written)
    assert hidden_files(tmp_path) == []


def test_quitting_during_an_export_finishes_it_then_closes(tmp_path):
    run = drive(tmp_path, "quit-during-export")
    assert_clean_exit(run)
    assert "still open" in run.stdout  # Quit waited for the export instead of tearing it down
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert hidden_files(tmp_path) == []  # no half-written temporary file left


@pytest.mark.parametrize("mode", ["close-comparing"])
def test_closing_a_running_comparison_then_quitting(tmp_path, mode):
    run = drive(tmp_path, mode)
    assert_clean_exit(run)
    assert "compare closed" in run.stdout
