"""What a screen reader says for the editor's main widgets, and findings never shown by
colour alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QToolButton


def spoken_name(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


@pytest.fixture
def shown(seed_window):
    seed_window.show()
    seed_window.find_bar.open(replace=True)
    return seed_window


def test_main_widgets_have_spoken_names(shown):
    editor, details, bar = shown.clause_editor, shown.metadata_panel, shown.find_bar
    names = {
        "outline": spoken_name(shown.outline),
        "label": spoken_name(editor.label_edit),
        "heading": spoken_name(editor.heading_edit),
        "text": spoken_name(editor.text_edit),
        "findings": spoken_name(shown.findings_panel.view),
        "title": spoken_name(details.edits["title"]),
        "has date": spoken_name(details.has_date),
        "summary": spoken_name(details.summary),
        "find": spoken_name(bar.find_edit),
        "replace": spoken_name(bar.replace_edit),
    }
    assert names == {
        "outline": "Outline of clauses",
        "label": "Label:",
        "heading": "Heading:",
        "text": "Clause text",
        "findings": "Findings",
        "title": "Title:",
        "has date": "Has an effective date",
        "summary": "Summary of changes:",
        "find": "Find:",
        "replace": "Replace:",
    }


def test_symbol_buttons_are_named_in_words(shown):
    buttons = [b for b in shown.findChildren(QToolButton) if b.text() in ("+", "−", "✕")]
    symbols = {b.text(): spoken_name(b) for b in buttons}
    assert symbols == {"+": "Add change", "−": "Remove change", "✕": "Close the find bar"}


def test_findings_carry_words_and_shapes_not_only_colour(shown):
    document = shown.document
    finding = next(f for f in document.findings if f.severity == "error")
    panel = shown.findings_panel
    row = panel.model.findings.index(finding)
    assert panel.model.index(row, 0).data() == "error"
    clause = document.policy.find(finding.clause_id)
    index = document.outline.index_of(clause)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert finding.message in index.data(Qt.ItemDataRole.ToolTipRole)
