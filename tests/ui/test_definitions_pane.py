"""The Definitions pane, the term tooltip and Rename Term in the editor window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QToolTip

from plutoeditor.formats import native
from plutoeditor.importers.text import import_text
from plutoeditor.ui.editor.term_tooltips import definition_at

TEXT = "\n\n".join(
    [
        "Northwind Notice",
        "1 Definitions",
        "1.1 In this Notice, the following definitions are used:",
        "Customer Data: the information a customer gives us in the Portal;",
        "Portal: the website where customers sign in;",
        "2 Using the Portal",
        "2.1 We keep your Customer Data safe in the Portal.",
        "2.2 The Portal shows your Customer Data; the Portal keeps Customer Data safe.",
    ]
)


@pytest.fixture
def opened(window, tmp_path, qtbot):
    path = tmp_path / "notice.policy.yaml"
    native.save(import_text(TEXT), path)
    window.files.open_path(str(path), ask=False)
    window.show()
    _dock(window).raise_()  # its tab is behind Findings; the pane fills when shown
    document = window.document
    qtbot.waitUntil(lambda: not document.findings_pending())
    document.refresh_findings()
    return window


def _dock(window):  # type: ignore[no-untyped-def]
    return next(d for d in window.docks if d.widget() is window.definitions_pane)


def _rows(pane):  # type: ignore[no-untyped-def]
    tree = pane.tree
    return [tuple(tree.topLevelItem(i).text(c) for c in range(4)) for i in range(tree.topLevelItemCount())]


def test_the_pane_lists_each_term_its_meaning_where_defined_and_uses(opened) -> None:
    pane = opened.definitions_pane
    assert _rows(pane) == [
        ("Customer Data", "the information a customer gives us in the Portal;", "1.1", "3"),
        ("Portal", "the website where customers sign in;", "1.1", "4"),
    ]
    portal = pane.tree.topLevelItem(1)
    uses = [(portal.child(i).text(2), portal.child(i).text(3)) for i in range(portal.childCount())]
    assert uses == [("1.1", "1"), ("2.1", "1"), ("2.2", "2")]


def test_activating_a_term_goes_to_its_definition_and_a_use_to_its_clause(opened, qtbot) -> None:
    pane = opened.definitions_pane
    portal = pane.tree.topLevelItem(1)
    pane._activated(portal)
    assert opened.current_clause().heading == "Portal"
    use = next(portal.child(i) for i in range(portal.childCount()) if portal.child(i).text(2) == "2.2")
    pane._activated(use)
    clause = opened.current_clause()
    assert clause.label.strip() == "2.2"
    cursor = opened.clause_editor.text_edit.textCursor()
    assert cursor.selectedText() == "Portal"


def test_rename_term_renames_the_definition_and_every_use_in_one_undo_step(opened, qtbot) -> None:
    pane = opened.definitions_pane
    document = opened.document
    pane.tree.setCurrentItem(pane.tree.topLevelItem(1))
    steps = document.undo_stack.count()
    pane.rename(pane.current_definition(), "Hub")
    texts = [c.text for c in document.policy.walk() if c.label.strip() in ("2.1", "2.2")]
    assert texts == [
        "We keep your Customer Data safe in the Hub.",
        "The Hub shows your Customer Data; the Hub keeps Customer Data safe.",
    ]
    assert document.undo_stack.count() == steps + 1
    document.refresh_findings()
    assert [r[0] for r in _rows(pane)] == ["Customer Data", "Hub"]
    document.undo_stack.undo()
    document.refresh_findings()
    assert [r[0] for r in _rows(pane)] == ["Customer Data", "Portal"]
    assert "the Portal keeps" in next(c.text for c in document.policy.walk() if c.label.strip() == "2.2")


def test_hovering_a_term_shows_its_definition(opened, qtbot) -> None:
    policy = opened.document.policy
    text = "The Portal shows your Customer Data."
    assert (
        definition_at(policy, text, text.index("Portal") + 2)
        == "Portal: the website where customers sign in;"
    )
    assert definition_at(policy, text, text.index("shows")) is None
    opened.select_clause(next(c.id for c in policy.walk() if c.label.strip() == "2.2"))
    edit = opened.clause_editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("Portal") + 2)
    point = edit.cursorRect(cursor).center()
    event_pos = QPoint(point.x(), point.y())
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    QApplication.sendEvent(
        edit.viewport(), QHelpEvent(QEvent.Type.ToolTip, event_pos, edit.viewport().mapToGlobal(event_pos))
    )
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text().startswith("Portal: the website")


def test_term_findings_refresh_with_the_others(opened, qtbot) -> None:
    document = opened.document
    clause = next(c for c in document.policy.walk() if c.label.strip() == "2.1")
    from plutoeditor.model.operations import SetClauseField

    document.push(SetClauseField(clause.id, "text", "We keep your customer data safe in the Portal."))
    qtbot.waitUntil(lambda: not document.findings_pending())
    document.refresh_findings()
    assert any(f.code == "term-case" and f.clause_id == clause.id for f in document.findings)
    uses = {r[0]: r[3] for r in _rows(opened.definitions_pane)}
    assert uses["Customer Data"] == "2"  # 2.2 only; 2.1 now writes it in lower case


def test_the_hidden_pane_fills_when_its_tab_is_shown(opened, qtbot) -> None:
    """Behind the Findings tab the pane does not rebuild (0.8 s on 10,000 clauses when
    opening); raising its tab shows the current terms, edits made meanwhile included."""
    findings = next(d for d in opened.docks if d.widget() is opened.findings_panel)
    findings.raise_()
    qtbot.waitUntil(lambda: not opened.definitions_pane._shown)
    document = opened.document
    clause = next(c for c in document.policy.walk() if c.heading == "Portal")
    from plutoeditor.model.operations import SetClauseField

    document.push(SetClauseField(clause.id, "heading", "Site"))
    document.refresh_findings()
    assert [r[0] for r in _rows(opened.definitions_pane)] == ["Customer Data", "Portal"]  # not rebuilt
    _dock(opened).raise_()
    qtbot.waitUntil(lambda: opened.definitions_pane._shown)
    assert [r[0] for r in _rows(opened.definitions_pane)] == ["Customer Data", "Site"]


def test_screenshot_of_the_pane(opened, qtbot, tmp_path) -> None:
    dock = next(d for d in opened.docks if d.widget() is opened.definitions_pane)
    dock.raise_()
    opened.resize(1400, 900)
    qtbot.wait(50)
    image = opened.grab()
    shot = Path(os.environ.get("PLUTOEDITOR_SHOTS", tmp_path)) / "definitions-pane.png"
    assert not image.isNull() and image.save(str(shot))
    assert dock.isVisible() and opened.definitions_pane.tree.topLevelItemCount() == 2


def _answer(monkeypatch, name: str, asked: list[str]) -> None:
    from PySide6.QtWidgets import QInputDialog

    def get_text(parent, title, label, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(label)
        return name, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))


def test_f2_on_a_term_in_the_document_renames_it_in_one_undo_step(opened, qtbot, monkeypatch) -> None:
    # F2 worked only with the keyboard in the Definitions pane, and no menu had Rename Term:
    # with the cursor on a term in the text, F2 did nothing.
    from PySide6.QtCore import Qt

    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    document, view = opened.document, opened.document_view
    clause = next(c for c in document.policy.walk() if c.label.strip() == "2.1")
    assert view.show_clause(clause.id, clause.text.index("Portal") + 3, field="text")
    view.editor.setFocus()
    QApplication.processEvents()
    asked: list[str] = []
    _answer(monkeypatch, "Hub", asked)
    steps = document.undo_stack.count()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    assert asked == ["Rename “Portal” in its definition and every use to:"]
    assert clause.text == "We keep your Customer Data safe in the Hub."
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert clause.text == "We keep your Customer Data safe in the Portal."
    edit_menu = next(a.menu() for a in opened.menuBar().actions() if a.menu() and "Edit" in a.text())
    assert opened.actions_["edit.rename_term"] in edit_menu.actions()


def test_f2_in_the_definitions_pane_renames_the_selected_term(opened, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    pane = opened.definitions_pane
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0))
    pane.tree.setFocus()
    asked: list[str] = []
    _answer(monkeypatch, "Client Data", asked)
    qtbot.keyClick(pane.tree, Qt.Key.Key_F2)
    assert asked == ["Rename “Customer Data” in its definition and every use to:"]
    texts = [c.text for c in opened.document.policy.walk() if c.label.strip() == "2.1"]
    assert texts == ["We keep your Client Data safe in the Portal."]


def test_after_a_rename_the_renamed_term_stays_selected(opened, qtbot) -> None:
    # The pane lost its selection (Rename Term greyed out, F2 doing nothing) once the term
    # was renamed: it looked for the old name.
    pane = opened.definitions_pane
    pane.tree.setCurrentItem(pane.tree.topLevelItem(1))
    pane.rename(pane.current_definition(), "Hub")
    opened.document.refresh_findings()
    assert pane.current_definition() is not None and pane.current_definition().term == "Hub"
    assert pane.rename_button.isEnabled()


def test_renaming_to_another_term_or_to_written_words_asks_first(opened, monkeypatch, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    pane = opened.definitions_pane
    policy = opened.document.policy
    clause = next(c for c in policy.walk() if c.label.strip() == "2.1")
    asked: list[str] = []
    pane.tree.setCurrentItem(pane.tree.topLevelItem(1))  # Portal
    # another term's name: the document would define it twice; No (the default) keeps the text
    _answer(monkeypatch, "Customer Data", asked)
    dialogs.answer = QMessageBox.StandardButton.No
    pane.rename_current()
    assert dialogs.asked[-1][2].startswith("“Customer Data” is already a defined term (in 1.1)")
    assert clause.text == "We keep your Customer Data safe in the Portal."
    # words the document writes already ("In this Notice"): they would read as the term; Yes renames
    _answer(monkeypatch, "Notice", asked)
    dialogs.answer = QMessageBox.StandardButton.Yes
    pane.rename_current()
    assert dialogs.asked[-1][2].startswith("“Notice” is already written once in the document")
    assert clause.text == "We keep your Customer Data safe in the Notice."
    # a new name asks nothing
    count = len(dialogs.asked)
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0))
    _answer(monkeypatch, "Client Data", asked)
    pane.rename_current()
    assert len(dialogs.asked) == count and clause.text == "We keep your Client Data safe in the Notice."
