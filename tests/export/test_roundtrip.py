"""Export then import gives back the same clause tree (labels, headings, text) and metadata."""

from __future__ import annotations

from html.parser import HTMLParser

import docx
import pytest

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.export.html_writer import render_html
from plutoeditor.importers.text import import_file
from plutoeditor.model.notation import format_tree

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
    """The Word document's text, as a user would copy it into a .txt file."""
    original = import_file(seeds_dir / seed)
    out = tmp_path / "seed.docx"
    export_docx(original, out)
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
