"""Markdown policies to `Block`s: headings, list items, bold labels, run-in headings.

Handles what real policy repositories contain: YAML front matter (only `title` is read,
with the safe loader), ATX ("#### 1." / "#### 1\\.") and setext headings, ordered and
bullet lists (lazy "1. 1. 1." numbering is shown as 1. 2. 3., as Markdown displays it),
a list marker alone on its line with the text below it, "**1.1**" and "**2.6 Title.**"
bold labels, "**Title.** text" run-in headings, tables, code, HTML and kramdown
attribute lines. Links, emphasis and escapes are reduced to their text.
"""

from __future__ import annotations

import html
import re
import tomllib

import yaml

from plutoeditor.importers.labels import decimal_parts, split_label, wrapped_number
from plutoeditor.importers.structure import Block
from plutoeditor.model.tables import table_lines

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^(?P<indent>[ ]*)(?P<marker>[-*+•]|\d{1,9}[.)])(?:[ \t]+(?P<rest>.*)|[ \t]*$)")
_LETTER_ITEM = re.compile(r"^(?:\([A-Za-z]{1,4}\)|[A-Za-z]{1,4}[.)])[ \t]")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{2,}:?\s*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
#: Stands for a table in a paragraph's text until the block is made, so that the rows, already
#: reduced to their words, are not read again for markup (a NUL never reaches the importer).
_TABLE_MARK = re.compile("\x00(\\d+)\x00")
_GLUED_LABEL = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)(\*\*|__)(?=\S)")
_GLUED_TEXT = re.compile(r"^((?:\*\*|__)\d{1,3}(?:\.\d{1,3})*\.?(?:\*\*|__))(?=[^\W\d_])")
_DOUBLED_BOLD = re.compile(r"\*{4}")
_BOLD_BEFORE_POINT = re.compile(r"^([A-Za-z]|\d{1,3})(\*\*)([.)])[ \t]*(?=\S)")
_WHOLLY_BOLD = re.compile(r"^(?:\*\*|__)([^*_]+)(?:\*\*|__)$")
_NOISE = re.compile(r"^\s*(?:\{:.*\}|<!--.*-->|\[(?!\^)[^\]]+\]:\s+\S+.*)\s*$")
#: "[^1]: President Obama, Memorandum ...": a footnote's text, kept as a paragraph "[1] ..."
_FOOTNOTE = re.compile(r"^\[\^([^\]]{1,40})\]:[ \t]*")
# "**Title.** text", "**Title**. text", and "**Title. **text" (the space typed inside the bold)
_BOLD_START = re.compile(
    r"^(?:\*\*|__)(?P<inner>[^*_]+?)(?:\*\*|__)(?P<after>[.:]?)(?:[ \t]+|$|(?<=[ \t]\*\*)|(?<=[ \t]__))"
)

# (character that must be present, pattern, replacement): the check skips most patterns cheaply.
# (characters that must be present, pattern, replacement): the check skips most patterns cheaply.
# Every span is bounded so that unclosed markup ("*a *a *a ...") cannot make a line take quadratic time.
_INLINE = [
    ("![", re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,300}\)"), r"\1"),
    (
        "](",
        re.compile(r"\[([^\]\n]{1,500})\]\((?:[^()\s]|\([^)\n]{0,80}\)){0,300}(?:\s+\"[^\"\n]{0,200}\")?\)"),
        r"\1",
    ),
    ("][", re.compile(r"\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]"), r"\1"),
    ("<", re.compile(r"<(https?://[^>\s]{1,500})>"), r"\1"),
    ("<", re.compile(r"<br\s{0,5}/?>", re.IGNORECASE), " "),
    ("<", re.compile(r"</?[A-Za-z][^<>\n]{0,500}>"), ""),
    ("`", re.compile(r"`([^`\n]{0,500})`"), r"\1"),
    # Emphasis spans a whole sentence or paragraph in real policies ("*Short version: ...*"),
    # so the bound is generous; a span cannot contain its own delimiter, so each scan stops at
    # the next one and a line costs linear time however much markup it holds.
    ("**", re.compile(r"\*\*((?:[^*\n]|\*(?!\*)){1,5000}?)\*\*"), r"\1"),
    ("__", re.compile(r"(?<!\w)__((?:[^_\n]|_(?!_)){1,5000}?)__(?!\w)"), r"\1"),
    ("*", re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,5000}?)(?<=\S)\*(?![\w*])"), r"\1"),
    ("_", re.compile(r"(?<![\w])_(?=[^\s_])([^_\n]{1,5000}?)(?<=\S)_(?![\w])"), r"\1"),
    ("~~", re.compile(r"~~(.{1,500}?)~~"), r"\1"),
    ("\\", re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])"), r"\1"),
    ("  ", re.compile(r"[ ]{2,}"), " "),
]


def _atx_text(content: str) -> str:
    """An ATX heading's text without its optional closing "###" sequence."""
    content = content.strip()
    if content.endswith("#"):
        bare = content.rstrip("#")
        if not bare or bare[-1] in " \t":
            content = bare.rstrip()
    return content


def inline_text(text: str) -> str:
    """Markdown inline markup reduced to the words a reader sees."""
    for needed, pattern, replacement in _INLINE:
        if needed in text:
            text = pattern.sub(replacement, text)
    return (html.unescape(text) if "&" in text else text).strip()


def read_front_matter(lines: list[str]) -> tuple[str, int]:
    """The `title` of YAML (safe loader only) or TOML front matter, and the lines it spans.

    Everything else in the front matter is ignored; malformed front matter is skipped.
    """
    fence = lines[0].strip() if lines else ""
    if fence not in ("---", "+++"):
        return "", 0
    closing = ("---", "...") if fence == "---" else ("+++",)
    for end in range(1, min(len(lines), 400)):
        if lines[end].strip() in closing:
            source = "\n".join(lines[1:end])
            data: object = None
            try:
                data = yaml.safe_load(source) if fence == "---" else tomllib.loads(source)
            except (yaml.YAMLError, ValueError, RecursionError):  # ValueError: 2022-02-31, TOML
                data = None
            title = data.get("title") if isinstance(data, dict) else None
            return (title.strip() if isinstance(title, str) else ""), end + 1
    return "", 0


def _make_block(raw: str, line: int, label: str | None, list_level: int | None) -> Block:
    """One block from raw Markdown text, with bold labels and run-in headings recognised.

    A bullet whose text starts with a sub-clause label ("*   **1.1.1** No defamation.") is
    that clause: the label, not the bullet, says where it belongs.
    """
    raw = _GLUED_LABEL.sub(r"\1 \2", raw.strip())  # "1.2**Access.**" -> "1.2 **Access.**"
    raw = _GLUED_TEXT.sub(r"\1 ", raw)  # "**15.1**You must" -> "**15.1** You must"
    if raw.startswith("****"):  # "****Article 13****": bold inside bold, one bold title
        raw = _DOUBLED_BOLD.sub("**", raw)
    if label == "" and not raw.startswith("`") and _bullet_holds_clause(inline_text(raw)):
        label = list_level = None
    elif label and label[0].isdigit() and _bold_label_inside(raw):
        label = list_level = None  # "8.  **15\. Governing Law**": the author's number, not the list's
    heading = None
    m = _BOLD_START.match(raw)
    if label is None and m:
        inner_label, inner_rest = split_label(inline_text(m.group("inner")))
        if inner_label and not inner_rest:  # "**2.4** **Title**. text"
            label, raw = inner_label, raw[m.end() :]
            m = _BOLD_START.match(raw)
        elif inner_label and len(inner_rest.split()) <= 12:  # "**2.6 Additional Terms.** text"
            return Block(inline_text(raw[m.end() :]), line, inner_label, None, list_level, inner_rest)
    prefix = ""
    if label is None:
        prefix, rest = split_label(inline_text(raw.split("**", 1)[0]) if raw.startswith("**") else raw)
        if prefix and raw.startswith(prefix):
            m = _BOLD_START.match(raw[len(prefix) :].lstrip())
            raw_rest = raw[len(prefix) :].lstrip()
        else:
            prefix, m, raw_rest = "", None, raw
    else:
        raw_rest = raw
    if m and (label is not None or prefix) and len(m.group("inner").split()) <= 12:
        if m.group("after") or m.group("inner").rstrip().endswith((".", ":")) or not raw_rest[m.end() :]:
            heading = inline_text(m.group("inner"))
            raw_rest = raw_rest[m.end() :]
    text = inline_text(raw_rest)
    if prefix:
        text = f"{prefix} {text}" if text else prefix
    block = Block(text, line, label, None, list_level, heading)
    block.emphasised = label is None and not prefix and bool(_WHOLLY_BOLD.match(raw))
    return block


class _Splitter:
    """Walks the lines once, emitting a block whenever a paragraph, item or heading ends."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lines: list[str] = []
        self.start = 0
        self.item: tuple[str | None, int] | None = None  # (label, list level) of the open item
        self.paragraphs: list[str] = []  # finished paragraphs of the open item
        self.indents: list[int] = []
        self.number = 0  # the number of the last item "N." of a top-level ordered list
        self.runs: dict[int, list[Block]] = {}
        self.tables: list[tuple[list[list[str]], bool]] = []  # (rows of cells, has a header)
        self.table_open = False
        self.footnote = False  # inside a footnote's text ("[^1]: ..." and the lines indented under it)

    def table_row(self, stripped: str) -> None:
        """A "| a | b |" line: a row of the open table, or the first row of a new one."""
        inner = stripped[1:]
        if inner.endswith("|") and not inner.endswith("\\|"):
            inner = inner[:-1]
        cells = [inline_text(cell) for cell in _CELL_SPLIT.split(inner)]
        if self.table_open:
            self.tables[-1][0].append(cells)
            return
        self.tables.append(([cells], False))
        self.table_open = True
        mark = f"\x00{len(self.tables) - 1}\x00"
        if self.lines:  # right under a line of text: the table continues that paragraph
            self.lines[-1] += "\n" + mark
        else:
            self.lines.append(mark)

    def table_rule(self) -> bool:
        """A "| --- | --- |" line under a table's first row makes that row the header."""
        if self.table_open and len(self.tables[-1][0]) == 1:
            self.tables[-1] = (self.tables[-1][0], True)
            return True
        return False

    def table_text(self, text: str) -> str:
        """Block text with each table mark replaced by the table's canonical pipe rows."""
        if "\x00" not in text:
            return text
        return _TABLE_MARK.sub(lambda m: "\n".join(table_lines(*self.tables[int(m.group(1))])), text)

    def flush(self) -> None:
        self.table_open = False
        if self.lines:
            self.paragraphs.append(" ".join(self.lines))
            self.lines = []
        if not self.paragraphs and self.item is None:
            return
        if self.item is not None:
            label, level = self.item
            block = _make_block("\n".join(self.paragraphs), self.start, label, level)
            block.text = "\n".join(p for p in (inline_text(x) for x in block.text.split("\n")) if p)
            self.blocks.append(block)
            if label:
                self.runs.setdefault(level, []).append(block)
        else:
            for paragraph in self.paragraphs:
                if self.footnote:  # a footnote's paragraphs are its text, never clauses of their own
                    self.blocks.append(Block(inline_text(paragraph), self.start, ""))
                else:
                    self.blocks.append(_make_block(paragraph, self.start, None, None))
        self.paragraphs = []
        self.item = None

    def end_lists(self, below_level: int = 0) -> None:
        """Close the ordered lists at `below_level` and deeper; lazy "1. 1. 1." become 1. 2. 3."""
        for level in [lv for lv in self.runs if lv >= below_level]:
            run = self.runs.pop(level)
            labels = {b.label for b in run}
            if len(run) > 1 and len(labels) == 1:
                label = run[0].label or "1."
                first, punct = int(label[:-1]), label[-1]
                for offset, block in enumerate(run):
                    block.label = f"{first + offset}{punct}"
        if below_level == 0:
            self.indents = []

    def list_indent(self) -> int:
        """The indentation of the innermost open list item (0 when none)."""
        return self.indents[-1] if self.indents else 0

    def list_level(self, indent: int) -> int:
        popped = False
        while self.indents and indent < self.indents[-1]:
            self.indents.pop()
            popped = True
        if not self.indents or (indent > self.indents[-1] and not popped):
            self.indents.append(indent)
        return len(self.indents) - 1


def markdown_blocks(text: str) -> tuple[list[Block], str]:
    """The blocks of a Markdown document and the front-matter title ("" when none)."""
    lines = text.split("\n")
    title, skip = read_front_matter(lines)
    s = _Splitter()
    fence: str | None = None
    blank_before = False
    skip_to = 0
    for number in range(skip + 1, len(lines) + 1):
        if number <= skip_to:
            continue
        raw = lines[number - 1]
        stripped = raw.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
                if s.lines:  # code is kept verbatim: label "" means "do not look for a label"
                    s.blocks.append(Block("\n".join(s.lines), s.start, ""))
                    s.lines = []
            elif stripped:
                s.lines.append(stripped)
            continue
        if not stripped:
            s.table_open = False
            if s.lines:
                s.paragraphs.append(" ".join(s.lines))
                s.lines = []
            if s.item is None:
                s.flush()
            blank_before = True
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if "**" in stripped[:8] and (glued := _BOLD_BEFORE_POINT.match(stripped)):
            # "b**. Commencing Arbitration.** ...": the bold opened before the label's point
            stripped = f"{glued.group(1)}{glued.group(3)} {glued.group(2)}{stripped[glued.end() :]}"
            raw = " " * indent + stripped
        if f := _FENCE.match(raw):
            s.flush()
            fence, s.start = f.group(1)[:3], number
            continue
        if _TABLE_RULE.match(stripped):
            s.table_rule()
            continue
        if _NOISE.match(stripped):
            continue
        if s.footnote and indent < 4 and not s.lines and not s.paragraphs:
            s.footnote = False  # a paragraph not indented under the footnote: the text goes on
        if stripped.startswith("[^") and (note := _FOOTNOTE.match(stripped)):
            s.flush()
            s.footnote = True
            stripped = f"[{note.group(1)}] {stripped[note.end() :]}".rstrip()
        if s.table_open and not stripped.startswith("|"):
            s.table_open = False  # text right under a table starts a paragraph of its own
            if s.item is None:
                s.flush()
            elif s.lines:
                s.paragraphs.append(" ".join(s.lines))
                s.lines = []
        if s.item is not None and blank_before and indent == 0 and not _ITEM.match(raw):
            s.flush()
            s.end_lists()
        if (h := _SETEXT.match(raw)) and s.lines and s.item is None and len(s.paragraphs) == 0:
            heading = " ".join(s.lines)
            s.lines = []
            s.blocks.append(Block(inline_text(heading), s.start, None, 1 if h.group(1)[0] == "=" else 2))
            s.end_lists()
            continue
        if h and s.item and s.item[0] and len(s.lines) == 1 and not s.paragraphs and not blank_before:
            # "1. Definitions" underlined: a numbered heading, not a list item above a rule
            heading = f"{s.item[0]} {s.lines[0]}"
            s.lines, s.item = [], None
            s.blocks.append(Block(inline_text(heading), s.start, None, 1 if h.group(1)[0] == "=" else 2))
            s.end_lists()
            continue
        if _BREAK.match(raw):
            s.flush()
            continue
        if a := _ATX.match(raw):
            s.flush()
            s.end_lists()
            content = _atx_text(raw[a.end() :])
            if not content and number < len(lines) and (bold := _WHOLLY_BOLD.match(lines[number].strip())):
                content, skip_to = bold.group(1), number + 1  # "###" alone, its title in bold below
            s.blocks.append(Block(inline_text(content), number, None, len(a.group(1))))
            continue
        it = _ITEM.match(raw)
        wrapped = it is not None and not _may_start_item(s, it.group("marker"), lines[number - 2], indent)
        if it and not wrapped:
            s.flush()
            level = s.list_level(indent)
            s.end_lists(level + 1)
            marker = it.group("marker")
            ordered = marker[0].isdigit()
            if not ordered:
                s.runs.pop(level, None)
            s.item, s.start = ((marker if ordered else ""), level), number
            if ordered and level == 0:
                s.number = int(marker[:-1])
            if it.group("rest"):
                s.lines.append(it.group("rest").strip())
            blank_before = False
            continue
        under_letter = s.item is not None and s.item[0] is None and indent >= s.list_indent()
        # "B. Folder Sharing" after item "3." of a list under "A. Photos", indented as "A." is:
        # back out of that item, the next letter, not a paragraph of item 3
        dedented = s.item is not None and blank_before and 3 < indent < s.list_indent()
        if (
            (indent <= 3 or under_letter or dedented)
            and _LETTER_ITEM.match(stripped)
            and split_label(stripped)[0]
        ):
            # "a. `certificatePolicies`" with indented paragraphs below: an item, like "1." is;
            # "I. TITLE" then an indented "A. Age.": an item of its own, one level down
            s.flush()
            level = s.list_level(indent)
            s.end_lists(level + 1)
            s.item, s.start = (None, level), number
            s.lines.append(stripped)
            blank_before = False
            continue
        if stripped.startswith(">"):
            stripped = stripped.lstrip("> ").strip()
        in_item = s.item is not None and bool(s.lines or s.paragraphs)
        if in_item and indent <= 3 and _sub_clause(stripped, s.number):
            s.flush()  # "2. Orders" then "2.1. Purchase Orders. ..." on the next line: a clause of its own
            s.end_lists()
        if s.lines and s.item is None and not wrapped and not stripped.startswith("|"):
            label = split_label(inline_text(stripped))[0]
            if (
                label
                and not label.isdigit()
                and label[0] != "§"
                and not wrapped_number(s.lines[0], lines[number - 2], stripped)
            ):
                s.flush()  # "a. ...", "**1.2** ..." on the next line; not "das" + "21\\. Lebensjahr"
        if not s.lines and not s.paragraphs and s.item is None:
            s.start = number
        if s.item is not None and blank_before and s.lines:
            s.paragraphs.append(" ".join(s.lines))
            s.lines = []
        if stripped.startswith("|"):
            s.table_row(stripped)
            blank_before = False
            continue
        s.lines.append(stripped)
        blank_before = False
    s.flush()
    s.end_lists()
    for block in s.blocks:
        block.text = s.table_text(block.text)
    return [b for b in s.blocks if b.text or b.label or b.heading], title


def _may_start_item(s: _Splitter, marker: str, previous: str, indent: int) -> bool:
    """Whether a list marker may start an item right under a line of a paragraph.

    As in CommonMark, an ordered list numbered from other than 1 cannot interrupt a paragraph:
    "(ABl. EG Nr. L 248 S." then "15) vorgesehene ..." is a hard-wrapped sentence going on, in a
    paragraph inside an item too ("b)  von Krafträdern ... (BGBl. I S." then "1282) geändert ...").
    A line ending in a written line break (two spaces) may still be followed by an item.
    """
    # inside an item, a number indented deeper than the item's own marker would open a list
    # inside its paragraph: the same rule holds (a sibling item "4." after "3." may follow)
    in_paragraph = s.item is None or indent > s.list_indent()
    if not in_paragraph or not s.lines or not marker[0].isdigit() or int(marker[:-1]) == 1:
        return True
    return previous.endswith(("  ", "\\"))


def _bullet_holds_clause(text: str) -> bool:
    """Whether a bullet's text starts with a sub-clause label and goes on after it.

    "*   **1.1.1** No defamation." is clause 1.1.1; a bullet that is only "10.08.16" is a
    date, and one starting with code ("`123.45.67.89` is the address") is not numbered.
    """
    label, rest = split_label(text)
    parts = decimal_parts(label) if label else None
    return parts is not None and len(parts) > 1 and bool(rest)


def _bold_label_inside(raw: str) -> bool:
    """Whether an ordered item's text opens with a number in bold ("**13\\. Copyright**", "**14.3** You").

    A converter numbers the items of its list 1, 2, 3; the number written in bold is the author's.
    """
    m = _BOLD_START.match(raw)
    if m is None:
        return False
    label, _ = split_label(inline_text(m.group("inner")))
    return bool(label) and decimal_parts(label) is not None


def _sub_clause(line: str, number: int) -> bool:
    """Whether a line starts a sub-clause of item `number` ("2.1. Purchase Orders. ..." in "2.")."""
    label, _ = split_label(inline_text(line))
    parts = decimal_parts(label) if label else None
    return parts is not None and len(parts) >= 2 and parts[0] == number
