"""Fuzz every exporter: Word, HTML, the HTML and Word redlines and (a few examples) PDF
never fail on hostile text, and no input reaches the HTML unescaped."""

from __future__ import annotations

import itertools
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plutoeditor.compare import compare_policies
from plutoeditor.export.docx_writer import export_docx
from plutoeditor.export.html_writer import render_html
from plutoeditor.export.redline_docx import write_redline_docx
from plutoeditor.export.redline_html import render_redline_html
from plutoeditor.formats import limits
from tests.fuzz.strategies import FUZZ, nasty_text, policies

#: Pieces that become a tag, an attribute or the end of a style sheet if written raw.
PAYLOADS = ["<i-fuzz x=1>", '" onfuzz="1', "'><i-fuzz>", "</style><i-fuzz>", "</title><i-fuzz>", "]]><i-fuzz"]

payload = st.tuples(nasty_text, st.sampled_from(PAYLOADS), nasty_text).map("".join)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def with_payloads(policy, pieces):  # type: ignore[no-untyped-def]
    """Hostile pieces in every field a page shows."""
    pieces = itertools.cycle(pieces)
    meta = policy.metadata
    meta.title, meta.organisation, meta.version = next(pieces), next(pieces), next(pieces)
    meta.summary_of_changes = [next(pieces)]
    for clause in policy.walk():
        clause.heading, clause.label = next(pieces), next(pieces)[:40]
        clause.text = f"{clause.text}\n{next(pieces)}"
    limits.fit_metadata(meta)
    return policy


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        self._in_style = False

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in_style:
            self.styles.append(data)


def assert_nothing_unescaped(html: str) -> None:
    assert "<i-fuzz" not in html
    page = _Page()
    page.feed(html)
    assert "i-fuzz" not in page.tags
    assert not [name for name in page.attributes if name.startswith("on")]
    for style in page.styles:
        _assert_css_strings_closed(style)


def _assert_css_strings_closed(style: str) -> None:
    """CSS ends a string at an unescaped newline (\\n, \\r, \\f): then the rest is CSS."""
    at = 0
    while at < len(style):
        quote = style[at]
        if quote not in "\"'":
            at += 1
            continue
        end = at + 1
        while end < len(style) and style[end] != quote:
            assert style[end] not in "\n\r\f", f"a CSS string is broken: {style[at : end + 20]!r}"
            end += 2 if style[end] == "\\" else 1
        at = end + 1


@settings(FUZZ, max_examples=60)
@given(policies(), st.lists(payload, min_size=1, max_size=5))
def test_html_export_escapes_everything(policy, pieces):
    assert_nothing_unescaped(render_html(with_payloads(policy, pieces)))


@settings(FUZZ, max_examples=30)
@given(policies(), policies(), st.lists(payload, min_size=1, max_size=5))
def test_html_redline_escapes_everything(old, new, pieces):
    html = render_redline_html(compare_policies(with_payloads(old, pieces), with_payloads(new, pieces[::-1])))
    assert_nothing_unescaped(html)


@settings(FUZZ, max_examples=25)
@given(policies(), st.lists(payload, min_size=1, max_size=3))
def test_word_export_never_fails(folder, policy, pieces):
    path = folder / "fuzzed.docx"
    export_docx(with_payloads(policy, pieces), path)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None and "word/document.xml" in archive.namelist()


@settings(FUZZ, max_examples=12)
@given(policies(), policies(), st.lists(payload, min_size=1, max_size=3))
def test_word_redline_never_fails(folder, old, new, pieces):
    path = folder / "redline.docx"
    write_redline_docx(compare_policies(with_payloads(old, pieces), with_payloads(new, pieces)), path)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None


@settings(FUZZ, max_examples=3)
@given(policies(max_depth=1), st.lists(payload, min_size=1, max_size=2))
def test_pdf_export_never_fails(policy, pieces):
    pytest.importorskip("PySide6")
    from plutoeditor.export.pdf_export import render_pdf

    assert render_pdf(with_payloads(policy, pieces)).startswith(b"%PDF")
