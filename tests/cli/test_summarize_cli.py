"""`plutoeditor summarize OLD NEW`: text, Markdown and JSON, -o by suffix, bad input exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plutoeditor.cli.main import main
from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree

OLD = """
[1] Data we keep |
  [1.1] We keep payment records for six years.
  [1.2] We keep your email address until you unsubscribe.
"""
NEW = """
[1] Data we keep |
  [1.1] We keep payment records for seven years.
  [1.2] We keep your email address until you unsubscribe.
  [1.3] We share your delivery address with our couriers.
"""


@pytest.fixture
def versions(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.policy.yaml", tmp_path / "new.policy.yaml"
    old_policy, new_policy = parse_tree(OLD), parse_tree(NEW)
    for a, b in zip(old_policy.walk(), new_policy.walk(), strict=False):
        b.id = a.id
    native.save(old_policy, old)
    native.save(new_policy, new)
    return str(old), str(new)


def test_text_lists_substantive_changes_first(versions, capsys):
    old, new = versions
    assert main(["summarize", old, new]) == 0
    out = capsys.readouterr().out
    assert "Substantive changes (2):" in out
    assert "  - 1.1: We keep payment records for seven years (was six)." in out
    assert "  - New clause 1.3: We share your delivery address with our couriers." in out


def test_json_has_the_items_shape(versions, capsys):
    old, new = versions
    assert main(["summarize", old, new, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["kind"] for item in data["items"]] == ["substantive", "substantive"]
    assert data["items"][1]["clauses"][0]["new_label"] == "1.3"
    assert set(data["items"][0]["clauses"][0]) == {"old_label", "new_label", "id"}


def test_markdown_to_a_file_by_its_name(versions, tmp_path, capsys):
    old, new = versions
    out = tmp_path / "changes.md"
    assert main(["summarize", old, new, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Summary of changes") and "## Substantive changes" in text
    assert "- 1.1: We keep payment records for seven years (was six)." in text


def test_same_versions_say_so(versions, capsys):
    old, _ = versions
    assert main(["summarize", old, old]) == 0
    assert "No changes to the text." in capsys.readouterr().out


def test_bad_input_is_one_line_and_exit_2(versions, tmp_path, capsys):
    old, _ = versions
    bad = tmp_path / "bad.policy.yaml"
    bad.write_text("format_version: 1\nclauses: [\n", encoding="utf-8")
    assert main(["summarize", old, str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.policy.yaml" in err[0] and "Traceback" not in err[0]


def test_an_output_of_another_kind_is_refused_before_writing(versions, tmp_path, capsys):
    old, new = versions
    target = tmp_path / "summary.pdf"
    assert main(["summarize", old, new, "-o", str(target)]) == 2
    assert not target.exists() and "summary.pdf" in capsys.readouterr().err
    assert main(["summarize", old, new, "-o", old]) == 2


def test_check_against_the_previous_version(versions, capsys):
    old, new = versions
    # the same effective date (none) and version in both: only the summary is flagged
    assert main(["check", new, "--against", old, "--format", "json"]) == 0  # a warning, no error
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]]
    assert "summary-empty" in codes
    assert main(["check", new, "--against", str(Path(old).with_name("missing.policy.yaml"))]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.policy.yaml" in err[0]
