"""Write the native YAML text fast, byte for byte as PyYAML's C emitter writes it.

`yaml.dump` spends about a second on a 10,000-clause policy, almost all of it in the
generic event machinery. The native file uses a handful of shapes only (block mappings of
known keys, block sequences, `[]`, and three scalar styles: plain, single-quoted and the
`|-` literal block), so this module writes those shapes directly, with the emitter's own
rules for choosing a style and folding long lines at 100 columns. Anything outside them
(a character the emitter escapes, a multi-line text the literal block cannot hold, very
deep nesting) makes `dump_data` return None, and the caller uses `yaml.dump`: the bytes
are the same either way, so files diff cleanly whichever version saved them.
"""

from __future__ import annotations

import re
from typing import Any

from plutoeditor.formats.native_reader import STR_TAG, plain_tag

#: PyYAML's line width for the native file (`width=100`): a space after column 100 breaks.
WIDTH = 100
#: Deeper than this the emitter's indentation rules get special cases; leave them to it.
MAX_INDENT = 60

# Characters the C emitter writes as they are: libyaml's IS_PRINTABLE (where 4-byte UTF-8
# is not printable) without the line and paragraph separators it treats as breaks.
_OUTSIDE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
# A plain scalar may not start with an indicator, "---"/"..." or "- ", "? ", ": " (or
# those characters alone), nor contain ": " or " #", nor end with ":" or a space.
_NOT_PLAIN_FIRST = frozenset("#,[]{}&*!|>'\"%@` ")


class _Unsupported(Exception):
    """A value this writer does not write; yaml.dump will."""


def dump_data(data: dict[str, Any]) -> str | None:
    """The YAML text `yaml.dump` would write for the native file's data, or None."""
    out: list[str] = []
    try:
        _mapping(data, 0, out)
    except _Unsupported:
        return None
    text = "".join(out)
    if _OUTSIDE.search(text):  # every character of every value is in the text as it is
        return None
    return text


def _mapping(data: dict[str, Any], indent: int, out: list[str], first_inline: bool = False) -> None:
    pad = " " * indent
    for number, (key, value) in enumerate(data.items()):
        if not (number == 0 and first_inline):
            out.append(pad)
        out.append(key)
        if isinstance(value, list):
            if not value:
                out.append(": []\n")
            else:
                out.append(":\n")
                _sequence(value, indent, out)
        elif isinstance(value, dict):
            if not value:
                raise _Unsupported
            out.append(":\n")
            _mapping(value, indent + 2, out)
        else:
            out.append(":")
            _scalar(value, indent + len(key) + 1, indent + 2, out)


def _sequence(items: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        out.append(pad)
        if isinstance(item, dict) and item:
            out.append("- ")
            _mapping(item, indent + 2, out, first_inline=True)
        elif isinstance(item, (dict, list)):
            raise _Unsupported
        else:
            out.append("-")
            _scalar(item, indent + 1, indent + 2, out)


def _scalar(value: Any, column: int, indent: int, out: list[str]) -> None:
    """Write ' value' after an indicator ending at `column`; continuation lines at `indent`."""
    if indent > MAX_INDENT:
        raise _Unsupported
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _Unsupported
    if isinstance(value, int):
        out.append(f" {value}\n")
        return
    if "\n" in value:
        out.append(_literal(value, indent))
    elif _is_plain(value):
        out.append(" ")
        out.append(_folded(value, column + 1, indent))
    else:
        out.append(" '")
        out.append(_folded(value.replace("'", "''"), column + 2, indent))
        out.append("'")
    out.append("\n")


def _is_plain(value: str) -> bool:
    first = value[:1]
    if (
        not first
        or first in _NOT_PLAIN_FIRST
        or ": " in value
        or " #" in value
        or value[-1] in ": "
        or value.startswith(("---", "..."))
        or (first in "-?:" and value[1:2] in ("", " "))
    ):
        return False
    return plain_tag(value) == STR_TAG


def _literal(value: str, indent: int) -> str:
    """The `|-` block the native dumper asks for; other multi-line texts fall back."""
    if value[0] in " \n" or value.endswith((" ", "\n")) or "\n " in value or " \n" in value:
        raise _Unsupported
    pad = " " * indent
    lines = [(pad + line) if line else "" for line in value.split("\n")]
    return " |-\n" + "\n".join(lines)


def _folded(text: str, column: int, indent: int) -> str:
    """A plain or single-quoted scalar's text (quotes already doubled), broken at single
    spaces past the width.

    `column` is where the first character goes. libyaml replaces a space by a line break
    when the column before it is past WIDTH and neither neighbour is a space.
    """
    if column + len(text) <= WIDTH + 1:
        return text
    last = len(text) - 1
    parts: list[str] = []
    begin = 0
    while True:
        # the first space whose column is past the width: column + (space - begin) > WIDTH
        space = text.find(" ", max(begin, begin + WIDTH + 1 - column))
        while space != -1 and (space in (0, last) or text[space - 1] == " " or text[space + 1] == " "):
            space = text.find(" ", space + 1)
        if space == -1:
            parts.append(text[begin:])
            return ("\n" + " " * indent).join(parts)
        parts.append(text[begin:space])
        begin = space + 1
        column = indent
