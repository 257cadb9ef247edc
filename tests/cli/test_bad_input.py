"""Bad input gets one clear line on stderr naming the file (and line), exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plutoeditor.cli.main import main

GOOD_YAML_HEAD = "format_version: 1\nmetadata:\n  title: T\n  effective_date: ''\nclauses:\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_FILES = {
    "empty": ("empty.txt", b"", None),
    "whitespace only": ("blank.policy.yaml", b"  \n\n", None),
    "binary": ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),
    "not UTF-8": ("other.txt", b"1 Scope\n\n1.1 Caf\x81 policy\n", 3),  # 0x81: not Windows-1252 either
    "malformed YAML": (
        "broken.policy.yaml",
        GOOD_YAML_HEAD.encode() + b"  - id: [unclosed\n",
        7,
    ),  # reported where the list should have closed
    "schema-invalid": ("invalid.policy.yaml", GOOD_YAML_HEAD.encode() + b"  - id: c1\n    label: 1\n", 6),
    "python tag": (
        "evil.policy.yaml",
        b"metadata: !!python/object/apply:os.system ['echo owned']\nclauses: []\n",
        1,
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
@pytest.mark.parametrize("command", ["check", "import", "renumber"])
def test_bad_input_one_line_exit_2(tmp_path, capsys, case, command):
    name, data, line = BAD_FILES[case]
    path = _write(tmp_path, name, data)
    out = tmp_path / "out.policy.yaml"
    args = [command, str(path)] + ([] if command == "check" else ["-o", str(out)])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"plutoeditor: {path}" + (f":{line}:" if line else ":"))
    assert "Traceback" not in err
    assert not out.exists()


def test_huge_file_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"plutoeditor: {path}: file is too large")


def test_no_traceback_in_a_real_process(tmp_path):
    path = _write(tmp_path, "evil.policy.yaml", BAD_FILES["python tag"][1])
    result = subprocess.run(
        [sys.executable, "-m", "plutoeditor", "check", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "tag not allowed" in result.stderr
