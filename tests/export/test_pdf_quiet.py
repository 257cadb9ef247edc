"""`plutoeditor export -o X.pdf` keeps to its one line on stderr whatever Qt says while it
lays out the pages (fonts without the tables a script needs made Qt print dozens of lines)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NOTICE = "Notice\n\n1 Scope\n\n1.1 हम आपकी जानकारी सुरक्षित रखते हैं।\n\n1.2 Вы можете написать нам.\n"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_pdf_export_of_a_hindi_clause_prints_nothing_but_its_own_line(tmp_path: Path) -> None:
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    done = _run("-m", "plutoeditor", "export", "-o", "notice.pdf", "notice.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "notice.pdf").read_bytes().startswith(b"%PDF")
    assert len(done.stderr.splitlines()) <= 1, done.stderr[:500]


def test_what_qt_says_during_a_headless_export_goes_to_the_log(tmp_path: Path) -> None:
    script = (
        "import logging, sys\n"
        "logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(name)s %(message)s')\n"
        "from plutoeditor.export.pdf_export import render_pdf\n"
        "from plutoeditor.importers.text import import_text\n"
        f"render_pdf(import_text({NOTICE!r}))\n"
        "from PySide6.QtCore import qWarning\n"
        "qWarning('the font has no table')\n"
    )
    done = _run("-c", script, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "the font has no table" not in done.stderr
    assert "plutoeditor.qt Qt QtWarningMsg: the font has no table" in done.stdout
