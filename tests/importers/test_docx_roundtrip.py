"""Export to Word, import again: the same clause tree (labels, headings, text) and metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.importers.docx import import_docx
from plutoeditor.importers.text import import_file
from plutoeditor.model import ClauseKind
from plutoeditor.model.notation import format_tree, parse_tree
from tests.importers.test_docx_reading import make_docx, p_xml, r

NOTICE = """
[1] Who we are |
  [1.1] Acme Widgets Ltd sells widgets.
  [1.2] We process:
    [(a)] names;
    [(b)] addresses.
  [] in each case, only as this notice says.
[2] Definitions |
  def [] Controller | the person who decides why data is used
  def [] Processor | the person who handles data for a controller
[3] Your rights |
  [3.1] You may ask for a copy of your data.
    [3.1.1] We answer within one month.
[4.] Contact |
  [4.1] Write to us at:\\nAcme Ltd\\n9 High Street
sched [Schedule 1] Cookies |
  [1] Strictly necessary cookies.
  [2] Analytics cookies.
"""


def round_trip(policy, tmp_path):
    path = tmp_path / "exported.docx"
    export_docx(policy, path)
    return import_docx(path)


def test_a_notice_with_lists_definitions_and_a_schedule(tmp_path):
    policy = parse_tree(NOTICE)
    meta = policy.metadata
    meta.title = "Acme Customer Privacy Notice"
    meta.organisation = "Acme Widgets Ltd"
    meta.jurisdiction = "England and Wales"
    meta.version = "3.1"
    meta.effective_date = dt.date(2024, 3, 1)
    meta.summary_of_changes = ["New cookie schedule", "Contact address updated"]
    back = round_trip(policy, tmp_path)
    assert format_tree(back) == format_tree(policy)
    assert back.metadata == policy.metadata
    kinds = [c.kind for c in back.walk()]
    assert kinds.count(ClauseKind.DEFINITION) == 2 and kinds.count(ClauseKind.SCHEDULE) == 1
    assert back.import_notes == []


@pytest.mark.corpus
@pytest.mark.parametrize("seed", ["pluto-privacy-2022-za.txt", "pluto-privacy-2023-uk.txt"])
def test_the_seeds(tmp_path, seeds_dir, seed):
    policy = import_file(seeds_dir / seed)
    back = round_trip(policy, tmp_path)
    assert format_tree(back) == format_tree(policy)
    assert back.metadata == policy.metadata


HANGING = '<w:ind w:left="851" w:hanging="851"/>'
TAB = "<w:r><w:tab/></w:r>"


def _start(number: int, clause_id: str) -> str:
    return f'<w:bookmarkStart w:id="{number}" w:name="_PE_{clause_id}"/>'


def _end(number: int) -> str:
    return f'<w:bookmarkEnd w:id="{number}"/>'


def test_clause_bookmarks_keep_ids_and_paragraphs_together(tmp_path):
    """Each clause is a bookmark range (first paragraph to its last descendant's), so
    heading-plus-text and multi-paragraph clauses (which look the same as unnumbered child
    paragraphs on the page) come back whole, nested as the ranges nest."""
    body = [
        p_xml(r("Acme Notice"), '<w:pStyle w:val="Title"/>'),
        p_xml(_start(1, "c00000000a1") + r("1") + TAB + r("Your rights"),
              '<w:pStyle w:val="Heading1"/>' + HANGING),
        p_xml(r("You may ask for a copy of your data.")),
        p_xml(_start(2, "c00000000a2") + r("1.1") + TAB + r("We answer within one month."), HANGING),
        p_xml(r("We may ask who you are first.") + _end(2)),
        p_xml(_start(3, "c00000000a3") + r("We never charge for this.") + _end(3) + _end(1)),
    ]  # fmt: skip
    path = make_docx(tmp_path / "marked.docx", body)
    policy = import_docx(path)
    assert format_tree(policy).splitlines() == [
        "[1] Your rights | You may ask for a copy of your data.",
        "  [1.1] We answer within one month.\\nWe may ask who you are first.",
        "  [] We never charge for this.",
    ]
    assert [c.id for c in policy.walk()] == ["c00000000a1", "c00000000a2", "c00000000a3"]
    assert policy.find("c00000000a2").label == "1.1"


HEADING = '<w:pStyle w:val="Heading1"/>'


def _edited_notice(tmp_path):
    """An exported notice in which a Word user typed clauses 1.2 and 3 (no bookmarks)."""
    body = [
        p_xml(r("Acme Notice"), '<w:pStyle w:val="Title"/>'),
        p_xml(_start(1, "c00000000a1") + r("1") + TAB + r("Who we are"), HEADING + HANGING),
        p_xml(_start(2, "c00000000a2") + r("1.1") + TAB + r("Acme sells widgets.") + _end(2) + _end(1),
              HANGING),
        p_xml(r("1.2") + TAB + r("We also sell gift cards."), HANGING),
        p_xml(_start(3, "c00000000a3") + r("2") + TAB + r("Your rights") + _end(3),
              '<w:pStyle w:val="Heading1"/>' + HANGING),
        p_xml(r("3") + TAB + r("Contact"), '<w:pStyle w:val="Heading1"/>' + HANGING),
        p_xml(r("Write to us."), HANGING),
    ]  # fmt: skip
    return make_docx(tmp_path / "edited.docx", body)


def test_clauses_added_in_word_get_the_same_ids_every_time_the_file_is_opened(tmp_path):
    path = _edited_notice(tmp_path)
    first, second = import_docx(path), import_docx(path)
    assert format_tree(first).splitlines() == [
        "[1] Who we are |",
        "  [1.1] Acme sells widgets.",
        "  [1.2] We also sell gift cards.",
        "[2] Your rights |",
        "[3] Contact | Write to us.",
    ]
    ids = [c.id for c in first.walk()]
    assert ids == [c.id for c in second.walk()]
    assert ids[:2] == ["c00000000a1", "c00000000a2"] and ids[3] == "c00000000a3"
    assert len(set(ids)) == len(ids)
    added = first.find(ids[2])
    assert added is not None and added.text == "We also sell gift cards."  # found by id, as the editor does


def test_an_added_clause_never_takes_a_bookmarked_clauses_id(tmp_path):
    """Even when the id derived from its words is one a bookmarked clause already has."""
    path = _edited_notice(tmp_path)
    derived = import_docx(path).clauses[0].children[1].id
    body = [
        p_xml(_start(1, derived) + r("1") + TAB + r("Who we are"), '<w:pStyle w:val="Heading1"/>' + HANGING),
        p_xml(r("1.2") + TAB + r("We also sell gift cards."), HANGING),
        p_xml(r("Last words.") + _end(1)),
    ]  # fmt: skip
    clash = import_docx(make_docx(tmp_path / "clash.docx", body))
    assert format_tree(clash).splitlines() == [
        "[1] Who we are |",
        "[1.2] We also sell gift cards.\\nLast words.",
    ]
    ids = [c.id for c in clash.walk()]
    assert ids[0] == derived and ids[1] != derived
    assert ids == [c.id for c in import_docx(tmp_path / "clash.docx").walk()]
