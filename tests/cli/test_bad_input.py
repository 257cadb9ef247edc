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


EMPTY_NAMES = {
    "export output": (["export", "{policy}", "-o", ""], "export -o/--output"),
    "export template": (
        ["export", "{policy}", "-o", "{tmp}/out.docx", "--template", ""],
        "export --template",
    ),
    "import output": (["import", "{policy}", "-o", ""], "import -o/--output"),
    "check file": (["check", "{policy}", ""], "check FILE"),
    "check against": (["check", "{policy}", "--against", ""], "check --against"),  # was silently ignored
    "diff output": (["diff", "{policy}", "{policy}", "-o", ""], "diff -o/--output"),  # went to the screen
    "compare new": (["compare", "{policy}", ""], "compare NEW"),
}


@pytest.mark.parametrize("case", list(EMPTY_NAMES), ids=list(EMPTY_NAMES))
def test_an_empty_file_name_is_one_line_naming_the_argument(tmp_path, capsys, case):
    """`export FILE -o ''` (an unset shell variable) said "plutoeditor: : cannot export..."."""
    policy = _write(tmp_path, "policy.txt", b"1 Scope\n\n1.1 This covers the shop.\n")
    template, named = EMPTY_NAMES[case]
    args = [arg.format(policy=policy, tmp=tmp_path) for arg in template]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err == f"plutoeditor: {named}: the file name is empty\n"
    assert captured.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policy.txt"]  # nothing written
