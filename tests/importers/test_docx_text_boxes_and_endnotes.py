"""Endnotes and text boxes in Word documents: kept with the clause they belong to, once.

Endnotes follow the footnote convention (a mark in the text, "[i] note" as a further line of
the clause, numbered as Word shows them); a text box's paragraphs are further lines of the
clause whose paragraph anchors it, read from one branch of mc:AlternateContent only.
Fixtures are python-docx documents with raw WordprocessingML injected for the test.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.importers.docx import import_docx
from plutoeditor.model.notation import format_tree, parse_tree
from tests.formats.test_docx_package import _declare_size
from tests.importers.test_docx_reading import W_NS, make_docx, num_ppr, p_xml, r

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

SHAPE_NS = (
    f"{W_NS} "
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def box_content(*paragraphs: str) -> str:
    return "<w:txbxContent>" + "".join(f"<w:p>{r(t)}</w:p>" for t in paragraphs) + "</w:txbxContent>"


def drawing_box(*paragraphs: str) -> str:
    """A floating DrawingML text box (wp:anchor/wps:txbx), without a VML fallback."""
    return (
        '<w:drawing><wp:anchor><wp:docPr id="1" name="Callout"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx>{box_content(*paragraphs)}</wps:txbx>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def vml_box(*paragraphs: str) -> str:
    """A legacy VML text box (w:pict/v:shape/v:textbox)."""
    return f"<w:pict><v:shape><v:textbox>{box_content(*paragraphs)}</v:textbox></v:shape></w:pict>"


def box_run(*paragraphs: str, fallback: bool = True, vml_only: bool = False) -> str:
    """A run holding a text box, as Word saves it: DrawingML, with the same text as VML fallback."""
    if vml_only:
        inner = vml_box(*paragraphs)
    elif fallback:
        inner = (
            '<mc:AlternateContent><mc:Choice Requires="wps">'
            + drawing_box(*paragraphs)
            + "</mc:Choice><mc:Fallback>"
            + vml_box(*paragraphs)
            + "</mc:Fallback></mc:AlternateContent>"
        )
    else:
        inner = drawing_box(*paragraphs)
    return f"<w:r {SHAPE_NS}>{inner}</w:r>"


def endnote_ref(note_id: int) -> str:
    return f'<w:r><w:endnoteReference w:id="{note_id}"/></w:r>'


def endnotes_xml(notes: dict[int, str]) -> str:
    separator = '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
    return separator + "".join(
        f'<w:endnote w:id="{i}"><w:p><w:r><w:endnoteRef/></w:r>{r(" " + text)}</w:p></w:endnote>'
        for i, text in notes.items()
    )


def add_endnotes(document, notes: dict[int, str], number_format: str | None = None) -> None:
    """Give a python-docx document an endnotes part (and an endnote number format in its settings)."""
    blob = f'<?xml version="1.0" encoding="UTF-8"?><w:endnotes {W_NS}>{endnotes_xml(notes)}</w:endnotes>'
    part = Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, blob.encode(), document.part.package)
    document.part.relate_to(part, RT.ENDNOTES)
    if number_format is not None:
        document.settings.element.append(
            parse_xml(f'<w:endnotePr {W_NS}><w:numFmt w:val="{number_format}"/></w:endnotePr>')
        )


def labels(policy) -> list[str]:
    return [c.label for c in policy.walk()]


# -- endnotes ---------------------------------------------------------------------------------
def test_endnotes_are_kept_with_their_clause_numbered_as_word_shows_them(tmp_path):
    body = [
        p_xml(r("1 We keep order records.") + endnote_ref(2) + r(" They are audited.") + endnote_ref(3)),
        p_xml(r("2 We answer letters.")),
        p_xml(r("3 We shred old files.") + endnote_ref(4)),
    ]
    notes = {2: "Companies Act, section 9.", 3: "By an outside firm.", 4: "Within a month."}
    path = make_docx(tmp_path / "endnotes.docx", body, setup=lambda d: add_endnotes(d, notes))
    policy = import_docx(path)
    assert labels(policy) == ["1", "2", "3"]
    first, second, third = policy.clauses
    assert first.text == (
        "We keep order records.[i] They are audited.[ii]\n"
        "[i] Companies Act, section 9.\n[ii] By an outside firm."
    )
    assert second.text == "We answer letters."
    assert third.text == "We shred old files.[iii]\n[iii] Within a month."
    assert policy.import_notes == []


def test_endnote_numbers_follow_the_documents_number_format(tmp_path):
    body = [p_xml(r("1 We keep order records.") + endnote_ref(1))]
    path = make_docx(
        tmp_path / "decimal.docx", body, setup=lambda d: add_endnotes(d, {1: "See the schedule."}, "decimal")
    )
    assert import_docx(path).clauses[0].text == "We keep order records.[1]\n[1] See the schedule."


def test_footnotes_and_endnotes_in_one_clause_keep_their_own_marks(tmp_path):
    footnotes = f'<w:footnote w:id="1"><w:p>{r("Footnote words.")}</w:p></w:footnote>'
    body = [
        p_xml(r("1 Both kinds.") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + endnote_ref(1)),
        p_xml(r("2 Next clause.")),
    ]
    endnotes = {1: "Endnote words."}
    path = make_docx(
        tmp_path / "both.docx", body, footnotes=footnotes, setup=lambda d: add_endnotes(d, endnotes)
    )
    first, second = import_docx(path).clauses
    assert first.text == "Both kinds.[1][i]\n[1] Footnote words.\n[i] Endnote words."
    assert second.text == "Next clause."


def test_endnotes_of_automatically_numbered_items_and_table_rows(tmp_path):
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    table = (
        f"<w:tbl {W_NS}><w:tr><w:tc><w:p>{r('Retention')}</w:p></w:tc>"
        f"<w:tc><w:p>{r('Six years')}{endnote_ref(2)}</w:p></w:tc></w:tr></w:tbl>"
    )
    body = [
        p_xml(r("Orders are kept.") + endnote_ref(1), num_ppr(1)),
        table,
        p_xml(r("Letters are kept."), num_ppr(1)),
    ]
    notes = {1: "Tax rules.", 2: "From the order date."}
    path = make_docx(tmp_path / "auto.docx", body, numbering, setup=lambda d: add_endnotes(d, notes))
    policy = import_docx(path)
    assert labels(policy)[0] == "1." and labels(policy)[-1] == "2."
    tree = format_tree(policy)
    assert "Orders are kept.[i]\\n[i] Tax rules." in tree
    assert "| Retention | Six years[ii] |\\n[ii] From the order date." in tree


# -- text boxes -------------------------------------------------------------------------------
def test_a_text_box_appears_once_as_text_of_the_clause_it_is_anchored_in(tmp_path):
    body = [
        p_xml(r("1 We keep your data safe.") + box_run("Contact our privacy team at desk@example.org.")),
        p_xml(r("2 We never sell it.")),
    ]
    path = make_docx(tmp_path / "callout.docx", body)
    policy = import_docx(path)
    assert labels(policy) == ["1", "2"]
    first, second = policy.clauses
    assert first.text == "We keep your data safe.\nContact our privacy team at desk@example.org."
    assert second.text == "We never sell it."
    assert format_tree(policy).count("Contact our privacy team") == 1


@pytest.mark.parametrize("kind", ["drawing only", "vml only"])
def test_text_boxes_without_alternate_content(tmp_path, kind):
    run = box_run("Ask us first.", "Then write.", fallback=False, vml_only=kind == "vml only")
    body = [p_xml(r("1 Scope.") + run), p_xml(r("2 Duties."))]
    policy = import_docx(make_docx(tmp_path / "box.docx", body))
    assert [c.text for c in policy.clauses] == ["Scope.\nAsk us first.\nThen write.", "Duties."]


def test_a_text_box_in_an_empty_paragraph_joins_the_clause_above_and_is_never_a_clause(tmp_path):
    body = [
        p_xml(r("1 Who we are"), '<w:pStyle w:val="Heading1"/>'),
        p_xml(box_run("2. Call us before you write.", "3. Keep your reference.")),  # only the anchor
        p_xml(r("1.1 Widgets Ltd runs the shop.")),
        p_xml(r("2 What we collect"), '<w:pStyle w:val="Heading1"/>'),
    ]
    policy = import_docx(make_docx(tmp_path / "anchor.docx", body))
    assert labels(policy) == ["1", "1.1", "2"]
    assert policy.clauses[0].heading == "Who we are"
    assert policy.clauses[0].text == "2. Call us before you write.\n3. Keep your reference."
    assert format_tree(policy).count("Call us before you write") == 1


@pytest.mark.parametrize("where", ["in the title", "under the title", "at the top"])
def test_a_text_box_with_no_clause_above_is_an_unlabelled_clause_and_the_title_stays(tmp_path, where):
    box = box_run("Draft for review", "1. Ask legal first")
    title = '<w:pStyle w:val="Title"/>'
    body = {
        "in the title": [p_xml(r("Cookie Notice") + box, title)],
        "under the title": [p_xml(r("Cookie Notice"), title), p_xml(box)],
        "at the top": [p_xml(box)],
    }[where] + [p_xml(r("1 Scope.")), p_xml(r("2 Cookies we use."))]
    policy = import_docx(make_docx(tmp_path / "top.docx", body))
    assert policy.metadata.title == ("Top" if where == "at the top" else "Cookie Notice")  # file name
    assert format_tree(policy).splitlines() == [
        "[] Draft for review\\n1. Ask legal first",
        "[1] Scope.",
        "[2] Cookies we use.",
    ]


def test_text_boxes_in_table_cells_and_page_headers_are_read_once(tmp_path):
    table = (
        f"<w:tbl {W_NS}><w:tr><w:tc><w:p>{r('Contact')}{box_run('Desk 4, first floor.')}</w:p></w:tc>"
        f"<w:tc><w:p>{r('Anna Clerk')}</w:p></w:tc></w:tr></w:tbl>"
    )

    def setup(document):
        header = document.sections[0].header.paragraphs[0]._p
        header.append(parse_xml(box_run("Effective from 1 March 2024")))

    body = [p_xml(r("1 Contacts:")), table, p_xml(r("2 Hours."))]
    policy = import_docx(make_docx(tmp_path / "cells.docx", body, setup=setup))
    tree = format_tree(policy)
    assert "| Contact | Anna Clerk |\\nDesk 4, first floor." in tree
    assert tree.count("Desk 4") == 1
    assert str(policy.metadata.effective_date) == "2024-03-01"


# -- documents PlutoEditor wrote, then edited in Word ------------------------------------------
def test_text_boxes_and_endnotes_added_in_word_to_an_exported_policy(tmp_path):
    policy = parse_tree("[1] Who we are |\n  [1.1] Acme runs the shop.\n[2] Your rights |")
    ids = [c.id for c in policy.walk()]
    path = tmp_path / "exported.docx"
    export_docx(policy, path)
    document = docx.Document(str(path))
    shop = next(p for p in document.paragraphs if "Acme runs the shop." in p.text)
    shop._p.append(parse_xml(box_run("Write to the shop manager.")))
    shop._p.append(parse_xml(f'<w:r {W_NS}><w:endnoteReference w:id="1"/></w:r>'))
    add_endnotes(document, {1: "Since 2019."})
    document.save(str(path))
    back = import_docx(path)
    assert [c.id for c in back.walk()] == ids
    assert labels(back) == ["1", "1.1", "2"]
    assert back.find(ids[1]).text == "Acme runs the shop.[i]\nWrite to the shop manager.\n[i] Since 2019."
    assert format_tree(back).count("Write to the shop manager.") == 1


# -- safety -----------------------------------------------------------------------------------
def test_an_endnotes_part_with_entities_is_refused(tmp_path):
    path = make_docx(
        tmp_path / "evil.docx",
        [p_xml(r("1 Scope.") + endnote_ref(1))],
        setup=lambda d: add_endnotes(d, {1: "Note."}),
    )
    evil = tmp_path / "evil-endnotes.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/endnotes.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE e [<!ENTITY x "xxxxxxxx">]>', 1)
            dst.writestr(info, data)
    with pytest.raises(PolicyFileError, match="word/endnotes.xml declares a DTD"):
        import_docx(evil)


def test_an_endnotes_part_declaring_gigabytes_is_refused(tmp_path):
    path = make_docx(
        tmp_path / "bomb.docx",
        [p_xml(r("1 Scope.") + endnote_ref(1))],
        setup=lambda d: add_endnotes(d, {1: "Note."}),
    )
    _declare_size(path, "word/endnotes.xml", 4_200_000_000)
    with pytest.raises(PolicyFileError, match="word/endnotes.xml .*zip bomb"):
        import_docx(path)


# -- written by LibreOffice -------------------------------------------------------------------
FLAT_ODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body><office:text>
  <text:p>1 Widgets Ltd keeps order records for six years.<text:note text:id="e1"
   text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body>
   <text:p>Limitation rules, section 5.</text:p></text:note-body></text:note></text:p>
  <text:p>2 Questions go to the privacy desk.<draw:frame draw:name="Box1"
   text:anchor-type="paragraph" svg:width="6cm" svg:height="2cm"><draw:text-box>
   <text:p>Call the privacy desk on extension 42.</text:p></draw:text-box></draw:frame></text:p>
  <text:p>3 Records are shredded afterwards.</text:p>
 </office:text></office:body></office:document>
"""


@pytest.mark.tools
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice is needed")
def test_an_endnote_and_a_text_box_saved_by_libreoffice(tmp_path):
    source = tmp_path / "callout.fodt"
    source.write_text(FLAT_ODT, encoding="utf-8")
    subprocess.run(
        [SOFFICE or "soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(source)],
        check=True, timeout=180, capture_output=True,
    )  # fmt: skip
    path = tmp_path / "callout.docx"
    with zipfile.ZipFile(path) as zf:  # LibreOffice writes the box twice: DrawingML and VML
        assert zf.read("word/document.xml").count(b"Call the privacy desk") == 2
    policy = import_docx(path)
    assert labels(policy) == ["1", "2", "3"]
    assert [c.text for c in policy.clauses] == [
        "Widgets Ltd keeps order records for six years.[i]\n[i] Limitation rules, section 5.",
        "Questions go to the privacy desk.\nCall the privacy desk on extension 42.",
        "Records are shredded afterwards.",
    ]
