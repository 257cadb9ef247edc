"""`plutoeditor check`: one line per finding, a summary, JSON output and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from plutoeditor.cli.main import main
from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree

CLEAN = "[1] Scope |\n  [1.1] This notice covers the newsletter.\n[2] Data |\n  [2.1] We keep your email.\n"
BROKEN = "[1] Scope |\n  [1.1] See clause 4.2.\n  [1.1] Twice.\n[2] Contact |\n  [2.1] Email address:\n"


def yaml_line(path: str, text: str) -> int:
    """The line of the clause whose text is `text` in a saved .policy.yaml (its "- id:" line)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() in (f"text: {text}", f"text: '{text}'"))
    return next(i for i in range(at, -1, -1) if lines[i].lstrip().startswith("- id:")) + 1


def dated(policy):
    """A policy with the title and effective date a published header needs."""
    policy.metadata.title = "Newsletter Privacy Notice"
    policy.metadata.effective_date = dt.date(2024, 3, 1)
    return policy


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    clean, broken = tmp_path / "clean.policy.yaml", tmp_path / "broken.policy.yaml"
    native.save(dated(parse_tree(CLEAN)), clean)
    native.save(dated(parse_tree(BROKEN)), broken)
    return str(clean), str(broken)


def test_clean_file_exits_0(files, capsys):
    assert main(["check", files[0]]) == 0
    assert capsys.readouterr().out.strip() == "1 file checked: 0 errors, 0 warnings, 0 notes"


def test_text_lines_and_summary(files, capsys):
    clean, broken = files
    assert main(["check", clean, broken]) == 1
    lines = capsys.readouterr().out.splitlines()
    # lines are those of the .policy.yaml being checked, not of the notation it came from
    see, twice, email = (yaml_line(broken, t) for t in ("See clause 4.2.", "Twice.", "Email address:"))
    assert see > 5
    assert f"{broken}:{twice}: error duplicate-number 1.1: Number used twice (also at line {see}); " in (
        lines[1] + " "
    )
    assert lines[0].startswith(f"{broken}:{see}: error broken-reference 1.1: Refers to clause 4.2")
    assert any(line.startswith(f"{broken}:{email}: warning incomplete-text 2.1: ") for line in lines)
    assert lines[-1] == "2 files checked: 2 errors, 1 warning, 0 notes"


def test_json_output(files, capsys):
    clean, broken = files
    assert main(["check", "--format", "json", clean, broken]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in data["files"]] == [clean, broken]
    assert data["files"][0]["findings"] == []
    first = data["files"][1]["findings"][0]
    assert set(first) == {
        "code",
        "severity",
        "label",
        "expected_label",
        "target",
        "message",
        "line",
        "clause_id",
    }
    assert (first["code"], first["target"], first["line"]) == (
        "broken-reference",
        "4.2",
        yaml_line(broken, "See clause 4.2."),
    )


def test_unreadable_file_exits_2_and_others_are_still_reported(files, tmp_path, capsys):
    missing = str(tmp_path / "missing.txt")
    assert main(["check", missing, files[1]]) == 2
    out, err = capsys.readouterr()
    assert err.strip() == f"plutoeditor: {missing}: no such file"
    assert "duplicate-number" in out and "1 file could not be read" in out


def test_seed_reports_its_defects(seed_2022, capsys):
    assert main(["check", str(seed_2022)]) == 1
    out = capsys.readouterr().out
    assert f"{seed_2022}:86: error wrong-parent 2.7.1: 2.7.1–2.7.10 are under 2.16" in out


def test_imported_seed_reports_lines_of_the_yaml_file(seed_2022, tmp_path, capsys):
    """Checking an imported .policy.yaml names the line in that file, not in the original .txt."""
    out_path = str(tmp_path / "seed.policy.yaml")
    assert main(["import", str(seed_2022), "-o", out_path]) == 0
    capsys.readouterr()
    assert main(["check", str(seed_2022)]) == 1
    txt_lines = [line for line in capsys.readouterr().out.splitlines() if " numbering-gap 2.3.9:" in line]
    assert txt_lines and txt_lines[0].startswith(f"{seed_2022}:36: ")
    assert main(["check", out_path]) == 1
    found = [line for line in capsys.readouterr().out.splitlines() if " numbering-gap 2.3.9:" in line]
    assert len(found) == 1
    line = int(found[0][len(out_path) + 1 :].split(":", 1)[0])
    yaml = Path(out_path).read_text(encoding="utf-8").splitlines()
    assert line != 36
    assert yaml[line - 1].lstrip().startswith("- id:")  # the clause's mapping starts here ...
    assert yaml[line].strip() in ("label: 2.3.9", "label: '2.3.9'")  # ... and it is 2.3.9's


def test_console_script_in_a_subprocess(files):
    result = subprocess.run(
        [sys.executable, "-m", "plutoeditor", "check", "--format", "json", files[1]],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["files"][0]["findings"]


def test_empty_clause_and_missing_date_in_a_text_file(tmp_path, capsys):
    """A label alone on its line is one warning; no date is a warning without a line."""
    path = tmp_path / "notice.txt"
    path.write_text(
        "Newsletter Privacy Notice\n\n1. Scope\n\n1.1 This notice covers the newsletter.\n\n1.2\n\n"
        "1.3 We keep your email.\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 0  # warnings only
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: warning missing-metadata: No effective date: the published header would have no date",
        f"{path}:7: warning empty-clause 1.2: 1.2 has no text",
        "1 file checked: 0 errors, 2 warnings, 0 notes",
    ]


def test_missing_metadata_names_the_line_of_the_field_in_a_policy_file(tmp_path, capsys):
    path = str(tmp_path / "undated.policy.yaml")
    native.save(parse_tree(CLEAN), path)  # no title, no date
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    title = next(i for i, line in enumerate(lines) if line.strip().startswith("title:")) + 1
    date = next(i for i, line in enumerate(lines) if line.strip().startswith("effective_date:")) + 1
    assert main(["check", "--format", "json", path]) == 0
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [(f["code"], f["target"], f["line"], f["label"], f["clause_id"]) for f in findings] == [
        ("missing-metadata", "title", title, "", ""),
        ("missing-metadata", "effective_date", date, "", ""),
    ]
    assert main(["check", path]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        f"{path}:{date}: warning missing-metadata: No effective date: the published header would have no date"
    )


def _program(args, **kwargs):
    """`python -m plutoeditor ARGS` as a user runs it: block-buffered output (no PYTHONUNBUFFERED)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.Popen([sys.executable, "-m", "plutoeditor", *args], env=env, **kwargs)


def test_the_whole_report_reaches_a_file(tmp_path, capsys):
    """The process ends right after its output is flushed (no teardown): nothing may be lost."""
    many = "".join(f"[1] Scope {i} |\n  [1.1] See clause 9.{i}.\n" for i in range(400))
    path = tmp_path / "many.policy.yaml"
    native.save(dated(parse_tree(many)), path)
    assert main(["check", "--format", "json", str(path)]) == 1
    expected = capsys.readouterr().out
    report = tmp_path / "report.json"
    with report.open("wb") as out:
        assert _program(["check", "--format", "json", str(path)], stdout=out).wait() == 1
    assert report.read_text(encoding="utf-8") == expected
    assert len(json.loads(expected)["files"][0]["findings"]) >= 400  # some 60 KB


def test_a_reader_that_leaves_early_is_no_error(files):
    """`plutoeditor check FILE | head -0`: the exit status is the check's and nothing is printed
    (it was 120 and Python's "Exception ignored ... BrokenPipeError" when the output was short)."""
    process = _program(["check", files[1]], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader is gone before the report is written
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait() == 1
    assert err == ""
