"""`plutoeditor import` and `plutoeditor renumber`: native output, written atomically."""

from __future__ import annotations

from pathlib import Path

from plutoeditor.cli.main import main
from plutoeditor.formats import native

TEXT = """Privacy Notice

1 Scope

1.1 This notice covers the newsletter.

1.3 See clause 1.4 for contact details.

1.4 Write to us at 1 Main Road, Springfield.
"""


def test_import_then_renumber(tmp_path: Path, capsys):
    source = tmp_path / "notice.txt"
    source.write_text(TEXT, encoding="utf-8")
    imported, renumbered = tmp_path / "notice.policy.yaml", tmp_path / "renumbered.policy.yaml"
    assert main(["import", str(source), "-o", str(imported)]) == 0
    policy = native.load(imported)
    assert [c.label for c in policy.walk()] == ["1", "1.1", "1.3", "1.4"]
    assert main(["renumber", str(imported), "-o", str(renumbered)]) == 0
    assert "2 clauses relabelled, 1 text with references updated" in capsys.readouterr().out
    policy = native.load(renumbered)
    assert [c.label for c in policy.walk()] == ["1", "1.1", "1.2", "1.3"]
    assert "See clause 1.3 for contact details." in [c.text for c in policy.walk()]
    assert main(["check", str(renumbered)]) == 0


def test_renumber_reads_text_directly(tmp_path: Path, seed_2022):
    out = tmp_path / "seed.policy.yaml"
    assert main(["renumber", str(seed_2022), "-o", str(out)]) == 0
    labels = [c.label for c in native.load(out).walk()]
    assert "2.16.10" in labels and "2.7.10" not in labels


def test_output_must_be_native_and_nothing_is_written_on_failure(tmp_path: Path, capsys):
    source = tmp_path / "notice.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "notice.txt.bak")]) == 2
    assert "must be a .policy.yaml file" in capsys.readouterr().err
    out = tmp_path / "out.policy.yaml"
    assert main(["import", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_failed_renumber_leaves_existing_output_untouched(tmp_path: Path):
    out = tmp_path / "out.policy.yaml"
    out.write_text("previous content", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["renumber", str(empty), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "previous content"


def test_unwritable_output_is_one_line(tmp_path: Path, capsys):
    source = tmp_path / "notice.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "missing-folder" / "out.policy.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert capsys.readouterr().err.startswith(f"plutoeditor: {out}: cannot write the file")
