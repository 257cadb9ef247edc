"""Export a policy to a Word document that a law firm could publish as it is.

Labels are Word's own list numbering (`numbering="word"`, see docx_list_numbering) where
they equal the numbers their positions call for, so a clause inserted in Word is numbered
too; a label a reviewer kept that differs stays literal text, as every label does with
`numbering="text"`. Headings use Word's built-in
"Heading n" styles by nesting level, so the navigation pane and a table of contents work.
The effective date runs in the section header on every page; "Page X of Y" in the footer
uses real PAGE and NUMPAGES fields.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from docx.document import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from plutoeditor.export.docx_list_numbering import (
    WORD,
    WordNumbering,
    numbering_choice,
    plan_numbering,
    write_numbering,
)
from plutoeditor.export.docx_table import write_table
from plutoeditor.export.docx_template import ensure_styles, open_template
from plutoeditor.export.docx_xml import (
    INDENT_STEP,
    PLAIN,
    Block,
    BodyWriter,
    Run,
    field_runs,
    save_document,
    tab_run,
    text_run,
    xml_text,
)
from plutoeditor.export.page_text import (
    MAX_WORD_HEADING,
    SUMMARY_HEADING,
    ClauseColumns,
    document_title,
    effective_date_line,
    long_date,
    page_header,
    text_column,
    title_block,
)
from plutoeditor.formats.word_vocabulary import (
    CLAUSE_TEXT,
    CUSTOM_PROPERTIES,
    DEFINITION,
    DOCUMENT_ID_PROPERTY,
    EXTENDED_PROPERTIES,
    FRONT_MATTER,
    FRONT_MATTER_HEADING,
    RUNNING_FOOTER,
    RUNNING_HEADER,
    TITLE,
    VARIANT_TYPES,
    bookmark_names,
    heading_style,
)
from plutoeditor.model import Clause, ClauseKind, Metadata, Policy
from plutoeditor.model.tables import Table, text_parts

Progress = Callable[[int, int], None]


def clause_blocks(
    clause: Clause,
    depth: int,
    label: Sequence[Run],
    heading: Sequence[Run],
    paragraphs: Sequence[tuple[list[Run], str]],
    mark: str = PLAIN,
    column: int | None = None,
    number: tuple[int, int] | None = None,
) -> list[Block]:
    """The paragraphs of one clause (its children are separate).

    `label` and `heading` are runs, and `paragraphs` lists each text paragraph's runs with
    the mark of its paragraph mark, so the redline can pass diffed runs and the plain
    export plain ones. `column` is the text's indent step (by default from `depth` alone,
    see page_text.ClauseColumns). A clause with a heading gets a heading paragraph (label hanging in
    the margin); otherwise the label hangs before the first text paragraph. With `number`
    (list, level) Word numbers the first paragraph itself and `label` is not written.
    """
    has_label = any(run.text for run in label)
    column = (text_column(depth, has_label) if column is None else column) * INDENT_STEP
    lead = [*label, Run("\t", label[-1].mark if label else mark)] if has_label else []
    if number is not None:
        lead = []
    hang = INDENT_STEP if has_label else 0
    blocks: list[Block] = []
    rest = list(paragraphs)
    if clause.kind is ClauseKind.DEFINITION:
        first, first_mark = rest.pop(0) if rest else ([], mark)
        term = [Run(r.text, r.mark, bold=True) for r in heading]
        joint = [Run(": ", mark)] if term and first else []
        blocks.append(
            Block(
                DEFINITION,
                [*lead, *term, *joint, *first],
                column,
                hang,
                mark=first_mark,
            )  # fmt: skip
        )
    elif any(run.text for run in heading) or clause.kind is ClauseKind.SCHEDULE:
        level = min(depth + 1, MAX_WORD_HEADING)
        if clause.kind is ClauseKind.SCHEDULE:
            blocks.append(
                Block(heading_style(level), [*lead, *heading], 0, 0, page_break_before=True, mark=mark)
            )
        else:
            blocks.append(Block(heading_style(level), [*lead, *heading], column, hang, mark=mark))
    elif has_label or rest:
        first, first_mark = rest.pop(0) if rest else ([], mark)
        blocks.append(Block(CLAUSE_TEXT, [*lead, *first], column, hang, mark=first_mark))
    if blocks and number is not None:
        blocks[0].number = number
    blocks.extend(Block(CLAUSE_TEXT, runs, column, mark=para_mark) for runs, para_mark in rest)
    return blocks


def plain_blocks(clause: Clause, depth: int, column: int | None = None,
                 number: tuple[int, int] | None = None) -> list[Block]:  # fmt: skip
    """The clause's paragraphs; each run of pipe rows becomes one block holding a Table.
    With `number` Word numbers the label (see `clause_blocks`)."""
    parts = text_parts(clause.paragraphs)
    if parts and isinstance(parts[0], Table) and _first_paragraph_leads(clause):
        parts.insert(0, "")  # the label (and the clause's bookmark) need a paragraph above the table
    paragraphs = [([Run(part if isinstance(part, str) else "")], PLAIN) for part in parts]
    blocks = clause_blocks(
        clause, depth, [Run(clause.label.strip())], [Run(clause.heading.strip())], paragraphs,
        column=column, number=number,
    )  # fmt: skip
    tables = {
        id(runs): part for (runs, _), part in zip(paragraphs, parts, strict=True) if isinstance(part, Table)
    }
    if tables:
        for block in blocks:  # a table's placeholder paragraph is passed on as it is, never joined
            block.table = tables.get(id(block.runs))
    return blocks


def _first_paragraph_leads(clause: Clause) -> bool:
    """Whether `clause_blocks` joins the first text paragraph to the label (no heading above it)."""
    return clause.kind is ClauseKind.DEFINITION or not (
        clause.heading.strip() or clause.kind is ClauseKind.SCHEDULE
    )


def text_width(document: DocxDocument) -> int:
    """The width between the page margins (a template may leave them unset: Word's defaults)."""
    section = document.sections[0]
    page = section.page_width if section.page_width is not None else Cm(21)
    margins = [m if m is not None else Cm(2.5) for m in (section.left_margin, section.right_margin)]
    return page - margins[0] - margins[1]


def front_matter(writer: BodyWriter, metadata: Metadata) -> None:
    """The title block (page_text.title_block), before the clauses."""
    block = title_block(metadata)
    writer.paragraph(Block(TITLE, [Run(block.title)]))
    for line in block.lines:
        writer.paragraph(Block(FRONT_MATTER, [Run(line)]))
    if block.summary:
        writer.paragraph(Block(FRONT_MATTER_HEADING, [Run(SUMMARY_HEADING)]))
        for number, item in enumerate(block.summary, start=1):
            writer.paragraph(Block(CLAUSE_TEXT, [Run(f"{number})\t{item}")], INDENT_STEP, INDENT_STEP))


def running_header_and_footer(document: DocxDocument, left: str, right: str) -> None:
    """`left` and `right` (title, effective date) in every page header; "Page X of Y" in every footer.

    A user template's letterhead stays: the lines are added below what its header holds.
    """
    section = document.sections[0]
    width = text_width(document)
    headers = [section.header]
    footers = [section.footer]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
        footers.append(section.first_page_footer)
    if document.settings.odd_and_even_pages_header_footer:
        headers.append(section.even_page_header)
        footers.append(section.even_page_footer)
    for header in headers:
        paragraph = _reuse_or_add(header)
        paragraph.style = document.styles[RUNNING_HEADER]
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        text_run(paragraph._p, left)
        if right:
            paragraph._p.append(tab_run())
            text_run(paragraph._p, right)
    for footer in footers:
        p = _reuse_or_add(footer)
        p.style = document.styles[RUNNING_FOOTER]
        text_run(p._p, "Page ")
        field_runs(p._p, "PAGE", "1")
        text_run(p._p, " of ")
        field_runs(p._p, "NUMPAGES", "1")


def _reuse_or_add(part):
    """The header's single empty paragraph, or a new one after the letterhead."""
    part.is_linked_to_previous = False
    paragraphs = part.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text.strip() and not paragraphs[0]._p.xpath(".//w:drawing"):
        return paragraphs[0]
    return part.add_paragraph()


#: Word's limit for a text document property; python-docx refuses longer values.
MAX_PROPERTY_CHARS = 255


def property_text(text: str) -> str:
    """A document property value: one line, only characters XML allows, at most 255 characters."""
    line = xml_text(" ".join(text.split()))
    return line if len(line) <= MAX_PROPERTY_CHARS else line[: MAX_PROPERTY_CHARS - 1] + "…"


def set_properties(document: DocxDocument, metadata: Metadata, title: str | None = None) -> None:
    """Title, organisation, version and effective date in the document properties.

    Values are made fit for Word (control characters removed, cut at 255 characters), so a
    pasted title can never stop an export.
    """
    props = document.core_properties
    props.title = property_text(title if title is not None else document_title(metadata))
    props.author = props.last_modified_by = property_text(metadata.organisation.strip() or "PlutoEditor")
    props.version = property_text(metadata.version.strip())
    props.language = property_text(metadata.language or "en")
    props.subject = property_text(metadata.jurisdiction.strip())
    props.keywords = f"effective {metadata.effective_date.isoformat()}" if metadata.effective_date else ""
    props.comments = property_text(effective_date_line(metadata))
    props.category = "Policy"
    when = metadata.effective_date
    props.content_status = f"Effective {long_date(when)}" if when else "Draft"
    _set_company(document, property_text(metadata.organisation.strip()))


def _set_company(document: DocxDocument, company: str) -> None:
    """The organisation as the Company extended property (docProps/app.xml), when present."""
    if not company:
        return
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            root = etree.fromstring(part.blob)
            ns = root.nsmap.get(None, EXTENDED_PROPERTIES)
            node = root.find(f"{{{ns}}}Company")
            if node is None:
                node = etree.SubElement(root, f"{{{ns}}}Company")
            node.text = company
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS, _VT_NS = CUSTOM_PROPERTIES, VARIANT_TYPES
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def set_custom_properties(document: DocxDocument, values: dict[str, str]) -> None:
    """Text custom properties (docProps/custom.xml): here the long clause ids of short bookmarks."""
    if not values:
        return
    package = document.part.package
    existing = next((p for p in package.iter_parts() if p.partname == "/docProps/custom.xml"), None)
    if existing is not None:  # a user template's own properties stay
        root = etree.fromstring(existing.blob)
    else:
        root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    first = 2 + len(root)  # pids start at 2 and must be unique
    for pid, (name, value) in enumerate(values.items(), start=first):
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = xml_text(value)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if existing is not None:
        existing._blob = blob
        return
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def build_docx(policy: Policy, template: str | os.PathLike[str] | None = None,
               progress: Progress | None = None, numbering: str = WORD) -> DocxDocument:  # fmt: skip
    """The python-docx Document for a policy (not yet saved); `numbering` is "word" or "text"."""
    plan = plan_numbering(policy) if numbering_choice(numbering) == WORD else WordNumbering()
    indents: dict[int, int] = {}
    document = open_template(template)
    style_ids = ensure_styles(document)
    writer = BodyWriter(document, style_ids)
    front_matter(writer, policy.metadata)
    names, mapped = bookmark_names(clause.id for clause in policy.walk())
    total = len(policy)
    done = 0
    columns = ClauseColumns()
    table_width = text_width(document) // 635  # EMU to twips

    def write(clause: Clause, depth: int) -> etree._Element:
        """The clause and its descendants inside one bookmark; returns the last paragraph."""
        nonlocal done
        column = columns.of(clause, depth)
        empty = Block(CLAUSE_TEXT, [], column * INDENT_STEP)
        number = plan.place(clause)
        blocks = plain_blocks(clause, depth, column, number) or [empty]  # an empty clause still has its place
        if number is not None and blocks[0].number is not None:
            indents.setdefault(number[1], blocks[0].left or 0)
        blocks[0].bookmark = names[clause.id]
        last = None
        for block in blocks:
            if block.table is not None:
                left = block.left or 0
                last = write_table(writer, block.table, left, table_width - left)
            else:
                last = writer.paragraph(block)
        done += 1
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
        for child in clause.children:
            last = write(child, depth + 1)
        writer.end_bookmark(last, names[clause.id])
        return last

    for clause in policy.clauses:
        write(clause, 0)
    if writer.body_ends_with_table():
        writer.paragraph(Block(CLAUSE_TEXT))  # Word wants a paragraph after the last table
    numbers = write_numbering(document, plan, indents, INDENT_STEP)
    for element, list_number in writer.numbered:
        element.set(qn("w:val"), str(numbers[list_number]))
    set_custom_properties(document, {**mapped, DOCUMENT_ID_PROPERTY: policy.document_id})
    header = page_header(policy.metadata)
    running_header_and_footer(document, header.left, header.right)
    set_properties(document, policy.metadata)
    return document


def export_docx(policy: Policy, path: str | os.PathLike[str], template: str | os.PathLike[str] | None = None,
                progress: Progress | None = None, numbering: str = WORD) -> None:  # fmt: skip
    """Write the policy as .docx, atomically. A bad template raises PolicyFileError.
    `numbering`: "word" (Word's list numbering where labels allow) or "text" (literal labels)."""
    save_document(build_docx(policy, template, progress, numbering), path)
