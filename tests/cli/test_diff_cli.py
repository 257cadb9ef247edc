"""`plutoeditor diff`: exit codes, text, JSON and HTML output, atomic -o."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plutoeditor.cli.main import main
from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree

OLD = """
[1] Scope |
  [1.1] This notice covers the Acme newsletter.
  [1.2] It does not cover the shop.
[2] Data we keep |
  [2.1] We keep your email address until you unsubscribe.
"""
NEW = """
[1] Scope |
  [1.1] This notice covers the Acme newsletter and the forum.
  [1.2] Forum posts are public.
  [1.3] It does not cover the shop.
[2] Data we keep |
  [2.1] We keep your email address until you unsubscribe.
"""


@pytest.fixture
def versions(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.policy.yaml", tmp_path / "new.policy.yaml"
    native.save(parse_tree(OLD), old)
    native.save(parse_tree(NEW), new)
    return str(old), str(new)


def test_identical_versions_exit_0(versions, capsys):
    old, _ = versions
    assert main(["diff", old, old]) == 0
    assert "same" in capsys.readouterr().out


def test_text_report_lists_changes_and_exit_1(versions, capsys):
    old, new = versions
    assert main(["diff", old, new]) == 1
    out = capsys.readouterr().out
    assert "1 added" in out and "1 changed" in out and "1 relabelled" in out
    assert "newsletter{+ and the forum+}." in out
    assert "1.2 -> 1.3" in out


def test_json_report(versions, capsys):
    old, new = versions
    assert main(["diff", old, new, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["old"] == old and data["new"] == new
    assert data["summary"] == {
        "added": 1,
        "removed": 0,
        "text_changed": 1,
        "moved": 0,
        "relabelled": 1,
        "unchanged": 3,
        "references_followed": 0,
    }
    assert len(data["changes"]) == 6
    first = data["changes"][1]
    assert set(first) >= {
        "status",
        "old_label",
        "new_label",
        "heading",
        "text_changed",
        "heading_changed",
        "relabelled",
        "moved",
        "ops",
    }
    assert first["ops"] == [[0, "This notice covers the Acme newsletter"], [1, " and the forum"], [0, "."]]
    relabelled = next(c for c in data["changes"] if c["relabelled"])
    assert relabelled["old_label"] == "1.2" and relabelled["new_label"] == "1.3"
    assert relabelled["text_changed"] is False and "ops" not in relabelled


def test_output_file_html_redline(versions, tmp_path, capsys):
    old, new = versions
    out = tmp_path / "redline.html"
    assert main(["diff", old, new, "-o", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<ins> and the forum</ins>" in html
    assert capsys.readouterr().out == ""


def test_output_file_json(versions, tmp_path):
    old, new = versions
    out = tmp_path / "changes.json"
    assert main(["diff", old, new, "--format", "json", "-o", str(out)]) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["added"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_missing_file_exits_2_with_one_line(versions, tmp_path, capsys):
    old, _ = versions
    assert main(["diff", old, str(tmp_path / "nope.policy.yaml")]) == 2
    err = capsys.readouterr().err.strip()
    assert "nope.policy.yaml" in err and len(err.splitlines()) == 1


def test_broken_native_file_exits_2(versions, tmp_path, capsys):
    old, _ = versions
    bad = tmp_path / "bad.policy.yaml"
    bad.write_text("format: [unclosed\n", encoding="utf-8")
    assert main(["diff", old, str(bad)]) == 2
    assert "bad.policy.yaml" in capsys.readouterr().err


def test_output_file_docx_redline(versions, tmp_path):
    pytest.importorskip("plutoeditor.export.redline_docx")
    import zipfile

    old, new = versions
    out = tmp_path / "redline.docx"
    assert main(["diff", old, new, "-o", str(out)]) == 1
    with zipfile.ZipFile(out) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "and the forum" in body


def test_output_name_picks_the_format(versions, tmp_path):
    old, new = versions
    out = tmp_path / "changes.json"
    assert main(["diff", old, new, "-o", str(out)]) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["added"] == 1
    text = tmp_path / "changes.txt"
    assert main(["diff", old, new, "-o", str(text)]) == 1
    assert text.read_text(encoding="utf-8").startswith("Comparing ")


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        ("changes.pdf", [], "cannot write a comparison to this kind of file"),
        ("changes.html", ["--format", "json"], "--format json does not match a .html file"),
    ],
)
def test_output_name_that_cannot_hold_the_report_is_refused(versions, tmp_path, capsys, name, extra, message):
    old, new = versions
    out = tmp_path / name
    assert main(["diff", old, new, *extra, "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and name in err[0] and message in err[0]
    assert not out.exists()


def test_a_policy_saved_as_plain_yaml_is_read_as_a_policy(versions, tmp_path, capsys):
    old, new = versions
    plain = tmp_path / "old.yaml"
    plain.write_bytes(Path(old).read_bytes())
    assert main(["diff", str(plain), old]) == 0  # the same policy, not a text import of YAML
