"""HTML export: one standalone, escaped, linkable page that prints well."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

import pytest

from plutoeditor.export.html_writer import export_html, render_html
from plutoeditor.export.page_text import clause_anchor
from tests.export.conftest import require


class _Page(HTMLParser):
    """Tags, ids, links and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_script_in_a_clause_is_visible_text_not_a_script(policy):
    clause = next(c for c in policy.walk() if c.label == "3.1.1")
    clause.text = "<script>alert(1)</script> & more"
    clause.heading = '"Quoted" <b>heading</b>'
    policy.metadata.title = "Notice</title><script>alert(2)</script>"
    policy.metadata.version = '4"; } body { display: none } </style><script>alert(3)</script>'
    policy.metadata.language = 'en" onload="alert(4)'
    page = render_html(policy)
    parsed = _parse(page)
    assert "script" not in {tag for tag, _ in parsed.tags}
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    visible = "".join(parsed.text)
    assert "<script>alert(1)</script> & more" in visible
    assert '"Quoted" <b>heading</b>' in visible
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    # the version also appears inside the print CSS: it must not close the <style> element
    style = page[page.index("<style>") + len("<style>") : page.index("</style>")]
    assert "<" not in style


def test_page_is_standalone(policy):
    page = render_html(policy)
    parsed = _parse(page)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert not re.search(r"url\(|@import|https?://", page)
    assert any(
        tag == "meta"
        and attrs.get("http-equiv") == "Content-Security-Policy"
        and "default-src 'none'" in attrs["content"]
        for tag, attrs in parsed.tags
    )
    assert page.startswith("<!DOCTYPE html>")


def test_lang_title_and_effective_date_header(policy):
    page = render_html(policy)
    assert '<html lang="en-GB">' in page
    header = page[page.index('<header class="masthead">') : page.index("</header>")]
    assert "<h1>Customer Privacy Notice</h1>" in header
    assert '<time datetime="2024-03-01">1 March 2024</time>' in header and "Version 4" in header


def test_every_clause_has_a_stable_anchor_from_its_id(policy):
    page = render_html(policy)
    ids = [attrs["id"] for _, attrs in _parse(page).tags if "id" in attrs]
    for clause in policy.walk():
        assert ids.count(f"clause-{clause.id}") == 1
    # renumbering does not move an anchor
    clause = next(c for c in policy.walk() if c.label == "3.1.9")
    clause.label = "3.1.2"
    assert f'id="clause-{clause.id}"' in render_html(policy)
    # odd ids from other sources still give valid, distinct anchors
    clause.id = "a b/c"
    assert clause_anchor(clause) == "clause-a_20_b_2f_c"


def test_contents_links_to_the_headed_clauses(policy):
    parsed = _parse(render_html(policy))
    ids = {attrs["id"] for _, attrs in parsed.tags if "id" in attrs}
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a" and attrs.get("class") != "term"]
    headed = [c for c in policy.walk() if c.heading and c.kind.value != "definition"]
    assert links == [f"#{clause_anchor(c)}" for c in headed]
    assert all(link[1:] in ids for link in links)


def test_semantic_headings_by_level(policy):
    page = render_html(policy)
    assert page.count("<h1>") == 1
    assert re.search(r'<h2 class="clause-heading lead"><span class="label">1</span> Introduction</h2>', page)
    assert re.search(r"<h3 [^>]*>How long we keep data</h3>", page)
    assert "<dfn>Customer</dfn>: anyone who buys a book from us" in page


def test_print_css_pages_and_schedules(policy):
    page = render_html(policy)
    assert "@page" in page and '"Effective date: 1 March 2024 · Version 4"' in page
    assert 'counter(page) " of " counter(pages)' in page
    assert re.search(r"@media print \{[^@]*\.schedule \{ break-before: page;", page)
    assert 'class="clause schedule"' in page


def test_export_writes_utf8_file(policy, tmp_path):
    out = tmp_path / "notice.html"
    export_html(policy, out)
    assert out.read_text(encoding="utf-8") == render_html(policy)


def _chromium(*args: str, tmp_path) -> None:
    binary = None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        try:
            binary = require(name)
            break
        except pytest.skip.Exception:
            continue
    if binary is None:
        pytest.skip("chromium is not installed")
    command = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={tmp_path / 'chromium-profile'}", *args,
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)


@pytest.mark.tools
def test_seed_opens_in_chromium_and_prints_the_header_on_every_page(seed_policy, tmp_path):
    page = tmp_path / "seed.html"
    export_html(seed_policy, page)
    screenshot, pdf = tmp_path / "seed.png", tmp_path / "seed.pdf"
    _chromium(f"--screenshot={screenshot}", "--window-size=1200,1600", page.as_uri(), tmp_path=tmp_path)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000
    pdftotext = require("pdftotext")
    _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri(), tmp_path=tmp_path)
    pages = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert "Effective date: 21 November 2022" in text
        assert f"Page {number} of {len(pages)}" in text


@pytest.mark.parametrize(
    "notation",
    [
        "[1] text\n  [1.1] Heading A |\n[2] Other |\n  [2.1] Sub |\n[3] Last |",
        "[1] A |\n  [1.1] B |\n[2] C |",
    ],
    ids=["starts-nested", "nested"],
)
def test_contents_lists_are_well_formed(notation):
    from plutoeditor.model.notation import parse_tree

    page = render_html(parse_tree(notation))
    nav = page[page.index("<nav") : page.index("</nav>")]
    stack: list[str] = []
    for closing, tag in re.findall(r"<(/?)(ol|li)[ >]", nav):
        if closing:
            assert stack and stack.pop() == tag
        else:
            stack.append(tag)
    assert not stack
