"""One registry of a window's actions, with stable ids; menus and toolbar are built from it
(as Frescobaldi's actioncollection does). The editor's actions are `ui/editor/actions.py`,
the compare window's `ui/compare/actions.py`.

Standard shortcuts come from QKeySequence.StandardKey where Qt has one, so each platform
gets its own. Texts are marked with QT_TRANSLATE_NOOP and translated when actions are made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QStyle, QToolBar

SK = QKeySequence.StandardKey
SP = QStyle.StandardPixmap
#: The translation context of the editor's actions (the registry's default).
CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    """What an action is: id, menu text, tooltip, shortcut (a standard key, or one or more
    key sequences), icon, and whether it is a toggle."""

    id: str
    text: str
    tooltip: str
    shortcut: SK | str | tuple[str, ...] | None = None
    icon: SP | None = None
    short: str = ""  # the toolbar's text, when it differs from the menu's
    checkable: bool = False
    checked: bool = False


#: Shortcuts for standard keys some platforms leave empty (Quit has none on Linux).
FALLBACK_KEYS = {"file.quit": "Ctrl+Q", "compare.quit": "Ctrl+Q"}
#: Keys added to a standard key's where the platform's lack them: Redo is Ctrl+Y in Word and
#: LibreOffice on every platform, but Qt's X11 bindings have only Ctrl+Shift+Z (Windows' and
#: the offscreen platform's have both), so Ctrl+Y did nothing in the window on Linux.
EXTRA_KEYS = {"edit.redo": ("Ctrl+Y",)}


class ActionRegistry(QObject):
    """A window's QActions by id, made from its specs (the editor's SPECS, the compare
    window's COMPARE_SPECS); `connect(id, slot)` wires a handler, `build_menu_bar` and
    `build_toolbar` lay them out. Texts are translated in `context`; with `name_every_key`
    the tooltip names every shortcut, standard keys too (the compare window's way)."""

    def __init__(
        self,
        window,
        specs: tuple[ActionSpec, ...],
        context: str = CONTEXT,
        name_every_key: bool = False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._actions: dict[str, QAction] = {}
        style = QApplication.style()
        for spec in specs:
            action = QAction(self.translate(spec.text), window)
            action.setObjectName(spec.id)
            tip = self.translate(spec.tooltip)
            if isinstance(spec.shortcut, SK):
                action.setShortcuts(spec.shortcut)  # every binding the platform has
                if not action.shortcuts() and spec.id in FALLBACK_KEYS:
                    action.setShortcut(QKeySequence(FALLBACK_KEYS[spec.id]))
                keys = action.shortcuts()
                missing = [
                    QKeySequence(k) for k in EXTRA_KEYS.get(spec.id, ()) if QKeySequence(k) not in keys
                ]
                if missing:
                    action.setShortcuts(keys + missing)
            elif isinstance(spec.shortcut, tuple):
                action.setShortcuts([QKeySequence(key) for key in spec.shortcut])
            elif spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            native = QKeySequence.SequenceFormat.NativeText
            if name_every_key:
                names = ", ".join(key.toString(native) for key in action.shortcuts())
            else:
                names = action.shortcut().toString(native) if isinstance(spec.shortcut, str) else ""
            action.setToolTip(f"{tip} ({names})" if names else tip)
            action.setStatusTip(tip)
            if spec.icon is not None:
                action.setIcon(style.standardIcon(spec.icon))
            if spec.short:
                action.setIconText(self.translate(spec.short))
            if spec.checkable:
                action.setCheckable(True)
                action.setChecked(spec.checked)
            window.addAction(action)
            self._actions[spec.id] = action

    def translate(self, text: str) -> str:
        return QCoreApplication.translate(self._context, text)

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def ids(self) -> list[str]:
        return list(self._actions)

    def connect(self, action_id: str, slot: Callable[[], object]) -> None:  # type: ignore[override]
        """Run `slot` when the action is triggered (this shadows QObject.connect on purpose)."""
        self._actions[action_id].triggered.connect(lambda _checked=False: slot())

    def build_menu_bar(
        self,
        menubar: QMenuBar,
        menus: tuple[tuple[str, tuple[str | None, ...]], ...],
        extras: dict[str, QMenu | list[QAction]] | None = None,
    ) -> dict[str, QMenu]:
        """One menu per (title, items): an item is an action id, None (a separator) or a
        name in `extras` (a submenu, or actions made elsewhere)."""
        built: dict[str, QMenu] = {}
        for title, items in menus:
            menu = menubar.addMenu(self.translate(title))
            built[title] = menu
            for item in items:
                extra = (extras or {}).get(item) if item is not None else None
                if item is None:
                    menu.addSeparator()
                elif isinstance(extra, QMenu):
                    menu.addMenu(extra)
                elif extra is not None:
                    for action in extra:
                        menu.addAction(action)
                else:
                    menu.addAction(self._actions[item])
        return built

    def build_toolbar(self, toolbar: QToolBar, items: tuple[str | None, ...]) -> None:
        for item in items:
            if item is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self._actions[item])
