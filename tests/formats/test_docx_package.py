"""Hostile and broken .docx files: each ends in one clear PolicyFileError, fast and small."""

from __future__ import annotations

import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plutoeditor.cli.main import main
from plutoeditor.formats.docx_package import MAX_PART_BYTES, parse_xml
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.importers.docx import import_docx
from tests.importers.test_docx_reading import make_docx, p_xml, r

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument'
    '.wordprocessingml.document.main+xml"/></Types>'
)
DOC_START = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'


def zip_with(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def refused(path: Path, *words: str) -> str:
    """Import must fail with one line naming the file and containing `words`."""
    with pytest.raises(PolicyFileError) as info:
        import_docx(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    for word in words:
        assert word in message
    return message


@pytest.fixture
def good_docx(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "good.docx", [p_xml(r("1 A clause.")), p_xml(r("2 Another clause."))])


def test_empty_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    refused(path, "empty")


def test_png_renamed_to_docx(tmp_path):
    path = tmp_path / "photo.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    refused(path, "not a Word .docx document", "PNG image")


def test_text_file_renamed_to_docx(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("1 This is plain text, not Word.\n", encoding="utf-8")
    refused(path, "not a Word .docx document")


def test_truncated_zip(tmp_path, good_docx):
    data = good_docx.read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "corrupt or truncated")


def test_corrupt_member_data(tmp_path, good_docx):
    data = bytearray(good_docx.read_bytes())
    with zipfile.ZipFile(good_docx) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    refused(path, "corrupt or truncated")


def test_zip_without_a_word_document(tmp_path):
    path = zip_with(tmp_path / "other.docx", {"hello.txt": "hi", "[Content_Types].xml": CONTENT_TYPES})
    refused(path, "without word/document.xml")


def test_a_minimal_package_without_styles_or_numbering_parts(tmp_path):
    xml = (
        DOC_START
        + '<w:p><w:pPr><w:pStyle w:val="Missing"/><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr>'
        + "<w:r><w:t>1 Only clause.</w:t></w:r></w:p></w:body></w:document>"
    )
    path = zip_with(
        tmp_path / "minimal.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": xml}
    )
    assert [(c.label, c.text) for c in import_docx(path).walk()] == [("1", "Only clause.")]


def test_malformed_xml_names_the_part_and_line(tmp_path):
    xml = DOC_START + "\n<w:p><w:r><w:t>unclosed</w:r></w:p></w:body></w:document>"
    path = zip_with(tmp_path / "bad.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": xml})
    refused(path, "word/document.xml, line 2", "malformed XML")


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
    )
    + "]>\n"
    + DOC_START
    + "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def test_billion_laughs_is_refused(tmp_path):
    path = zip_with(
        tmp_path / "laughs.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": BILLION_LAUGHS}
    )
    start = time.perf_counter()
    refused(path, "DTD", "unsafe")
    assert time.perf_counter() - start < 2


def test_entities_hidden_by_another_encoding_are_still_refused():
    data = BILLION_LAUGHS.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    with pytest.raises(PolicyFileError, match="DTD"):
        parse_xml("x.docx", "word/document.xml", data.encode("utf-16"))


def test_external_entities_are_refused(tmp_path):
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + DOC_START
        + "<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = zip_with(tmp_path / "xxe.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": xml})
    message = refused(path, "unsafe")
    assert "root:" not in message


def _declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size the central directory declares for one member."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_len] == name:
            struct.pack_into("<I", data, at + 24, size)
            path.write_bytes(bytes(data))
            return
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError("member not found")


def test_a_member_declaring_gigabytes_is_refused_before_decompressing(tmp_path, good_docx):
    path = tmp_path / "declared.docx"
    path.write_bytes(good_docx.read_bytes())
    _declare_size(path, "word/document.xml", 4_200_000_000)
    start = time.perf_counter()
    refused(path, "word/document.xml", "zip bomb")
    assert time.perf_counter() - start < 2


def test_a_member_larger_than_it_declares_is_refused(tmp_path):
    big = DOC_START + "<w:p><w:r><w:t>" + "a" * (8 * 1024 * 1024) + "</w:t></w:r></w:p></w:body></w:document>"
    path = zip_with(tmp_path / "liar.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": big})
    _declare_size(path, "word/document.xml", 2000)
    refused(path, "word/document.xml")


@pytest.fixture(scope="module")
def gigabyte_bomb(tmp_path_factory) -> Path:
    """A .docx whose document.xml is 1 GB of repetitive XML squeezed into a few MB."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    chunk = (b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>") * 1000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(DOC_START.encode())
            for _ in range(1024 * 1024 * 1024 // len(chunk)):
                member.write(chunk)
    return path


def test_a_gigabyte_of_compressible_xml_fails_fast_with_little_memory(gigabyte_bomb):
    assert gigabyte_bomb.stat().st_size < 20 * 1024 * 1024
    tracemalloc.start()
    start = time.perf_counter()
    try:
        refused(gigabyte_bomb, "zip bomb")
    finally:
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert elapsed < 2
    assert peak < MAX_PART_BYTES / 2


def test_cli_reports_one_line_and_exit_2(tmp_path, capsys):
    path = tmp_path / "photo.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "photo.docx" in err and "PNG" in err


def test_a_sound_document_still_opens(good_docx):
    assert [c.label for c in import_docx(good_docx).walk()] == ["1", "2"]


# -- fuzzing: any damage ends in a Policy or a PolicyFileError, nothing else ------------------
NUMBERED = (
    DOC_START
    + "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 3}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>Clause {i}</w:t></w:r></w:p>"
        for i in range(12)
    )
    + "</w:body></w:document>"
)
NUMBERING_XML = (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/>{override}</w:num></w:numbering>'
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_bytes_never_crash(tmp_path, data):
    base = zip_with(
        tmp_path / "base.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": NUMBERED}
    ).read_bytes()
    damaged = bytearray(base)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(damaged)))
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(damaged[:cut]))
    try:
        import_docx(path)
    except PolicyFileError as exc:
        assert "\n" not in str(exc)


_ATTR = st.one_of(st.integers(-5, 40).map(str), st.sampled_from(["", "x", "1e3", "99999999999", "-0", " 2"]))
_FMT = st.sampled_from(
    ["decimal", "lowerLetter", "upperRoman", "bullet", "none", "ordinal", "chicago", "", "decimalZero"]
)
_LVL_TEXT = st.text(alphabet="%0123456789.()-ab ", max_size=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    levels=st.lists(st.tuples(_ATTR, _ATTR, _FMT, _LVL_TEXT, _ATTR), max_size=4),
    override=st.tuples(_ATTR, _ATTR),
)
def test_odd_numbering_definitions_never_crash(tmp_path, levels, override):
    level_xml = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlRestart w:val="{restart}"/></w:lvl>'
        for ilvl, start, fmt, text, restart in levels
    )
    override_xml = (
        f'<w:lvlOverride w:ilvl="{override[0]}"><w:startOverride w:val="{override[1]}"/></w:lvlOverride>'
    )
    numbering = NUMBERING_XML.format(levels=level_xml, override=override_xml)
    path = zip_with(
        tmp_path / "odd.docx",
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": NUMBERED,
            "word/numbering.xml": numbering,
        },
    )
    policy = import_docx(path)
    assert len(policy) >= 1
