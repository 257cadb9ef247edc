"""Notes from importing a Word file (tracked changes accepted, comments ignored) reach the
user in every command that reads it: check, diff and export, not only import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plutoeditor.cli.main import main
from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree

docx = pytest.importorskip("docx")


@pytest.fixture
def commented(tmp_path: Path) -> str:
    """A Word policy with one comment, which the importer ignores with a note."""
    document = docx.Document()
    para = document.add_paragraph("1 We never sell your data.")
    document.add_comment(para.runs, text="Still true?", author="Bob")
    document.add_paragraph("2 We keep it safe.")
    path = tmp_path / "commented.docx"
    document.save(str(path))
    return str(path)


@pytest.fixture
def plain(tmp_path: Path) -> str:
    path = tmp_path / "plain.policy.yaml"
    native.save(parse_tree("[1] We never sell your data.\n[2] We keep it safe.\n"), path)
    return str(path)


def note_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": note: " in line]


def test_check_text_prints_notes_on_stderr(commented, plain, capsys):
    main(["check", commented, plain])
    out, err = capsys.readouterr()
    notes = note_lines(err)
    assert len(notes) == 1
    assert notes[0].startswith(f"{commented}: note: ") and "comment" in notes[0]
    assert ": note: " not in out  # stdout keeps one line per finding and the summary


def test_check_json_has_notes_per_file(commented, plain, capsys):
    main(["check", "--format", "json", commented, plain])
    out, err = capsys.readouterr()
    files = json.loads(out)["files"]
    assert any("comment" in note for note in files[0]["notes"])
    assert files[1]["notes"] == []


def test_diff_prints_notes(commented, plain, capsys):
    assert main(["diff", plain, commented]) in (0, 1)
    notes = note_lines(capsys.readouterr().err)
    assert len(notes) == 1 and notes[0].startswith(f"plutoeditor: {commented}: note: ")


def test_export_prints_notes(commented, tmp_path, capsys):
    assert main(["export", commented, "-o", str(tmp_path / "out.html")]) == 0
    notes = note_lines(capsys.readouterr().err)
    assert len(notes) == 1 and notes[0].startswith(f"plutoeditor: {commented}: note: ")


def test_native_file_has_no_notes(plain, tmp_path, capsys):
    assert main(["export", plain, "-o", str(tmp_path / "out.html")]) == 0
    assert note_lines(capsys.readouterr().err) == []
