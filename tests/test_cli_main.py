"""The command-line entry point: exit codes and one-line errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys

from plutoeditor import __version__


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "plutoeditor", *args], capture_output=True, text=True)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"PlutoEditor {__version__}"


def test_closed_pipe_is_not_an_error(seed_2022):
    proc = subprocess.Popen(
        [sys.executable, "-m", "plutoeditor", "check", str(seed_2022), str(seed_2022)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    _, err = proc.communicate()
    assert b"Traceback" not in err and b"Broken pipe" not in err


def test_deeply_nested_text_is_one_line_error(tmp_path):
    lines = ["Policy", ""]
    label = "1"
    for _ in range(150):
        lines += [f"{label} Clause at this level.", ""]
        label += ".1"
    source = tmp_path / "deep.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    for command in (["check", str(source)], ["import", str(source), "-o", str(tmp_path / "o.policy.yaml")]):
        result = run(*command)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert str(source) in result.stderr and "nested more than" in result.stderr
    assert not (tmp_path / "o.policy.yaml").exists()
