"""One action registry: every action in a menu, with a tooltip, and no shortcut used twice."""

from __future__ import annotations

from plutoeditor.ui.editor.actions import MENUS, SPECS, TOOLBAR


def test_every_action_is_in_a_menu_with_a_tooltip(window):
    in_menus = {item for _title, items in MENUS for item in items if item}
    ids = [spec.id for spec in SPECS]
    assert len(ids) == len(set(ids))
    assert set(ids) <= in_menus
    assert {i for i in TOOLBAR if i} <= set(ids)
    for action_id in ids:
        action = window.actions_[action_id]
        assert action.toolTip() and action.text()


def test_no_shortcut_is_used_twice(window):
    seen: dict[str, str] = {}
    for spec in SPECS:
        for key in window.actions_[spec.id].shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is used by {seen[text]} and {spec.id}"
            seen[text] = spec.id
    assert "Ctrl+F" in seen and "Ctrl+H" in seen and "Ctrl+Q" in seen


def test_menus_are_built_from_the_registry(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&Clause"]
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions_["file.save"] in file_menu.actions()
