"""The Document view: the whole policy as a page, edited in place with the keys of a word
processor, every edit one step on the undo stack, in step with the outline and findings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtWidgets import QApplication

from plutoeditor.model import Clause, Metadata, Policy

Key = Qt.Key


def _policy() -> Policy:
    return Policy(
        Metadata(title="Cookie Notice"),
        [
            Clause(
                label="1",
                heading="Cookies",
                id="s1",
                children=[
                    Clause(label="1.1", text="We use cookies.", id="c11"),
                    Clause(label="1.2", text="You can turn them off.", id="c12"),
                ],
            ),  # fmt: skip
            Clause(
                label="2",
                heading="Contact",
                id="s2",
                children=[
                    Clause(label="2.1", text="Write to us, see clause 1.9.", id="c21"),
                ],
            ),  # fmt: skip
        ],
    )


@pytest.fixture
def view_window(show_policy):
    return show_policy(_policy())


def _go(window, clause_id: str, position: int | None = None) -> None:
    view = window.document_view
    assert view.show_clause(clause_id, position)
    view.editor.setFocus()
    QApplication.processEvents()


def _texts(policy: Policy) -> list[tuple[str, str, int]]:
    return [(c.label, c.text, d) for c, d in policy.walk_with_depth()]


def test_typing_edits_the_clause_as_one_undo_step(view_window, qtbot):
    view, document = view_window.document_view, view_window.document
    _go(view_window, "c11", len("We use cookies"))
    qtbot.keyClicks(view.editor, " and pixels")
    assert document.policy.find("c11").text == "We use cookies and pixels."
    assert document.undo_stack.count() == 1  # one burst of typing, one step
    pane = view_window.clause_editor.text_edit  # the Clause pane follows when the cursor rests
    qtbot.waitUntil(lambda: pane.toPlainText() == "We use cookies and pixels.", timeout=2000)
    document.undo_stack.undo()
    assert document.policy.find("c11").text == "We use cookies."
    assert view.editor.toPlainText() == "We use cookies."


def test_enter_at_the_end_adds_the_next_clause_at_its_level(view_window, qtbot):
    view, document = view_window.document_view, view_window.document
    _go(view_window, "c11", len("We use cookies."))
    qtbot.keyClick(view.editor, Key.Key_Return)
    qtbot.keyClicks(view.editor, "Some are needed.")
    section = document.policy.find("s1")
    assert [c.text for c in section.children] == [
        "We use cookies.",
        "Some are needed.",
        "You can turn them off.",
    ]
    assert section.children[1].label == "1.2"  # numbered as Word would continue the list
    assert view.current_clause() is section.children[1]
    QApplication.processEvents()  # the outline follows on the next turn, after the repaint
    assert view_window.current_clause() is section.children[1]
    document.undo_stack.undo()  # the typing
    document.undo_stack.undo()  # the new clause
    assert _texts(document.policy) == _texts(_policy())
    QApplication.processEvents()
    assert view.current_clause().id == "c11"  # the cursor is back where Enter was pressed
    assert view.cursor_position() == len("We use cookies.")


def test_enter_inside_a_clause_splits_it_there(view_window, qtbot):
    document = view_window.document
    _go(view_window, "c12", len("You can turn"))
    qtbot.keyClick(view_window.document_view.editor, Key.Key_Return)
    texts = [c.text for c in document.policy.find("s1").children]
    assert texts == ["We use cookies.", "You can turn", "them off."]
    document.undo_stack.undo()
    assert _texts(document.policy) == _texts(_policy())


def test_tab_and_shift_tab_indent_and_outdent(view_window, qtbot):
    view, document = view_window.document_view, view_window.document
    _go(view_window, "c12", 3)
    qtbot.keyClick(view.editor, Key.Key_Tab)
    assert document.policy.find("c12").parent is document.policy.find("c11")
    assert "\t" not in document.policy.find("c12").text
    assert view.cursor_position() == 3 and view.current_clause().id == "c12"
    QApplication.processEvents()
    layout = view.layout_of(view.rows.row_of("c12"))
    assert view.editor.width() == layout.width  # the editor takes the deeper text column
    assert view.editor.x() == int(view._text_left + layout.column)
    qtbot.keyClick(view.editor, Key.Key_Backtab)
    assert document.policy.find("c12").parent is document.policy.find("s1")
    document.undo_stack.undo()
    assert document.policy.find("c12").parent is document.policy.find("c11")
    document.undo_stack.undo()
    assert _texts(document.policy) == _texts(_policy())


def test_backspace_at_the_start_merges_with_the_clause_before(view_window, qtbot):
    view, document = view_window.document_view, view_window.document
    _go(view_window, "c12", 0)
    qtbot.keyClick(view.editor, Key.Key_Backspace)
    section = document.policy.find("s1")
    assert [c.id for c in section.children] == ["c11"]
    assert section.children[0].text == "We use cookies.\nYou can turn them off."
    assert view.current_clause().id == "c11"
    assert view.cursor_position() == len("We use cookies.\n")  # where the merged text begins
    document.undo_stack.undo()
    assert _texts(document.policy) == _texts(_policy())
    assert document.policy.find("c12") is not None


def test_backspace_into_a_heading_keeps_the_sub_clauses(view_window, qtbot):
    document = view_window.document
    _go(view_window, "c21", 0)
    qtbot.keyClick(view_window.document_view.editor, Key.Key_Backspace)
    # 2.1 is the first sub-clause of "2 Contact": its text joins the heading's clause
    assert document.policy.find("s2").text == "Write to us, see clause 1.9."
    assert document.policy.find("c21") is None
    document.undo_stack.undo()
    assert _texts(document.policy) == _texts(_policy())


def test_paste_of_three_paragraphs_makes_three_clauses(view_window, qtbot):
    view, document = view_window.document_view, view_window.document
    _go(view_window, "c12", len("You can turn them off."))
    data = QMimeData()
    data.setText("1.3 We keep them a year.\n1.4 We never sell them.\n1.5 Ask us about them.")
    view.editor.insertFromMimeData(data)
    section = document.policy.find("s1")
    assert [(c.label, c.text) for c in section.children][2:] == [
        ("1.3", "We keep them a year."),
        ("1.4", "We never sell them."),
        ("1.5", "Ask us about them."),
    ]
    assert view.current_clause() is section.children[4]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert _texts(document.policy) == _texts(_policy())


def test_pasting_the_same_paragraphs_twice_gives_each_clause_its_own_id(view_window, qtbot, tmp_path):
    """The importer derives ids from what clauses say: two pastes of the same lines had the
    same ids, and Save and Export then refused the policy ("clause id ... is used twice")."""
    from plutoeditor.formats import native

    view, document = view_window.document_view, view_window.document
    data = QMimeData()
    data.setText("1.3 We keep them a year.\n1.4 We never sell them.")
    for _ in range(2):
        _go(view_window, "c12", len("You can turn them off."))
        view.editor.insertFromMimeData(data)
    texts = [c.text for c in document.policy.walk()]
    assert texts.count("We never sell them.") == 2
    ids = [c.id for c in document.policy.walk()]
    assert len(ids) == len(set(ids))
    document.save(str(tmp_path / "pasted.policy.yaml"))
    assert [c.text for c in native.load(str(tmp_path / "pasted.policy.yaml")).walk()] == texts


def test_the_next_label_continues_the_style():
    from plutoeditor.ui.document.editing import next_label

    assert [next_label(label) for label in ("2.3.9", "6.", "(a)", "iv.", "1A", "")] == [
        "2.3.10", "7.", "(b)", "v.", "", "",
    ]  # fmt: skip
    assert next_label("(i)", before="(h)") == "(j)"  # a letter after (h), else a roman numeral
    assert next_label("(i)") == "(ii)"


def test_a_pasted_date_or_title_line_is_not_lost():
    from plutoeditor.ui.document.editing import pasted_clauses

    clauses = pasted_clauses("Cookies\nLast updated: 1 March 2024\n(a) strictly necessary;")
    assert [(c.label, c.text) for c in clauses] == [
        ("", "Cookies"),
        ("", "Last updated: 1 March 2024"),
        ("(a)", "strictly necessary;"),
    ]


def test_selection_follows_both_ways(view_window, qtbot):
    view, window = view_window.document_view, view_window
    window.select_clause("c21")  # in the outline
    assert view.current_clause().id == "c21"
    assert window.clause_editor.clause.id == "c21"
    window.outline.setFocus()
    qtbot.keyClick(window.outline, Key.Key_Up)  # the clause above 2.1 in the outline: 2
    assert view.current_clause().id == "s2"
    _go(window, "c12", 0)  # in the document
    qtbot.keyClick(view.editor, Key.Key_Up)  # to the clause above
    assert view.current_clause().id == "c11"
    QApplication.processEvents()
    assert window.current_clause().id == "c11"
    assert window.clause_editor.clause.id == "c11"


def test_clicking_a_clause_puts_the_cursor_there(view_window, qtbot):
    view = view_window.document_view
    row = view.rows.row_of("c21")
    layout = view.layout_of(row)
    top = view.row_top(row) - view.verticalScrollBar().value()
    point = QPoint(int(view._text_left + layout.column + 2), int(top + layout.body_y + 4))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.current_clause().id == "c21"
    QApplication.processEvents()
    assert view_window.current_clause().id == "c21"


def test_findings_are_marked_in_the_text_with_their_message(view_window, qtbot):
    view, document = view_window.document_view, view_window.document
    document.refresh_findings()
    broken = [f for f in document.findings if f.code == "broken-reference"]
    assert broken and broken[0].clause_id == "c21"
    clause = document.policy.find("c21")
    assert "1.9" in view.finding_messages(clause)
    _go(view_window, "c21")
    marked = [s for s in view.editor.extraSelections() if s.cursor.hasSelection()]  # type: ignore[attr-defined]
    assert [s.cursor.selectedText() for s in marked] == ["1.9"]  # type: ignore[attr-defined]
    view_window.navigation.show_finding(broken[0])  # F8 / activating it: in the document
    assert view.editor.textCursor().selectedText() == "1.9"
    assert QApplication.focusWidget() is view.editor


def test_every_row_is_laid_out_only_when_shown(show_policy, qtbot):
    """A long policy opens with estimated heights; only what is on screen is measured."""
    policy = Policy(
        Metadata(title="Long"), [Clause(label=str(i), text="Words " * 40) for i in range(1, 3001)]
    )
    window = show_policy(policy)  # the rows are laid out on the turn after the window shows them
    view = window.document_view
    measured = sum(view.rows.is_measured(r) for r in range(len(view.rows)))
    assert 0 < measured < 200
    qtbot.keyClick(view.editor, Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.current_clause() is policy.clauses[-1]
    assert view.editor.isVisible() and 0 <= view.editor.y() < view.viewport().height()


def test_the_view_is_named_for_screen_readers(view_window):
    from tests.ui.test_accessibility import spoken_name

    _go(view_window, "c11")
    assert spoken_name(view_window.document_view.editor) == "Document text"


def test_seed_policy_shows_in_the_document(seed_window, qtbot):
    seed_window.show()
    qtbot.waitExposed(seed_window)
    view = seed_window.document_view
    assert view.current_clause() is seed_window.document.policy.clauses[0]
    image = view.grab()
    assert not image.isNull()


def test_split_from_the_menu_splits_at_the_document_cursor(view_window, qtbot):
    _go(view_window, "c12", len("You can"))
    view_window.actions_["clause.split"].trigger()
    texts = [c.text for c in view_window.document.policy.find("s1").children]
    assert texts == ["We use cookies.", "You can", "turn them off."]


def test_typing_on_the_blank_page_of_a_new_policy_makes_its_first_clause(make_window, qtbot):
    window = make_window()
    window.files.new()
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    view, document = window.document_view, window.document
    assert not document.policy.clauses and view.editor.isVisible()
    view.editor.setFocus()
    qtbot.keyClicks(view.editor, "We collect")
    assert [c.text for c in document.policy.clauses] == ["We collect"]
    assert view.current_clause() is document.policy.clauses[0]
    qtbot.keyClick(view.editor, Key.Key_Return)
    qtbot.keyClicks(view.editor, "We share")
    assert [c.text for c in document.policy.clauses] == ["We collect", "We share"]
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    QApplication.processEvents()
    assert not document.policy.clauses and view.editor.isVisible() and view.editor.toPlainText() == ""


def test_hovering_a_marked_clause_shows_its_findings(view_window, qtbot, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    view, document = view_window.document_view, view_window.document
    document.refresh_findings()
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", staticmethod(lambda pos, text, *a: shown.append(text)))
    row = view.rows.row_of("c21")
    point = QPoint(int(view._text_left + 60), view.row_top(row) - view.verticalScrollBar().value() + 8)
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    )
    assert shown and "1.9" in shown[-1]


def test_a_selection_over_several_clauses_copies_and_deletes_as_one_step(view_window, qtbot):
    view, document = view_window.document_view, view_window.document
    _go(view_window, "c11", len("We use"))
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.editor, Key.Key_Down, shift)  # into 1.2
    qtbot.keyClick(view.editor, Key.Key_Down, shift)  # into "2 Contact"
    qtbot.keyClick(view.editor, Key.Key_Down, shift)  # into 2.1
    assert view.selection.active() and view.current_clause().id == "c21"
    view.editor.set_position(len("Write to"), 0)  # the part of 2.1 selected: "Write to"
    qtbot.keyClick(view.editor, Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert copied == " cookies.\n1.2 You can turn them off.\n2 Contact\n2.1 Write to"  # as published
    view.grab()  # the selected rows are drawn highlighted (no error painting them)
    before = _texts(document.policy)
    qtbot.keyClick(view.editor, Key.Key_Delete)
    assert [(c.label, c.text) for c in document.policy.walk()] == [
        ("1", ""),
        ("1.1", "We use us, see clause 1.9."),
    ]
    assert view.current_clause().id == "c11" and view.cursor_position() == len("We use")
    document.undo_stack.undo()
    assert _texts(document.policy) == before


def test_sub_clauses_after_a_deleted_selection_keep_their_level():
    from plutoeditor.ui.document.editing import DeleteAcross

    policy = _policy()
    contact = policy.clauses[1]
    contact.children.append(Clause(label="2.2", text="Or call.", id="c22"))
    contact.children[-1].parent = contact
    undo = DeleteAcross("c11", 6, "c21", 6).apply(policy)
    assert [(c.label, c.text, d) for c, d in policy.walk_with_depth()] == [
        ("1", "", 0),
        ("1.1", "We useto us, see clause 1.9.", 1),
        ("2.2", "Or call.", 1),
    ]
    undo.apply(policy)
    assert [c.id for c in policy.walk()] == ["s1", "c11", "c12", "s2", "c21", "c22"]


def test_a_big_policy_opened_after_scrolling_down_another_is_laid_out_a_step_at_a_time(
    show_policy, qtbot, monkeypatch
):
    """The window shows a newly opened policy before its rows are all laid out, even when
    the policy shown before was read far down (scrolling back to the top laid out every
    row of the new one at once: 35 ms for 10,000 clauses, the window frozen meanwhile)."""
    from plutoeditor.ui.document.rows import DocumentRows
    from plutoeditor.ui.editor.open_document import Document

    def big(name: str) -> Policy:
        return Policy(
            Metadata(title=name),
            [Clause(label=f"{n}.", text=f"The {name} rule number {n} applies.") for n in range(1, 3001)],
        )

    window = show_policy(big("first"))
    view = window.document_view
    view.current_clause()  # every row of the first policy laid out
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # read far down
    QApplication.processEvents()
    whole: list[int] = []
    rebuild = DocumentRows._rebuild
    monkeypatch.setattr(DocumentRows, "_rebuild", lambda rows: (whole.append(1), rebuild(rows))[1])
    window.set_document(Document(big("second"), unsaved=True))
    assert not whole  # not laid out in one go while the window waits
    QApplication.processEvents()  # the first step of the new rows, the rest a step per turn
    qtbot.waitUntil(lambda: view.rows is not None and not view.rows.building, timeout=10000)
    assert not whole
    assert view.verticalScrollBar().value() == 0
    assert view.current_clause() is window.document.policy.clauses[0]


def test_a_click_on_a_finding_shows_it_and_enter_does_not_edit_the_text(view_window, qtbot):
    """A click on a finding shows its text selected, the keyboard staying in the list: Enter
    then goes there. The keyboard used to follow the click into the text, where the Enter
    that was meant to go to the finding split the clause over the selected "1.9"."""
    window, document = view_window, view_window.document
    document.refresh_findings()
    QApplication.processEvents()
    panel = window.findings_panel
    rows = [panel.proxy.index(r, 0) for r in range(panel.proxy.rowCount())]
    row = next(i for i in rows if panel.model.findings[panel.proxy.mapToSource(i).row()].clause_id == "c21")
    panel.view.setFocus()
    rect = panel.view.visualRect(row)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.document_view
    assert window.current_clause().id == "c21"
    assert view.editor.textCursor().selectedText() == "1.9"
    keyboard_after_click = QApplication.focusWidget()
    qtbot.keyClick(keyboard_after_click, Key.Key_Return)
    assert document.policy.find("c21").text == "Write to us, see clause 1.9."
    assert len(list(document.policy.walk())) == 5
    assert keyboard_after_click is panel.view
    assert QApplication.focusWidget() is view.editor  # Enter went there, the span selected
    assert view.editor.textCursor().selectedText() == "1.9"
