"""Unnumbered items under a lead-in ("Examples include:") print indented, not flush with it."""

from __future__ import annotations

import re

import docx

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.export.html_writer import render_html
from plutoeditor.export.page_text import clause_anchor
from plutoeditor.model.notation import parse_tree

BULLETS = """
[] Our Standards |
  [] Examples of good behaviour include:
    [] Being kind to others
    [] Accepting feedback
  [] We expect this everywhere.
[1] Collection |
  [1.1] We collect:
    [1.1.1] your name; and
    [1.1.2] your email,
    [] in each case only with your consent.
  [1.2] Our systems:
    [] are tested yearly;
    [] are patched monthly.
"""


def _indents(tmp_path) -> dict[str, int]:
    path = tmp_path / "bullets.docx"
    export_docx(parse_tree(BULLETS), path)
    return {
        p.text.split("\t")[-1]: p.paragraph_format.left_indent or 0
        for p in docx.Document(str(path)).paragraphs
    }


def test_docx_items_under_an_unnumbered_lead_in_are_indented(tmp_path):
    indent = _indents(tmp_path)
    lead = indent["Examples of good behaviour include:"]
    assert indent["Being kind to others"] == indent["Accepting feedback"] > lead
    assert indent["We expect this everywhere."] == lead


def test_docx_items_under_a_numbered_lead_in_are_indented(tmp_path):
    indent = _indents(tmp_path)
    assert indent["are tested yearly;"] == indent["are patched monthly."] > indent["Our systems:"]


def test_docx_continuation_after_numbered_items_stays_in_the_parent_column(tmp_path):
    indent = _indents(tmp_path)
    assert indent["in each case only with your consent."] == indent["We collect:"]
    assert indent["your name; and"] > indent["We collect:"]


def test_html_uses_the_same_columns():
    policy = parse_tree(BULLETS)
    page = render_html(policy)

    def column(text: str) -> int:
        clause = next(c for c in policy.walk() if text in c.paragraphs)
        match = re.search(rf'class="clause col-(\d)[^"]*" id="{clause_anchor(clause)}"', page)
        assert match, text
        return int(match.group(1))

    lead = column("Examples of good behaviour include:")
    assert column("Being kind to others") == lead + 1
    assert column("We expect this everywhere.") == lead
    assert column("are tested yearly;") == column("Our systems:") + 1
    assert column("in each case only with your consent.") == column("We collect:")
