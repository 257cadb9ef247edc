"""Hypothesis strategies for the fuzz suite: hostile text, policies, Word files, and the
fixed budget every fuzz test runs with (derandomized, so CI sees the same examples)."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from plutoeditor.model import Clause, ClauseKind, Metadata, Policy

#: Derandomized and without an example database: the same examples on every machine, no
#: files written. Each test sets its own max_examples so the folder runs in under 60 s; no
#: shrinking, which on a busy machine can take minutes (the failing example is printed and,
#: derandomized, comes back on every run).
FUZZ = settings(
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
        HealthCheck.filter_too_much,
    ],
)

#: Characters that have broken readers and writers somewhere: markup, quotes, YAML
#: indicators, every kind of line break and control character, bidi and joiners, emoji.
NASTY = list(
    "<>&\"'\\/;:#-?|*!%@`{}[](),.= \n\t\r\f\x0b\x00\x07\x1b\x7f\x85\xa0\u2028\u2029\ufeff"
    "\u200d\u200b\u202e\u0301éßø中文ש😀"
) + ["</style>", "</script>", "<script>", "&amp;", "]]>", "--", "---", "...", ": ", " #", "''", '\\"']

#: A few hostile pieces joined, each a NASTY one or any character at all.
nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.characters()), max_size=10).map("".join)

_WORDS = "we may keep your personal data for the purposes of this policy clause".split()


def _prose(shape: tuple[int, int]) -> str:
    count, seed = shape
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(count))


#: Ordinary prose of 1-80 words: two draws, not one per word, so examples stay cheap.
words = st.tuples(st.integers(1, 80), st.integers(0, 2**16)).map(_prose)

clause_text = st.one_of(words, nasty_text, st.lists(st.one_of(words, nasty_text), max_size=4).map("\n".join))
label = st.one_of(
    st.sampled_from(["", "1", "1.", "2.1", "2.1.1", "(a)", "(iv)", "A.", "Schedule 1", "99999999999", "1.0"]),
    nasty_text.map(lambda text: text[:12]),
)
clause_ids = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)


@st.composite
def clause_trees(draw: st.DrawFn, depth: int = 0, max_depth: int = 2) -> list[Clause]:
    count = draw(st.integers(0, 2 if depth else 4))
    clauses = []
    for _ in range(count):
        children = draw(clause_trees(depth + 1, max_depth)) if depth < max_depth else []
        clause = Clause(
            label=draw(label),
            heading=draw(st.one_of(st.just(""), words, nasty_text)),
            text=draw(clause_text),
            kind=draw(
                st.sampled_from([ClauseKind.CLAUSE] * 4 + [ClauseKind.DEFINITION, ClauseKind.SCHEDULE])
            ),
            source_line=draw(st.one_of(st.none(), st.integers(1, 10**9))),
            children=children,
        )
        for child in children:
            child.parent = clause
        clauses.append(clause)
    return clauses


@st.composite
def policies(draw: st.DrawFn, max_depth: int = 2) -> Policy:
    clauses = draw(clause_trees(max_depth=max_depth))
    ids = draw(st.lists(clause_ids, min_size=sum(1 for _ in _walk(clauses)), unique=True))
    for clause, clause_id in zip(_walk(clauses), ids, strict=False):
        clause.id = clause_id
    metadata = Metadata(
        title=draw(st.one_of(words, nasty_text)),
        organisation=draw(nasty_text),
        jurisdiction=draw(st.one_of(st.just(""), nasty_text)),
        version=draw(st.one_of(st.just(""), st.sampled_from(["1", "3.1", "2.0.1"]), nasty_text)),
        effective_date=draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)))),
        summary_of_changes=draw(st.lists(st.one_of(words, nasty_text), max_size=3)),
        language=draw(st.sampled_from(["en", "de", "en-GB", "zh-Hant"])),
    )
    return Policy(metadata, clauses)


def _walk(clauses: list[Clause]):  # type: ignore[no-untyped-def]
    for clause in clauses:
        yield clause
        yield from _walk(clause.children)


# -- Word files ------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId2" Target="numbering.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"/>'
    "</Relationships>"
)


def _numbering(formats: list[str], start: int) -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="%{level + 1}."/></w:lvl>'
        for level, fmt in enumerate(formats)
    )
    return (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def _xml_text(text: str) -> str:
    """Text as Word stores it: characters XML 1.0 cannot hold are left out."""
    allowed = "".join(
        c for c in text if c in "\t\n\r" or ("\x20" <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
    )
    return escape(allowed)


@st.composite
def paragraphs_xml(draw: st.DrawFn) -> str:
    style = draw(
        st.sampled_from(["", "Title", "Heading1", "Heading2", "Heading3", "ListParagraph", "Normal"])
    )
    numbered = draw(st.booleans())
    ppr = ""
    if style or numbered:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if numbered:
            ppr += f'<w:numPr><w:ilvl w:val="{draw(st.integers(0, 3))}"/><w:numId w:val="1"/></w:numPr>'
        ppr += "</w:pPr>"
    runs = ""
    for text in draw(st.lists(st.one_of(words, nasty_text), min_size=0, max_size=3)):
        bold = "<w:rPr><w:b/></w:rPr>" if draw(st.booleans()) else ""
        tab = "<w:tab/>" if draw(st.booleans()) else ""
        runs += f'<w:r>{bold}{tab}<w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r>'
    return f"<w:p>{ppr}{runs}</w:p>"


@st.composite
def docx_bytes(draw: st.DrawFn) -> bytes:
    """A small Word file built part by part, sometimes damaged afterwards."""
    body = "".join(draw(st.lists(paragraphs_xml(), max_size=12)))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )
    formats = draw(
        st.lists(
            st.sampled_from(["decimal", "lowerLetter", "upperRoman", "bullet", "none"]),
            min_size=1,
            max_size=4,
        )
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/numbering.xml": _numbering(formats, draw(st.sampled_from([0, 1, 5, 1_000_000_000]))),
    }
    damage = draw(st.sampled_from(["none"] * 4 + ["drop", "garble", "truncate", "flip"]))
    if damage == "drop":
        parts.pop(draw(st.sampled_from(sorted(parts))))
    elif damage == "garble":
        name = draw(st.sampled_from(sorted(parts)))
        text = parts[name]
        cut = draw(st.integers(0, len(text)))
        parts[name] = (
            text[:cut]
            + draw(st.sampled_from(["<", "&", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "\x00", "]]>"]))
            + text[cut:]
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8", "surrogatepass"))
    data = buffer.getvalue()
    if damage == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
    return data
