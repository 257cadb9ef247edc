"""The editor window on the 2022 seed: findings, quick fixes, undo, drag and drop, find."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plutoeditor.model.notation import format_tree


def clause_by_label(policy, label, nth=0):
    found = [c for c in policy.walk() if c.label.strip() == label]
    return found[nth]


def codes_for(window, clause):
    return {f.code for f in window.document.findings if f.clause_id == clause.id}


def test_seed_opens_as_unsaved_import_with_findings(seed_window):
    window = seed_window
    policy = window.document.policy
    assert window.windowTitle() == "pluto-privacy-2022-za.txt[*] — PlutoEditor"
    assert window.isWindowModified()  # an import is unsaved until saved as a policy file
    second_239 = clause_by_label(policy, "2.3.9", 1)
    assert "duplicate-number" in codes_for(window, second_239)
    sixteen = clause_by_label(policy, "2.16")
    assert [c.label for c in sixteen.children][:2] == ["2.7.1", "2.7.2"]
    assert "wrong-parent" in codes_for(window, sixteen.children[0])
    outline = window.document.outline
    assert outline.index_of(sixteen.children[0]).data() == "2.7.1 → 2.16.1"
    assert outline.index_of(second_239).data(Qt.ItemDataRole.DecorationRole) is not None
    # The status bar counts as the findings panel does, in correct English (the 2022 seed
    # has exactly one note: "1 note", never "1 notes" or a count that leaves notes out).
    assert window.findings_status.text() == window.findings_panel.summary.text()
    assert window.findings_status.text().endswith(", 1 note")
    assert window.findings_panel.model.rowCount() == len(window.document.findings)


def test_quick_fix_clears_findings_and_undo_brings_them_back(seed_window, qtbot):
    window = seed_window
    document = window.document
    sixteen = clause_by_label(document.policy, "2.16")
    finding = next(f for f in document.findings if f.code == "wrong-parent")
    description, _op = window.clause_actions.fix_lookup(finding)
    assert "2.16.1" in description
    window.findings_panel.fix_requested.emit(finding)
    assert [c.label for c in sixteen.children][:2] == ["2.16.1", "2.16.2"]
    # checked on a worker at once: until then the findings are marked as updating
    assert not document.findings_current and window.findings_panel.summary.text().endswith("(updating…)")
    qtbot.waitUntil(lambda: document.findings_current, timeout=5000)
    assert not window.findings_panel.outdated
    assert not any(f.code == "wrong-parent" for f in document.findings)
    assert document.outline.index_of(sixteen.children[0]).data() == "2.16.1"
    document.undo_stack.undo()
    assert [c.label for c in sixteen.children][:2] == ["2.7.1", "2.7.2"]
    qtbot.waitUntil(lambda: any(f.code == "wrong-parent" for f in document.findings), timeout=2000)


def test_activating_a_finding_selects_its_clause_and_text(seed_window):
    window = seed_window
    finding = next(f for f in window.document.findings if f.code == "empty-reference")
    window.findings_panel.finding_activated.emit(finding)
    assert window.current_clause().id == finding.clause_id
    assert window.clause_editor.text_edit.textCursor().selectedText() == "7.4.6"


def test_typing_is_one_undo_step(seed_window, qtbot):
    window = seed_window
    document = window.document
    clause = clause_by_label(document.policy, "2.5")
    window.select_clause(clause.id)
    before, steps = clause.text, document.undo_stack.count()
    editor = window.clause_editor.text_edit
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Amended.")
    assert clause.text == before + " Amended."
    assert document.undo_stack.count() == steps + 1
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # our stack, not the field's
    assert clause.text == before
    assert editor.toPlainText() == before


def test_drag_and_drop_updates_labels_and_findings(seed_window, qtbot):
    window = seed_window
    document = window.document
    model = document.outline
    intro_child = clause_by_label(document.policy, "1.1")
    section_2 = clause_by_label(document.policy, "2")
    data = model.mimeData([model.index_of(intro_child)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(section_2))
    assert section_2.children[0] is intro_child
    qtbot.waitUntil(lambda: model.index_of(intro_child).data() == "1.1 → 2.1", timeout=2000)
    assert codes_for(window, intro_child)  # a clause now under the wrong section is flagged
    assert model.index_of(clause_by_label(document.policy, "2.1")).data() == "2.1 → 2.2"
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: model.index_of(intro_child).data() == "1.1", timeout=2000)


def test_structural_edits_from_the_outline_are_undoable(seed_window, qtbot):
    window = seed_window
    document = window.document
    before = format_tree(document.policy)
    clause = clause_by_label(document.policy, "2.2")
    window.select_clause(clause.id)
    window.outline.setFocus()
    qtbot.keyClick(window.outline, Qt.Key.Key_Tab)  # indent under 2.1
    assert clause.parent is clause_by_label(document.policy, "2.1")
    qtbot.keyClick(window.outline, Qt.Key.Key_Backtab)
    assert clause.parent is clause_by_label(document.policy, "2")
    window.actions_["clause.add_after"].trigger()
    new = window.current_clause()
    assert new is not clause and new.parent is clause.parent and new.text == ""
    window.outline.setFocus()
    qtbot.keyClick(window.outline, Qt.Key.Key_Delete)
    assert document.policy.find(new.id) is None
    window.actions_["clause.move_down"].trigger()
    assert window.current_clause() is not None
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert format_tree(document.policy) == before


def test_find_and_replace_all_is_one_step(seed_window):
    window = seed_window
    document = window.document
    window.actions_["edit.replace"].trigger()
    bar = window.find_bar
    assert not bar.isHidden() and not bar.replace_edit.isHidden()
    bar.find_edit.setText("Pluto LMS")
    count = len(bar.matches())
    assert count > 5
    bar.find_next()
    assert "Pluto LMS" in window.clause_editor.text_edit.textCursor().selectedText()
    bar.replace_edit.setText("Pluto Learning")
    before = format_tree(document.policy)
    bar.replace_everything()
    assert bar.matches() == []
    assert "Pluto Learning" in format_tree(document.policy)
    document.undo_stack.undo()
    assert format_tree(document.policy) == before


def test_metadata_edits_are_undoable(seed_window, qtbot):
    window = seed_window
    panel = window.metadata_panel
    meta = window.document.policy.metadata
    panel.edits["organisation"].setFocus()
    qtbot.keyClicks(panel.edits["organisation"], "Pluto LMS")
    assert meta.organisation == "Pluto LMS"
    panel.has_date.setChecked(False)
    assert meta.effective_date is None
    window.document.undo_stack.undo()
    assert meta.effective_date is not None and panel.has_date.isChecked()
    window.document.undo_stack.undo()
    assert meta.organisation == "" and panel.edits["organisation"].text() == ""


def test_split_at_cursor_and_merge_back(seed_window):
    window = seed_window
    document = window.document
    clause = clause_by_label(document.policy, "2.2")
    window.select_clause(clause.id)
    original = clause.text
    editor = window.clause_editor
    position = original.index("Accordingly")
    editor.select_text(position, position)
    window.actions_["clause.split"].trigger()
    new = window.current_clause()
    assert new is not clause and new.text.startswith("Accordingly")
    assert clause.text == original[:position].rstrip()
    window.select_clause(clause.id)
    window.actions_["clause.merge"].trigger()
    assert document.policy.find(new.id) is None
    assert "Accordingly" in clause.text
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert clause.text == original


def test_renumber_document_is_one_undo_step(seed_window, qtbot):
    window = seed_window
    document = window.document
    sixteen = clause_by_label(document.policy, "2.16")
    window.actions_["clause.renumber"].trigger()  # the labels are worked out on a worker thread
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1, timeout=10000)
    assert sixteen.children[0].label.strip() == "2.16.1"
    document.refresh_findings()
    assert not any(f.code in ("wrong-parent", "duplicate-number") for f in document.findings)
    document.undo_stack.undo()
    assert sixteen.children[0].label.strip() == "2.7.1"


def test_findings_refresh_on_their_own_after_an_edit(seed_window, qtbot):
    document = seed_window.document
    clause = clause_by_label(document.policy, "4.1.2")
    assert "incomplete-text" in codes_for(seed_window, clause)
    seed_window.select_clause(clause.id)
    editor = seed_window.clause_editor.text_edit
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " our opt-out page.")
    assert document.findings_pending()  # typing does not wait for the checks
    qtbot.waitUntil(lambda: "incomplete-text" not in codes_for(seed_window, clause), timeout=3000)


def test_a_failing_check_is_reported_once_and_editing_goes_on(seed_window, monkeypatch):
    document = seed_window.document
    before = list(document.findings)

    def broken():
        raise RuntimeError("checker bug")

    monkeypatch.setattr(document._checker, "findings", broken)
    document.refresh_findings()
    assert "checker bug" in seed_window.statusBar().currentMessage()
    assert document.findings == before


def test_summary_of_changes_is_an_editable_list(seed_window):
    panel = seed_window.metadata_panel
    meta = seed_window.document.policy.metadata
    assert panel.summary.count() == 2
    panel._add_change()
    assert meta.summary_of_changes[-1] == "New change"
    panel.summary.item(2).setText("Cookie section rewritten")
    assert meta.summary_of_changes[-1] == "Cookie section rewritten"
    panel.summary.setCurrentRow(0)
    panel._remove_change()
    assert meta.summary_of_changes == ["Contact Number Updated", "Cookie section rewritten"]
    while seed_window.document.undo_stack.canUndo():
        seed_window.document.undo_stack.undo()
    assert len(meta.summary_of_changes) == 2 and panel.summary.count() == 2


def test_next_finding_walks_the_findings_in_order(seed_window):
    window = seed_window
    findings = window.document.findings
    window.actions_["findings.next"].trigger()
    assert window.current_clause().id == findings[0].clause_id
    window.actions_["findings.next"].trigger()
    assert window.current_clause().id == findings[1].clause_id
    window.actions_["findings.previous"].trigger()
    window.actions_["findings.previous"].trigger()  # wraps round to the last
    assert window.findings_panel.current_finding() == findings[-1]


def test_a_long_title_shows_its_beginning(window):
    window.files.open_path("resources/samples/sample-privacy-policy.policy.yaml", ask=False)
    window.resize(1024, 640)
    window.show()
    title = window.metadata_panel.edits["title"]
    assert title.text().startswith("Northwind")
    assert title.cursorPosition() == 0  # so "Northwind ..." is what the user sees


def test_find_bar_keeps_a_usable_search_field_on_a_small_screen(seed_window, qtbot):
    """At 1024x640, with outline and details beside the editor, the search field still shows
    a phrase, and the arrow buttons step through the matches."""
    window = seed_window
    window.resize(1024, 640)
    window.actions_["edit.replace"].trigger()
    bar = window.find_bar
    bar.find_edit.setText("Pluto LMS")
    qtbot.wait(50)
    twelve_chars = bar.find_edit.fontMetrics().horizontalAdvance("Personal Dat")
    assert bar.find_edit.width() >= twelve_chars
    assert bar.replace_edit.width() >= twelve_chars
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.status.text().startswith("2 of ")
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.status.text().startswith("1 of ")
    assert bar.previous_button.accessibleName() and bar.next_button.toolTip()


def test_renumber_says_how_many_clauses_it_relabelled_and_where_references_followed(show_policy, qtbot):
    """It said "Relabelled 3 clauses" when it had relabelled two and followed a reference to
    one of them in a third: the count was of every change it made."""
    from plutoeditor.model import Clause, Metadata, Policy

    policy = Policy(
        Metadata(title="Cookie Notice"),
        [
            Clause(label="1", text="We use cookies.", id="c1"),
            Clause(label="3", text="You can turn them off.", id="c3"),
            Clause(label="4", text="Write to us, see clause 3.", id="c4"),
        ],
    )
    window = show_policy(policy)
    window.actions_["clause.renumber"].trigger()
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == 1, timeout=10000)
    assert [c.label for c in policy.clauses] == ["1", "2", "3"]
    assert policy.clauses[2].text == "Write to us, see clause 2."
    assert window.statusBar().currentMessage() == "Relabelled 2 clauses; references followed in 1 clause"
