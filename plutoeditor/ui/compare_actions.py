"""The compare window's commands: each in the menu bar (so Alt reaches it), most on the toolbar,
with shortcuts that work wherever the focus is in the window and tips that name them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit

from plutoeditor.ui.compare_changes import ALL_KINDS, DEFAULT_KINDS
from plutoeditor.ui.translations import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from plutoeditor.ui.compare_window import CompareWindow


#: The filter actions' names, with a letter each (the counts are added once known).
KIND_ACTION_TEXT = {
    "added": QT_TRANSLATE_NOOP("CompareWindow", "&Added"),
    "removed": QT_TRANSLATE_NOOP("CompareWindow", "&Removed"),
    "changed": QT_TRANSLATE_NOOP("CompareWindow", "Chan&ged"),
    "moved": QT_TRANSLATE_NOOP("CompareWindow", "&Moved"),
    "renumbering": QT_TRANSLATE_NOOP("CompareWindow", "Renumbering &Only"),
}


def make_action(
    window: CompareWindow,
    action_id: str,
    text: str,
    tip: str,
    slot: Callable[[], object] | None,
    *keys: str | QKeySequence.StandardKey,
) -> QAction:
    """An action of the window: its shortcuts work wherever the focus is in it, its tooltip
    names them, and the status bar explains it while it is highlighted in a menu."""
    action = QAction(text, window)
    action.setObjectName(action_id)
    if len(keys) == 1 and isinstance(keys[0], QKeySequence.StandardKey):
        action.setShortcuts(keys[0])  # every binding the platform has
    else:
        action.setShortcuts([QKeySequence(key) for key in keys])
    names = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({names})" if names else tip)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_actions(window: CompareWindow) -> None:
    """Create the window's actions, toolbar (with the Find field) and menus."""
    w = window
    w.toolbar = w.addToolBar(translate("CompareWindow", "Compare"))
    w.toolbar.setObjectName("compare-toolbar")
    w.export_action = make_action(
        w,
        "compare.export",
        translate("CompareWindow", "&Export Redline…"),
        translate("CompareWindow", "Save the comparison as a Word or HTML redline"),
        w.export_redline_dialog,
        "Ctrl+Shift+E",
    )
    w.close_action = make_action(
        w,
        "compare.close",
        translate("CompareWindow", "&Close"),
        translate("CompareWindow", "Close the compare window"),
        w.close,
        QKeySequence.StandardKey.Close,  # Ctrl+W as well as Ctrl+F4
    )
    w.changes_only_action = make_action(
        w,
        "compare.changes_only",
        translate("CompareWindow", "&Changes Only"),
        translate("CompareWindow", "Hide the clauses that did not change, and the kinds of change not shown"),
        None,
        "Ctrl+Shift+H",
    )
    w.changes_only_action.setCheckable(True)
    w.changes_only_action.toggled.connect(w.set_changes_only)
    w.kind_actions = {}
    for kind in ALL_KINDS:
        action = make_action(
            w,
            f"compare.show_{kind}",
            translate("CompareWindow", KIND_ACTION_TEXT[kind]),
            translate("CompareWindow", "List this kind of change and stop at it with Next Change (F8)"),
            None,
        )
        action.setCheckable(True)
        action.setChecked(kind in DEFAULT_KINDS)
        action.toggled.connect(lambda _on=False: w.kinds_changed())
        w.kind_actions[kind] = action
    w.swap_action = make_action(
        w,
        "compare.swap",
        translate("CompareWindow", "&Swap Sides"),
        translate("CompareWindow", "Compare the other way round: old and new change places"),
        w.swap_sides,
        "Ctrl+Shift+X",
    )
    w.change_list_action = make_action(
        w,
        "compare.change_list",
        translate("CompareWindow", "Change &List"),
        translate("CompareWindow", "Show or hide the list of changes"),
        None,
        "Ctrl+L",
    )
    w.change_list_action.setCheckable(True)
    w.change_list_action.setChecked(True)
    w.change_list_action.toggled.connect(lambda on: w.change_list.setVisible(on))
    toolbar_toggle = w.toolbar.toggleViewAction()
    toolbar_toggle.setText(translate("CompareWindow", "&Toolbar"))
    toolbar_toggle.setStatusTip(translate("CompareWindow", "Show or hide the toolbar"))
    toolbar_toggle.setToolTip(toolbar_toggle.statusTip())
    w.next_action = make_action(
        w,
        "compare.next",
        translate("CompareWindow", "&Next Change"),
        translate("CompareWindow", "Go to the next change of a kind shown"),
        w.next_change,
        "F8",
        "Alt+Down",
    )
    w.previous_action = make_action(
        w,
        "compare.previous",
        translate("CompareWindow", "&Previous Change"),
        translate("CompareWindow", "Go to the previous change of a kind shown"),
        w.previous_change,
        "Shift+F8",
        "Alt+Up",
    )
    w.find_action = make_action(
        w,
        "compare.find",
        translate("CompareWindow", "&Find…"),
        translate("CompareWindow", "Find a clause by its words or label"),
        w.focus_find,
        QKeySequence.StandardKey.Find,
    )
    w.find_next_action = make_action(
        w,
        "compare.find_next",
        translate("CompareWindow", "Find Ne&xt"),
        translate("CompareWindow", "Find the next clause with these words"),
        w.find_next,
        QKeySequence.StandardKey.FindNext,
    )
    w.open_action = make_action(
        w,
        "compare.open",
        translate("CompareWindow", "&Open in Editor"),
        translate("CompareWindow", "Open the selected clause in the editor"),
        w.open_current,
        "Ctrl+E",
    )
    w.summary_action = make_action(
        w,
        "compare.draft_summary",
        translate("CompareWindow", "&Draft Summary of Changes…"),
        translate("CompareWindow", "Draft the summary of changes from this comparison"),
        w.draft_summary_dialog,
        "Ctrl+Shift+D",
    )
    w.about_action = make_action(
        w,
        "compare.about",
        translate("CompareWindow", "&About PlutoEditor"),
        translate("CompareWindow", "Version and licences"),
        w.about,
    )
    for action in (w.previous_action, w.next_action, w.changes_only_action, w.swap_action, w.export_action):
        w.toolbar.addAction(action)
    w.find_field = QLineEdit(w.toolbar)
    w.find_field.setPlaceholderText(translate("CompareWindow", "Find"))
    w.find_field.setAccessibleName(translate("CompareWindow", "Find a clause"))
    w.find_field.setClearButtonEnabled(True)
    w.find_field.setMaximumWidth(260)
    w.find_field.returnPressed.connect(w.find_next)
    w.toolbar.addSeparator()
    w.toolbar.addWidget(w.find_field)
    kinds = [w.kind_actions[k] for k in ALL_KINDS]
    menus = (
        (translate("CompareWindow", "&File"), (w.export_action, w.summary_action, None, w.close_action)),
        (
            translate("CompareWindow", "&View"),
            (w.changes_only_action, None, *kinds, None, w.swap_action, w.change_list_action, toolbar_toggle),
        ),
        (
            translate("CompareWindow", "&Go"),
            (w.next_action, w.previous_action, None, w.find_action, w.find_next_action, None, w.open_action),
        ),
        (translate("CompareWindow", "&Help"), (w.about_action,)),
    )
    for title, actions in menus:
        menu = w.menuBar().addMenu(title)
        for item in actions:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)
