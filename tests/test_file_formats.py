"""One table of the files PlutoEditor reads and writes: the CLI and the window dispatch through it."""

from __future__ import annotations

import pytest

from plutoeditor import file_formats
from plutoeditor.cli.main import main
from plutoeditor.file_formats import PUBLISHERS, READERS, REPORTS, Reader, by_name, for_path, open_policy
from plutoeditor.model import Clause, Policy

POLICY = "1. Scope\n\nThis policy applies to you.\n\n2. Data\n\nWe keep your data.\n"


def read_rtf(path):  # type: ignore[no-untyped-def]
    """A stand-in RTF reader: one clause holding the file's text."""
    text = path.read_text(encoding="utf-8")
    return Policy(clauses=[Clause(label="1.", text=text.strip("{}"))])


def test_every_entry_names_a_function_that_exists():
    for entry in (*READERS, *PUBLISHERS, *REPORTS):
        assert callable(entry.load()), entry.target


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
