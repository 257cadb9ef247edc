"""Autosave to a separate recovery file (never over the user's document), and recovery.

Every few seconds, a document with unsaved changes is written to the RecoveryStore. Saving
or closing discards the copy; after a crash the next start offers to recover what is left.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from plutoeditor.formats import native
from plutoeditor.recovery import RecoveryEntry, RecoveryStore
from plutoeditor.ui.common.workers import Worker, run_with_progress
from plutoeditor.ui.editor.open_document import Document

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

log = logging.getLogger(__name__)


class AutosaveWindow(Protocol):
    """What Autosave uses of its editor window."""

    document: Document | None

    def set_document(self, document: Document | None) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class Autosave(QObject):
    """Periodic recovery copies of the window's document, written on a worker thread.

    The GUI thread only takes a snapshot (`native.to_data`, about 20 ms for 10,000 clauses);
    serialising and writing it happen on the worker, so typing never waits for an autosave.
    A copy that cannot be written (a full disk) is said in the status bar every time and in
    a dialog once, until a copy is written again.
    """

    def __init__(self, editor: AutosaveWindow, store: RecoveryStore, interval_seconds: int) -> None:
        super().__init__(editor.window())
        self.editor = editor
        self.store = store
        self._saved_revision: tuple[int, int] | None = None
        #: (recovery key, revision mark) of the copy being written, if any
        self._writing: tuple[str, tuple[int, int]] | None = None
        #: keys discarded while their copy was being written: removed again when it lands
        self._discarded: set[str] = set()
        self._failure_told = False
        self._worker: Worker | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_seconds * 1000)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def key(self, document: Document) -> str:
        return document.recovery_key

    def save_now(self) -> bool:
        """Start writing the recovery copy if the document changed since the last one.

        True when a copy is being written (`wait()` blocks until it is on disk)."""
        document = self.editor.document
        if document is None:
            return False
        if not document.is_modified:  # undone back to the saved state: no copy needed
            if self._saved_revision is not None:
                self.discard()
            return False
        mark = (id(document), document.policy.revision)
        if mark == self._saved_revision or self._writing is not None:
            return False  # unchanged, or one copy is on its way (the next tick writes again)
        key = self.key(document)
        try:
            snapshot = native.to_data(document.policy)
        except Exception as exc:  # a model bug must not stop the editor
            self._failed(exc)
            return False
        original = document.path or document.source
        self._writing = (key, mark)
        self._worker = run_with_progress(
            self.editor.window(),
            "",
            lambda: self.store.save_data(key, snapshot, original),
            lambda _path: self._written(key, mark),
            self._failed,
            show_progress=False,
        )
        return True

    def _written(self, key: str, mark: tuple[int, int]) -> None:
        self._writing = self._worker = None
        if key in self._discarded:  # saved or closed meanwhile: this copy is not needed
            self._discarded.discard(key)
            self.store.discard(key)
            return
        self._saved_revision = mark
        if self._failure_told:
            self._failure_told = False
            self.editor.statusBar().showMessage(self.tr("Autosave works again"), 5000)

    def _failed(self, exc: BaseException) -> None:
        self._writing = self._worker = None
        log.warning("autosave failed: %s", exc)
        self.editor.statusBar().showMessage(
            self.tr("Autosave failed: unsaved work is not protected ({0})").format(exc)
        )
        if self._failure_told:
            return
        self._failure_told = True
        QMessageBox.warning(
            self.editor.window(),
            self.tr("Autosave Failed"),
            self.tr(
                "PlutoEditor could not keep a recovery copy of your unsaved work:\n\n{0}\n\n"
                "If the disk is full, free some space. Save your work to keep it; this is not "
                "shown again until autosave works again."
            ).format(exc),
        )

    def wait(self) -> None:
        """Block until a recovery copy being written is on disk (closing, tests)."""
        worker = self._worker
        if worker is not None:
            worker.wait()
            worker.report()

    def discard(self) -> None:
        """Forget the recovery copy (the document was saved, closed or discarded)."""
        document = self.editor.document
        if document is not None:
            key = self.key(document)
            if self._writing is not None and self._writing[0] == key:
                self._discarded.add(key)
            self.store.discard(key)
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
            self.editor.window(),
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
                self.editor.window(),
                self.tr("Cannot Recover"),
                self.tr("The recovery copy could not be read.\n\n{0}").format(exc),
            )
            return False
        original = entry.original_path
        is_native = bool(original and native.is_native(original))
        document = Document(
            policy,
            path=original if is_native else None,
            source=None if is_native else original,
            unsaved=True,
            parent=self.editor.window(),
        )
        try:
            document.recovery_key = self.store.adopt(entry)
        except OSError as exc:  # the copy stays where it is; a new one is written as usual
            log.warning("could not take over recovery copy %s: %s", entry.path, exc)
        self.editor.set_document(document)
        self._saved_revision = (id(document), document.policy.revision)  # the copy holds it
        self.editor.statusBar().showMessage(self.tr("Recovered unsaved work - save it to keep it"), 15000)
        return True
