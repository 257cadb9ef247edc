"""The source lines behind each block, for the scope rules that need what blocks no longer show.

Blocks carry a paragraph's words; a page's rules ("* * *", "---"), quote markers ("> ") and
links to anchors on the page ("[Accounts](#accounts)") are gone from them. `Page` keeps the
lines a text or Markdown file was read from and says which lines each block came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from plutoeditor.importers.labels import is_bare_number, split_label
from plutoeditor.importers.structure import Block

# Markdown thematic breaks; "---" right under a line of text is a setext heading instead.
_MARKDOWN_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# Plain text also separates parts with "=====" or "~~~~~" lines.
_TEXT_RULE = re.compile(r"^\s*([-*_=~])(?:[ \t]*\1){2,}\s*$")
_RULE_MARKS = frozenset("-*_=~")
_QUOTE = re.compile(r"^ {0,3}>")
_BULLET = re.compile(r"^[-*+•]\s+(?=\S)")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")


class Page:
    """The lines of one text or Markdown file (normalised as the importer read them)."""

    def __init__(self, text: str, markdown: bool) -> None:
        self.lines = text.split("\n")
        self.markdown = markdown
        self._rules: list[int] | None = None
        self._rule_set: frozenset[int] = frozenset()
        self._labels: dict[int, tuple[Block, tuple[str, str]]] = {}

    def label_and_title(self, block: Block, bare_numbers: bool = False) -> tuple[str, str]:
        """`label_and_title` of a block, read once per block and import."""
        found = self._labels.get(id(block))
        if found is None or found[0] is not block:  # an id is only trusted for the same block
            found = (block, label_and_title(block, bare_numbers=True))
            self._labels[id(block)] = found
        label = found[1][0]
        if not bare_numbers and block.label is None and block.heading_level is None and is_bare_number(label):
            return "", ""
        return found[1]

    def line(self, number: int) -> str:
        """Line `number` (1-based), "" outside the page."""
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def is_rule(self, number: int) -> bool:
        """A horizontal rule on its own between blank lines (or after a heading), not an underline."""
        self.rules()
        return number in self._rule_set

    def rules(self) -> list[int]:
        """The line numbers of every rule on the page, in order."""
        if self._rules is None:
            self._rules = [
                n
                for n, raw in enumerate(self.lines, start=1)
                if raw[:4].strip()[:1] in _RULE_MARKS and self._rule_at(n)
            ]
            self._rule_set = frozenset(self._rules)
        return self._rules

    def _rule_at(self, number: int) -> bool:
        raw = self.line(number)
        before = self.line(number - 1).strip()
        if self.markdown:
            if not _MARKDOWN_RULE.match(raw):
                return False
            return not before or before.startswith("#") or raw.strip()[0] in "*_"
        return bool(_TEXT_RULE.match(raw)) and not before

    def is_quote(self, number: int) -> bool:
        """A Markdown block-quote line ("> ...")."""
        return self.markdown and bool(_QUOTE.match(self.line(number)))

    def words(self, raw: str) -> str:
        """A source line as a reader sees it: markup reduced, a bullet mark removed."""
        line = raw.strip()
        if self.markdown:
            from plutoeditor.importers.markdown import inline_text

            line = inline_text(line)
        return _BULLET.sub("", line).strip()


def block_spans(blocks: Sequence[Block], page: Page) -> list[range]:
    """The source lines of each block: from its first line to the line before the next block."""
    starts = sorted({b.line for b in blocks if b.line is not None})
    spans = []
    for block in blocks:
        if block.line is None:
            spans.append(range(0))
            continue
        k = bisect_right(starts, block.line)
        end = starts[k] if k < len(starts) else len(page.lines) + 1
        spans.append(range(block.line, end))
    return spans


def source_lines(page: Page, span: range, longest: int | None = None) -> list[str] | None:
    """The non-blank lines of a span, without rules and setext underlines.

    None as soon as a line is longer than `longest` characters (when given).
    """
    found: list[str] = []
    for number in span:
        raw = page.line(number)
        if raw.strip() and not page.is_rule(number) and not (found and _SETEXT.match(raw)):
            if longest is not None and len(raw) > longest:
                return None
            found.append(raw)
    return found


def label_and_title(block: Block, bare_numbers: bool = False) -> tuple[str, str]:
    """The label a block starts with and the title or first line after it ("" when none).

    A bare number ("10 Downing Street") counts only on a heading, unless `bare_numbers`.
    """
    text = block.text.strip()
    if block.label:
        title = block.heading or text
    elif block.label == "":
        return "", ""
    else:
        label, title = split_label(text)
        if label and not bare_numbers and is_bare_number(label) and block.heading_level is None:
            return "", ""
        if block.heading and label:
            title = block.heading
        label = label or ""
    return (block.label or label), title.split("\n", 1)[0].strip()


def block_form(block: Block) -> tuple:
    """How a block is written: a heading of some level, a list item of some level, or a paragraph."""
    if block.heading_level is not None:
        return ("heading", block.heading_level)
    if block.list_level is not None:
        return ("item", block.list_level)
    return ("paragraph",)


def bare_label(label: str) -> str:
    """A label without its decoration, for telling whether two labels are the same number."""
    return label.strip().rstrip(".:)").lstrip("(").casefold()
