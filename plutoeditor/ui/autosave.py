"""Autosave to a separate recovery file (never over the user's document), and recovery.

Every few seconds, a document with unsaved changes is written to the RecoveryStore. Saving
or closing discards the copy; after a crash the next start offers to recover what is left.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from plutoeditor.formats import native
from plutoeditor.recovery import RecoveryEntry, RecoveryStore
from plutoeditor.ui.document import Document

if TYPE_CHECKING:
    from plutoeditor.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Autosave(QObject):
    """Periodic recovery copies of the window's document."""

    def __init__(self, window: MainWindow, store: RecoveryStore, interval_seconds: int) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self._saved_revision: tuple[int, int] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_seconds * 1000)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def key(self, document: Document) -> str:
        return document.recovery_key

    def save_now(self) -> bool:
        """Write the recovery copy if the document changed since the last one."""
        document = self.window.document
        if document is None:
            return False
        if not document.is_modified:  # undone back to the saved state: no copy needed
            if self._saved_revision is not None:
                self.discard()
            return False
        mark = (id(document), document.policy.revision)
        if mark == self._saved_revision:
            return False
        try:
            self.store.save(self.key(document), document.policy, document.path or document.source)
        except (OSError, ValueError) as exc:  # never interrupt the user for a failed autosave
            log.warning("autosave failed: %s", exc)
            return False
        self._saved_revision = mark
        return True

    def wait(self) -> None:
        """Block until a recovery copy being written is on disk (closing, tests)."""

    def discard(self) -> None:
        """Forget the recovery copy (the document was saved, closed or discarded)."""
        document = self.window.document
        if document is not None:
            self.store.discard(self.key(document))
        self._saved_revision = None

    def offer_recovery(self) -> list[RecoveryEntry]:
        """Ask whether to recover unsaved work left by a crash; the copies to recover.

        Yes recovers every listed copy (the caller opens one window each, this one first),
        No keeps them for the next start, Discard deletes them. Nothing is deleted here
        unless the user chose Discard.
        """
        entries = self.store.pending()
        if not entries:
            return []
        names = "\n".join(
            f"• {e.display_name()} ({e.saved_at.astimezone().strftime('%d %b %Y %H:%M')})"
            for e in entries[:10]
        )
        if len(entries) > 10:
            names += "\n" + self.tr("… and {0} more").format(len(entries) - 10)
        answer = QMessageBox.question(
            self.window,
            self.tr("Recover Unsaved Work"),
            self.tr(
                "PlutoEditor did not close normally. Unsaved work was kept for:\n\n{0}\n\n"
                "Recover it? (No keeps it for the next start; Discard deletes it.)"
            ).format(names),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.store.discard_all()
            return []
        if answer != QMessageBox.StandardButton.Yes:
            return []
        return entries

    def recover(self, entry: RecoveryEntry) -> bool:
        """Show a recovery copy in this window as unsaved work.

        The copy is not deleted: the document takes it over as its own recovery copy, which
        goes only when the document is saved or its changes are discarded.
        """
        try:
            policy = self.store.load(entry)
        except Exception as exc:  # a damaged copy: say so, keep it for inspection
            QMessageBox.warning(
                self.window,
                self.tr("Cannot Recover"),
                self.tr("The recovery copy could not be read.\n\n{0}").format(exc),
            )
            return False
        original = entry.original_path
        is_native = bool(original) and native.is_native(original)
        document = Document(
            policy,
            path=original if is_native else None,
            source=None if is_native else original,
            unsaved=True,
            parent=self.window,
        )
        try:
            document.recovery_key = self.store.adopt(entry)
        except OSError as exc:  # the copy stays where it is; a new one is written as usual
            log.warning("could not take over recovery copy %s: %s", entry.path, exc)
        self.window.set_document(document)
        self._saved_revision = (id(document), document.policy.revision)  # the copy holds it
        self.window.statusBar().showMessage(self.tr("Recovered unsaved work - save it to keep it"), 15000)
        return True
