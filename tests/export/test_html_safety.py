"""Hostile metadata (a Word title property, front matter, YAML) cannot break out of the HTML pages."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from plutoeditor.compare import compare_policies
from plutoeditor.export.html_writer import render_html
from plutoeditor.export.redline_html import render_redline_html
from plutoeditor.model.notation import parse_tree

#: What a Word title property or front matter may hold: each control character CSS treats as
#: a newline (ending a string early), then a rule that would hide the policy.
BREAKOUTS = [
    f'Privacy Notice{sep}"; }} body {{ visibility: hidden }} main::before {{ content: "WITHDRAWN'
    for sep in ("\r", "\f", "\n", "\r\n", "\x0b", "\x00", "\u2028", "\x1b")
]


def _css_strings(style: str) -> list[str]:
    """The string tokens of a style sheet, read as CSS Syntax Level 3 reads them; a string that
    meets an unescaped newline (\\n, \\r or \\f) is a bad string: the rest of the line is CSS."""
    strings, i = [], 0
    while i < len(style):
        quote = style[i]
        if quote not in "\"'":
            i += 1
            continue
        j = i + 1
        while j < len(style) and style[j] != quote:
            if style[j] in "\n\r\f":
                raise AssertionError(f"a CSS string is broken by a newline: {style[i : j + 20]!r}")
            j += 2 if style[j] == "\\" else 1
        strings.append(style[i + 1 : j])
        i = j + 1
    return strings


@pytest.mark.parametrize("title", BREAKOUTS, ids=[repr(t[14:16]) for t in BREAKOUTS])
def test_a_control_character_in_the_title_or_version_stays_inside_its_css_string(title):
    policy = parse_tree("[1] Scope |\n  [1.1] This notice applies to the shop.\n")
    policy.metadata.title = title
    policy.metadata.version = title
    policy.metadata.effective_date = dt.date(2024, 1, 2)
    page = render_html(policy)
    style = page[page.index("<style>") + len("<style>") : page.index("</style>")]
    strings = _css_strings(style)
    assert sum("WITHDRAWN" in s for s in strings) == 2  # title and version, each inside its string
    outside = re.sub(r'"(?:\\.|[^"\\])*"', '""', style)
    assert "visibility: hidden" not in outside and "WITHDRAWN" not in outside
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f]", page)


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")


def test_the_html_redline_forbids_scripts_and_fetching_like_the_export():
    old = parse_tree("[1] Scope |\n  [1.1] This notice covers the shop.\n")
    new = parse_tree("[1] Scope |\n  [1.1] This notice covers the forum.\n")
    parser = _Meta()
    parser.feed(render_redline_html(compare_policies(old, new)))
    assert len(parser.policies) == 1
    policy = parser.policies[0]
    assert "default-src 'none'" in policy and "script-src" not in policy
