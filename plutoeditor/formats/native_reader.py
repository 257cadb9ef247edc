"""Read the native YAML text fast: exactly the shapes PlutoEditor writes, nothing more.

PyYAML's C loader builds an event, a node and then an object per scalar, 1.1-2.6 s for a
10,000-clause policy. The native file needs only a small part of YAML: block mappings of
the schema's keys, block sequences, `[]`, and plain, single-quoted and `|-` literal
scalars. This reader parses those line by line, and each clause written in the writer's
key order with one regular expression, in about 30 ms.

It is deliberately a *subset* reader: on anything else (a comment, a tab, a blank line
outside a literal block, a double-quoted scalar, an anchor, alias or tag, a flow
collection, a key it does not know, a plain scalar that YAML would read as a number,
boolean, null or date) `read` returns None and the caller uses the full safe loader, which
gives the same data or the same error as before. What it accepts, it reads exactly as
`yaml.safe_load` would; tests/fuzz checks that on generated and mutated files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Any

#: The keys the schema knows; any other key sends the file to the full loader.
KEYS = frozenset(
    "format_version document_id metadata clauses title organisation jurisdiction version "
    "effective_date summary_of_changes language id kind label heading text source_line children".split()
)

# Characters YAML refuses in a stream, the byte-order mark, tabs and NEL: any of them
# anywhere sends the file to the full loader. The line and paragraph separators (LS, PS),
# line breaks to YAML, are read only inside quotes, where the emitter writes them.
# (The complement of YAML's printable set, written out: compiling the negated class took
# 3-20 ms at every start.)
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
#: The characters of ASCII a file may hold: none of them is _UNUSUAL.
_ASCII_USUAL = bytes([0x0A, *range(0x20, 0x7F)])
_SEPARATORS = ("\u2028", "\u2029")
# A plain scalar as the writer writes it starts with none of YAML's indicators ("-", "?"
# and ":" only glued to the next character), and has no ": " or " #" (a comment) and no
# ":" or space at the end.
_NOT_PLAIN_FIRST = frozenset("#,[]{}&*!|>'\"%@` ")
_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_FOLD = re.compile("\n +")
#: The first characters of the plain scalars PyYAML's resolver may type as something other
#: than a string (the keys of its `yaml_implicit_resolvers`; a test compares them).
_RESOLVED_FIRST = frozenset("!&*-+.0123456789<=~FNOTYfnoty")
#: Plain scalars starting with a letter can only be booleans or null (yes, No, TRUE, off,
#: null, ...): YAML 1.1's words, compared with the resolver by a test.
_WORD_FIRST = frozenset(c for c in _RESOLVED_FIRST if c.isalpha())
STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_WORD_TAGS = {
    **dict.fromkeys(
        "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF".split(),
        "tag:yaml.org,2002:bool",
    ),
    **dict.fromkeys(("null", "Null", "NULL"), "tag:yaml.org,2002:null"),
}
#: Every character of YAML 1.1's numbers (ints, floats, base 60) and timestamps that do not
#: start with 0 (0x.., 0b.., 0.. octal): a plain scalar starting with 1-9 and holding any
#: other character is a string (a document id such as 9f3a...).
_NUMBER_OR_TIME = frozenset("0123456789_.:-+eE TtZz")
#: A float has a dot, a base-60 number a colon and a date a dash.
_NUMBER_PUNCTUATION = frozenset(".:-")
_BINARY = frozenset("01_")


def plain_tag(value: str) -> str:
    """The tag PyYAML's resolver gives a (non-empty) plain scalar; quick for common ones
    (and without importing PyYAML, 10 ms at start-up, for all a PlutoEditor file holds)."""
    first = value[0]
    if first not in _RESOLVED_FIRST:
        return STR_TAG
    if first in _WORD_FIRST:
        return _WORD_TAGS.get(value, STR_TAG)
    if first.isdigit() and first != "0":
        if value.isdigit() and value.isascii():
            return _INT_TAG  # a line number
        if value.count(".") > 1 or not _NUMBER_OR_TIME.issuperset(value):
            return STR_TAG  # a label such as 2.1.1: numbers and dates have one dot at most
    elif first == "0" and len(value) > 1 and value[1] != "x" and not _NUMBER_PUNCTUATION & set(value):
        binary = value[1] == "b" and _BINARY.issuperset(value[2:])
        if not binary and not value.replace("_", "").isdigit():
            return STR_TAG  # 0a3f...: no int (0x.., 0b.., octal), float, base 60 or date of YAML's
    return _resolved_by_yaml(value)


def _resolved_by_yaml(value: str) -> str:
    """The tag PyYAML's own resolver gives a plain scalar."""
    import yaml

    return str(_yaml_resolver().resolve(yaml.ScalarNode, value, (True, False)))


@cache
def _yaml_resolver() -> Any:
    import yaml

    return yaml.resolver.Resolver()


def _resolved(value: str) -> Any:
    """A plain scalar as YAML types it: a string, or an int; anything else declines."""
    tag = plain_tag(value)
    if tag == STR_TAG:
        return value
    if tag == _INT_TAG and _INT.fullmatch(value):
        return int(value)
    raise _Decline


class _Decline(Exception):
    """The text is outside the subset: the full loader reads it."""


@dataclass
class Lines:
    """Where things are in the file (1-based): a finding or an error names these lines."""

    #: id() of each mapping inside a sequence (a clause) -> the line it starts on
    items: dict[int, int] = field(default_factory=dict)
    #: for the top-level mapping ("") and each mapping under a key: key -> line of the key
    keys: dict[str, dict[str, int]] = field(default_factory=dict)


def read(text: str) -> tuple[dict[str, Any], Lines] | None:
    """The file's data and lines, or None when the text is outside the subset."""
    if has_unusual(text):
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    reader = _Reader(text, lines)
    try:
        data = reader.mapping(0, "")
    except (_Decline, RecursionError):
        return None
    if reader.at != len(lines):
        return None
    if _SEPARATORS[0] in text or _SEPARATORS[1] in text:
        _count_separators_as_lines(lines, reader.where)
    return data, reader.where


def has_unusual(text: str) -> bool:
    """Whether the text holds an _UNUSUAL character. Searching 2.8 MB with the pattern took
    10 ms (a class test per character), so the usual ASCII characters are first deleted from
    the UTF-8 bytes in C (`bytes.translate`) and only what is left is searched: the other
    ASCII characters and every character beyond ASCII, in their order."""
    try:
        rest = text.encode("utf-8").translate(None, _ASCII_USUAL)
    except UnicodeEncodeError:  # a lone surrogate
        return True
    return bool(rest) and _UNUSUAL.search(rest.decode("utf-8")) is not None


def _count_separators_as_lines(lines: list[str], where: Lines) -> None:
    """YAML counts LS and PS as line breaks, so PyYAML's line numbers after one are
    higher than the file's line count; give the same numbers."""
    extra = list(
        accumulate((line.count(_SEPARATORS[0]) + line.count(_SEPARATORS[1]) for line in lines), initial=0)
    )
    where.items = {key: line + extra[line - 1] for key, line in where.items.items()}
    for key_lines in where.keys.values():
        for key, line in key_lines.items():
            key_lines[key] = line + extra[line - 1]


# A clause as the writer writes it, keys in its order; a value is its first line and
# the lines after it that are blank or deeper than the key. Matching it is an
# accelerator only: each value is decoded as the line reader decodes it (ids and kinds
# that need no decoding are matched as they are), and a clause that does not match is
# read line by line. The usual label and heading are matched as their value: a one-line
# single-quoted scalar with no quote or line break inside ('1.1', ''), which reads as what
# is between the quotes, and a plain label of digits and two dots or more (2.1.1), which
# YAML reads as a string; each alternative takes the whole first line, as `{value}` first
# tries, and when the clause does not match with it the next alternative is tried.
_QUOTED_LINE = "'(?P<{name}_quoted>[^'\n\u2028\u2029]*)'"
_DOTTED_LABEL = r"(?P<label_dotted>[1-9][0-9]*(?:\.[0-9]*){{2,}})"
_CLAUSE = (
    r"- id: (?P<id>[A-Za-z0-9_][A-Za-z0-9_-]*)\n"
    r"(?:{pad}  kind: (?P<kind>definition|schedule|clause)\n)?"
    r"{pad}  label: (?:" + _QUOTED_LINE.format(name="label") + "|" + _DOTTED_LABEL + r"|(?P<label>{value}))\n"
    r"{pad}  heading: (?:" + _QUOTED_LINE.format(name="heading") + r"|(?P<heading>{value}))\n"
    r"{pad}  text: (?P<text>{value})\n"
    r"(?:{pad}  source_line: (?P<source_line>[1-9][0-9]{{0,17}})\n)?"
    r"{pad}  children:(?P<leaf> \[\])?(?:\n|\Z)"
)


#: Patterns are compiled per indentation; deeper clauses (more than 100 levels, which the
#: loader refuses anyway) are read line by line.
_DEEPEST_PATTERN = 202


@cache
def _clause_at(indent: int) -> re.Pattern[str]:
    """The clause pattern for a clause whose dash stands at `indent` (compiled once)."""
    pad = " " * indent
    value = rf"[^\n]*(?:\n(?:{pad}   [^\n]*)?)*?"
    return re.compile(_CLAUSE.format(pad=pad, value=value))


class _Reader:
    def __init__(self, text: str, lines: list[str]) -> None:
        self.text = text
        self.lines = lines
        self.at = 0
        self.where = Lines()
        self._starts: list[int] | None = None

    def start_of(self, line: int) -> int:
        """The offset in the text where a line starts."""
        if self._starts is None:
            self._starts = list(accumulate(map(len, self.lines), initial=0))
        return self._starts[line] + line

    def mapping(self, indent: int, name: str | None, inline: str | None = None) -> dict[str, Any]:
        """A block mapping whose keys stand at `indent`; a clause's first key follows "- ".

        `name` is the key the mapping stands under ("" for the top level), or None for a
        mapping in a sequence, whose start line is recorded instead of its keys' lines."""
        lines = self.lines
        data: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        if name is None:
            self.where.items[id(data)] = self.at + 1
        else:
            self.where.keys[name] = key_lines
        pad = " " * indent
        deeper = pad + " "
        line = pad + inline if inline is not None else ""
        while True:
            if inline is None:
                if self.at >= len(lines):
                    break
                line = lines[self.at]
                if not line.startswith(pad):
                    break  # the end of this mapping; the caller checks what follows
                if line.startswith(deeper):
                    raise _Decline
            inline = None
            colon = line.find(":", indent)
            key = line[indent:colon]
            if key not in KEYS or key in data:
                raise _Decline
            if name is not None:
                key_lines[key] = self.at + 1
            self.at += 1
            if colon + 1 == len(line):
                data[key] = self.nested(indent, key)
            elif line[colon + 1] != " ":
                raise _Decline
            else:
                data[key] = self.value(line[colon + 2 :], indent)
        if not data:
            raise _Decline
        return data

    def nested(self, indent: int, key: str) -> Any:
        """What follows "key:" at the end of a line: a block sequence or mapping."""
        if self.at >= len(self.lines):
            raise _Decline
        line = self.lines[self.at]
        stripped = line.lstrip(" ")
        depth = len(line) - len(stripped)
        if stripped.startswith("- ") and depth >= indent:
            return self.sequence(depth)
        if depth > indent and stripped:
            return self.mapping(depth, key)
        raise _Decline

    def sequence(self, indent: int) -> list[Any]:
        lines = self.lines
        items: list[Any] = []
        dash = " " * indent + "- "
        while self.at < len(lines):
            line = lines[self.at]
            if not line.startswith(dash):
                break
            if line.startswith("id: ", indent + 2):
                clause = self.clause(indent)
                if clause is not None:
                    items.append(clause)
                    continue
            rest = line[indent + 2 :]
            if rest[:1] in ("'", '"', "|") or not (": " in rest or rest.endswith(":")):
                self.at += 1
                items.append(self.value(rest, indent))
            else:
                items.append(self.mapping(indent + 2, None, rest))
        if self.at < len(lines) and lines[self.at].startswith(" " * (indent + 1)):
            raise _Decline
        return items

    def clause(self, indent: int) -> dict[str, Any] | None:
        """A clause matched whole at the current line, or None to read it line by line."""
        if indent > _DEEPEST_PATTERN:
            return None
        start = self.start_of(self.at) + indent
        match = _clause_at(indent).match(self.text, start)
        if match is None:
            return None
        key_indent = indent + 2
        clause_id, kind, label_quoted, label_dotted, label, heading_quoted, heading, text, line, leaf = (
            match.groups()
        )
        data: dict[str, Any] = {}
        try:
            data["id"] = _one_line(clause_id) if clause_id[0] in _RESOLVED_FIRST else clause_id
            if kind is not None:
                data["kind"] = kind
            if label_quoted is not None:
                data["label"] = label_quoted
            elif label_dotted is not None:
                data["label"] = label_dotted
            else:
                data["label"] = _scalar(label, key_indent) if "\n" in label else _one_line(label)
            if heading_quoted is not None:
                data["heading"] = heading_quoted
            else:
                data["heading"] = _scalar(heading, key_indent) if "\n" in heading else _one_line(heading)
            data["text"] = _scalar(text, key_indent) if "\n" in text else _one_line(text)
        except _Decline:
            return None
        if line is not None:
            data["source_line"] = int(line)
        self.where.items[id(data)] = self.at + 1
        self.at += self.text.count("\n", start, match.end())
        data["children"] = [] if leaf else self.nested(key_indent, "children")
        return data

    def value(self, first: str, indent: int) -> Any:
        """The scalar after "key: " (or "- ") standing at `indent`, with its further lines."""
        lines = self.lines
        deeper = " " * (indent + 1)
        more: list[str] = []
        while self.at < len(lines) and (lines[self.at].startswith(deeper) or not lines[self.at]):
            more.append(lines[self.at])
            self.at += 1
        return _scalar("\n".join([first, *more]) if more else first, indent)


def _scalar(raw: str, indent: int) -> Any:
    """A scalar from its lines as written: the first after "key: " or "- ", the further
    ones blank or deeper than `indent`."""
    if "\n" not in raw:
        return _one_line(raw)
    start = raw[0]
    if start == "|":
        first, *more = raw.split("\n")
        if first == "|-":
            return _literal(more, indent)
        if len(first) == 3 and first[1] in "123456789" and first[2] == "-":
            return _literal(more, indent, indent + int(first[1]))
        raise _Decline
    if start == "'":
        folded = _single_quoted_lines(raw)
        return _quoted(raw) if folded is None else folded
    if start == '"':
        return _quoted(raw)
    if "\n\n" in raw or raw.endswith("\n") or " \n" in raw:
        raise _Decline  # a blank line, or a space before a line break: left to YAML
    return _one_line(_FOLD.sub(" ", raw))  # a line break between words reads as a space


def _single_quoted_lines(raw: str) -> str | None:
    """A single-quoted scalar over several lines with no blank line, folded as `_quoted`
    folds it (each line break and the spaces around it read as one space, '' as '), or None
    for `_quoted` to read. Most clause texts are written so: `_quoted` took 16 ms of a
    10,000-clause load, character run by character run; this takes 1-2 ms."""
    inner = raw[1:-1]
    if len(raw) < 2 or raw[-1] != "'" or _SEPARATORS[0] in inner or _SEPARATORS[1] in inner:
        return None
    if "'" in inner and "'" in inner.replace("''", ""):
        return None  # a quote that ends the scalar early
    parts = inner.split("\n")
    last = len(parts) - 1
    if not last:
        return None
    folded = [parts[0].rstrip(" ")]
    for k in range(1, last):
        part = parts[k].strip(" ")
        if not part:
            return None  # a blank line reads as a line break
        folded.append(part)
    end = parts[last].lstrip(" ")
    if not end:
        return None  # a line break right before the closing quote
    folded.append(end)
    text = " ".join(folded)
    return text.replace("''", "'") if "''" in text else text


def _one_line(value: str) -> Any:
    """A single-quoted or plain scalar on one line (or folded onto one)."""
    first = value[:1]
    if first == "'":
        inner = value[1:-1]
        if len(value) > 1 and value[-1] == "'" and inner.isprintable():
            if "'" not in inner:
                return inner  # most quoted values: a label ('2.1'), an empty heading ('')
            if "'" not in inner.replace("''", ""):
                return inner.replace("''", "'")
        return _quoted(value)
    if first == '"':
        return _quoted(value)
    if value == "[]":
        return []
    # a plain scalar: no comment, no ": " and nothing at the end that YAML would strip or read as a key
    if not first or first in _NOT_PLAIN_FIRST or ": " in value or " #" in value or value[-1] in ": ":
        raise _Decline
    if first in "-?:" and value[1:2] in ("", " "):
        raise _Decline
    if _SEPARATORS[0] in value or _SEPARATORS[1] in value:
        raise _Decline
    if first not in _RESOLVED_FIRST:
        return value  # a string, whatever follows (plain_tag's first test)
    if first in _WORD_FIRST and value not in _WORD_TAGS:
        return value  # "The ...", "Our ...": no boolean or null (plain_tag's second)
    if value.startswith(("---", "...")):
        raise _Decline
    return _resolved(value)


def _literal(more: list[str], indent: int, depth: int | None = None) -> str:
    """A `|-` block: lines at the first line's indentation (or at `depth`, the key's
    indentation plus the block's indentation indicator), blank lines kept."""
    if depth is None:
        if not more or not more[0].strip(" "):
            raise _Decline
        depth = len(more[0]) - len(more[0].lstrip(" "))
    if depth <= indent or not any(more) or any(c in line for line in more for c in _SEPARATORS):
        raise _Decline
    pad = " " * depth
    body: list[str] = []
    for line in more:
        if line == "":
            body.append("")
        elif line.endswith(" ") or not line.startswith(pad):
            raise _Decline
        else:
            body.append(line[depth:])
    while body and body[-1] == "":
        body.pop()
    return "\n".join(body)


# The escapes libyaml's emitter writes in double-quoted scalars.
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_HEX = frozenset("0123456789abcdefABCDEF")


#: Where a quoted scalar's plain run of characters ends: a quote, a backslash, a line break.
_QUOTED_STOP = re.compile("['\"\\\\\n\u2028\u2029]")
_LINE_BREAKS = "\n\u2028\u2029"


def _quoted(raw: str) -> str:
    """A single- or double-quoted scalar over one or more lines, folded as YAML folds it
    (PyYAML's scan_flow_scalar): a line break reads as a space, each blank line as a line
    break, a backslash at the end of a line joins the lines; nothing may follow the quote.
    Spaces before a line break are dropped, all others kept."""
    double = raw[0] == '"'
    quote = raw[0]
    chunks: list[str] = []
    at = 1
    stop = _QUOTED_STOP.search
    while True:
        found = stop(raw, at)
        if found is None:
            raise _Decline  # no closing quote
        run = found.start()
        char = raw[run]
        if char in _LINE_BREAKS:
            chunks.append(raw[at:run].rstrip(" "))
            breaks: list[str] = []
            at = _after_breaks(raw, run + 1, breaks)
            if char != "\n":
                chunks.append(char)  # LS and PS are kept, a plain break folds
            elif not breaks:
                chunks.append(" ")
            chunks.extend(breaks)
            continue
        chunks.append(raw[at:run])
        at = run
        if char == quote:
            if not double and raw.startswith("''", at):
                chunks.append("'")
                at += 2
                continue
            if raw[at + 1 :]:
                raise _Decline  # something after the closing quote
            return "".join(chunks)
        if char in "'\"" or not double:  # the other quote, or a backslash between single quotes
            chunks.append(char)
            at += 1
            continue
        code = raw[at + 1 : at + 2]  # a backslash escape in double quotes
        if code in _ESCAPES:
            chunks.append(_ESCAPES[code])
            at += 2
        elif code in _HEX_ESCAPES:
            digits = raw[at + 2 : at + 2 + _HEX_ESCAPES[code]]
            if len(digits) != _HEX_ESCAPES[code] or not _HEX.issuperset(digits):
                raise _Decline
            chunks.append(chr(int(digits, 16)))
            at += 2 + len(digits)
        elif code == "\n":  # an escaped line break: the lines join with nothing between
            at = _after_breaks(raw, at + 2, chunks)
        else:
            raise _Decline


def _after_breaks(raw: str, at: int, breaks: list[str]) -> int:
    """Skip the indentation after a line break; each blank line adds a line break."""
    while True:
        while at < len(raw) and raw[at] == " ":
            at += 1
        if at < len(raw) and raw[at] in "\n\u2028\u2029":
            breaks.append(raw[at])
            at += 1
        else:
            return at
