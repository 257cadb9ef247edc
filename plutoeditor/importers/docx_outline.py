"""Where Word's numbering places a paragraph in the outline: by its list level, not its style.

Word numbers a heading by the list level (ilvl) of its paragraph, whatever heading style it
wears: writers put "heading 1" on items at levels 0, 1 and 2, or "heading 3" on everything
after 1.1, and Word still shows 1. > 1.1 > a. So a numbered heading sits at the depth of its
list level, counted from the heading level of the list's first heading ("heading 1" on level
0: level 1 is depth 2). Numbered body paragraphs of a list that numbers headings sit at that
same depth (a Normal "1.2" after a heading 2 "1.1" is its sibling). Other paragraphs keep
their heading level, or none: body lists are nested by their labels.
"""

from __future__ import annotations

from plutoeditor.importers.docx_reading import WordParagraph


def outline_levels(paragraphs: list[WordParagraph]) -> list[int | None]:
    """The heading depth (1 = top) each paragraph is placed at; None for body paragraphs
    that the tree builder nests by their labels."""
    offsets: dict[str, int] = {}  # list -> heading level of its level 0
    for para in paragraphs:
        if _numbered(para) and para.heading_level is not None and para.list_id not in offsets:
            offsets[para.list_id] = para.heading_level - (para.list_level or 0)
    levels: list[int | None] = []
    for para in paragraphs:
        if _numbered(para) and para.list_id in offsets:
            levels.append(max(1, (para.list_level or 0) + offsets[para.list_id]))
        else:
            levels.append(para.heading_level)
    return levels


def _numbered(para: WordParagraph) -> bool:
    return para.auto_label is not None and not para.in_table and not para.is_title
