"""Defensive reading and atomic writing."""

from __future__ import annotations

import os

import pytest

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.files import decode_text, read_bytes, write_atomic


def test_write_atomic_replaces_whole_file_and_keeps_mode(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    os.chmod(target, 0o600)
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_errors_name_the_requested_file(tmp_path):
    missing = tmp_path / "no-such-folder" / "out.docx"
    with pytest.raises(OSError) as info:
        write_atomic(missing, b"x")
    assert info.value.filename == str(missing)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(OSError) as info:
        write_atomic(folder, b"x")
    assert info.value.filename == str(folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]


def test_utf16_is_named_as_such(tmp_path):
    data = "Privacy Policy".encode("utf-16")
    with pytest.raises(PolicyFileError, match="UTF-16"):
        decode_text("p.txt", data)


def test_huge_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 2**20)
    with pytest.raises(PolicyFileError) as info:
        read_bytes(big)
    assert "too large (50.0 MiB; the limit is 20 MiB)" in str(info.value)
