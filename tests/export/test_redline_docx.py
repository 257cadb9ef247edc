"""The Word redline: real tracked changes, as many as the comparison reports."""

from __future__ import annotations

import datetime as dt
import zipfile

import docx
import pytest

from plutoeditor.compare import compare_policies
from plutoeditor.compare.locations import moved_groups
from plutoeditor.compare.result import DELETE, INSERT
from plutoeditor.export.redline_docx import paragraphs_from_ops, write_redline_docx
from plutoeditor.model.notation import parse_tree
from tests.export.wordml import NS, body, part, version_paragraphs

OLD = """
[1] Introduction |
  [1.1] This notice explains how Meridian Books handles personal data.
  [1.2] It applies to every customer of the shop.
[2] Collection |
  [2.1] We collect your name and postal address.
  [2.2] We collect the books you order.
[3] Sharing |
  [3.1] We share your address with the courier.
  [3.2] We never sell personal data.
[4] Your rights |
  [4.1] You may ask for a copy of your data.
"""

# 1.3 inserted, 3.2 deleted, 1.1 reworded, section 2 moved to the end (relabelled 2 -> 4)
NEW = """
[1] Introduction |
  [1.1] This notice explains how Meridian Books Ltd handles and protects personal data.
  [1.2] It applies to every customer of the shop.
  [1.3] It also applies to visitors of our website.
[2] Sharing |
  [2.1] We share your address with the courier.
[3] Your rights |
  [3.1] You may ask for a copy of your data.
[4] Collection |
  [4.1] We collect your name and postal address.
  [4.2] We collect the books you order.
"""


def _policies():
    old, new = parse_tree(OLD), parse_tree(NEW)
    old.metadata.title = new.metadata.title = "Customer Privacy Notice"
    old.metadata.effective_date, new.metadata.effective_date = dt.date(2023, 1, 9), dt.date(2024, 3, 1)
    return old, new


@pytest.fixture
def comparison():
    return compare_policies(*_policies())


@pytest.fixture
def redline(comparison, tmp_path):
    out = tmp_path / "redline.docx"
    write_redline_docx(comparison, out)
    return out


def _lines(policy) -> list[str]:
    """A policy's paragraphs as the plain DOCX export writes them (label, tab, text)."""
    lines = []
    for clause in policy.walk():
        lead = f"{clause.label}\t" if clause.label else ""
        if clause.heading:
            lines.append(lead + clause.heading)
            lines.extend(clause.paragraphs)
        else:
            paragraphs = clause.paragraphs or [""]
            lines.append(lead + paragraphs[0])
            lines.extend(paragraphs[1:])
    return lines


def test_the_fixture_has_each_kind_of_change(comparison):
    summary = comparison.summary()
    assert (summary["added"], summary["removed"], summary["text_changed"], summary["moved"]) == (1, 1, 1, 1)
    assert summary["relabelled"] > 0


def test_exactly_as_many_insertions_and_deletions_as_the_comparison_reports(comparison, redline):
    """Each inserted or deleted word run is one revision; a whole added or removed
    (one-paragraph) clause is one revision too."""
    ops = [op for change in comparison.changes for op, _ in change.ops + change.heading_ops]
    added = sum(c.status == "added" for c in comparison.changes)
    removed = sum(c.status == "removed" for c in comparison.changes)
    root = body(redline)
    assert len(root.findall(".//w:p/w:ins", NS)) == ops.count(INSERT) + added
    assert len(root.findall(".//w:p/w:del", NS)) == ops.count(DELETE) + removed
    assert ops.count(INSERT) >= 1  # "Ltd", "and protects"
    # the paragraph marks of the added and removed clauses are tracked as well
    assert len(root.findall(".//w:pPr/w:rPr/w:ins", NS)) == added
    assert len(root.findall(".//w:pPr/w:rPr/w:del", NS)) == removed
    # every revision has the attributes Word needs, and unique ids
    revisions = root.findall(".//w:ins", NS) + root.findall(".//w:del", NS)
    ids = [r.get(f"{{{NS['w']}}}id") for r in revisions]
    assert len(set(ids)) == len(ids)
    assert all(
        r.get(f"{{{NS['w']}}}author") == "PlutoEditor" and r.get(f"{{{NS['w']}}}date") for r in revisions
    )
    # deleted text is w:delText, never w:t
    assert not root.findall(".//w:del//w:t", NS) and root.findall(".//w:del//w:delText", NS)


def test_accept_all_gives_the_new_version_and_reject_all_the_old(redline):
    old, new = _policies()
    accepted = version_paragraphs(redline, accept=True)
    rejected = version_paragraphs(redline, accept=False)
    start = accepted.index("Customer Privacy Notice", 1)  # the clauses follow the second title
    assert accepted[start + 1 :] == _lines(new)
    # rejecting restores the old text; labels stay the new ones (relabelling is not a change)
    old_text = [line.split("\t", 1)[-1] for line in _lines(old)]
    rejected_text = [line.split("\t", 1)[-1] for line in rejected[start + 1 :]]
    assert sorted(rejected_text) == sorted(old_text)


def test_relabelled_clauses_are_not_marked(comparison, redline):
    document = docx.Document(str(redline))
    moving = {i for group in moved_groups(comparison).values() for i in group}  # Word moves instead
    relabelled = [
        c for i, c in enumerate(comparison.changes) if c.relabelled and not c.text_changed and i not in moving
    ]
    texts = {p.text for p in document.paragraphs}
    for change in relabelled:
        line = f"{change.new_label}\t{change.new.heading or change.new.text}"
        assert line in texts
    root = body(redline)
    marked = "".join(t.text or "" for t in root.findall(".//w:ins//w:t", NS))
    assert "Your rights" not in marked and "2.1" not in marked


def _summary_paragraphs(redline) -> list[str]:
    """The paragraphs between the "Summary of changes" heading and the redlined document."""
    texts = [p.text for p in docx.Document(str(redline)).paragraphs]
    start = texts.index("Summary of changes") + 1
    return texts[start : texts.index("Customer Privacy Notice", start)]


def test_moved_clause_gets_a_comment_and_a_summary_line(comparison, redline):
    comments = part(redline, "word/comments.xml")
    notes = ["".join(t.text for t in c.iterfind(".//w:t", NS)) for c in comments.findall("w:comment", NS)]
    assert notes == ["Moved from 2 to 4"]
    assert "Moved: 4 Collection (moved from 2 to 4)" in _summary_paragraphs(redline)


def test_the_summary_is_compact_with_dates_in_words(redline):
    """Counts, metadata changes (dates in words), moves and one relabel paragraph; no table
    listing every change (the tracked changes in the body are that list)."""
    summary = _summary_paragraphs(redline)
    assert summary == [
        "1 added · 1 removed · 1 changed · 1 moved · 7 relabelled · 2 unchanged. Insertions and deletions "
        "are tracked changes; moved clauses are tracked moves, with a comment; relabelled clauses are not "
        "marked.",
        "Effective date: 9 January 2023 → 1 March 2024",
        "Moved: 4 Collection (moved from 2 to 4)",
        "Relabelled: 3 → 2, 3.1 → 2.1, 4 → 3, 4.1 → 3.1, 2.1 → 4.1, 2.2 → 4.2",
    ]
    assert body(redline).find(".//w:tbl", NS) is None


def test_a_long_list_of_relabels_is_capped(tmp_path):
    old = parse_tree("\n".join(f"[{n}] Clause number {n} says something different." for n in range(1, 41)))
    new = parse_tree("[1] A new first clause.\n" + "\n".join(
        f"[{n + 1}] Clause number {n} says something different." for n in range(1, 41)))  # fmt: skip
    out = tmp_path / "relabelled.docx"
    write_redline_docx(compare_policies(old, new), out)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    relabel = [t for t in texts if t.startswith("Relabelled: ")]
    assert relabel == ["Relabelled: 1 → 2, 2 → 3, 3 → 4, 4 → 5, 5 → 6, 6 → 7, 7 → 8, 8 → 9, 9 → 10, "
                       "10 → 11, 11 → 12, 12 → 13 and 28 more"]  # fmt: skip


def test_summary_at_the_top_with_both_effective_dates(redline):
    document = docx.Document(str(redline))
    top = [p.text for p in document.paragraphs[:4]]
    assert top[0] == "Redline: Customer Privacy Notice"
    assert "effective date: 9 January 2023" in top[1] and top[1].startswith("Old version")
    assert "effective date: 1 March 2024" in top[2] and top[2].startswith("New version")
    header = document.sections[0].header.paragraphs[-1].text
    assert "Effective date: 1 March 2024" in header and "9 January 2023" in header


def test_paragraph_breaks_inside_ops_split_paragraphs():
    ops = [(0, "First paragraph."), (1, "\nInserted paragraph."), (0, "\nLast"), (-1, " gone")]
    paragraphs = paragraphs_from_ops(ops)
    assert [[r.text for r in runs] for runs, _ in paragraphs] == [
        ["First paragraph."],
        ["Inserted paragraph."],
        ["Last", " gone"],
    ]
    assert [mark for _, mark in paragraphs] == ["ins", "", ""]


def test_multi_paragraph_rewording_round_trips(tmp_path):
    old = parse_tree("[1] Scope |\n  [1.1] One.\\nTwo old words.\\nThree.")
    new = parse_tree("[1] Scope |\n  [1.1] One.\\nTwo new words.\\nInserted.\\nThree.")
    out = tmp_path / "r.docx"
    write_redline_docx(compare_policies(old, new), out)
    accepted = version_paragraphs(out, accept=True)
    rejected = version_paragraphs(out, accept=False)
    assert accepted[-4:] == ["1.1\tOne.", "Two new words.", "Inserted.", "Three."]
    assert rejected[-3:] == ["1.1\tOne.", "Two old words.", "Three."]


def test_identical_versions_have_no_revisions(tmp_path):
    old, _ = _policies()
    out = tmp_path / "same.docx"
    write_redline_docx(compare_policies(old, old.copy()), out)
    root = body(out)
    assert not root.findall(".//w:ins", NS) and not root.findall(".//w:del", NS)
    with zipfile.ZipFile(out) as archive:
        assert "word/comments.xml" not in archive.namelist() or not part(out, "word/comments.xml").findall(
            "w:comment", NS
        )
