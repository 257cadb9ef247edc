"""Acceptance: the 2022 and 2023 Pluto privacy policies share passages under new numbers.

A notation fixture in our own words reproduces the shape (cookie descriptions moved from
numbered sub-clauses into an unnumbered schedule; the rights section renumbered), and the
real seeds are compared when the text importer is available.
"""

from __future__ import annotations

import datetime as dt

import pytest

from plutoeditor.compare import compare_policies
from plutoeditor.model.notation import parse_tree

OLD = """
[1] Introduction |
  [1.1] This policy forms part of the Terms of Service.
[4] Cookies |
  [4.1] The platform uses cookies. A cookie is a small file your browser keeps.
    [4.1.1] “Session cookies”: kept only while you use the site and deleted when the browser closes.
    [4.1.2] “Advertising cookies” Partners may show you ads based on earlier visits.
    [4.1.3] “Lasting cookies”: store a code on your device so that we recognise you next time.
[6.] Your Rights |
  [6.1] Users may ask for access to their information.
  [6.2] Users may ask us to correct wrong information.
"""
NEW = """
[1] Definitions |
  def [] Platform | our website and apps
[11.] Your rights |
  [11.1] You may ask for access to your information.
  [11.2] You may ask us to correct wrong information.
  [11.3] You may complain to the regulator.
sched [] Cookie Schedule |
  [] What are cookies? | Small files that your browser keeps for a website.
  [] Cookie details |
    def [] Session cookies | kept only while you use the site and deleted when the browser closes.
    def [] Advertising cookies | Partners may show you ads based on earlier visits.
    def [] Lasting cookies | store a code on your device so that we recognise you next time.
"""


def _assert_seed_shape(comparison, cookie_words, rights_heading):
    for words in cookie_words:
        change = next(c for c in comparison.changes if c.old is not None and words in c.old.text)
        assert change.status == "matched", words
        assert words in f"{change.new.heading} {change.new.text}"
    rights = [c for c in comparison.changes if c.old is not None and c.old.heading == rights_heading]
    assert len(rights) == 1 and rights[0].status == "matched"
    assert rights[0].new.heading.lower() == "your rights"
    dates = [m for m in comparison.metadata_changes if m.field == "effective_date"]
    assert dates


def test_fixture_cookie_descriptions_and_rights_are_matched():
    old, new = parse_tree(OLD), parse_tree(NEW)
    old.metadata.effective_date = dt.date(2022, 11, 21)
    new.metadata.effective_date = dt.date(2023, 6, 7)
    comparison = compare_policies(old, new)
    _assert_seed_shape(comparison, ["kept only while", "Partners may show", "store a code"], "Your Rights")
    rights = next(c for c in comparison.changes if c.new is not None and c.new.heading == "Your rights")
    assert rights.relabelled and rights.old_label == "6." and rights.new_label == "11."
    # The cookie descriptions now sit under another parent, but in the same reading order:
    # restructuring their section is not a move of each of them. Your Rights, now before
    # the cookies, is the one move.
    cookies = [c for c in comparison.changes if c.status == "matched" and c.new.kind.value == "definition"]
    assert len(cookies) == 3 and not any(c.moved for c in cookies)
    assert [c.new_label for c in comparison.changes if c.moved] == ["11."]


def test_real_seeds_2022_to_2023(seed_2022, seed_2023):
    text_import = pytest.importorskip("plutoeditor.importers.text")
    old, new = text_import.import_file(seed_2022), text_import.import_file(seed_2023)
    comparison = compare_policies(old, new)
    _assert_seed_shape(
        comparison,
        [
            "maintain a so-called",
            "Third party vendors with whom we contract",
            "permanently store a unique code",
        ],
        "Your Rights",
    )
    dates = {m.field: (m.old, m.new) for m in comparison.metadata_changes}
    assert dates["effective_date"] == ("2022-11-21", "2023-06-07")
