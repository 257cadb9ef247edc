"""Text the user's tools really write: Windows-1252 from Word's plain-text export is read with a
note, and zero-width joiners (Persian, Indic scripts, emoji) survive every import."""

from __future__ import annotations

import pytest

from plutoeditor.cli.main import main
from plutoeditor.file_formats import open_policy
from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree

#: Curly quotes, a dash, the section sign and an e acute: bytes 0x93 0x94 0x96 0xa7 0xe9.
WINDOWS_1252 = "1 Scope\r\n\r\n1.1 \u201cServices\u201d \u2013 see \u00a7 2 of the caf\u00e9 terms.\r\n"


def test_a_windows_1252_text_file_is_read_with_a_note(tmp_path, capsys):
    source = tmp_path / "word-export.txt"
    source.write_bytes(WINDOWS_1252.encode("cp1252"))
    out = tmp_path / "p.policy.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "read as Windows-1252" in err
    texts = [clause.text for clause in native.load(out).walk()]
    assert "\u201cServices\u201d \u2013 see \u00a7 2 of the caf\u00e9 terms." in texts
    assert main(["check", str(source)]) in (0, 1)
    assert f"{source}: note: read as Windows-1252" in capsys.readouterr().err


def test_utf8_is_still_read_as_utf8_without_a_note(tmp_path):
    source = tmp_path / "utf8.txt"
    source.write_text(WINDOWS_1252.replace("\r\n", "\n"), encoding="utf-8")
    policy = open_policy(source)
    assert not policy.import_notes
    assert any("caf\u00e9" in clause.text for clause in policy.walk())


def test_bytes_windows_1252_leaves_undefined_are_still_refused(tmp_path, capsys):
    source = tmp_path / "other.txt"
    source.write_bytes(b"1 Scope\n\n1.1 Text \x81\x8d here.\n")
    assert main(["check", str(source)]) == 2
    assert "is not valid UTF-8" in capsys.readouterr().err


JOINED = {
    "Persian (ZWNJ)": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
    "Devanagari (ZWJ)": "\u0915\u094d\u200d\u0937",
    "Malayalam (ZWNJ)": "\u0d15\u0d4d\u200c\u0d15",
    "family emoji (ZWJ)": "\U0001f468\u200d\U0001f469\u200d\U0001f467",
}


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx"])
def test_zero_width_joiners_survive_the_import(tmp_path, suffix):
    sentence = "Words: " + ", ".join(JOINED.values()) + "."
    source = tmp_path / f"policy{suffix}"
    if suffix == ".docx":
        from plutoeditor.export.docx_writer import export_docx

        export_docx(parse_tree(f"[1] Scope |\n  [1.1] {sentence}\n"), source)
    else:
        heading = "# 1 Scope" if suffix == ".md" else "1 Scope"
        source.write_text(f"{heading}\n\n1.1 {sentence}\n", encoding="utf-8")
    texts = [clause.text for clause in open_policy(source).walk()]
    assert sentence in texts, texts
