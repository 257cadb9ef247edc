"""Where changes are: unnumbered ones by their section, moved ones by the place they left;
the HTML redline links to each change and can show the changes only."""

from __future__ import annotations

import re

from plutoeditor.compare import compare_policies
from plutoeditor.compare.locations import moved_from, where
from plutoeditor.export.redline_html import render_redline_html
from plutoeditor.model.notation import parse_tree

OLD = """
[1] Scope | These terms apply.
[2] Sharing |
  [2.1] We share with couriers.
[3] Cookies |
  [3.1] We use cookies.
  [3.2] Some are needed.
  [] You can refuse the others.
[4] Law | English law applies.
"""
NEW = """
[1] Scope | These terms apply.
[2] Cookies |
  [2.1] We use cookies.
  [2.2] Some are needed.
  [] You can refuse the others in your browser.
[3] Law | English law applies.
[4] Sharing |
  [4.1] We share with couriers.
"""


def _comparison():
    return compare_policies(parse_tree(OLD), parse_tree(NEW))


def test_an_unnumbered_change_is_placed_by_its_section():
    changed = next(c for c in _comparison().changes if c.text_changed)
    assert where(changed) == "in 2 Cookies, after 2.2"


def test_a_moved_section_is_marked_where_it_stood():
    comparison = _comparison()
    places = moved_from(comparison)
    ((moved, before),) = places.items()
    assert comparison.changes[moved].clause.heading == "Sharing"
    assert comparison.changes[before].clause.heading == "Scope"  # it stood right after 1 Scope


def test_html_redline_shows_where_a_move_came_from_and_links_the_changes():
    html = render_redline_html(_comparison())
    sharing = re.search(r'id="clause-(\w+)"><p><span class="mark move">', html)
    assert sharing
    clause_id = sharing.group(1)
    origin = html.index(f'id="from-{clause_id}"')
    assert html.index("These terms apply.") < origin < html.index("We use cookies.")  # after Scope
    assert f'href="#from-{clause_id}">moved from 2<' in html  # and back
    links = re.findall(r'<li><a href="#clause-(\w+)">([^<]*)</a>: ([^<]*)</li>', html)
    assert [(title, what) for _id, title, what in links] == [
        ("You can refuse the others in your browser. (in 2 Cookies, after 2.2)", "text changed"),
        ("4 Sharing", "moved, relabelled"),
    ]
    assert all(f'id="clause-{i}"' in html for i, _t, _w in links)
    assert "clauses only renumbered" in html


def test_html_redline_has_a_changes_only_view_without_scripts():
    html = render_redline_html(_comparison())
    assert '<input type="checkbox" id="changes-only">' in html
    assert "#changes-only:checked ~ main .unchanged { display: none; }" in html
    assert "<script" not in html
