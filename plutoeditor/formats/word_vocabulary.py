"""Word's vocabulary as PlutoEditor's Word import and export both speak it: the XML
namespaces, the style names the export writes, the clause bookmarks and the document
properties that carry clause and document ids through Word. The importer and the exporter
both import this; neither imports the other.

The export puts a hidden bookmark around every clause, named after the clause's permanent id
("_PE_<id>"). Word allows bookmark names of at most 40 letters, digits and underscores, so an
id that does not fit gets a short name ("_PX_<n>") and the id is kept in a custom document
property of that name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# -- namespaces -------------------------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: "Strict Open XML" names the same elements in this namespace (read as W).
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VARIANT_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

# -- parts ------------------------------------------------------------------------------
DOCUMENT_PART = "word/document.xml"
CUSTOM_PROPERTIES_PART = "docProps/custom.xml"

# -- the styles the export writes (a template lacking one gets a plain version) ---------
TITLE = "Title"
FRONT_MATTER = "Front Matter"
FRONT_MATTER_HEADING = "Front Matter Heading"
CLAUSE_TEXT = "Clause Text"
DEFINITION = "Definition"
TABLE_TEXT = "Table Text"
RUNNING_HEADER = "Running Header"
RUNNING_FOOTER = "Running Footer"


def heading_style(level: int) -> str:
    """'Heading 2': Word's own heading styles, so the navigation pane and a contents list work."""
    return f"Heading {level}"


def heading_level(style: str) -> int | None:
    """2 for the style 'Heading 2'; None for a style that is not one of `heading_style`'s."""
    prefix = heading_style(0)[:-1]
    rest = style[len(prefix) :] if style.startswith(prefix) else ""
    return int(rest) if rest.isdigit() else None


# -- clause bookmarks and document properties --------------------------------------------
#: Longest bookmark name Word accepts.
MAX_BOOKMARK_NAME = 40
DIRECT_PREFIX = "_PE_"
MAPPED_PREFIX = "_PX_"
#: The custom document property that carries the policy's document_id through Word.
DOCUMENT_ID_PROPERTY = "PlutoEditor document_id"
DOCUMENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_DIRECT_ID = re.compile(r"^[A-Za-z0-9_]{1,36}$")
CLAUSE_BOOKMARK = re.compile(r"^_P([EX])_([A-Za-z0-9_]{1,36})$")


def bookmark_names(clause_ids: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Bookmark name per clause id, and the custom properties mapping short names to long ids."""
    names: dict[str, str] = {}
    mapped: dict[str, str] = {}
    for clause_id in clause_ids:
        if _DIRECT_ID.match(clause_id):
            names[clause_id] = DIRECT_PREFIX + clause_id
        else:
            name = f"{MAPPED_PREFIX}{len(mapped) + 1}"
            names[clause_id] = name
            mapped[name] = clause_id
    return names, mapped


def clause_id_of(bookmark: str, mapped: dict[str, str]) -> str | None:
    """The clause id a bookmark name stands for, or None when it is not a clause bookmark."""
    found = CLAUSE_BOOKMARK.match(bookmark)
    if found is None:
        return None
    if found.group(1) == "E":
        return found.group(2)
    return mapped.get(bookmark)
