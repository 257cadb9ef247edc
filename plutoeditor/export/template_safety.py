"""Read a user's Word template so that nothing hostile in it reaches an export.

A template is a .docx package whose styles, margins and letterhead every export copies, so
whatever it carries would be published. It is read through the same guarded reader as an
imported Word file (regular files only, size limits before and while decompressing, no DTDs),
then checked part by part:

- macros and embedded programs (a VBA project, ActiveX controls, OLE objects) are refused;
- a link Word would fetch when the export is opened (a remote picture in the header, a linked
  object, an INCLUDEPICTURE/INCLUDETEXT/LINK/DDE field) is refused, naming its target;
- the attached template (settings.xml; Word records the path or URL of the template a document
  was made from, and fetches a remote one) is removed: the export needs only the styles;
- hyperlinks stay: they are followed only when a reader clicks them.

What is left is a fresh package built from the parts that passed, never the user's bytes.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from lxml import etree

from plutoeditor.formats.docx_package import DocxPackage, parse_xml
from plutoeditor.formats.errors import PolicyFileError, printable
from plutoeditor.formats.word_vocabulary import RELATIONSHIPS, W

_REL_NS, _W_NS = RELATIONSHIPS, W
_ATTACHED_TEMPLATE = "/attachedTemplate"
_HYPERLINK = "/hyperlink"
#: Parts that hold programs: Word runs or offers to run them.
_PROGRAM_PARTS = re.compile(
    r"(?i)(vbaProject\.bin|vbaData\.xml|/activeX/|/embeddings/.*\.bin$|\.(exe|dll|js|vbs)$)"
)
_PROGRAM_CONTENT = (b"vbaProject", b"macroEnabled", b"activeX", b"oleObject", b"vbaData")
_PROGRAM_RELATIONSHIPS = (
    "/vbaProject", "/wordVbaData", "/activeXControl", "/activeXControlBinary", "/oleObject", "/package",
    "/keyMapCustomizations", "/attachedToolbars",
)  # fmt: skip
#: Fields that make Word fetch or run something when they update.
_FETCHING_FIELD = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT)\b", re.IGNORECASE)
_FIELD_TARGET = re.compile(r"\"([^\"]*)\"|(\S+)")
_MAX_TARGET_SHOWN = 80


def safe_template_bytes(path: str) -> bytes:
    """The template as a clean package in memory, or a PolicyFileError with one line on why not."""
    try:
        with DocxPackage(path) as package:
            parts = {name: package.read(name) for name in package.names() if not name.endswith("/")}
    except PolicyFileError as exc:
        if "not a Word .docx document" in exc.message:  # say "template", as the user asked for one
            what = exc.message.partition("(")[2].partition(")")[0]
            detail = f"; {what}" if what else ""
            raise PolicyFileError(path, f"is not a Word template (.docx or .dotx){detail}") from None
        raise
    content_types = parts.get("[Content_Types].xml", b"")
    for name in parts:
        if _PROGRAM_PARTS.search("/" + name):
            raise _macros(path, name)
    if any(kind in content_types for kind in _PROGRAM_CONTENT):
        raise _macros(path, "[Content_Types].xml")
    dropped: set[str] = set()
    for name in [n for n in parts if n.endswith(".rels")]:
        parts[name], removed = _clean_relationships(path, name, parts[name])
        dropped |= {_source_part(name) + "#" + rid for rid in removed}
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")) and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
            parse_xml(path, name, data)  # refuses the DTD with its one line
        if name.endswith(".xml") and name.startswith("word/"):
            _refuse_fetching_fields(path, name, data)
    if "word/settings.xml" in parts and any(d.startswith("word/settings.xml#") for d in dropped):
        parts["word/settings.xml"] = _without_attached_template(path, parts["word/settings.xml"])
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def _macros(path: str, part: str) -> PolicyFileError:
    return PolicyFileError(
        path,
        f"contains macros or an embedded program ({printable(part)}); an export never carries them: "
        "save the template as .dotx or .docx without macros",
    )


def _source_part(rels_name: str) -> str:
    """'word/_rels/settings.xml.rels' -> 'word/settings.xml'."""
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


def _clean_relationships(path: str, name: str, data: bytes) -> tuple[bytes, list[str]]:
    """The .rels part without the attached template; other external links but hyperlinks refused."""
    root = parse_xml(path, name, data)
    removed: list[str] = []
    for rel in list(root):
        kind = rel.get("Type") or ""
        if kind.endswith(_PROGRAM_RELATIONSHIPS):
            raise _macros(path, f"{name}: {kind.rsplit('/', 1)[-1]}")
        if (rel.get("TargetMode") or "").lower() != "external":
            continue
        if kind.endswith(_HYPERLINK):
            continue
        if kind.endswith(_ATTACHED_TEMPLATE):
            root.remove(rel)
            removed.append(rel.get("Id") or "")
            continue
        raise _fetches(path, name, rel.get("Target") or "", kind.rsplit("/", 1)[-1])
    if not removed:
        return data, removed
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), removed


def _fetches(path: str, part: str, target: str, what: str) -> PolicyFileError:
    shown = printable(target if len(target) <= _MAX_TARGET_SHOWN else target[: _MAX_TARGET_SHOWN - 1] + "…")
    return PolicyFileError(
        path,
        f"links to an external {what} ({shown}) in {part}; a template must not make Word fetch "
        "anything: embed the picture or object, or remove it",
    )


def _refuse_fetching_fields(path: str, name: str, data: bytes) -> None:
    if b"instr" not in data:
        return
    root = parse_xml(path, name, data)
    codes = [node.text or "" for node in root.iter(f"{{{_W_NS}}}instrText")]
    codes += [node.get(f"{{{_W_NS}}}instr") or "" for node in root.iter(f"{{{_W_NS}}}fldSimple")]
    for code in codes:
        found = _FETCHING_FIELD.match(code)
        if found:
            rest = _FIELD_TARGET.search(code[found.end() :])
            target = (rest.group(1) or rest.group(2)) if rest else ""
            raise _fetches(path, name, target, f"{found.group(1).upper()} field")


def _without_attached_template(path: str, data: bytes) -> bytes:
    root = parse_xml(path, "word/settings.xml", data)
    for node in list(root.iter(f"{{{_W_NS}}}attachedTemplate")):
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


__all__ = ["safe_template_bytes"]
