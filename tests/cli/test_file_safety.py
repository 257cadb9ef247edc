"""Devices, pipes, read-only files, links and outputs that are inputs: refused or written through,
with one line and exit 2, and the user's files left as they were."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from plutoeditor.cli.main import main
from plutoeditor.formats import native
from plutoeditor.formats.files import write_atomic

POLICY = "1 Scope\n\n1.1 This notice applies to the shop.\n\n2 Contact\n\n2.1 Write to us.\n"
CHANGED = "1 Scope\n\n1.1 This notice applies to the forum.\n\n2 Contact\n\n2.1 Write to us.\n"
posix_only = pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs are POSIX")


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """A real process with a time limit: a command that blocks on a FIFO fails the test, not the suite."""
    return subprocess.run(
        [sys.executable, "-m", "plutoeditor", *args], capture_output=True, text=True, timeout=timeout
    )


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err.strip()


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_at_once_not_read_forever(device, tmp_path):
    if not os.path.exists(device):
        pytest.skip(f"{device} is missing")
    result = _run("check", device, timeout=30)
    assert result.returncode == 2
    assert (
        _one_line(result.stderr)
        == f"plutoeditor: {device}: is not a regular file (a device, pipe or socket); refused"
    )


@posix_only
@pytest.mark.parametrize("name", ["pipe.txt", "pipe.docx", "pipe.policy.yaml"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = _run("check", str(fifo), timeout=30)
    assert result.returncode == 2
    assert "is not a regular file" in _one_line(result.stderr)


@posix_only
def test_dev_zero_as_a_template_is_refused(tmp_path):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)
    out = tmp_path / "out.docx"
    result = _run("export", str(source), "-o", str(out), "--template", "/dev/zero", timeout=30)
    assert result.returncode == 2
    assert "/dev/zero: is not a regular file" in _one_line(result.stderr)
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".html", ".docx", ".txt"])
def test_a_read_only_output_is_refused_not_replaced(tmp_path, capsys, suffix):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)
    other = tmp_path / "other.txt"
    other.write_text(CHANGED)
    out = tmp_path / f"published{suffix}"
    out.write_text("the approved version")
    out.chmod(0o444)
    args = (
        ["diff", str(source), str(other), "-o", str(out)]
        if suffix == ".txt"
        else ["export", str(source), "-o", str(out)]
    )
    assert main(args) == 2
    assert _one_line(capsys.readouterr().err) == f"plutoeditor: {out}: the file is read-only; not replaced"
    assert out.read_text() == "the approved version"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_a_read_only_policy_is_not_saved_over(tmp_path, capsys):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)
    target = tmp_path / "policy.policy.yaml"
    target.write_text("kept")
    target.chmod(0o444)
    assert main(["import", str(source), "-o", str(target)]) == 2
    assert "read-only" in _one_line(capsys.readouterr().err)
    assert target.read_text() == "kept"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_saving_a_symlinked_policy_updates_its_target_and_keeps_the_link(tmp_path, capsys):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "privacy.policy.yaml"
    target.write_text("old")
    link = tmp_path / "privacy.policy.yaml"
    link.symlink_to(target)
    assert main(["import", str(source), "-o", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert len(native.load(target)) == 4
    write_atomic(link, "again")  # what every save does, the editor's included
    assert link.is_symlink() and target.read_text() == "again"


def _diff_args(tmp_path: Path, out: str) -> list[str]:
    (tmp_path / "v1.txt").write_text(POLICY)
    (tmp_path / "v2.txt").write_text(CHANGED)
    return ["diff", str(tmp_path / "v1.txt"), str(tmp_path / "v2.txt"), "-o", out]


def test_diff_output_equal_to_an_input_is_refused(tmp_path, capsys):
    out = tmp_path / "v2.txt"
    assert main(_diff_args(tmp_path, str(out))) == 2
    assert "is also an input of this command" in _one_line(capsys.readouterr().err)
    assert out.read_text() == CHANGED


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_an_output_reaching_an_input_by_another_path_is_refused(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    hard = tmp_path / "sub" / "copy.txt"
    args = _diff_args(tmp_path, str(hard))
    os.link(tmp_path / "v1.txt", hard)
    assert main(args) == 2
    assert "is also an input" in _one_line(capsys.readouterr().err)
    dotted = str(tmp_path / "sub" / ".." / "v1.txt")
    assert main(_diff_args(tmp_path, dotted)) == 2
    capsys.readouterr()
    assert (tmp_path / "v1.txt").read_text() == POLICY


def test_export_output_equal_to_its_input_or_template_is_refused(tmp_path, capsys):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)
    first = tmp_path / "first.docx"
    assert main(["export", str(source), "-o", str(first)]) == 0
    before = first.read_bytes()
    assert main(["export", str(first), "-o", str(first)]) == 2
    assert "is also an input" in _one_line(capsys.readouterr().err)
    assert main(["export", str(source), "-o", str(first), "--template", str(first)]) == 2
    assert "is also an input" in _one_line(capsys.readouterr().err)
    assert first.read_bytes() == before


def test_renumber_over_its_input_is_refused(tmp_path, capsys):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)
    policy = tmp_path / "p.policy.yaml"
    assert main(["import", str(source), "-o", str(policy)]) == 0
    before = policy.read_bytes()
    assert main(["renumber", str(policy), "-o", str(policy)]) == 2
    assert "is also an input" in _one_line(capsys.readouterr().err)
    assert policy.read_bytes() == before


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs Linux /proc")
def test_the_size_limit_is_checked_while_reading_not_only_from_the_size_a_file_claims():
    from plutoeditor.formats.errors import PolicyFileError
    from plutoeditor.formats.files import read_bytes

    assert os.stat("/proc/self/maps").st_size == 0  # a regular file that claims to be empty
    with pytest.raises(PolicyFileError, match="file is too large"):
        read_bytes("/proc/self/maps", limit=100)
