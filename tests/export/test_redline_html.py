"""The HTML redline: standalone, escaped, with marks a reader can see without colour."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from plutoeditor.compare import compare_policies
from plutoeditor.export.redline_html import MOVED_MARK, render_redline_html
from plutoeditor.model.notation import parse_tree

OLD = """
[1] Scope |
  [1.1] This notice covers the newsletter.
  [1.2] It does not cover the shop.
[2] Retention |
  [2.1] We keep your email address until you unsubscribe.
[3] Contact |
  [3.1] Write to the data protection officer.
"""
NEW = """
[1] Scope |
  [1.1] This notice covers the forum.
  [1.2] Forum posts show <script>alert(1)</script> as text & stay "quoted".
  [1.3] It does not cover the shop.
[2] Contact |
  [2.1] Write to the data protection officer.
[3] Retention |
  [3.1] We keep your email address until you unsubscribe.
"""


def _redline() -> str:
    old, new = parse_tree(OLD), parse_tree(NEW)
    old.metadata.effective_date = dt.date(2022, 11, 21)
    new.metadata.effective_date = dt.date(2023, 6, 7)
    new.metadata.title = "Newsletter <Privacy> Notice"
    return render_redline_html(compare_policies(old, new))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def test_clause_text_is_escaped_not_executed():
    html = _redline()
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; stay &quot;quoted&quot;" in html
    assert "Newsletter &lt;Privacy&gt; Notice" in html


def test_standalone_no_external_resources():
    html = _redline()
    parser = _Tags()
    parser.feed(html)
    assert parser.tags[0] == "html" and ("lang", "en") in parser.attrs
    assert not {"script", "link", "img", "iframe"} & set(parser.tags)
    assert not any(name == "src" for name, _ in parser.attrs)
    # links only within the page (the summary's list of changes, where a moved clause came from)
    assert all(value.startswith("#") for name, value in parser.attrs if name == "href")
    assert "@media print" in html and "url(" not in html


def test_summary_with_both_effective_dates_comes_first():
    html = _redline()
    assert "21 November 2022" in html and "7 June 2023" in html
    summary = html.index("Summary of changes")
    assert summary < html.index("This notice covers")
    assert "1 added" in html and "1 moved" in html


def test_insertions_underlined_deletions_struck_moves_and_relabels_marked():
    html = _redline()
    assert "<del>newsletter</del><ins>forum</ins>" in html
    assert re.search(r"ins \{[^}]*underline", html) and re.search(r"del \{[^}]*line-through", html)
    moved = re.findall(r'<div class="[^"]*moved[^"]*"[^>]*>(.*?)</div>', html)
    assert len(moved) == 1 and MOVED_MARK in moved[0]  # Contact and Retention swapped: one move
    relabelled = re.search(
        r'<div class="[^"]*"[^>]*><p><span class="label relabel">1\.2 → 1\.3</span>(.*?)</div>', html
    )
    assert relabelled and "<ins>" not in relabelled.group(1) and "<del>" not in relabelled.group(1)
