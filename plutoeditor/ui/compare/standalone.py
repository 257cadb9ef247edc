"""`plutoeditor compare OLD NEW` on its own: the compare window, and editor windows for the
clauses the user opens from it.

Inside the editor, the compare window's "open this clause" goes to that editor
(publishing.py). Standing alone there is no editor, so activating a clause opens the file of
the version it was read in, in an editor window (one per file, reused), and selects the
clause once the file is loaded. Both files are opened by the same readers as the comparison,
and those give the same clause ids every time (imported files derive them from the clauses).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt

from plutoeditor.compare.result import Comparison
from plutoeditor.model.policy import Policy
from plutoeditor.ui.compare.window import CompareWindow
from plutoeditor.ui.compare.worker import Source
from plutoeditor.ui.editor.main_window import MainWindow

#: How long the "clause not found" message stays in the editor's status bar.
MESSAGE_MS = 15000


class StandaloneCompare(QObject):
    """The compare window of two files, and the editor windows opened from it.

    Keep a reference while the application runs: the editor windows live as long as it does.
    """

    def __init__(self, old_path: str, new_path: str, read: tuple[Policy, Policy] | None = None) -> None:
        super().__init__()
        self._paths = {"old": old_path, "new": new_path}
        names = (os.path.basename(old_path), os.path.basename(new_path))
        sources: tuple[Source, Source] = read if read is not None else (old_path, new_path)
        self.compare = CompareWindow(*sources, names=names)
        self.compare.open_version_clause_requested.connect(self.open_clause)
        self._comparison: Comparison | None = None  # kept: the window may close before an editor loads
        self.compare.comparison_ready.connect(self._set_comparison)
        # editor windows opened from the compare window and not closed yet
        self.editors: list[MainWindow] = []
        # editors whose file is still being opened: that file, and the clause to select then
        self._pending: dict[MainWindow, tuple[str, str]] = {}

    def show(self) -> None:
        self.compare.show()

    def open_clause(self, clause_id: str, version: str) -> MainWindow:
        """Show the clause in an editor on the file of `version` ("old" or "new")."""
        path = self._paths[version]
        window = self.editor_for(path)
        if window is None:
            return self._open_editor(path, clause_id)
        window.show()
        window.raise_()
        window.activateWindow()
        if window in self._pending:  # still opening: select this clause instead, once loaded
            self._pending[window] = (path, clause_id)
        else:
            self._select(window, clause_id)
        return window

    def editor_for(self, path: str) -> MainWindow | None:
        """The open editor window showing (or opening) this file, if any."""
        for window in self.editors:
            if window in self._pending and _same_file(self._pending[window][0], path):
                return window
            document = window.document
            if document is not None and window.isVisible():
                if _same_file(document.path, path) or _same_file(document.source, path):
                    return window
        return None

    def _open_editor(self, path: str, clause_id: str) -> MainWindow:
        window = MainWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.editors.append(window)
        self._pending[window] = (path, clause_id)
        window.destroyed.connect(lambda *_: self._forget(window))
        # opening a big file ends later, on a worker thread's signal
        window.files.opened.connect(lambda opened: self._loaded(window, opened))
        window.files.open_failed.connect(lambda _path: self._failed(window))
        window.show()
        window.files.open_path(path, ask=False)
        return window

    def _loaded(self, window: MainWindow, path: str) -> None:
        pending = self._pending.pop(window, None)
        if pending is not None and _same_file(path, pending[0]):
            self._select(window, pending[1])

    def _failed(self, window: MainWindow) -> None:
        """The file could not be opened (the editor has said why): drop the empty window."""
        self._pending.pop(window, None)
        if window.document is None:
            window.close()

    def _forget(self, window: MainWindow) -> None:
        self._pending.pop(window, None)
        if window in self.editors:
            self.editors.remove(window)

    def _select(self, window: MainWindow, clause_id: str) -> None:
        if window.select_clause(clause_id):
            return
        message = self.tr(
            "The clause “{clause}” is not in this document; it may have changed since the comparison."
        )
        window.statusBar().showMessage(message.format(clause=self._clause_name(clause_id)), MESSAGE_MS)

    def _set_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison

    def _clause_name(self, clause_id: str) -> str:
        for change in self._comparison.changes if self._comparison else []:
            for clause in (change.old, change.new):
                if clause is not None and clause.id == clause_id:
                    return clause.display_name() or clause.label or clause_id
        return clause_id


def _same_file(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:  # gone from disk since: compare the names
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def open_standalone_compare(
    old_path: str, new_path: str, read: tuple[Policy, Policy] | None = None
) -> StandaloneCompare:
    """Show the compare window of two files, ready to open clauses in editor windows.
    `read`: the two files already read (the command line reads them first), else the
    window reads them."""
    standalone = StandaloneCompare(old_path, new_path, read)
    standalone.show()
    return standalone
