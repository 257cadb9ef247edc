"""Tracked changes to whole paragraphs read as Word shows them after "Accept all changes".

A deleted paragraph mark (w:pPr/w:rPr/w:del) joins its paragraph to the next one; an
inserted mark (w:ins there) splits one; a paragraph deleted or inserted whole goes or comes.
Both paths are tested: a policy exported by PlutoEditor (clause bookmarks), edited here as
Word records the edit, and a plain Word document.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.importers.docx import import_docx
from plutoeditor.model import Policy
from plutoeditor.model.notation import format_tree, parse_tree
from tests.importers.test_docx_reading import make_docx, p_xml, r

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
NOTICE = """
[1] Who we are |
  [1.1] Acme sells widgets.
  [1.2] We keep data for five years.
  [1.3] We delete it afterwards.
[2] Contact |
  [2.1] Write to us.
"""
ACCEPTED = "The document had unaccepted tracked changes"


def _change(tag: str) -> etree._Element:
    return etree.Element(_W + tag, {_W + "id": "90", _W + "author": "Ann"})


def _paragraph(body: etree._Element, text: str) -> etree._Element:
    (found,) = [p for p in body.iter(_W + "p") if text in "".join(p.itertext())]
    return found


def _change_mark(p: etree._Element, tag: str) -> None:
    """Mark the paragraph's mark as deleted or inserted ("del", "ins")."""
    rpr = etree.SubElement(p.find(_W + "pPr"), _W + "rPr")
    rpr.append(_change(tag))


def _delete_runs(p: etree._Element, texts: tuple[str, ...] = ()) -> None:
    """Put the runs (all, or those holding one of `texts`, or a tab after such a run) in w:del."""
    after_match = False
    for run in list(p.iter(_W + "r")):
        text = "".join(t.text or "" for t in run.iter(_W + "t"))
        hit = not texts or text in texts or (after_match and run.find(_W + "tab") is not None)
        after_match = bool(text) and text in texts
        if not hit:
            continue
        for t in run.iter(_W + "t"):
            t.tag = _W + "delText"
        wrapper = _change("del")
        run.addprevious(wrapper)
        wrapper.append(run)


def _exported(tmp_path: Path, edit: Callable[[etree._Element], None]) -> tuple[Policy, Policy]:
    """NOTICE exported by PlutoEditor, edited as Word tracks it; (the policy, the import)."""
    policy = parse_tree(NOTICE)
    policy.metadata.title = "Acme Notice"
    path = tmp_path / "exported.docx"
    export_docx(policy, path, numbering="text")  # the edits find paragraphs by their labels
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                edit(root.find(_W + "body"))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    return policy, import_docx(edited)


def _ids(policy: Policy) -> list[str]:
    return [c.id for c in policy.walk()]


def _id_of(policy: Policy, label: str) -> str:
    return next(c.id for c in policy.walk() if c.label == label)


# -- an exported policy (clause bookmarks) ----------------------------------------------------
def test_a_deleted_paragraph_mark_joins_the_clause_to_the_next_paragraph(tmp_path):
    policy, back = _exported(tmp_path, lambda body: _change_mark(_paragraph(body, "five years"), "del"))
    assert format_tree(back).splitlines() == [
        "[1] Who we are |",
        "  [1.1] Acme sells widgets.",
        "  [1.2] We keep data for five years.1.3\tWe delete it afterwards.",
        "[2] Contact |",
        "  [2.1] Write to us.",
    ]
    ids = _ids(policy)
    assert _ids(back) == ids[:3] + ids[4:]
    assert any(ACCEPTED in note for note in back.import_notes)


def test_joining_two_clauses_with_the_second_ones_label_deleted(tmp_path):
    def edit(body):
        _change_mark(_paragraph(body, "five years"), "del")
        _delete_runs(_paragraph(body, "afterwards"), ("1.3",))

    policy, back = _exported(tmp_path, edit)
    assert format_tree(back).splitlines()[2:4] == [
        "  [1.2] We keep data for five years.We delete it afterwards.",
        "[2] Contact |",
    ]
    assert back.find(_id_of(policy, "1.2")).text == "We keep data for five years.We delete it afterwards."


def test_an_inserted_paragraph_mark_splits_the_clause(tmp_path):
    def edit(body):
        p = _paragraph(body, "five years")
        second = etree.fromstring(etree.tostring(p))
        for mark in second.findall(_W + "bookmarkStart"):
            second.remove(mark)
        for t in second.iter(_W + "t"):
            t.text = "for five years." if "five" in (t.text or "") else None
        for run in second.findall(_W + "r")[:2]:  # the label and its tab stay in the first half
            second.remove(run)
        for end in p.findall(_W + "bookmarkEnd"):
            p.remove(end)
        p[-1].find(_W + "t").text = "We keep data"
        _change_mark(p, "ins")
        p.addnext(second)

    policy, back = _exported(tmp_path, edit)
    assert format_tree(back) == format_tree(parse_tree(NOTICE.replace("data for", "data\\nfor")))
    assert _ids(back) == _ids(policy)


def test_a_clause_deleted_whole_goes_and_its_parent_still_ends_after_the_clause_above(tmp_path):
    def edit(body):
        p = _paragraph(body, "afterwards")  # clause 1.3, where clause 1's bookmark also ends
        _delete_runs(p)
        _change_mark(p, "del")

    policy, back = _exported(tmp_path, edit)
    assert format_tree(back).splitlines() == [
        "[1] Who we are |",
        "  [1.1] Acme sells widgets.",
        "  [1.2] We keep data for five years.",
        "[2] Contact |",
        "  [2.1] Write to us.",
    ]
    ids = _ids(policy)
    assert _ids(back) == ids[:3] + ids[4:]


def test_a_heading_deleted_whole_leaves_its_clauses_text(tmp_path):
    def edit(body):
        p = _paragraph(body, "Contact")
        _delete_runs(p)
        _change_mark(p, "del")

    policy, back = _exported(tmp_path, edit)
    assert format_tree(back).splitlines()[3:] == ["  [1.3] We delete it afterwards.", "[2.1] Write to us."]
    assert _ids(back)[-1] == _ids(policy)[-1]


def test_a_clause_inserted_whole_is_a_new_clause(tmp_path):
    def edit(body):
        p = _paragraph(body, "five years")
        _change_mark(p, "ins")  # Enter at the end of 1.2: its mark is the new one
        new = etree.fromstring(etree.tostring(p.find(_W + "pPr")))
        new.remove(new.find(_W + "rPr"))
        inserted = _change("ins")
        for text in ("1.2A", None, "We never sell data."):
            run = etree.SubElement(inserted, _W + "r")
            if text is None:
                etree.SubElement(run, _W + "tab")
            else:
                etree.SubElement(run, _W + "t").text = text
        paragraph = etree.Element(_W + "p")
        paragraph.extend([new, inserted])
        p.addnext(paragraph)

    policy, back = _exported(tmp_path, edit)
    assert format_tree(back).splitlines()[2:5] == [
        "  [1.2] We keep data for five years.",
        "  [1.2A] We never sell data.",
        "  [1.3] We delete it afterwards.",
    ]
    assert back.find(_id_of(policy, "1.3")) is not None
    assert any(ACCEPTED in note for note in back.import_notes)


# -- a plain Word document ---------------------------------------------------------------------
def _rpr(tag: str) -> str:
    return f'<w:rPr><w:{tag} w:id="9" w:author="Ann"/></w:rPr>'


def _deleted(text: str) -> str:
    run = f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'
    return f'<w:del w:id="8" w:author="Ann">{run}</w:del>'


def test_whole_paragraph_changes_in_a_plain_document(tmp_path):
    """Read as the same document with the changes accepted by hand."""
    inserted = '<w:ins w:id="7" w:author="Ann">' + r("1.2A We never sell data.") + "</w:ins>"
    heading = '<w:pStyle w:val="Heading1"/>'
    body = [
        p_xml(r("1 Who we are"), heading),
        p_xml(r("1.1 Acme sells widgets."), _rpr("del")),  # joined to 1.2
        p_xml(r("1.2 We keep data"), _rpr("ins")),  # split
        p_xml(r("for five years."), _rpr("ins")),  # Enter at its end, then 1.2A typed
        p_xml(inserted),
        p_xml(_deleted("1.3 We delete it afterwards."), _rpr("del")),  # deleted whole
        p_xml(r("2 Contact"), heading),
        p_xml(r("2.1 Write to us."), _rpr("del")),  # the last mark: no paragraph to join
    ]
    accepted = [
        p_xml(r("1 Who we are"), heading),
        p_xml(r("1.1 Acme sells widgets.1.2 We keep data")),
        p_xml(r("for five years.")),
        p_xml(r("1.2A We never sell data.")),
        p_xml(r("2 Contact"), heading),
        p_xml(r("2.1 Write to us.")),
    ]
    back = import_docx(make_docx(tmp_path / "tracked.docx", body))
    assert format_tree(back) == format_tree(import_docx(make_docx(tmp_path / "accepted.docx", accepted)))
    assert format_tree(back).splitlines()[-1] == "  [2.1] Write to us."
    assert any(ACCEPTED in note for note in back.import_notes)
