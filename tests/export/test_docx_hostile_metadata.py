"""A control character or an over-long title (a Word title property, front matter, YAML) never
stops the Word export or the Word redline: properties are cleaned and cut to Word's 255."""

from __future__ import annotations

import docx
import pytest

from plutoeditor.cli.main import main
from plutoeditor.compare import compare_policies
from plutoeditor.export.docx_writer import export_docx
from plutoeditor.export.redline_docx import write_redline_docx
from plutoeditor.model.notation import parse_tree

TITLES = {
    "control characters": "Privacy\x01 Notice\x0c\x1b[2J",
    "300 characters": "Privacy Notice " + "T" * 285,
    "5 MB": "Privacy Notice " + "T" * 5_000_000,
}


def _policy(title: str, text: str = "This notice applies to the shop."):
    policy = parse_tree(f"[1] Scope\x02 |\n  [1.1] {text}\x07\n")
    meta = policy.metadata
    meta.title, meta.version, meta.jurisdiction = title, "3\x00", title
    meta.organisation = f"Firm\x08 {title}"
    return policy


def _check(path, title_start: str) -> docx.Document:
    document = docx.Document(str(path))
    props = document.core_properties
    for value in (props.title, props.author, props.version, props.subject):
        assert len(value) <= 255 and value.isprintable()
    assert props.title.startswith(title_start)
    return document


@pytest.mark.parametrize("title", list(TITLES.values()), ids=list(TITLES))
def test_the_word_export_cleans_and_caps_the_properties(tmp_path, title):
    out = tmp_path / "out.docx"
    export_docx(_policy(title), out)
    document = _check(out, "Privacy Notice" if "\x01" in title else "Privacy Notice T")
    body = "\n".join(p.text for p in document.paragraphs)
    assert "This notice applies to the shop." in body


@pytest.mark.parametrize("title", list(TITLES.values()), ids=list(TITLES))
def test_the_word_redline_cleans_and_caps_the_properties(tmp_path, title):
    comparison = compare_policies(_policy(title), _policy(title, "This notice applies to the forum."))
    out = tmp_path / "redline.docx"
    write_redline_docx(comparison, out)
    _check(out, "Redline: Privacy")


def test_a_form_feed_in_a_yaml_title_exports_from_the_command_line(tmp_path, capsys):
    source = tmp_path / "p.policy.yaml"
    source.write_text(
        'format_version: 1\nmetadata:\n  title: "Notice\\f\\e[31m withdrawn"\n  version: "2\\r"\n'
        "  effective_date: ''\n"
        "clauses:\n  - id: c1\n    label: '1'\n    heading: Scope\n    text: This notice applies.\n"
        "    children: []\n"
    )
    assert main(["export", str(source), "-o", str(tmp_path / "out.docx")]) == 0, capsys.readouterr().err
    assert docx.Document(str(tmp_path / "out.docx")).core_properties.title == "Notice [31m withdrawn"
