"""The Word redline marks a moved clause as Word's own move, so Accept or Reject moves it."""

from __future__ import annotations

from plutoeditor.compare import compare_policies
from plutoeditor.export.redline_docx import write_redline_docx
from plutoeditor.model.notation import parse_tree
from tests.export.wordml import NS, body, version_paragraphs

OLD = """
[1] Scope | These terms apply.
[2] Sharing |
  [2.1] We share with couriers.
  [2.2] We never sell data.
[3] Cookies |
  [3.1] We use cookies.
[4] Law | English law applies.
"""
NEW = """
[1] Scope | These terms apply.
[2] Cookies |
  [2.1] We use cookies.
[3] Law | English law applies.
[4] Sharing |
  [4.1] We share with couriers and the post office.
  [4.2] We never sell data.
"""


def _body_lines(paragraphs: list[str]) -> list[str]:
    start = paragraphs.index("These terms apply.") if "These terms apply." in paragraphs else 0
    return [p for p in paragraphs[start - 1 :] if p]


def test_a_moved_section_is_a_word_move_with_its_ranges(tmp_path):
    out = tmp_path / "redline.docx"
    write_redline_docx(compare_policies(parse_tree(OLD), parse_tree(NEW)), out)
    root = body(out)
    moved_from = "".join(t.text for t in root.findall(".//w:moveFrom//w:delText", NS))
    moved_to = "".join(t.text for t in root.findall(".//w:moveTo//w:t", NS))
    assert "We share with couriers." in moved_from and "We never sell data." in moved_from
    assert "We share with couriers and the post office." in moved_to
    starts = root.findall(".//w:moveFromRangeStart", NS) + root.findall(".//w:moveToRangeStart", NS)
    names = {s.get(f"{{{NS['w']}}}name") for s in starts}
    assert names == {"move1"} and len(starts) == 2
    ends = root.findall(".//w:moveFromRangeEnd", NS) + root.findall(".//w:moveToRangeEnd", NS)
    assert {e.get(f"{{{NS['w']}}}id") for e in ends} == {s.get(f"{{{NS['w']}}}id") for s in starts}
    assert not root.findall(".//w:del//w:delText", NS)  # nothing else was deleted


def test_accept_all_moves_it_and_reject_all_puts_it_back(tmp_path):
    out = tmp_path / "redline.docx"
    write_redline_docx(compare_policies(parse_tree(OLD), parse_tree(NEW)), out)
    accepted = [line.split("\t")[-1] for line in version_paragraphs(out, accept=True)]
    rejected = [line.split("\t")[-1] for line in version_paragraphs(out, accept=False)]
    start = accepted.index("Scope")
    assert accepted[start:] == [
        "Scope", "These terms apply.", "Cookies", "We use cookies.", "Law", "English law applies.",
        "Sharing", "We share with couriers and the post office.", "We never sell data.",
    ]  # fmt: skip
    start = rejected.index("Scope")
    assert rejected[start:] == [
        "Scope", "These terms apply.", "Sharing", "We share with couriers.", "We never sell data.",
        "Cookies", "We use cookies.", "Law", "English law applies.",
    ]  # fmt: skip
