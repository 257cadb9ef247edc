"""Breaks, tabs, hyphens and symbols in Word paragraphs: read as Word shows them, once.

A line break (Shift+Enter, w:cr, or a page or column break) starts a further line of the
clause's text, the model's "\\n" between paragraphs, both in any Word document and in one
PlutoEditor exported (clause bookmarks) and a Word user then edited.
"""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml

from plutoeditor.export.docx_writer import export_docx
from plutoeditor.importers.docx import import_docx
from plutoeditor.importers.docx_characters import UNKNOWN_SYMBOL, symbol
from plutoeditor.model.notation import format_tree, parse_tree
from tests.importers.test_docx_reading import W_NS, make_docx, p_xml, r

SHOP = "[1] Who we are |\n  [1.1] Acme runs the shop.\n[2] Your rights |"


def edited_in_word(tmp_path, runs: str, name: str = "edited.docx"):
    """SHOP exported by PlutoEditor, then `runs` typed at the end of clause 1.1 in Word."""
    policy = parse_tree(SHOP)
    path = tmp_path / name
    export_docx(policy, path)
    document = docx.Document(str(path))
    shop = next(p for p in document.paragraphs if "Acme runs the shop." in p.text)
    for run in parse_xml(f"<w:body {W_NS}>{runs}</w:body>"):
        shop._p.append(run)
    document.save(str(path))
    return policy, import_docx(path)


def test_a_soft_line_break_typed_in_an_exported_clause_gives_a_second_line_once(tmp_path):
    policy, back = edited_in_word(tmp_path, "<w:r><w:br/></w:r>" + r("Second line."))
    assert [c.id for c in back.walk()] == [c.id for c in policy.walk()]
    assert back.clauses[0].children[0].text == "Acme runs the shop.\nSecond line."
    assert format_tree(back).count("Second line.") == 1
    assert [c.label for c in back.walk()] == ["1", "1.1", "2"]


def test_several_breaks_and_a_note_after_them_stay_with_the_clause(tmp_path):
    footnote_run = f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>'
    runs = "<w:r><w:br/></w:r>" + r("Open daily.") + "<w:r><w:br/><w:br/></w:r>" + r("Closed in August.")
    policy, back = edited_in_word(tmp_path, runs + footnote_run.replace(f" {W_NS}", ""))
    shop = back.clauses[0].children[0]
    # The exported document has no footnotes part, so the note's text is empty: its mark stays.
    assert shop.text == "Acme runs the shop.\nOpen daily.\nClosed in August.[1]\n[1]"
    assert [c.label for c in back.walk()] == ["1", "1.1", "2"]


# (runs after "Acme runs the shop.", the clause's text read back) on both paths
BR, PAGE, COLUMN = (
    "<w:r><w:br/></w:r>",
    '<w:r><w:br w:type="page"/></w:r>',
    '<w:r><w:br w:type="column"/></w:r>',
)
WRAP = '<w:r><w:br w:type="textWrapping"/></w:r>'
SHOP_TEXT = "Acme runs the shop."
CHARACTERS = {
    "soft break": (BR + r("Second line."), f"{SHOP_TEXT}\nSecond line."),
    "text wrapping break": (WRAP + r("Wrapped."), f"{SHOP_TEXT}\nWrapped."),
    "carriage return": ("<w:r><w:cr/><w:t>Second line.</w:t></w:r>", f"{SHOP_TEXT}\nSecond line."),
    "page break": (PAGE + r("Next page."), f"{SHOP_TEXT}\nNext page."),
    "column break": (COLUMN + r("Next column."), f"{SHOP_TEXT}\nNext column."),
    "break at the end": (BR, SHOP_TEXT),
    "non-breaking hyphen": (r(" Open 9") + "<w:r><w:noBreakHyphen/></w:r>" + r("5"), f"{SHOP_TEXT} Open 9-5"),
    "soft hyphen": (r(" Self") + "<w:r><w:softHyphen/></w:r>" + r("service."), f"{SHOP_TEXT} Selfservice."),
    "symbol": (
        r(" Ages ") + '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>' + r("18 ")
        + '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
        f"{SHOP_TEXT} Ages \u226518 \u2713",
    ),
    "unicode symbol": (
        r(" Section ") + '<w:r><w:sym w:font="Arial" w:char="00A7"/></w:r>' + r("4."),
        f"{SHOP_TEXT} Section \u00a74.",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", CHARACTERS)
def test_characters_read_as_word_shows_them_in_an_exported_and_edited_clause(tmp_path, case):
    runs, expected = CHARACTERS[case]
    _, back = edited_in_word(tmp_path, runs)
    assert [c.text for c in back.walk()] == ["", expected, ""]


@pytest.mark.parametrize("case", CHARACTERS)
def test_characters_read_the_same_in_a_document_without_bookmarks(tmp_path, case):
    runs, expected = CHARACTERS[case]
    body = [p_xml(r("1 Who we are")), p_xml(r("1.1 Acme runs the shop.") + runs), p_xml(r("2 Your rights"))]
    policy = import_docx(make_docx(tmp_path / "plain.docx", body))
    shop = policy.find(next(c.id for c in policy.walk() if c.label == "1.1"))
    assert shop is not None and shop.text == expected


def test_a_tab_is_kept_in_an_exported_clause_and_a_space_in_other_documents(tmp_path):
    """The exporter writes a tab in a clause's text as w:tab, so it comes back; in any other
    document a tab only aligns what follows, and reads as a space."""
    runs = r(" Hours:") + "<w:r><w:tab/></w:r>" + r("9 to 5.")
    _, back = edited_in_word(tmp_path, runs)
    assert back.clauses[0].children[0].text == "Acme runs the shop. Hours:\t9 to 5."
    body = [p_xml(r("1 Acme runs the shop.") + runs)]
    assert (
        import_docx(make_docx(tmp_path / "plain.docx", body)).clauses[0].text
        == "Acme runs the shop. Hours: 9 to 5."
    )


def test_a_soft_break_in_an_exported_heading_reads_as_a_space(tmp_path):
    policy = parse_tree("[1] Who we are |\n  [1.1] Acme runs the shop.")
    path = tmp_path / "heading.docx"
    export_docx(policy, path)
    document = docx.Document(str(path))
    heading = next(p for p in document.paragraphs if p.text.endswith("Who we are"))
    heading._p.append(parse_xml(f"<w:r {W_NS}><w:br/><w:t>and what we do</w:t></w:r>"))
    document.save(str(path))
    back = import_docx(path)
    assert [c.heading for c in back.walk()] == ["Who we are and what we do", ""]
    assert [c.id for c in back.walk()] == [c.id for c in policy.walk()]


@pytest.mark.parametrize(
    ("font", "char", "shown"),
    [
        ("Symbol", "F0B7", "\u2022"),
        ("Symbol", "F0D3", "\u00a9"),
        ("Symbol", "F061", "\u03b1"),
        ("symbol", "F06A", "\u03d5"),
        ("Wingdings", "F0FE", "\u2611"),
        ("Wingdings", "F021", UNKNOWN_SYMBOL),
        ("Marlett", "F061", UNKNOWN_SYMBOL),
        ("Arial", "2022", "\u2022"),
        ("Arial", "zz", UNKNOWN_SYMBOL),
        ("Arial", "D800", UNKNOWN_SYMBOL),
    ],
)
def test_symbols_map_to_the_character_their_font_shows(font, char, shown):
    assert symbol(font, char) == shown


def test_a_label_typed_after_a_soft_break_starts_a_clause_as_in_a_text_file(tmp_path):
    """Without bookmarks only the typed labels say where clauses are, so "(a)" after a soft
    break is read as on a line of its own; in an exported document the bookmarks decide."""
    br = "<w:r><w:br/></w:r>"
    runs = br + r("(a) keep it safe;") + br + r("(b) delete it when asked.")
    body = [p_xml(r("1 We promise to:") + runs)]
    policy = import_docx(make_docx(tmp_path / "plain.docx", body))
    assert format_tree(policy).splitlines() == [
        "[1] We promise to:",
        "  [(a)] keep it safe;",
        "  [(b)] delete it when asked.",
    ]
    _, back = edited_in_word(tmp_path, runs)
    assert (
        back.clauses[0].children[0].text
        == "Acme runs the shop.\n(a) keep it safe;\n(b) delete it when asked."
    )
