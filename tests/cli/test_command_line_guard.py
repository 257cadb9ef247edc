"""The command line never prints a traceback, never opens a window by mistake, and prints file
names that hold terminal escapes as escapes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import plutoeditor.cli.check as check_command
from plutoeditor.cli.main import main

POLICY = "1 Scope\n\n1.1 This notice applies to the shop.\n"


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONFAULTHANDLER"] = ""
    return env


def test_a_mistyped_command_is_argparses_error_not_the_window(tmp_path):
    (tmp_path / "x.txt").write_text(POLICY)
    result = subprocess.run(
        [sys.executable, "-m", "plutoeditor", "chek", "x.txt"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, env=_headless_env(),
    )  # fmt: skip
    assert result.returncode == 2
    assert "invalid choice: 'chek'" in result.stderr and "'check'" in result.stderr
    assert "qt.qpa" not in result.stderr and "Aborted" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11/Wayland display check")
def test_the_window_without_a_display_is_one_line_not_qts_abort(tmp_path):
    (tmp_path / "x.txt").write_text(POLICY)
    result = subprocess.run(
        [sys.executable, "-m", "plutoeditor", "x.txt"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, env=_headless_env(),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("plutoeditor: no display to open the editor window on")
    assert len(result.stderr.splitlines()) == 1


def test_an_unexpected_error_is_one_line_naming_the_file_and_the_traceback_goes_to_the_log(
    tmp_path, capsys, monkeypatch, _private_home
):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)

    def broken(policy):
        raise ValueError("a bug in a check")

    monkeypatch.setattr(check_command, "run_checks", broken)
    assert main(["check", str(source)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"plutoeditor: {source}: unexpected error (ValueError: a bug in a check)")
    log = _private_home / "log" / "plutoeditor.log"
    assert f"details in {log}" in err
    assert "Traceback" in log.read_text() and "a bug in a check" in log.read_text()


def test_a_huge_exception_message_is_cut_to_one_short_line(tmp_path, capsys, monkeypatch):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)

    def broken(policy):
        raise ValueError("title " * 1_000_000)

    monkeypatch.setattr(check_command, "run_checks", broken)
    assert main(["check", str(source)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and len(err) < 1000


@pytest.mark.skipif(os.name != "posix", reason="escape characters in file names")
def test_file_names_with_terminal_escapes_are_printed_escaped(tmp_path, capsys):
    name = tmp_path / "policy\x1b[2J\x1b]0;owned\x07.txt"
    name.write_text("1 Scope\n\n1.1 Text.\n\n1.3 More text.\n")
    assert main(["check", str(name)]) == 1
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err and "\x07" not in captured.out
    assert "policy\\x1b[2J\\x1b]0;owned\\x07.txt:5:" in captured.out
    missing = tmp_path / "gone\x1b[31m.txt"
    assert main(["check", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "gone\\x1b[31m.txt: no such file" in err
    other = tmp_path / "other.txt"
    other.write_text("1 Scope\n\n1.1 Changed text.\n")
    assert main(["diff", str(name), str(other)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "policy\\x1b[2J" in out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11/Wayland display check")
def test_compare_without_a_display_is_one_line_not_qts_abort(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(POLICY)
    result = subprocess.run(
        [sys.executable, "-m", "plutoeditor", "compare", "a.txt", "b.txt"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, env=_headless_env(),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("plutoeditor: no display to open the editor window on")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_compare_refuses_a_fifo_before_opening_a_window(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(POLICY)
    os.mkfifo(tmp_path / "b.txt")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 2
    assert "b.txt: is not a regular file" in capsys.readouterr().err


def test_an_importer_bug_is_one_line_and_its_traceback_goes_to_the_log(
    tmp_path, capsys, monkeypatch, _private_home
):
    import plutoeditor.file_formats as opening

    source = tmp_path / "policy.txt"
    source.write_text(POLICY)

    def broken(path):
        raise KeyError("x" * 100_000)

    monkeypatch.setattr(opening, "open_policy", broken)
    assert main(["check", str(source)]) == 2
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if str(source) in line)
    assert line.startswith(f"plutoeditor: {source}: cannot read this file as a policy (KeyError: ")
    assert len(line) < 1000 and "Traceback" not in err
    assert "Traceback" in (_private_home / "log" / "plutoeditor.log").read_text()
