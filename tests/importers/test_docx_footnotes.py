"""Footnote marks as Word shows them: the document's number format and starting number.

Word numbers footnotes 1, 2, 3 unless the document's settings (w:footnotePr in settings.xml)
or its section (w:footnotePr in w:sectPr, which wins) say otherwise, as for endnotes.
"""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.importers.docx import import_docx
from plutoeditor.model.notation import parse_tree
from tests.importers.test_docx_reading import W_NS, make_docx, p_xml, r

REF = "<w:r><w:footnoteRef/></w:r>"
NOTES = (
    f'<w:footnote w:type="separator" w:id="-1"><w:p>{r("")}</w:p></w:footnote>'
    f'<w:footnote w:id="1"><w:p>{REF}{r(" Companies Act, section 9.")}</w:p></w:footnote>'
    f'<w:footnote w:id="2"><w:p>{REF}{r(" By an outside firm.")}</w:p></w:footnote>'
)


def note(note_id: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


def footnote_pr(number_format: str | None = None, start: int | None = None) -> str:
    fmt = f'<w:numFmt w:val="{number_format}"/>' if number_format else ""
    begin = f'<w:numStart w:val="{start}"/>' if start else ""
    return f"<w:footnotePr {W_NS}>{fmt}{begin}</w:footnotePr>"


def numbered(settings: str | None = None, section: str | None = None):
    """A setup for make_docx giving the settings and the last section footnote properties."""

    def setup(document):
        if settings:
            document.settings.element.append(parse_xml(settings))
        if section:
            document.element.body.sectPr.insert(0, parse_xml(section))

    return setup


def two_clauses(tmp_path, settings=None, section=None) -> list[str]:
    body = [p_xml(r("1 We keep order records.") + note(1)), p_xml(r("2 They are audited.") + note(2))]
    path = make_docx(tmp_path / "notes.docx", body, footnotes=NOTES, setup=numbered(settings, section))
    return [c.text for c in import_docx(path).clauses]


def test_footnotes_are_numbered_1_2_3_by_default(tmp_path):
    assert two_clauses(tmp_path) == [
        "We keep order records.[1]\n[1] Companies Act, section 9.",
        "They are audited.[2]\n[2] By an outside firm.",
    ]


@pytest.mark.parametrize(
    ("number_format", "start", "marks"),
    [
        ("upperRoman", None, ("I", "II")),
        ("lowerLetter", 3, ("c", "d")),
        ("decimal", 5, ("5", "6")),
        ("chicago", None, ("*", "\u2020")),
    ],
)
def test_footnote_marks_follow_the_documents_settings(tmp_path, number_format, start, marks):
    first, second = marks
    assert two_clauses(tmp_path, settings=footnote_pr(number_format, start)) == [
        f"We keep order records.[{first}]\n[{first}] Companies Act, section 9.",
        f"They are audited.[{second}]\n[{second}] By an outside firm.",
    ]


def test_the_sections_footnote_format_wins_over_the_settings(tmp_path):
    texts = two_clauses(tmp_path, settings=footnote_pr("upperRoman", 4), section=footnote_pr("lowerRoman"))
    assert texts == [
        "We keep order records.[iv]\n[iv] Companies Act, section 9.",
        "They are audited.[v]\n[v] By an outside firm.",
    ]


def test_footnote_marks_in_an_exported_policy_edited_in_word(tmp_path):
    policy = parse_tree("[1] Who we are |\n  [1.1] Acme runs the shop.\n[2] Your rights |")
    path = tmp_path / "exported.docx"
    export_docx(policy, path)
    document = docx.Document(str(path))
    shop = next(p for p in document.paragraphs if "Acme runs the shop." in p.text)
    shop._p.append(parse_xml(f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>'))
    # python-docx cannot add a footnotes part to an opened document: the body goes into one that has.
    rebuilt = make_docx(
        tmp_path / "with-notes.docx",
        [child.xml for child in document.element.body if not child.tag.endswith("sectPr")],
        footnotes=NOTES,
        setup=numbered(footnote_pr("lowerLetter")),
    )
    back = import_docx(rebuilt)
    assert [c.id for c in back.walk()] == [c.id for c in policy.walk()]
    assert back.clauses[0].children[0].text == "Acme runs the shop.[a]\n[a] Companies Act, section 9."
