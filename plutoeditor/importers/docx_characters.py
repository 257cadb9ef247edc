"""What Word shows for the parts of a run that are not w:t: breaks, tabs, hyphens, symbols.

Both readers of a paragraph use this one table (`docx_text` for any document,
`docx_clauses` for the clause paragraphs of a PlutoEditor export), so a character reads the
same on both paths:

- a break (w:br of any type, w:cr) is "\n": the text after it starts a new line. In a
  clause that is a new paragraph of its text, as a line break is in a text file; after a
  page or column break the text also starts a new line, on the next page or column.
- a tab (w:tab, w:ptab) is "\t"; the body reader shows it as a space, the clause reader
  keeps it, since it is how the exporter writes a label's tab and a tab in a clause's text.
- a non-breaking hyphen is "-"; a soft (optional) hyphen is nothing, as Word shows it
  except where it hyphenates a line's end.
- a symbol (w:sym) is its Unicode character; the Symbol and Wingdings fonts' private codes
  (F020-F0FF) are mapped where the character is known, else shown as U+FFFD.
"""

from __future__ import annotations

from lxml import etree

from plutoeditor.formats.word_vocabulary import W

_W = f"{{{W}}}"
BREAKS = (_W + "br", _W + "cr")
TABS = (_W + "tab", _W + "ptab")
#: Run content besides w:t that Word shows as text.
CHARACTER_TAGS = (*BREAKS, *TABS, _W + "noBreakHyphen", _W + "softHyphen", _W + "sym")
UNKNOWN_SYMBOL = "\ufffd"

_SYMBOL_ASCII = " !\u2200#\u2203%&\u220b()\u2217+,\u2212./0123456789:;<=>?\u2245"
_SYMBOL_GREEK = "\u0391\u0392\u03a7\u0394\u0395\u03a6\u0393\u0397\u0399\u03d1\u039a\u039b\u039c\u039d\u039f\u03a0\u0398\u03a1\u03a3\u03a4\u03a5\u03c2\u03a9\u039e\u03a8\u0396"  # noqa: E501
_SYMBOL_UPPER = (
    "\u20ac\u03d2\u2032\u2264\u2044\u221e\u0192\u2663\u2666\u2665\u2660\u2194\u2190\u2191\u2192\u2193"
    "\u00b0\u00b1\u2033\u2265\u00d7\u221d\u2202\u2022\u00f7\u2260\u2261\u2248\u2026"
)
#: The Symbol font's codes (Adobe Symbol encoding) for the characters a policy may use.
SYMBOL_FONT: dict[int, str] = {
    **{0x20 + i: ch for i, ch in enumerate(_SYMBOL_ASCII)},
    **{0x41 + i: ch for i, ch in enumerate(_SYMBOL_GREEK)},
    **{0x61 + i: ch for i, ch in enumerate(_SYMBOL_GREEK.lower())},
    0x5B: "[", 0x5C: "\u2234", 0x5D: "]", 0x5E: "\u22a5", 0x5F: "_",
    0x6A: "\u03d5", 0x76: "\u03d6", 0x7B: "{", 0x7C: "|", 0x7D: "}", 0x7E: "\u223c",
    **{0xA0 + i: ch for i, ch in enumerate(_SYMBOL_UPPER)},
    0xD2: "\u00ae", 0xD3: "\u00a9", 0xD4: "\u2122", 0xD6: "\u221a", 0xD7: "\u22c5", 0xD8: "\u00ac",
    0xDB: "\u21d4", 0xDC: "\u21d0", 0xDD: "\u21d1", 0xDE: "\u21d2", 0xDF: "\u21d3",
    0xE2: "\u00ae", 0xE3: "\u00a9", 0xE4: "\u2122",
}  # fmt: skip
#: Wingdings codes seen in policies: ticks, crosses and check boxes.
WINGDINGS_FONT: dict[int, str] = {
    0x6F: "\u25a1", 0x71: "\u2751", 0x78: "\u2327", 0xA7: "\u25aa", 0xA8: "\u25fb", 0xD8: "\u27a2",
    0xFB: "\u2717", 0xFC: "\u2713", 0xFD: "\u2612", 0xFE: "\u2611",
}  # fmt: skip
_FONTS = {"symbol": SYMBOL_FONT, "wingdings": WINGDINGS_FONT}


def shown_character(el: etree._Element) -> str:
    """What Word shows for one of CHARACTER_TAGS (see the module's docstring)."""
    tag = el.tag
    if tag in BREAKS:
        return "\n"
    if tag in TABS:
        return "\t"
    if tag == _W + "noBreakHyphen":
        return "-"
    if tag == _W + "sym":
        return symbol(el.get(_W + "font", ""), el.get(_W + "char", ""))
    return ""  # w:softHyphen


def symbol(font: str, char: str) -> str:
    """The character of a w:sym: its hex code, in a symbol font's private range or Unicode."""
    try:
        code = int(char, 16)
    except ValueError:
        return UNKNOWN_SYMBOL
    if 0xF000 <= code <= 0xF0FF:  # Word's way of naming byte `code - 0xF000` of the font
        return _FONTS.get(font.strip().lower(), {}).get(code - 0xF000, UNKNOWN_SYMBOL)
    if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF and chr(code).isprintable():
        return chr(code)
    return UNKNOWN_SYMBOL


def text_lines(text: str) -> str:
    """Text with soft breaks as lines, each stripped, empty lines left out (as Word shows them)."""
    if "\n" not in text:
        return text
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def one_line(text: str) -> str:
    """Text that is one line (a label, a heading, a term): its breaks read as spaces."""
    return " ".join(line.strip() for line in text.split("\n") if line.strip()) if "\n" in text else text
