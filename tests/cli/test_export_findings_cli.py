"""`plutoeditor export` and error findings: a warning line on stderr, or with --strict a
refusal that writes nothing. Warnings and notes never block."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from plutoeditor.cli.main import main

CLEAN = """Privacy Notice

Effective date: 1 March 2024

1 Scope

1.1 This notice covers the newsletter.

1.2 See clause 1.3 for contact details.

1.3 Write to us at 1 Main Road, Springfield.
"""

ONE_ERROR = CLEAN.replace("See clause 1.3", "See clause 1.9")  # broken-reference
WARNINGS_ONLY = CLEAN.replace("Effective date: 1 March 2024\n\n", "")  # missing-metadata


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_errors_are_exported_with_one_warning_line(seed_2022, tmp_path, capsys):
    out = tmp_path / "out.html"
    assert main(["export", str(seed_2022), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    captured = capsys.readouterr()
    assert captured.err == (
        f"plutoeditor: warning: {seed_2022} has 5 errors (see 'plutoeditor check'); exported anyway\n"
    )
    assert captured.out == ""


def test_one_error_is_singular(tmp_path, capsys):
    source = write(tmp_path, "notice.txt", ONE_ERROR)
    assert main(["export", source, "-o", str(tmp_path / "out.docx")]) == 0
    assert "has 1 error (see 'plutoeditor check'); exported anyway" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf"])
def test_strict_refuses_and_writes_nothing(seed_2022, tmp_path, capsys, suffix):
    if suffix == ".pdf":
        pytest.importorskip("PySide6.QtGui")
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(seed_2022), "-o", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert (
        err == f"plutoeditor: {seed_2022} has 5 errors (see 'plutoeditor check'); not exported (--strict)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_strict_still_reports_bad_input_with_exit_2(seed_2022, tmp_path, capsys):
    bad = write(tmp_path, "bad.docx", "this is not a Word file")
    out = tmp_path / "out.docx"
    assert main(["export", str(seed_2022), "-o", str(out), "--template", bad, "--strict"]) == 2
    assert "is not a Word template" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("strict", [[], ["--strict"]], ids=["plain", "strict"])
@pytest.mark.parametrize("text", [CLEAN, WARNINGS_ONLY], ids=["clean", "warnings-only"])
def test_no_errors_no_warning_line(tmp_path, capsys, text, strict):
    source = write(tmp_path, "notice.txt", text)
    out = tmp_path / "out.docx"
    assert main(["export", source, "-o", str(out), *strict]) == 0
    assert capsys.readouterr().err == ""
    assert "Springfield" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
