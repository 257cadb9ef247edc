"""Long work off the GUI thread: a worker thread and a progress dialog that never blocks.

Used for opening big files, saving, autosaving and exports. The work gets its own snapshot
of whatever it reads (a policy copy for exports, plain data for saves), so the user can keep
editing meanwhile.

A worker reports only after its thread has ended, and nothing deletes it before then, so a
window is never torn down under a running thread ("QThread: Destroyed while thread is still
running" aborted the app after exports). A window's running workers are listed by
`running_workers(window)`; `work_of(window).idle` tells when the last one is done, which is
when a window asked to close meanwhile really closes. `wait_for_all_work()` is the last
thing the app does before it exits.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

#: What the work returns, handed to `on_success`.
T = TypeVar("T")

#: Every worker started and not yet reported, in any window (waited for at exit).
_ALL: weakref.WeakSet[Worker] = weakref.WeakSet()


class Worker(QThread):
    """Runs `work()` on a thread; `succeeded(result)` or `failed(exception)` on the GUI
    thread once the thread has ended."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._result: Any = None
        self._error: BaseException | None = None
        self.reported = False
        # self lives in the GUI thread: the report is queued there, after run() returned
        self.finished.connect(self.report)
        _ALL.add(self)

    def run(self) -> None:
        try:
            self._result = self._work()
        except Exception as exc:  # handed to the GUI thread, which shows it
            self._error = exc

    @Slot()
    def report(self) -> None:
        """Deliver the outcome on the GUI thread (once; queued after the thread ended, or
        called by whoever waited for the thread)."""
        if self.reported:
            return
        self.wait()  # run() has returned; the thread itself ends within moments
        self.reported = True
        _ALL.discard(self)
        if self._error is not None:
            self.failed.emit(self._error)
        else:
            self.succeeded.emit(self._result)


class WindowWork(QObject):
    """The workers one window started and that have not reported yet."""

    #: the last running worker has reported
    idle = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.workers: list[Worker] = []


def work_of(parent: QObject) -> WindowWork:
    work = parent.findChild(WindowWork, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if work is None:
        work = WindowWork(parent)
    return work


def running_workers(parent: QObject) -> list[Worker]:
    """The workers started for a window and not finished yet (kept alive by this list)."""
    return work_of(parent).workers


def run_with_progress(
    parent: QWidget,
    label: str,
    work: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
    modal: bool = False,
    show_progress: bool = True,
) -> Worker:
    """Start `work` on a worker thread with a busy progress dialog shown after a short delay.

    `modal` keeps the user out of the window meanwhile (opening a file replaces the document);
    an export works on a copy, so the user may go on editing. `show_progress=False` is for
    quiet background work (autosave).
    """
    dialog: QProgressDialog | None = None
    if show_progress:
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Worker", "Please wait"))
        dialog.setCancelButton(None)  # the work cannot be interrupted halfway
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        if modal:
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setValue(0)
    window_work = work_of(parent)
    worker = Worker(work, parent)
    window_work.workers.append(worker)

    def finish() -> None:
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        if worker in window_work.workers:
            window_work.workers.remove(worker)
        worker.deleteLater()  # its thread has ended: safe

    def succeeded(result: T) -> None:
        finish()
        try:
            on_success(result)
        finally:
            if not window_work.workers:
                window_work.idle.emit()

    def failed(exc: BaseException) -> None:
        finish()
        try:
            on_failure(exc)
        finally:
            if not window_work.workers:
                window_work.idle.emit()

    worker.succeeded.connect(succeeded)
    worker.failed.connect(failed)
    worker.start()
    return worker


def run_and_wait(parent: QWidget, label: str, work: Callable[[], T]) -> T | None:
    """Run `work` on a worker and return its result (or raise its exception), processing
    events meanwhile so the window keeps painting; a progress dialog (window-modal) shows
    when it takes long. For work the caller needs the answer of (saving before closing)."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    worker = run_with_progress(
        parent,
        label,
        work,
        lambda result: done("result", result),
        lambda exc: done("error", exc),
        modal=True,
    )
    if not outcome:
        loop.exec()
    if not outcome:  # the application is quitting: the work still ends before we go on
        worker.wait()
        worker.report()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def work_in_progress() -> bool:
    """Whether any worker, in any window, has not reported yet."""
    return any(not worker.reported for worker in list(_ALL))


def wait_for_workers(parent: QObject, timeout_ms: int = 60000) -> None:
    """Block until the window's workers are done and have reported (closing, tests)."""
    for worker in list(running_workers(parent)):
        worker.wait(timeout_ms)
        worker.report()


def wait_for_all_work(timeout_ms: int = 120000) -> None:
    """Before the application exits: let every running worker end (none is destroyed while
    its thread runs, so a file being written is finished, not left half-written)."""
    for worker in list(_ALL):
        worker.wait(timeout_ms)
