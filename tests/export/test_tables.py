"""Tables in clause text (Markdown pipe rows) published as real tables: DOCX, HTML, PDF."""

from __future__ import annotations

import subprocess
import uuid

import docx
import pytest
from docx.oxml.ns import qn

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.export.html_writer import render_html
from plutoeditor.importers.docx import import_docx
from plutoeditor.importers.text import import_file, import_text
from plutoeditor.model import Clause, Metadata, Policy
from tests.conftest import CORPUS
from tests.export.conftest import require

COOKIES_MD = """# Cookie notice

## 1. Cookies we use

We use these cookies:
| Cookie | Purpose | Lasts |
| --- | --- | --- |
| session | Keeps you signed in \\| securely | 1 day |
| <b>prefs</b> & co | Your **settings** | |

## 2. Contact

Write to us.
"""


def _tree(policy: Policy) -> list[tuple]:
    return [
        (c.id, c.label, c.heading, c.text, c.kind, c.parent.id if c.parent else None) for c in policy.walk()
    ]


@pytest.fixture
def cookies() -> Policy:
    return import_text(COOKIES_MD, "cookies.md")


def test_markdown_table_is_pipe_rows_in_the_clause(cookies):
    clause = cookies.clauses[0].children[0]
    assert clause.text == (
        "We use these cookies:\n| Cookie | Purpose | Lasts |\n| --- | --- | --- |\n"
        "| session | Keeps you signed in \\| securely | 1 day |\n| prefs & co | Your settings | |"
    )


def test_docx_has_a_real_table_with_a_repeating_header_row(cookies, tmp_path):
    out = tmp_path / "cookies.docx"
    export_docx(cookies, out)
    document = docx.Document(str(out))
    assert len(document.tables) == 1
    table = document.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [
        ["Cookie", "Purpose", "Lasts"],
        ["session", "Keeps you signed in | securely", "1 day"],
        ["prefs & co", "Your settings", ""],
    ]
    header_pr = table.rows[0]._tr.trPr
    assert header_pr is not None and header_pr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr is None
    assert {p.style.name for row in table.rows for cell in row.cells for p in cell.paragraphs} == {
        "Table Text"
    }
    assert table._tbl.tblPr.find(qn("w:tblBorders")) is not None
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths[1] > widths[0] and widths[1] > widths[2]  # the long column gets the room
    # no "a | b" text rows are left in the body
    assert not any("|" in p.text for p in document.paragraphs)


def test_markdown_to_docx_and_back_gives_the_same_tree(cookies, tmp_path):
    out = tmp_path / "cookies.docx"
    export_docx(cookies, out)
    assert _tree(import_docx(out)) == _tree(cookies)


def test_tables_anywhere_in_a_clause_round_trip_through_docx(tmp_path):
    """A clause that is only a table, tables under labels and headings, at the very end."""
    rows = "| a | b |\n| c | |"
    with_header = "| Term | Meaning |\n| --- | --- |\n| <x> | y \\| z |"
    parent = Clause("1", "Heading", rows)
    parent.children = [Clause("1.1", "", with_header), Clause("", "", rows), Clause("", "", "Text\n" + rows)]
    for child in parent.children:
        child.parent = parent
    policy = Policy(Metadata(title="T"), [parent, Clause("2", "", "Last:\n" + with_header)])
    out = tmp_path / "t.docx"
    export_docx(policy, out)
    assert _tree(import_docx(out)) == _tree(policy)


def test_html_has_table_and_thead_with_escaped_cells():
    policy = Policy(
        Metadata(title="T"),
        [Clause("1", "", "Intro\n| <b>Name</b> | A&B |\n| --- | --- |\n| x \\| y | <i> |")],
    )
    page = render_html(policy)
    table = page[page.index('<table class="clause-table">') : page.index("</table>")]
    assert (
        '<thead><tr><th scope="col">&lt;b&gt;Name&lt;/b&gt;</th><th scope="col">A&amp;B</th></tr></thead>'
        in table
    )
    assert "<td>x | y</td><td>&lt;i&gt;</td>" in table
    assert "<b>" not in page.split("<main>")[1]
    assert '<p class="lead"><span class="label">1</span> Intro</p>' in page


def test_html_table_without_header_has_no_thead():
    page = render_html(Policy(Metadata(title="T"), [Clause("", "", "| a | b |\n| c | d |")]))
    assert "<table" in page and "<thead>" not in page and "<td>c</td><td>d</td>" in page


@pytest.mark.tools
def test_corpus_table_renders_as_a_table_through_libreoffice(tmp_path):
    source = CORPUS / "github-site-policy__corporate-terms-of-service__2017-06-09_04c8757.md"
    if not source.exists():
        pytest.skip("../shared/corpus is not present")
    soffice = require("libreoffice")
    pdftotext = require("pdftotext")
    out = tmp_path / "terms.docx"
    export_docx(import_file(source), out)
    profile = (tmp_path / f"lo-{uuid.uuid4().hex}").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(
        [pdftotext, "-layout", str(tmp_path / "terms.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "What can you find there?" in text
    assert "Section | What" not in text and "A. Definitions |" not in text
