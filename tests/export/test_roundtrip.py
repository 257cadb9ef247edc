"""Export then import gives back the same clause tree (labels, headings, text) and metadata."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.export.html_writer import render_html
from plutoeditor.importers.text import import_file
from plutoeditor.model.notation import format_tree, parse_tree

SEEDS = ["pluto-privacy-2022-za.txt", "pluto-privacy-2023-uk.txt"]


class _VisibleText(HTMLParser):
    """The page's paragraphs as a reader copying them would get them (contents left out)."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li"}
    HIDDEN = {"nav", "style", "title", "footer"}

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self._current: list[str] | None = None
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BLOCKS and not self._hidden:
            self._current = []

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden -= 1
        elif tag in self.BLOCKS and self._current is not None:
            self.paragraphs.append("".join(self._current).strip())
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)


def _same(original, again) -> None:
    assert format_tree(again) == format_tree(original)
    assert again.metadata == original.metadata


@pytest.mark.parametrize("seed", SEEDS)
def test_docx_then_docx_import(seeds_dir, tmp_path, seed):
    from plutoeditor.importers.docx import import_docx

    original = import_file(seeds_dir / seed)
    out = tmp_path / "seed.docx"
    export_docx(original, out)
    _same(original, import_docx(out))


@pytest.mark.parametrize("seed", SEEDS)
def test_docx_text_then_text_import(seeds_dir, tmp_path, seed):
    """The Word document's text, as a user would copy it into a .txt file (labels as text:
    python-docx's text leaves Word's own numbers out; test_word_numbering copies through
    LibreOffice)."""
    original = import_file(seeds_dir / seed)
    out = tmp_path / "seed.docx"
    export_docx(original, out, numbering="text")
    text = "\n\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    (tmp_path / "copied.txt").write_text(text, encoding="utf-8")
    _same(original, import_file(tmp_path / "copied.txt"))


@pytest.mark.parametrize("seed", SEEDS)
def test_html_text_then_text_import(seeds_dir, tmp_path, seed):
    original = import_file(seeds_dir / seed)
    parser = _VisibleText()
    parser.feed(render_html(original))
    (tmp_path / "copied.txt").write_text("\n\n".join(parser.paragraphs), encoding="utf-8")
    _same(original, import_file(tmp_path / "copied.txt"))


def test_fixture_policy_round_trips_through_docx(policy, tmp_path):
    """Definitions, a schedule and every metadata field come back too.

    A clause's second paragraph is left out: on the page it looks exactly like an
    unnumbered clause, and the importers read it as one.
    """
    from plutoeditor.importers.docx import import_docx

    clause = next(c for c in policy.walk() if c.label == "1.2")
    clause.text = clause.paragraphs[0]
    out = tmp_path / "notice.docx"
    export_docx(policy, out)
    _same(policy, import_docx(out))


# -- DOCX export then DOCX import: exactly the same policy, ids included ------------------

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.md")) if CORPUS.is_dir() else []


def _exact(policy) -> list[tuple]:
    """Everything the round trip must keep: id, label, heading, text, kind and nesting depth."""
    return [(c.id, c.label, c.heading, c.text, c.kind, depth) for c, depth in policy.walk_with_depth()]


def _docx_round_trip(policy, tmp_path, numbering="word"):
    from plutoeditor.importers.docx import import_docx

    out = tmp_path / "exported.docx"
    export_docx(policy, out, numbering=numbering)
    return import_docx(out)


@pytest.mark.corpus
@pytest.mark.parametrize("numbering", ["word", "text"])
@pytest.mark.parametrize("name", CORPUS_FILES + SEEDS)
def test_docx_round_trip_is_exact(corpus_dir, seeds_dir, tmp_path, name, numbering):
    original = import_file((seeds_dir if name in SEEDS else corpus_dir) / name)
    again = _docx_round_trip(original, tmp_path, numbering)
    assert _exact(again) == _exact(original)
    assert again.metadata == original.metadata
    assert again.document_id == original.document_id


def test_clause_ids_too_long_for_a_bookmark_name_survive(tmp_path):
    """Word limits bookmark names to 40 letters, digits and underscores; other ids are mapped."""
    policy = parse_tree(
        "[1] Scope | This notice covers:\n  [1.1] customers;\n  [1.2] suppliers.\n[] Closing."
    )
    clauses = list(policy.walk())
    clauses[0].id = "scope-" + "x" * 60
    clauses[1].id = "a" * 36
    clauses[2].id = "with-dash"
    out = tmp_path / "long.docx"
    export_docx(policy, out)
    names = [m.get(qn("w:name")) for m in docx.Document(str(out)).element.body.iter(qn("w:bookmarkStart"))]
    assert names and all(len(n) <= 40 and n.replace("_", "").isalnum() for n in names)
    from plutoeditor.importers.docx import import_docx

    assert _exact(import_docx(out)) == _exact(policy)


def test_a_word_user_edit_without_bookmarks_still_imports_sensibly(tmp_path):
    """Paragraphs added in Word carry no bookmark, and a deleted paragraph takes its bookmark
    with it: the rest keeps its ids and nesting, added text joins the clause above and an added
    labelled paragraph becomes a clause beside it."""
    policy = parse_tree(
        "[1] Scope | This notice covers customers.\n  [1.1] It covers suppliers.\n  [1.2] It covers staff.\n"
        "[2] Rights | You may ask for your data."
    )
    ids = {c.label: c.id for c in policy.walk()}
    out = tmp_path / "edited.docx"
    export_docx(policy, out, numbering="text")
    document = docx.Document(str(out))
    by_text = {p.text: p for p in document.paragraphs}
    # Delete clause 1.2 with its bookmark (as Word does when a paragraph is deleted) ...
    staff = by_text["1.2\tIt covers staff."]._p
    for end in staff.iter(qn("w:bookmarkEnd")):  # ... keeping the ends of outer ranges
        staff.getprevious().append(end)
    staff.getparent().remove(staff)
    # ... add a sentence to 1.1, and a new clause 1.3 typed by the user.
    suppliers = by_text["1.1\tIt covers suppliers."]
    added = suppliers.insert_paragraph_before("It also covers contractors.", style="Clause Text")
    suppliers._p.addnext(added._p)
    new_clause = suppliers.insert_paragraph_before("1.3\tIt covers visitors.", style="Clause Text")
    new_clause.paragraph_format.left_indent, new_clause.paragraph_format.first_line_indent = 540385, -540385
    added._p.addnext(new_clause._p)
    document.save(str(out))
    from plutoeditor.importers.docx import import_docx

    back = import_docx(out)
    assert format_tree(back).splitlines() == [
        "[1] Scope | This notice covers customers.",
        "  [1.1] It covers suppliers.\\nIt also covers contractors.",
        "  [1.3] It covers visitors.",
        "[2] Rights | You may ask for your data.",
    ]
    assert [c.id for c in back.walk() if c.label != "1.3"] == [ids["1"], ids["1.1"], ids["2"]]
