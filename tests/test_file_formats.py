"""One table of the files PlutoEditor reads and writes: the CLI and the window dispatch through it."""

from __future__ import annotations

import argparse

import pytest

from plutoeditor import file_formats
from plutoeditor.cli import check
from plutoeditor.cli.main import main
from plutoeditor.file_formats import (
    CHECK_REPORTS,
    PUBLISHERS,
    READERS,
    REPORTS,
    SUMMARY_REPORTS,
    Reader,
    Report,
    by_name,
    for_path,
    open_policy,
)
from plutoeditor.model import Clause, Policy

POLICY = "1. Scope\n\nThis policy applies to you.\n\n2. Data\n\nWe keep your data.\n"


def read_rtf(path):  # type: ignore[no-untyped-def]
    """A stand-in RTF reader: one clause holding the file's text."""
    text = path.read_text(encoding="utf-8")
    return Policy(clauses=[Clause(label="1.", text=text.strip("{}"))])


def test_every_entry_names_a_function_that_exists():
    for entry in (*READERS, *PUBLISHERS, *REPORTS, *SUMMARY_REPORTS, *CHECK_REPORTS):
        assert callable(entry.load()), entry.target


def render_yaml_findings(results):  # type: ignore[no-untyped-def]
    """A stand-in check report: one `- CODE` line per finding."""
    return "".join(f"- {f.code}\n" for result in results for f in result["findings"])


def test_check_prints_the_report_the_check_table_names(tmp_path, monkeypatch, capsys):
    yaml_report = Report(
        "yaml", "YAML findings", (".yaml",), "tests.test_file_formats:render_yaml_findings", names=False
    )
    monkeypatch.setattr(file_formats, "CHECK_REPORTS", (*CHECK_REPORTS, yaml_report))
    source = tmp_path / "policy.txt"
    source.write_text("1. Scope\n\nContact us at\n", encoding="utf-8")
    assert main(["check", str(source)]) == 0
    assert "incomplete-text" in capsys.readouterr().out
    # a new report is its line in the table and its name among `check --format`'s choices
    args = argparse.Namespace(files=[str(source)], format="yaml", against=None)
    assert check.run(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "- incomplete-text" in lines and all(line.startswith("- ") for line in lines)


def test_summarize_writes_what_the_summary_table_says_an_ending_means(tmp_path, monkeypatch, capsys):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(POLICY, encoding="utf-8")
    new.write_text(POLICY.replace("We keep your data.", "We keep your data for a year."), encoding="utf-8")
    assert main(["summarize", str(old), str(new), "-o", str(tmp_path / "s.markdown")]) == 0
    assert (tmp_path / "s.markdown").read_text(encoding="utf-8").startswith("# Summary of changes")
    text_only = tuple(r for r in SUMMARY_REPORTS if r.name != "markdown")
    monkeypatch.setattr(file_formats, "SUMMARY_REPORTS", text_only)
    assert main(["summarize", str(old), str(new), "-o", str(tmp_path / "t.markdown")]) == 2
    assert not (tmp_path / "t.markdown").exists()


def test_a_new_reader_is_one_line_in_the_table_and_every_command_reads_it(tmp_path, monkeypatch, capsys):
    rtf = Reader("rtf", "Rich Text", (".rtf",), "tests.test_file_formats:read_rtf")
    monkeypatch.setattr(file_formats, "READERS", (*READERS, rtf))
    source = tmp_path / "policy.rtf"
    source.write_text("{Contact us at}", encoding="utf-8")
    assert open_policy(source).clauses[0].text == "Contact us at"
    assert main(["check", str(source)]) == 0
    assert "incomplete-text" in capsys.readouterr().out
    out = tmp_path / "policy.policy.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0 and out.exists()


def test_an_ending_no_entry_claims_is_read_as_text_and_refused_for_export(tmp_path, capsys):
    source = tmp_path / "policy.note"
    source.write_text(POLICY, encoding="utf-8")
    assert [c.label for c in open_policy(source).clauses] == ["1.", "2."]
    assert main(["export", str(source), "-o", str(tmp_path / "policy.odt")]) == 2
    assert "name it .docx, .html or .pdf" in capsys.readouterr().err
    assert not (tmp_path / "policy.odt").exists()


@pytest.mark.parametrize(
    ("name", "reader", "publisher", "report"),
    [
        ("a.policy.yaml", "native", None, None),
        ("a.YML", "native", None, None),
        ("a.docx", "docx", "docx", "docx"),
        ("a.md", "text", None, "text"),
        ("a.htm", None, "html", "html"),
        ("a.pdf", None, "pdf", None),
        ("a.json", None, None, "json"),
    ],
)
def test_the_ending_decides_the_entry(name, reader, publisher, report):
    found = [for_path(table, name) for table in (READERS, PUBLISHERS, REPORTS)]
    assert [entry.name if entry else None for entry in found] == [reader, publisher, report]


def test_only_the_word_publisher_takes_a_template(tmp_path, capsys):
    source = tmp_path / "policy.txt"
    source.write_text(POLICY, encoding="utf-8")
    template = tmp_path / "t.docx"
    template.write_bytes(b"")
    assert by_name(PUBLISHERS, "docx").options == ("template", "numbering")
    assert main(["export", str(source), "-o", str(tmp_path / "p.html"), "--template", str(template)]) == 2
    assert "a Word template applies only to .docx output" in capsys.readouterr().err
