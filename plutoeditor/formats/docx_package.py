"""Open a .docx package defensively: size limits before and while decompressing, hardened XML.

A .docx is a zip of XML parts. Hostile or broken files must end in one clear
PolicyFileError, never a hang, a crash or a memory blow-up:

- not a zip at all (an image, a PDF, an old binary .doc renamed), an empty file;
- a corrupt or truncated zip, a zip without word/document.xml;
- a zip bomb: declared sizes are checked before anything is decompressed, and the bytes
  actually produced are counted while decompressing (declared sizes can lie);
- XML entity tricks (billion laughs, external entities): a part that declares a DTD is
  refused (Word never writes one) and parsing uses lxml with entities, DTD loading and the
  network switched off and without lxml's "huge tree" mode.
"""

from __future__ import annotations

import os
import zipfile

from lxml import etree

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.files import open_regular_file
from plutoeditor.formats.word_vocabulary import DOCUMENT_PART, STRICT_W, W

#: Largest .docx file accepted (images and embedded objects can make real files large).
MAX_PACKAGE_BYTES = 200 * 1024 * 1024
#: Largest decompressed size of one XML part we read. A 10,000-clause document.xml is about
#: 3 MB and its parsed tree takes about 35 MB of memory; 32 MB is ten times that document.
MAX_PART_BYTES = 32 * 1024 * 1024
#: Largest decompressed size of all parts read from one package.
MAX_TOTAL_BYTES = 96 * 1024 * 1024
#: Parts larger than this must not be compressed more than MAX_RATIO times.
RATIO_CHECK_FROM = 4 * 1024 * 1024
MAX_RATIO = 200
#: More entries than this is not a word-processing document.
MAX_MEMBERS = 10_000
CHUNK = 1024 * 1024

_STRICT_W, _TRANSITIONAL_W = STRICT_W.encode(), W.encode()

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0", "an old binary Word .doc or a password-protected document"),
    (b"{\\rtf", "an RTF file"),
    (b"<?xml", "an XML file"),
    (b"<html", "an HTML file"),
    (b"<!DOCTYPE", "an HTML file"),
    (b"\x1f\x8b", "a gzip file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)


def _describe(head: bytes) -> str:
    """What a non-zip file most likely is, from its first bytes."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, name in _MAGIC:
        if head.startswith(magic) or stripped.startswith(magic.lower()):
            return name
    return "not a zip file"


class DocxPackage:
    """The parts of a .docx, read within limits. Use as a context manager."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        self._read_total = 0
        handle = open_regular_file(path)  # a device or FIFO is refused, never read or waited on
        try:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(16)
        except OSError as exc:
            handle.close()
            raise PolicyFileError(self.path, f"cannot read file: {exc.strerror or exc}") from None
        if size == 0 or size > MAX_PACKAGE_BYTES or not head.startswith(b"PK"):
            handle.close()
        if size == 0:
            raise PolicyFileError(self.path, "file is empty")
        if size > MAX_PACKAGE_BYTES:
            raise PolicyFileError(
                self.path,
                f"file is too large ({size / 1e6:.0f} MB; the limit for Word documents is "
                f"{MAX_PACKAGE_BYTES / 1e6:.0f} MB)",
            )
        if not head.startswith(b"PK"):
            raise PolicyFileError(
                self.path, f"is not a Word .docx document ({_describe(head)}); save it as .docx"
            )
        self._handle = handle
        try:
            self._zip = zipfile.ZipFile(handle)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            handle.close()
            raise PolicyFileError(self.path, f"is a corrupt or truncated zip file ({exc})") from None
        if len(infos) > MAX_MEMBERS:
            self.close()
            raise PolicyFileError(self.path, f"has {len(infos)} zip entries; not a Word document")
        self._infos = {info.filename: info for info in infos}
        if DOCUMENT_PART not in self._infos:
            self.close()
            raise PolicyFileError(
                self.path, f"is a zip file without {DOCUMENT_PART}; not a Word .docx document"
            )
        for info in infos:
            if info.flag_bits & 0x1:
                self.close()
                raise PolicyFileError(self.path, "is encrypted; remove the password in Word first")

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        zf = getattr(self, "_zip", None)
        if zf is not None:
            zf.close()
        handle = getattr(self, "_handle", None)
        if handle is not None:
            handle.close()

    def has(self, name: str) -> bool:
        return name in self._infos

    def names(self) -> list[str]:
        return list(self._infos)

    def read(self, name: str) -> bytes:
        """The decompressed bytes of one part, refused if it is (or turns out to be) too large."""
        info = self._infos[name]
        declared = info.file_size
        if declared > MAX_PART_BYTES:
            raise self._bomb(name, f"declares {declared / 1e6:.0f} MB uncompressed")
        if declared > RATIO_CHECK_FROM and declared > MAX_RATIO * max(info.compress_size, 1):
            ratio = declared / max(info.compress_size, 1)
            raise self._bomb(name, f"is compressed {ratio:.0f} times")
        if self._read_total + declared > MAX_TOTAL_BYTES:
            raise self._bomb(name, "makes the document's parts too large in total")
        limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self._read_total)
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as member:
                while True:
                    chunk = member.read(CHUNK)
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > limit or got > max(declared, 0) + CHUNK:
                        raise self._bomb(name, "decompresses to more than its declared size")
                    chunks.append(chunk)
        except PolicyFileError:
            raise
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise PolicyFileError(self.path, f"is a corrupt or truncated zip file ({name}: {exc})") from None
        except Exception as exc:  # zlib.error and friends from a damaged stream
            raise PolicyFileError(self.path, f"is a corrupt or truncated zip file ({name}: {exc})") from None
        self._read_total += got
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element | None:
        """The parsed root of an XML part, or None when the part is absent."""
        if name not in self._infos:
            return None
        data = self.read(name)
        if _STRICT_W in data:  # "Strict Open XML" names the same elements differently
            data = data.replace(_STRICT_W, _TRANSITIONAL_W)
        return parse_xml(self.path, name, data)

    def _bomb(self, name: str, why: str) -> PolicyFileError:
        return PolicyFileError(self.path, f"{name} {why}; refused as a possible zip bomb")


def parse_xml(path: str, part: str, data: bytes) -> etree._Element:
    """Parse one XML part with entities and DTDs off; a DTD is refused outright."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise PolicyFileError(
            path, f"{part} declares a DTD or entities, which Word never writes; refused as unsafe"
        )
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None) or (exc.position[0] if exc.position else 0)
        msg = str(exc.msg if hasattr(exc, "msg") else exc).split(", line")[0]
        if "entity" in msg.lower() and "amplification" in msg.lower():
            raise PolicyFileError(
                path, f"{part} declares a DTD or entities, which Word never writes; refused as unsafe"
            ) from None
        raise PolicyFileError(path, f"{part}, line {line}: malformed XML ({msg})") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise PolicyFileError(
            path, f"{part} declares a DTD or entities, which Word never writes; refused as unsafe"
        )
    return root
