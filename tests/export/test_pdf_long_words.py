"""The PDF export finishes on text no layout can break: one very long word, a huge title."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytest.importorskip("PySide6.QtGui")


def _export(tmp_path, name: str, content: str) -> subprocess.CompletedProcess[str]:
    """A real process with a time limit far above a normal export: a hang fails the test, not the suite."""
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "plutoeditor", "export", str(source), "-o", str(tmp_path / "out.pdf")],
        capture_output=True, text=True, timeout=90, env=env,
    )  # fmt: skip


def test_one_very_long_word_is_exported(tmp_path):
    word = "x" * 1_000_000  # about 3 minutes to lay out as one word; seconds once breakable
    result = _export(tmp_path, "long.txt", f"1 Scope\n\n1.1 Some words, then {word} and the end.\n")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_a_megabyte_title_is_exported(tmp_path):
    title = "T" * 1_000_000
    result = _export(tmp_path, "title.md", f"---\ntitle: {title}\n---\n\n# 1 Scope\n\n1.1 Text here.\n")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_breakable_keeps_ordinary_words_and_splits_long_ones():
    from plutoeditor.export.page_text import MAX_UNBROKEN, breakable

    ordinary = "Personal data is processed lawfully, fairly and transparently."
    assert breakable(ordinary) == ordinary
    long = "y" * (3 * MAX_UNBROKEN + 5)
    pieces = breakable(f"see {long} here").split("\u200b")
    assert "".join(pieces) == f"see {long} here"
    assert max(len(p) for p in pieces) <= MAX_UNBROKEN + len("see ")
