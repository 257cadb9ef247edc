"""A clause's heading is typed in place in the Document view, as its text is: a click on it,
or the arrows from the text below, put the cursor there; typing is one undo step; Enter goes
on into the clause's text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from plutoeditor.model import Clause, Metadata, Policy

Key = Qt.Key


def _window(show_policy):
    policy = Policy(
        Metadata(title="Cookie Notice"),
        [
            Clause(label="1", heading="Cookies", text="We use them.", id="s1", children=[
                Clause(label="1.1", text="Some are needed.", id="c11"),
            ]),
        ],
    )  # fmt: skip
    window = show_policy(policy, keyboard_in_document=True)
    return window, window.document_view


def _heading_point(view, clause_id: str) -> QPoint:
    row = view.rows.row_of(clause_id)
    layout = view.layout_of(row)
    top = view.row_top(row) - view.verticalScrollBar().value()
    width = layout.heading.size().width() if layout.heading is not None else 0
    return QPoint(int(view._text_left + layout.column + width + 20), int(top + layout.heading_y + 6))


def test_clicking_a_heading_types_into_it_as_one_undo_step(show_policy, qtbot):
    window, view = _window(show_policy)
    document = window.document
    assert view.show_clause("c11", 0)  # the cursor elsewhere, then a click on "1 Cookies"
    QApplication.processEvents()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_heading_point(view, "s1"))
    assert view.current_clause().id == "s1" and view.field == "heading"
    assert view.cursor_position() == len("Cookies")  # the click was right of its end
    qtbot.keyClicks(view.editor, " and pixels")
    assert document.policy.find("s1").heading == "Cookies and pixels"
    assert document.policy.find("s1").text == "We use them."
    assert document.undo_stack.count() == 1
    view.grab()  # the heading is drawn by the editor, not twice
    qtbot.keyClick(view.editor, Key.Key_Return)  # on into the clause's own text
    assert view.field == "text" and view.current_clause().id == "s1" and view.cursor_position() == 0
    assert document.policy.find("s1").heading == "Cookies and pixels"  # no line break in it
    document.undo_stack.undo()
    assert document.policy.find("s1").heading == "Cookies"


def test_the_arrows_go_between_a_heading_and_its_text(show_policy, qtbot):
    window, view = _window(show_policy)
    assert view.show_clause("s1", 0)
    QApplication.processEvents()
    qtbot.keyClick(view.editor, Key.Key_Up)  # from the text's first line up into the heading
    assert view.field == "heading" and view.current_clause().id == "s1"
    qtbot.keyClick(view.editor, Key.Key_Down)
    assert view.field == "text"
    qtbot.keyClick(view.editor, Key.Key_Left)  # from the text's start: the heading's end
    assert view.field == "heading" and view.cursor_position() == len("Cookies")
    qtbot.keyClick(view.editor, Key.Key_Backspace)
    assert window.document.policy.find("s1").heading == "Cookie"  # an ordinary Backspace
    qtbot.keyClick(view.editor, Key.Key_Home)
    qtbot.keyClick(view.editor, Key.Key_Backspace)  # at its start: nothing to join
    assert window.document.policy.find("s1").heading == "Cookie"
    qtbot.keyClick(view.editor, Key.Key_Right, Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(view.editor, Key.Key_End)
    qtbot.keyClick(view.editor, Key.Key_Right)  # past its end: the text's start
    assert view.field == "text" and view.cursor_position() == 0
    window.document.undo_stack.undo()
    QApplication.processEvents()
    assert window.document.policy.find("s1").heading == "Cookies"


def test_a_screen_reader_hears_which_field_and_clause_the_cursor_is_in(show_policy, qtbot):
    from tests.ui.test_accessibility import spoken_name

    window, view = _window(show_policy)
    assert view.show_clause("c11", 0)
    assert spoken_name(view.editor) == "Document text"
    assert "1.1" in view.editor.accessibleDescription()
    view.edit_heading(window.document.policy.find("s1"), 0)
    assert spoken_name(view.editor) == "Clause heading"
    assert view.editor.accessibleDescription() == "Clause 1 Cookies"
    assert spoken_name(view) == "Document"


def test_a_definitions_term_stays_drawn_while_the_cursor_is_in_its_meaning(show_policy, qtbot):
    from plutoeditor.model import ClauseKind

    policy = Policy(Metadata(title="Terms"), [
        Clause(heading="Cookies", kind=ClauseKind.DEFINITION, text="small files kept by a browser.", id="d1"),
        Clause(label="1", text="We use Cookies.", id="c1"),
    ])  # fmt: skip
    window = show_policy(policy)
    view = window.document_view
    assert view.show_clause("d1", 3)
    QApplication.processEvents()
    indent = int(view.editor.document().begin().blockFormat().textIndent())
    assert indent > 20  # room for "Cookies:" on the first line
    image = view.editor.grab().toImage()
    dark = sum(1 for x in range(indent - 4) for y in range(14) if image.pixelColor(x, y).lightness() < 100)
    assert dark > 20  # the term is drawn there, not covered by the editor


def test_an_empty_clause_asks_for_its_text_only_while_the_keyboard_is_in_the_document(show_policy, qtbot):
    window, view = _window(show_policy)
    assert view.editor.hasFocus() and view.editor.placeholderText() == "Type the clause's text"
    window.outline.setFocus()
    QApplication.processEvents()
    assert view.editor.placeholderText() == ""  # the page as it is published


def test_the_page_does_not_move_when_the_cursor_leaves_a_heading(show_policy, qtbot):
    first = Clause(label="1.1", text="We use.", id="c11")
    second = Clause(label="2.1", text="Write.", id="c21")
    policy = Policy(Metadata(title="Headings"), [
        Clause(label="1", heading="Cookies", id="s1", children=[first]),
        Clause(label="2", heading="Contact", id="s2", children=[second]),
    ])  # fmt: skip
    window = show_policy(policy)
    view = window.document_view
    assert view.current_clause().id == "s1" and view.field == "heading"  # a heading: in it
    top = view.row_top(view.rows.row_of("c21"))
    assert view.show_clause("c11", 0)
    QApplication.processEvents()
    assert view.row_top(view.rows.row_of("c21")) == top  # no line for text it does not have
    qtbot.keyClick(view.editor, Key.Key_Up)
    assert view.current_clause().id == "s1" and view.field == "heading"
