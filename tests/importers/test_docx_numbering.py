"""Word automatic numbering: the labels Word displays, computed from numbering.xml.

Each fixture writes its own numbering definitions; the expected labels are what Word (and
LibreOffice) show for them.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from plutoeditor.importers.docx import import_docx, read_word_document
from plutoeditor.importers.docx_numbering import format_number, to_letters, to_roman
from tests.importers.test_docx_reading import W_NS, make_docx, num_ppr, p_xml, r


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


LEGAL = abstract(
    1,
    lvl(0, "decimal", "%1."),
    lvl(1, "decimal", "%1.%2"),
    lvl(2, "decimal", "%1.%2.%3"),
    lvl(3, "lowerLetter", "(%4)"),
    lvl(4, "lowerRoman", "(%5)"),
)


def item(text: str, nid: int, ilvl: int) -> str:
    return p_xml(r(text), num_ppr(nid, ilvl))


def labels(path) -> list[str | None]:
    return [p.auto_label for p in read_word_document(path).paragraphs]


def test_multilevel_decimal_labels_and_the_clause_tree(tmp_path):
    body = [
        item("Introduction", 1, 0),
        item("This policy applies to customers.", 1, 1),
        item("We collect:", 1, 1),
        item("your name;", 1, 2),
        item("your email address.", 1, 2),
        item("Sharing", 1, 0),
        item("We share with couriers.", 1, 1),
    ]
    path = make_docx(tmp_path / "multi.docx", body, LEGAL + num(1, 1))
    assert labels(path) == ["1.", "1.1", "1.2", "1.2.1", "1.2.2", "2.", "2.1"]
    policy = import_docx(path)
    assert [("  " * depth) + c.label for c, depth in policy.walk_with_depth()] == [
        "1.",
        "  1.1",
        "  1.2",
        "    1.2.1",
        "    1.2.2",
        "2.",
        "  2.1",
    ]
    assert policy.clauses[0].children[1].children[0].text == "your name;"


def test_letters_and_roman_numerals(tmp_path):
    body = [
        item("Scope", 1, 0),
        *[item(f"purpose {i}", 1, 3) for i in range(1, 4)],
        item("detail one", 1, 4),
        item("detail two", 1, 4),
        item("detail three", 1, 4),
        item("detail four", 1, 4),
    ]
    path = make_docx(tmp_path / "letters.docx", body, LEGAL + num(1, 1))
    assert labels(path) == ["1.", "(a)", "(b)", "(c)", "(i)", "(ii)", "(iii)", "(iv)"]
    upper = abstract(2, lvl(0, "upperLetter", "%1."), lvl(1, "upperRoman", "%2)"))
    body = [item("first", 2, 0), item("sub", 2, 1), item("sub", 2, 1), item("second", 2, 0)]
    path = make_docx(tmp_path / "upper.docx", body, upper + num(2, 2))
    assert labels(path) == ["A.", "I)", "II)", "B."]


def test_number_formats():
    assert [to_letters(n) for n in (1, 26, 27, 28, 53)] == ["a", "z", "aa", "bb", "aaa"]
    assert [to_roman(n) for n in (4, 9, 14, 40, 1994)] == ["iv", "ix", "xiv", "xl", "mcmxciv"]
    assert format_number(3, "decimalZero") == "03"
    assert format_number(2, "ordinal") == "2nd"
    assert format_number(7, "someFutureFormat") == "7"
    assert format_number(10**11, "upperRoman") == str(10**11)  # a hostile start value stays small


def test_start_values(tmp_path):
    defs = abstract(3, lvl(0, "decimal", "%1.", start=5), lvl(1, "lowerLetter", "%2)", start=3))
    body = [item("five", 3, 0), item("c", 3, 1), item("d", 3, 1), item("six", 3, 0), item("c again", 3, 1)]
    path = make_docx(tmp_path / "start.docx", body, defs + num(3, 3))
    assert labels(path) == ["5.", "c)", "d)", "6.", "c)"]


def test_lvl_restart_zero_keeps_counting_across_higher_levels(tmp_path):
    defs = abstract(
        4,
        lvl(0, "upperRoman", "Part %1"),
        lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
    )
    body = [item("Part", 4, 0), item("a", 4, 1), item("b", 4, 1), item("Part", 4, 0), item("c", 4, 1)]
    path = make_docx(tmp_path / "restart.docx", body, defs + num(4, 4))
    assert labels(path) == ["Part I", "1.", "2.", "Part II", "3."]


def test_instances_share_counters_unless_a_start_override_restarts_them(tmp_path):
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    defs = abstract(5, lvl(0, "decimal", "%1.")) + num(10, 5) + num(11, 5) + num(12, 5, restart)
    body = [item("a", 10, 0), item("b", 10, 0), item("c", 11, 0), item("new list", 12, 0), item("x", 12, 0)]
    path = make_docx(tmp_path / "shared.docx", body, defs)
    assert labels(path) == ["1.", "2.", "3.", "1.", "2."]


def test_level_override_replaces_a_level_and_start_override_sets_its_start(tmp_path):
    override = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride>'
        '<w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1-%2"/></w:lvl></w:lvlOverride>'
    )
    defs = LEGAL + num(1, 1) + num(2, 1, override)
    body = [item("one", 1, 0), item("one.one", 1, 1), item("four", 2, 0), item("four-A", 2, 1)]
    path = make_docx(tmp_path / "override.docx", body, defs)
    assert labels(path) == ["1.", "1.1", "4.", "4-A"]


def test_numbering_inherited_from_paragraph_styles(tmp_path):
    def setup(document):
        styles = document.styles
        for name, ilvl, base in (
            ("Clause Level 1", 0, None),
            ("Clause Level 2", 1, None),
            ("Clause Sub", None, "Clause Level 2"),
        ):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            if base:
                style.base_style = styles[base]
            else:
                ppr = style.element.get_or_add_pPr()
                ppr.append(
                    parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="7"/></w:numPr>')
                )

    body = [
        p_xml(r("Definitions"), '<w:pStyle w:val="ClauseLevel1"/>'),
        p_xml(r("Words have meanings."), '<w:pStyle w:val="ClauseLevel2"/>'),
        p_xml(r("Inherited through basedOn."), '<w:pStyle w:val="ClauseSub"/>'),
        p_xml(r("Numbering switched off here."), '<w:pStyle w:val="ClauseLevel2"/>' + num_ppr(0, 0)),
        p_xml(r("Direct level wins."), num_ppr(7, 0, style="ClauseSub")),
    ]
    path = make_docx(
        tmp_path / "styles.docx",
        body,
        LEGAL.replace('abstractNumId="1"', 'abstractNumId="6"') + num(7, 6),
        setup=setup,
    )
    assert labels(path) == ["1.", "1.1", "1.2", None, "2."]


def test_a_style_numbering_without_a_level_is_level_one(tmp_path):
    def setup(document):
        style = document.styles.add_style("Schedule Item", WD_STYLE_TYPE.PARAGRAPH)
        style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {W_NS}><w:numId w:val="8"/></w:numPr>'))

    defs = abstract(8, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "(%2)"))
    body = [item("top", 8, 0), p_xml(r("styled"), '<w:pStyle w:val="ScheduleItem"/>'), item("sub", 8, 1)]
    path = make_docx(tmp_path / "nolevel.docx", body, defs + num(8, 8), setup=setup)
    assert labels(path) == ["1.", "2.", "(a)"]


def test_a_list_defined_through_a_numbering_style(tmp_path):
    """Word's "list styles": one abstract list links to a numbering style that names the
    instance whose abstract list holds the levels (numStyleLink -> style -> num -> styleLink)."""

    def setup(document):
        styles = document.styles.element
        styles.append(
            parse_xml(
                f'<w:style {W_NS} w:type="numbering" w:styleId="PolicyList"><w:name w:val="Policy List"/>'
                '<w:pPr><w:numPr><w:numId w:val="21"/></w:numPr></w:pPr></w:style>'
            )
        )

    defs = (
        '<w:abstractNum w:abstractNumId="20"><w:numStyleLink w:val="PolicyList"/></w:abstractNum>'
        + abstract(21, lvl(0, "upperLetter", "%1."), lvl(1, "decimal", "%1.%2")).replace(
            '<w:lvl w:ilvl="0">', '<w:styleLink w:val="PolicyList"/><w:lvl w:ilvl="0">', 1
        )
        + num(20, 20)
        + num(21, 21)
    )
    body = [item("first", 20, 0), item("sub", 20, 1), item("second", 20, 0)]
    path = make_docx(tmp_path / "liststyle.docx", body, defs, setup=setup)
    assert labels(path) == ["A.", "A.1", "B."]


def test_is_lgl_shows_higher_levels_as_decimal(tmp_path):
    defs = abstract(9, lvl(0, "upperRoman", "Article %1"), lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"))
    body = [item("first", 9, 0), item("second", 9, 0), item("sub", 9, 1)]
    path = make_docx(tmp_path / "legal.docx", body, defs + num(9, 9))
    assert labels(path) == ["Article I", "Article II", "2.1"]


def test_a_numbered_paragraph_deleted_with_tracked_changes_does_not_count(tmp_path):
    deleted = p_xml(
        '<w:del w:id="1" w:author="Ann"><w:r><w:delText>Old clause</w:delText></w:r></w:del>',
        num_ppr(1, 1) + '<w:rPr><w:del w:id="2" w:author="Ann"/></w:rPr>',
    )
    body = [item("first", 1, 1), deleted, item("second", 1, 1), item("third", 1, 1)]
    path = make_docx(tmp_path / "deleted.docx", body, LEGAL + num(1, 1))
    assert [(p.auto_label, p.text) for p in read_word_document(path).paragraphs] == [
        ("1.1", "first"),  # an unused higher level shows its start value, as in LibreOffice
        ("1.2", "second"),
        ("1.3", "third"),
    ]


def test_bullets_are_unnumbered_list_items(tmp_path):
    defs = abstract(11, lvl(0, "bullet", "\u2022")) + num(11, 11) + LEGAL + num(1, 1)
    body = [item("We collect:", 1, 0), item("names", 11, 0), item("emails", 11, 0), item("We share", 1, 0)]
    path = make_docx(tmp_path / "bullets.docx", body, defs)
    paragraphs = read_word_document(path).paragraphs
    assert [p.auto_label for p in paragraphs] == ["1.", None, None, "2."]
    assert [p.is_bullet for p in paragraphs] == [False, True, True, False]
    assert [c.label for c in import_docx(path).walk()] == ["1.", "", "", "2."]


def test_unknown_instance_and_missing_numbering_part_are_unnumbered(tmp_path):
    body = [item("1.1 Typed label kept as written", 99, 0)]
    path = make_docx(tmp_path / "unknown.docx", body, LEGAL + num(1, 1))
    assert labels(path) == [None]
    assert [c.label for c in import_docx(path).walk()] == ["1.1"]


def _numbered_styles(document, *styles: tuple[str, str | None, str | None, int | None]) -> None:
    """Paragraph styles (name, basedOn, numId, ilvl); numPr holds only what is given."""
    for name, base, num_id, ilvl in styles:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base:
            style.base_style = document.styles[base]
        inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
            f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        )
        if inner:
            style.element.get_or_add_pPr().append(parse_xml(f"<w:numPr {W_NS}>{inner}</w:numPr>"))


def test_the_list_from_a_base_style_and_the_level_from_the_derived_style(tmp_path):
    """Article styles: the base names the list, each derived style only its level; Word and
    LibreOffice combine the two, so Article 2 sits under Article 1 as 1.1."""

    def setup(document):
        _numbered_styles(
            document, ("Article Base", None, "3", None), ("Article 1", "Article Base", None, 0),
            ("Article 2", "Article Base", None, 1),
        )  # fmt: skip

    defs = abstract(3, lvl(0, "decimal", "Article %1."), lvl(1, "decimal", "%1.%2")) + num(3, 3)
    body = [
        p_xml(r("Term"), '<w:pStyle w:val="Article1"/>'),
        p_xml(r("This agreement starts today."), '<w:pStyle w:val="Article2"/>'),
        p_xml(r("It lasts a year."), '<w:pStyle w:val="Article2"/>'),
        p_xml(r("Fees"), '<w:pStyle w:val="Article1"/>'),
        p_xml(r("Fees are due monthly."), '<w:pStyle w:val="Article2"/>'),
    ]
    path = make_docx(tmp_path / "article.docx", body, defs, setup=setup)
    assert labels(path) == ["Article 1.", "1.1", "1.2", "Article 2.", "2.1"]
    assert [p.list_level for p in read_word_document(path).paragraphs] == [0, 1, 1, 0, 1]


def test_restart_at_one_through_another_instance_then_the_styles_list_counts_on(tmp_path):
    """Word's "Restart at 1" on a style-numbered list: only the first item of the new list
    names a second instance with a start override; the items after it use the style's
    instance again and count on from the restart (1, 2, 3 -- not 1, 4, 5)."""

    def setup(document):
        _numbered_styles(document, ("Checklist", None, "1", None))

    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    defs = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1) + num(2, 1, restart)
    styled = '<w:pStyle w:val="Checklist"/>'
    body = [
        p_xml(r("Sign the contract."), styled),
        p_xml(r("Return the form."), styled),
        p_xml(r("Sign the agreement."), num_ppr(2, 0, style="Checklist")),
        p_xml(r("Send the insurance."), styled),
        p_xml(r("Take the course."), styled),
    ]
    path = make_docx(tmp_path / "restart-at-one.docx", body, defs, setup=setup)
    assert labels(path) == ["1.", "2.", "1.", "2.", "3."]


def test_a_nested_list_instance_that_overrides_every_level_leaves_the_outer_count(tmp_path):
    """pandoc writes each list as its own instance with a start override on every level; a
    list nested in item 1 restarts only its own level, so the outer list goes on with 2."""
    every = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>' for i in range(9)
    )
    defs = LEGAL + num(1, 1, every) + num(2, 1, every)
    body = [
        item("outer one", 1, 0),
        item("inner one", 2, 1),
        item("inner two", 2, 1),
        item("outer two", 1, 0),
    ]
    path = make_docx(tmp_path / "nested.docx", body, defs)
    assert labels(path) == ["1.", "1.1", "1.2", "2."]
