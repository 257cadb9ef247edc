"""File commands of the editor window: new, open, open recent, save, save as, revert, close,
export and compare - plus watching the open file for changes made by other programs.

Nothing here lets an error escape: a file that cannot be read or written gives a dialog
naming the file and the problem, and the window stays as it was.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from plutoeditor import paths
from plutoeditor.file_formats import open_policy, without_suffix
from plutoeditor.formats import native
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.files import write_atomic
from plutoeditor.model import Policy
from plutoeditor.ui.common.file_dialogs import open_filters
from plutoeditor.ui.common.workers import run_and_wait, run_with_progress
from plutoeditor.ui.editor.open_document import CheckedPolicy, Document, check_policy

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from plutoeditor.ui.common.settings import Settings
    from plutoeditor.ui.editor.autosave import Autosave

#: Files bigger than this are imported on a worker thread with a progress dialog.
BACKGROUND_BYTES = 256 * 1024
SAMPLE = "samples/sample-privacy-policy.policy.yaml"


def sample_path() -> Path:
    return paths.resources_dir() / SAMPLE


class FilesWindow(Protocol):
    """What DocumentFiles uses of its editor window."""

    document: Document | None

    def set_document(self, document: Document | None) -> None: ...

    autosave: Autosave
    settings: Settings

    def update_recent_menu(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...  # QWidget.window(): the window itself, its dialogs' parent


class DocumentFiles(QObject):
    """Opening and saving for one window (one document at a time)."""

    #: `open_path` finished: the file (as given) is the window's document now. Opening a big
    #: file ends later, on a worker's signal, so wait for this before using the document.
    opened = Signal(str)
    #: `open_path` could not open the file (as given); the user has been told.
    open_failed = Signal(str)

    def __init__(self, editor: FilesWindow) -> None:
        super().__init__(editor.window())
        self.editor = editor
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._ignore_change_until_saved = False
        self._asking = False
        self._saving = False
        #: (modification time, size) of the document's file when last read or written here
        self._disk_state: tuple[int, int] | None = None

    # -- new / open --------------------------------------------------------------------------
    def new(self) -> None:
        if self.maybe_save():
            self.editor.set_document(Document(Policy(), parent=self.editor.window()))

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        folder = (
            str(Path(self.editor.document.path).parent)
            if self.editor.document and self.editor.document.path
            else ""
        )
        path, _ = QFileDialog.getOpenFileName(
            self.editor.window(), self.tr("Open Policy"), folder, open_filters()
        )
        if path:
            self.open_path(path, ask=False)

    def open_sample(self) -> None:
        self.open_path(str(sample_path()))

    def open_path(self, path: str, ask: bool = True) -> None:
        """Open a native file, or import any other file as an unsaved document.

        Big files are read on a worker thread with a progress dialog.
        """
        if ask and not self.maybe_save():
            return
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        if size > BACKGROUND_BYTES:
            run_with_progress(
                self.editor.window(),
                self.tr("Opening {0}…").format(Path(path).name),
                lambda: _read_and_check(path),
                lambda checked: self._opened(path, checked.policy, checked),
                lambda exc: self._open_failed(path, exc),
                modal=True,
            )
            return
        try:
            policy = open_policy(path)
        except Exception as exc:  # PolicyFileError, or a reader bug: either way, tell and go on
            self._open_failed(path, exc)
            return
        self._opened(path, policy)

    def _opened(self, path: str, policy: Policy, checked: CheckedPolicy | None = None) -> None:
        is_native = native.is_native(path)
        self._disk_state = _disk_state(path) if is_native else None
        if is_native:
            remove_stale_temporaries(path)
        document = Document(
            policy,
            path=path if is_native else None,
            source=None if is_native else path,
            unsaved=not is_native,
            parent=self.editor.window(),
            checked=checked,
        )
        self.editor.set_document(document)
        self.editor.settings.add_recent_file(path)
        self.editor.update_recent_menu()
        notes = getattr(policy, "import_notes", None)
        if notes:
            self.editor.statusBar().showMessage("; ".join(notes), 15000)
        self.opened.emit(path)

    def _open_failed(self, path: str, exc: BaseException) -> None:
        if not isinstance(exc, PolicyFileError):
            exc = PolicyFileError(path, f"cannot be opened ({type(exc).__name__}: {exc})")
        self.editor.settings.remove_recent_file(path)
        self.editor.update_recent_menu()
        QMessageBox.warning(
            self.editor.window(),
            self.tr("Cannot Open File"),
            self.tr("{0} could not be opened.\n\n{1}").format(Path(path).name, str(exc)),
        )
        self.open_failed.emit(path)

    # -- save ------------------------------------------------------------------------------
    def save(self) -> bool:
        document = self.editor.document
        if document is None:
            return False
        if not document.path:
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self) -> bool:
        document = self.editor.document
        if document is None:
            return False
        suggestion = document.path or _native_name(document.source or self.tr("Untitled"))
        path, _ = QFileDialog.getSaveFileName(
            self.editor.window(),
            self.tr("Save Policy As"),
            suggestion,
            self.tr("PlutoEditor policies (*.policy.yaml)"),
        )
        if not path:
            return False
        if not native.is_native(path):
            path = _native_name(path)
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        """Save a snapshot on a worker thread (the window keeps painting; a progress dialog
        shows when it takes long); True when the file was written."""
        document = self.editor.document
        assert document is not None
        if self._saving:
            return False  # Ctrl+S again while saving: the running save carries on
        if _read_only(path):
            return self._offer_save_as(path)
        if path == document.path and not self._may_overwrite(path):
            return False
        old = document.path
        if old and old in self.watcher.files():
            self.watcher.removePath(old)
        snapshot, undo_index = document.snapshot()
        target = path  # write_atomic writes a symlinked policy through to its target
        self._saving = True
        try:
            run_and_wait(
                self.editor.window(),
                self.tr("Saving {0}…").format(Path(path).name),
                lambda: write_atomic(target, native.dumps_data(snapshot)),
            )
        except (OSError, ValueError, PolicyFileError) as exc:
            QMessageBox.critical(
                self.editor.window(),
                self.tr("Cannot Save"),
                self.tr("{0} could not be saved.\n\n{1}").format(Path(path).name, str(exc)),
            )
            self._watch(old)
            return False
        finally:
            self._saving = False
        if not shiboken6.isValid(document) or self.editor.document is not document:
            return True  # written; the window shows another document now
        document.saved_as(path, undo_index)
        self._disk_state = _disk_state(path)
        remove_stale_temporaries(path)
        self._watch(path)
        self.editor.settings.add_recent_file(path)
        self.editor.update_recent_menu()
        if not document.is_modified:
            self.editor.autosave.discard()
        self.editor.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def _offer_save_as(self, path: str) -> bool:
        """A read-only file is never replaced: offer to save under another name instead."""
        Button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.editor.window(),
            self.tr("File Is Read-Only"),
            self.tr("{0} is read-only, so it was not replaced. Save your work under another name?").format(
                Path(path).name
            ),
            Button.Save | Button.Cancel,
            Button.Save,
        )
        return answer == Button.Save and self.save_as()

    def _may_overwrite(self, path: str) -> bool:
        """Another program changed the file since it was opened or saved here (and the
        reload was declined, or never noticed): ask before replacing that change."""
        if self._disk_state is None or _disk_state(path) in (None, self._disk_state):
            return True
        Button = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self.editor.window(),
            self.tr("File Changed on Disk"),
            self.tr(
                "{0} was changed by another program since you opened it. Saving replaces "
                "that change with your version. Replace it?"
            ).format(Path(path).name),
            Button.Save | Button.Cancel,
            Button.Cancel,
        )
        return answer == Button.Save

    # -- revert / close ------------------------------------------------------------------
    def revert(self) -> None:
        document = self.editor.document
        if document is None or not document.path:
            return
        answer = QMessageBox.question(
            self.editor.window(),
            self.tr("Revert to Saved"),
            self.tr("Discard all unsaved changes to {0} and reload it from disk?").format(
                document.display_name()
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._reload()

    def _reload(self) -> None:
        document = self.editor.document
        if document is None or not document.path:
            return
        path = document.path
        self.editor.autosave.discard()
        document.undo_stack.setClean()  # so opening does not ask again
        self.open_path(path, ask=False)

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True when it is fine to go on."""
        document = self.editor.document
        if self._saving:
            return False  # a save is running: nothing may replace or close the document
        if document is None or not document.is_modified:
            return True
        answer = QMessageBox.warning(
            self.editor.window(),
            self.tr("Unsaved Changes"),
            self.tr("{0} has unsaved changes. Save them before closing?").format(document.display_name()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.autosave.discard()
            return True
        return False

    def close_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.editor.set_document(None)
        return True

    # -- watching -------------------------------------------------------------------------
    def _watch(self, path: str | None) -> None:
        for old in self.watcher.files():
            self.watcher.removePath(old)
        if path and os.path.exists(path):
            self.watcher.addPath(path)

    def document_changed(self, document: Document | None) -> None:
        """The window shows another document: watch its file instead."""
        if document is None or not document.path:
            self._disk_state = None
        self._watch(document.path if document else None)

    def _file_changed(self, path: str) -> None:
        document = self.editor.document
        if document is None or document.path != path or self._asking:
            return
        # editors often save by replacing the file; watch the new one when it appears
        QTimer.singleShot(200, self, lambda: self._watch(path))  # ends with the window
        self._asking = True
        try:
            if not os.path.exists(path):
                self.editor.statusBar().showMessage(
                    self.tr("{0} was deleted or moved on disk").format(path), 10000
                )
                return
            extra = self.tr("\n\nYour unsaved changes here would be lost.") if document.is_modified else ""
            answer = QMessageBox.question(
                self.editor.window(),
                self.tr("File Changed on Disk"),
                self.tr("{0} was changed by another program. Reload it?").format(Path(path).name) + extra,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No if document.is_modified else QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._reload()
        finally:
            self._asking = False


#: A save killed halfway leaves `.NAME.XXXXXXXX.tmp` beside NAME (write_atomic's temporary
#: file); one older than this is no longer being written by anyone.
STALE_TEMPORARY_SECONDS = 60


def remove_stale_temporaries(path: str) -> list[str]:
    """Delete temporary files that a killed save of `path` left beside it; their names."""
    target = Path(os.path.realpath(path))
    pattern = re.compile(r"\." + re.escape(target.name) + r"\.[A-Za-z0-9_]{8}\.tmp")
    removed: list[str] = []
    try:
        candidates = list(target.parent.glob(f".{glob.escape(target.name)}.*.tmp"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            info = candidate.lstat()
            if (
                pattern.fullmatch(candidate.name)
                and stat.S_ISREG(info.st_mode)
                and time.time() - info.st_mtime > STALE_TEMPORARY_SECONDS
            ):
                candidate.unlink()
                removed.append(candidate.name)
        except OSError:
            continue
    return removed


def _disk_state(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _read_only(path: str) -> bool:
    """An existing file without write permission (by its mode bits, as root is told yes)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and (not info.st_mode & 0o222 or not os.access(path, os.W_OK))


def _native_name(path: str) -> str:
    """`policy.txt` -> `policy.policy.yaml` (a native name beside the imported file)."""
    p = Path(path)
    return str(p.with_name(without_suffix(p.name) + native.SUFFIX))


def _read_and_check(path: str) -> CheckedPolicy:
    """On the worker: read and check a big file, and build the policy's clause index there
    (the window's first look-up by id would build it on the GUI thread: 50 ms on 10,000)."""
    checked = check_policy(open_policy(path))
    checked.policy.find("")
    return checked
