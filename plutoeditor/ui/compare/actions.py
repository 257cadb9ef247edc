"""The compare window's commands: each in the menu bar (so Alt reaches it), most on the toolbar,
with shortcuts that work wherever the focus is in the window and tips that name them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit

from plutoeditor.ui.common.actions import ActionRegistry, ActionSpec
from plutoeditor.ui.common.quitting import quit_application
from plutoeditor.ui.common.translations import QT_TRANSLATE_NOOP
from plutoeditor.ui.compare.changes import ALL_KINDS, DEFAULT_KINDS

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from plutoeditor.ui.compare.window import CompareWindow


#: The filter actions' names, with a letter each (the counts are added once known).
KIND_ACTION_TEXT = {
    "added": QT_TRANSLATE_NOOP("CompareWindow", "&Added"),
    "removed": QT_TRANSLATE_NOOP("CompareWindow", "&Removed"),
    "changed": QT_TRANSLATE_NOOP("CompareWindow", "Chan&ged"),
    "moved": QT_TRANSLATE_NOOP("CompareWindow", "&Moved"),
    "renumbering": QT_TRANSLATE_NOOP("CompareWindow", "Renumbering &Only"),
}


_LIST_KIND = QT_TRANSLATE_NOOP(
    "CompareWindow", "List this kind of change and stop at it with Next Change (F8)"
)

#: The compare window's actions, in the shared registry's terms (ui/common/actions.py).
COMPARE_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "compare.export",
        QT_TRANSLATE_NOOP("CompareWindow", "&Export Redline…"),
        QT_TRANSLATE_NOOP("CompareWindow", "Save the comparison as a Word or HTML redline"),
        "Ctrl+Shift+E",
    ),
    ActionSpec(
        "compare.close",
        QT_TRANSLATE_NOOP("CompareWindow", "&Close"),
        QT_TRANSLATE_NOOP("CompareWindow", "Close the compare window"),
        QKeySequence.StandardKey.Close,
    ),  # Ctrl+W as well as Ctrl+F4
    ActionSpec(
        "compare.quit",
        QT_TRANSLATE_NOOP("CompareWindow", "&Quit"),
        QT_TRANSLATE_NOOP("CompareWindow", "Quit PlutoEditor"),
        QKeySequence.StandardKey.Quit,
    ),
    ActionSpec(
        "compare.changes_only",
        QT_TRANSLATE_NOOP("CompareWindow", "&Changes Only"),
        QT_TRANSLATE_NOOP(
            "CompareWindow", "Hide the clauses that did not change, and the kinds of change not shown"
        ),
        "Ctrl+Shift+H",
        checkable=True,
    ),
    *(
        ActionSpec(
            f"compare.show_{kind}",
            KIND_ACTION_TEXT[kind],
            _LIST_KIND,
            checkable=True,
            checked=kind in DEFAULT_KINDS,
        )
        for kind in ALL_KINDS
    ),
    ActionSpec(
        "compare.swap",
        QT_TRANSLATE_NOOP("CompareWindow", "&Swap Sides"),
        QT_TRANSLATE_NOOP("CompareWindow", "Compare the other way round: old and new change places"),
        "Ctrl+Shift+X",
    ),
    ActionSpec(
        "compare.change_list",
        QT_TRANSLATE_NOOP("CompareWindow", "Change &List"),
        QT_TRANSLATE_NOOP("CompareWindow", "Show or hide the list of changes"),
        "Ctrl+L",
        checkable=True,
        checked=True,
    ),
    ActionSpec(
        "compare.next",
        QT_TRANSLATE_NOOP("CompareWindow", "&Next Change"),
        QT_TRANSLATE_NOOP("CompareWindow", "Go to the next change of a kind shown"),
        ("F8", "Alt+Down"),
    ),
    ActionSpec(
        "compare.previous",
        QT_TRANSLATE_NOOP("CompareWindow", "&Previous Change"),
        QT_TRANSLATE_NOOP("CompareWindow", "Go to the previous change of a kind shown"),
        ("Shift+F8", "Alt+Up"),
    ),
    ActionSpec(
        "compare.find",
        QT_TRANSLATE_NOOP("CompareWindow", "&Find…"),
        QT_TRANSLATE_NOOP("CompareWindow", "Find a clause by its words or label"),
        QKeySequence.StandardKey.Find,
    ),
    ActionSpec(
        "compare.find_next",
        QT_TRANSLATE_NOOP("CompareWindow", "Find Ne&xt"),
        QT_TRANSLATE_NOOP("CompareWindow", "Find the next clause with these words"),
        QKeySequence.StandardKey.FindNext,
    ),
    ActionSpec(
        "compare.open",
        QT_TRANSLATE_NOOP("CompareWindow", "&Open in Editor"),
        QT_TRANSLATE_NOOP("CompareWindow", "Open the selected clause in the editor"),
        "Ctrl+E",
    ),
    ActionSpec(
        "compare.draft_summary",
        QT_TRANSLATE_NOOP("CompareWindow", "&Draft Summary of Changes…"),
        QT_TRANSLATE_NOOP("CompareWindow", "Draft the summary of changes from this comparison"),
        "Ctrl+Shift+D",
    ),
    ActionSpec(
        "compare.about",
        QT_TRANSLATE_NOOP("CompareWindow", "&About PlutoEditor"),
        QT_TRANSLATE_NOOP("CompareWindow", "Version and licences"),
    ),
)

COMPARE_MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("CompareWindow", "&File"),
        ("compare.export", "compare.draft_summary", None, "compare.close", "compare.quit"),
    ),
    (
        QT_TRANSLATE_NOOP("CompareWindow", "&View"),
        ("compare.changes_only", None, "kinds", None, "compare.swap", "compare.change_list", "toolbar"),
    ),
    (
        QT_TRANSLATE_NOOP("CompareWindow", "&Go"),
        ("compare.next", "compare.previous", None, "compare.find", "compare.find_next", None, "compare.open"),
    ),
    (QT_TRANSLATE_NOOP("CompareWindow", "&Help"), ("compare.about",)),
)

COMPARE_TOOLBAR = (
    "compare.previous",
    "compare.next",
    "compare.changes_only",
    "compare.swap",
    "compare.export",
)


def build_actions(window: CompareWindow) -> None:
    """Create the window's actions (from COMPARE_SPECS), toolbar (with the Find field) and menus."""
    w = window
    w.toolbar = w.addToolBar(translate("CompareWindow", "Compare"))
    w.toolbar.setObjectName("compare-toolbar")
    actions = ActionRegistry(w, COMPARE_SPECS, "CompareWindow", name_every_key=True)
    for action_id, slot in (
        ("compare.export", w.export_redline_dialog),
        ("compare.close", w.close),
        ("compare.quit", lambda: quit_application(w)),
        ("compare.swap", w.swap_sides),
        ("compare.next", w.next_change),
        ("compare.previous", w.previous_change),
        ("compare.find", w.focus_find),
        ("compare.find_next", w.find_next),
        ("compare.open", w.open_current),
        ("compare.draft_summary", w.draft_summary_dialog),
        ("compare.about", w.about),
    ):
        actions.connect(action_id, slot)
    w.export_action, w.close_action = actions["compare.export"], actions["compare.close"]
    w.changes_only_action, w.swap_action = actions["compare.changes_only"], actions["compare.swap"]
    w.change_list_action, w.next_action = actions["compare.change_list"], actions["compare.next"]
    w.previous_action, w.find_action = actions["compare.previous"], actions["compare.find"]
    w.find_next_action, w.open_action = actions["compare.find_next"], actions["compare.open"]
    w.summary_action, w.about_action = actions["compare.draft_summary"], actions["compare.about"]
    w.kind_actions = {kind: actions[f"compare.show_{kind}"] for kind in ALL_KINDS}
    w.changes_only_action.toggled.connect(w.set_changes_only)
    for action in w.kind_actions.values():
        action.toggled.connect(lambda _on=False: w.kinds_changed())
    w.change_list_action.toggled.connect(lambda on: w.change_list.setVisible(on))
    toolbar_toggle = w.toolbar.toggleViewAction()
    toolbar_toggle.setText(translate("CompareWindow", "&Toolbar"))
    toolbar_toggle.setStatusTip(translate("CompareWindow", "Show or hide the toolbar"))
    toolbar_toggle.setToolTip(toolbar_toggle.statusTip())
    actions.build_toolbar(w.toolbar, COMPARE_TOOLBAR)
    w.find_field = QLineEdit(w.toolbar)
    w.find_field.setPlaceholderText(translate("CompareWindow", "Find"))
    w.find_field.setAccessibleName(translate("CompareWindow", "Find a clause"))
    w.find_field.setClearButtonEnabled(True)
    w.find_field.setMaximumWidth(260)
    w.find_field.returnPressed.connect(w.find_next)
    w.toolbar.addSeparator()
    w.toolbar.addWidget(w.find_field)
    kinds = [w.kind_actions[k] for k in ALL_KINDS]
    actions.build_menu_bar(w.menuBar(), COMPARE_MENUS, {"kinds": kinds, "toolbar": [toolbar_toggle]})
