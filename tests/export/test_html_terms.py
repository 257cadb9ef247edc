"""HTML export: each use of a defined term links to its definition; everything stays escaped."""

from __future__ import annotations

import re

from plutoeditor.export.html_writer import render_html
from plutoeditor.export.page_text import clause_anchor
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Metadata, Policy


def _policy(
    meaning: str = "the site at northwind.example;", use: str = "The Portal is open; the Portals close."
) -> Policy:
    portal = Clause(heading="Portal", text=meaning, kind=ClauseKind.DEFINITION)
    host = Clause(label="1", heading="Definitions", text="In this Notice:", children=[portal])
    body = Clause(label="2", text=use)
    return Policy(Metadata(title="Notice"), [host, body])


def test_each_use_links_to_the_definition_and_the_definition_itself_is_not_a_link() -> None:
    policy = _policy()
    page = render_html(policy)
    anchor = clause_anchor(policy.clauses[0].children[0])
    links = re.findall(r'<a class="term" href="#([^"]+)" title="Portal">([^<]+)</a>', page)
    assert links == [(anchor, "Portal"), (anchor, "Portals")]
    assert f'id="{anchor}"' in page
    assert "<dfn>Portal</dfn>" in page


def test_words_in_another_case_are_not_linked() -> None:
    page = render_html(_policy(use="Our portal is open."))
    assert 'class="term"' not in page


def test_text_around_and_inside_links_is_escaped() -> None:
    hostile = 'A <script>alert(1)</script> & the Portal "x" <b>'
    page = render_html(_policy(use=hostile))
    assert "<script>alert" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; the " in page
    assert 'title="Portal">Portal</a> &quot;x&quot; &lt;b&gt;' in page


def test_a_term_whose_name_holds_markup_is_escaped_in_the_link() -> None:
    policy = _policy()
    policy.clauses[0].children[0].heading = "A&B <Zone>"
    policy.clauses[1].text = "Use the A&B <Zone> daily."
    page = render_html(policy)
    assert 'title="A&amp;B &lt;Zone&gt;">A&amp;B &lt;Zone&gt;</a>' in page
    assert "<Zone>" not in page
