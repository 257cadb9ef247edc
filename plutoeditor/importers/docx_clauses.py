"""PlutoEditor's clause bookmarks in Word (named in formats.word_vocabulary): read the clause
tree back.

The DOCX export puts a hidden bookmark around every clause: it starts at the clause's first
paragraph and ends after the last paragraph of its last descendant, so the bookmark ranges
nest exactly as the clauses do. Its name carries the clause's permanent id ("_PE_<id>");
Word allows bookmark names of at most 40 letters, digits and underscores, so an id that does
not fit gets a short name ("_PX_<n>") and the id is kept in a custom document property of
that name. On import, bookmarked paragraphs give back labels, headings, texts, kinds, nesting
and ids exactly; paragraphs a Word user added (no bookmark) join the clause above, or become
a new clause beside it (a shallower decimal label beside the clause above it at its level)
when they are headings or carry a label: one hanging as the exporter writes it, or one typed
before a tab, or at the start of a heading, whatever the paragraph's indents. Text boxes and
notes a Word user added join their paragraph's clause as further lines, as in any Word document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from plutoeditor.formats.word_vocabulary import (
    CUSTOM_PROPERTIES,
    DOCUMENT_ID,
    DOCUMENT_ID_PROPERTY,
    MAPPED_PREFIX,
    MARKUP_COMPATIBILITY,
    W,
)
from plutoeditor.importers.clause_ids import derive_ids
from plutoeditor.importers.docx_characters import CHARACTER_TAGS, one_line, shown_character, text_lines
from plutoeditor.importers.labels import decimal_parts, decimal_value, is_bare_number, split_label
from plutoeditor.model.clause import Clause, ClauseKind

_W = f"{{{W}}}"
_CUSTOM = f"{{{CUSTOM_PROPERTIES}}}"
_MC = f"{{{MARKUP_COMPATIBILITY}}}"
#: Runs below these are not the paragraph's own text (text boxes are read as anchored lines).
_NOT_SHOWN = {_W + "del", _W + "moveFrom", _W + "pPr", _W + "rPr", _W + "drawing", _W + "pict",
              _W + "txbxContent", _MC + "Fallback"}  # fmt: skip
_NOTE_REFERENCES = {_W + "footnoteReference": "footnote ", _W + "endnoteReference": "endnote "}
_OFF = ("false", "0", "off")


def mapped_ids(custom: etree._Element | None) -> dict[str, str]:
    """Short bookmark names and the long clause ids they stand for (docProps/custom.xml)."""
    found: dict[str, str] = {}
    if custom is None:
        return found
    for prop in custom.iter(_CUSTOM + "property"):
        name = prop.get("name", "")
        if name.startswith(MAPPED_PREFIX):
            found[name] = "".join(prop.itertext()).strip()
    return found


def document_id_of(custom: etree._Element | None) -> str | None:
    """The document_id an export wrote (docProps/custom.xml), or None: a policy sent out to
    Word and read back stays the same document, so compare still pairs clauses by id."""
    if custom is None:
        return None
    for prop in custom.iter(_CUSTOM + "property"):
        if prop.get("name") == DOCUMENT_ID_PROPERTY:
            value = "".join(prop.itertext()).strip()
            return value if DOCUMENT_ID.match(value) else None
    return None


def clause_paragraph(
    p: etree._Element,
    style: str,
    bookmarks: dict[str, str],
    marks: dict[str, str] | None = None,
    joined: Iterable[etree._Element] = (),
    numbered_label: str | None = None,
) -> ClauseParagraph:
    """Split a paragraph the way the exporter built it: label, tab, bold term, text.

    `bookmarks` maps the w:id of each clause bookmark to its clause id; `marks` the note
    references ("footnote 2") to the marks the reader gave them ("[1]"). A label is read
    here only where the exporter hangs one (a hanging indent, or a schedule's page break), so
    a tab in a clause's text is not mistaken for one; a paragraph without a bookmark may
    still carry one typed by a Word user (`build_marked_clauses`). A line break a Word user typed
    (Shift+Enter) starts a further line of `rest`, as in the body reader; in a label or a
    definition's term it reads as a space.

    `joined` are the paragraphs just above whose marks were deleted as a tracked change:
    accepting it makes them the start of `p` (in `p`'s paragraph properties). One whose text
    was all deleted goes with its clauses; ranges from above ending in it end before `p`.

    `numbered_label` is the label Word's own numbering shows for `p` (its direct w:numPr, as
    the exporter writes it with --numbering word): the label then, and all the runs are text.
    """
    starts: list[str] = []
    ends: list[str] = []
    ended_before: list[str] = []
    pieces: list[tuple[str, bool]] = []  # (text, bold); a tab is its own piece
    ppr = p.find(_W + "pPr")
    ind = ppr.find(_W + "ind") if ppr is not None else None
    page_break = ppr is not None and ppr.find(_W + "pageBreakBefore") is not None
    hangs = ind is not None and ind.get(_W + "hanging") not in (None, "0")
    for part in [*joined, p]:
        part_starts, part_ends, part_pieces = _read_part(part, bookmarks, marks or {})
        if part is not p and not part_pieces:  # deleted whole
            closing = [ended for ended in part_ends if ended not in part_starts]
            (ends if pieces else ended_before).extend(closing)
            continue
        starts += part_starts
        ends += part_ends
        pieces += part_pieces
    lead: str | None = numbered_label
    if numbered_label is None and (hangs or page_break) and any(text == "\t" for text, _ in pieces):
        cut = next(i for i, (text, _) in enumerate(pieces) if text == "\t")
        lead = one_line("".join(text for text, _ in pieces[:cut])).strip()
        pieces = pieces[cut + 1 :]
    term = ""
    if style == "Definition":
        while pieces and pieces[0][1]:
            term += pieces.pop(0)[0]
    rest = text_lines("".join(text for text, _ in pieces))
    term = one_line(term)
    return ClauseParagraph(
        starts[0] if starts else None, style, lead, term, rest, page_break, ends, starts=starts,
        ended_before=ended_before,
    )  # fmt: skip


def _read_part(
    p: etree._Element, bookmarks: dict[str, str], marks: dict[str, str]
) -> tuple[list[str], list[str], list[tuple[str, bool]]]:
    """(clause bookmarks starting, ending, shown pieces) of one paragraph, in order."""
    starts: list[str] = []
    ends: list[str] = []
    pieces: list[tuple[str, bool]] = []
    for el in p.iter(_W + "bookmarkStart", _W + "bookmarkEnd", _W + "r"):
        if el.tag == _W + "bookmarkStart":
            started = bookmarks.get(el.get(_W + "id", ""))
            if started:
                starts.append(started)
        elif el.tag == _W + "bookmarkEnd":
            ended = bookmarks.get(el.get(_W + "id", ""))
            if ended:
                ends.append(ended)
        elif shown_in_paragraph(el, p):
            pieces.extend(_run_pieces(el, marks))
    return starts, ends, pieces


def shown_in_paragraph(run: etree._Element, p: etree._Element) -> bool:
    """Part of `p`'s own visible text: not inside a tracked deletion, the properties, a drawing,
    a text box or an AlternateContent fallback below `p`."""
    for ancestor in run.iterancestors():
        if ancestor is p:
            return True
        if ancestor.tag in _NOT_SHOWN:
            return False
    return True


def _run_pieces(run: etree._Element, marks: dict[str, str]) -> list[tuple[str, bool]]:
    rpr = run.find(_W + "rPr")
    bold_el = rpr.find(_W + "b") if rpr is not None else None
    if rpr is not None and rpr.find(_W + "vanish") is not None:
        return []
    bold = bold_el is not None and bold_el.get(_W + "val", "true") not in _OFF
    pieces: list[tuple[str, bool]] = []
    for child in run:
        if child.tag == _W + "t":
            pieces.append((child.text or "", bold))
        elif child.tag in CHARACTER_TAGS:  # a tab is a piece of its own: it may end a label
            pieces.append((shown_character(child), bold))
        elif child.tag in _NOTE_REFERENCES:
            mark = marks.get(_NOTE_REFERENCES[child.tag] + child.get(_W + "id", ""), "")
            pieces.append((mark, False))
    return pieces


@dataclass
class ClauseParagraph:
    """What the exporter wrote in a clause's paragraph, read back from its runs."""

    clause_id: str | None
    style: str
    lead: str | None  # the label hanging before a tab, None when there is none
    term: str  # bold text after the label (a definition's term)
    rest: str  # the remaining text
    page_break: bool = False
    ends: list[str] = field(default_factory=list)  # clause ids whose bookmark ends here
    line: int | None = None  # the paragraph's place in the document, for findings
    starts: list[str] = field(default_factory=list)  # every clause bookmark starting here
    anchored: list[str] = field(default_factory=list)  # text-box lines and notes, after the text
    ended_before: list[str] = field(default_factory=list)  # clause ids whose bookmark ends above


def _kind_and_fields(para: ClauseParagraph) -> tuple[ClauseKind, str, str, str]:
    """(kind, label, heading, first text paragraph) of a bookmarked paragraph."""
    label = para.lead or ""
    if para.style == "Definition":
        meaning = para.rest[2:] if para.term and para.rest.startswith(": ") else para.rest
        return ClauseKind.DEFINITION, label, para.term, meaning
    body = para.term + para.rest
    if para.style.lower().startswith("heading"):  # one line, as the body reader reads a heading
        body = one_line(body)
        kind = ClauseKind.SCHEDULE if para.page_break else ClauseKind.CLAUSE
        return kind, label, body, ""
    return ClauseKind.CLAUSE, label, "", body


def build_marked_clauses(paragraphs: list[ClauseParagraph]) -> list[Clause]:
    """The clause tree of a document whose clauses carry PlutoEditor's bookmarks.

    Nesting follows the bookmark ranges; a bookmark whose end went missing closes when its
    parent's does, so a damaged range never swallows the rest of the document. A clause a
    Word user added (no bookmark) gets an id derived from what it says, as text imports do
    (`clause_ids`), so opening the file twice gives the same ids; never a bookmarked one's.
    """
    top: list[Clause] = []
    open_ids: list[str] = []  # bookmark ranges open at this point, outermost first
    by_id: dict[str, Clause] = {}  # the bookmarked clauses
    found: list[tuple[Clause, list[str]]] = []  # every clause in order, with its text's paragraphs
    for para in paragraphs:
        _close(open_ids, para.ended_before)
        # LibreOffice's DOCX export starts a multi-paragraph bookmark again at its last
        # paragraph (beside that paragraph's own): a clause starts only once, at its first.
        fresh = para.starts or ([para.clause_id] if para.clause_id else [])
        clause_id = next((i for i in fresh if i not in by_id), None)
        last = found[-1][0] if found else None
        if clause_id is None and last is not None:
            _read_typed_label(para, top)
        if clause_id is not None or _starts_clause(para, last):
            kind, label, heading, first = _kind_and_fields(para)
            clause = Clause(
                label=label, heading=heading, kind=kind, source_line=para.line, id=clause_id or ""
            )
            parent = by_id.get(open_ids[-1]) if open_ids else None
            if clause_id is None and last is not None:
                parent = _added_parent(label, last)
            siblings = parent.children if parent is not None else top
            clause.parent = parent
            siblings.append(clause)
            if clause_id is not None:
                by_id[clause_id] = clause
                open_ids.append(clause_id)
            texts = [first] if (first or kind is ClauseKind.DEFINITION) else []
            found.append((clause, texts + para.anchored))
        elif found:
            found[-1][1].extend([para.term + para.rest, *para.anchored])
        _close(open_ids, para.ends)
    for clause, parts in found:
        clause.text = "\n".join(parts)
    derive_ids([clause for clause, _ in found if not clause.id], set(by_id))
    return top


def _close(open_ids: list[str], ended: list[str]) -> None:
    """End these bookmark ranges, and any still open inside them."""
    for clause_id in ended:
        if clause_id in open_ids:
            del open_ids[open_ids.index(clause_id) :]


def _starts_clause(para: ClauseParagraph, last: Clause | None) -> bool:
    """An unbookmarked paragraph a Word user added that reads as a clause of its own."""
    if last is None:
        return True
    return bool(para.lead) or para.style.lower().startswith("heading")


def _read_typed_label(para: ClauseParagraph, top: list[Clause]) -> None:
    """Set the lead of an unbookmarked paragraph to a label a Word user typed, as the plain
    Word import reads one, whatever the paragraph's indents.

    A heading's label is split as in any Word document ("3 Contact"). In body text the
    label must end in a tab, as the exporter writes it ("2.3<Tab>We also ..."), since a
    paragraph the exporter wrote for a clause's text may start with a number ("30 days
    after ...", "1.5 million ..."); a bare number must also fit the top-level numbering.
    """
    if para.lead is not None or para.term:
        return
    heading = para.style.lower().startswith("heading")
    text = one_line(para.rest) if heading else para.rest
    label, rest = split_label(text)
    if not label:
        return
    if not heading:
        if not text.lstrip()[len(label) :].startswith("\t"):
            return
        if is_bare_number(label) and not 1 <= int(label) <= _last_top_number(top) + 3:
            return
    para.lead, para.rest = label, rest


def _last_top_number(top: list[Clause]) -> int:
    """The number of the last top-level clause with a one-part decimal label ("3", "3."), or 0."""
    for clause in reversed(top):
        parts = decimal_parts(clause.label)
        if parts is not None and len(parts) == 1:
            return decimal_value(clause.label) or 0
    return 0


def _added_parent(label: str, last: Clause) -> Clause | None:
    """Where a clause a Word user added goes: beside the clause above, or beside the nearest
    clause above it at its decimal label's level ("3" after "2.2" goes beside "2")."""
    depth = len(decimal_parts(label) or ())
    node: Clause | None = last
    while depth and node is not None:
        parts = decimal_parts(node.label)
        if parts is not None and len(parts) == depth:
            return node.parent
        if parts is not None and len(parts) < depth:
            break
        node = node.parent
    return last.parent
