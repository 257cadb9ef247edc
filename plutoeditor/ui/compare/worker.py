"""Runs a comparison off the GUI thread and reports progress, result or failure by signal."""

from __future__ import annotations

import gc
import os

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from plutoeditor.compare import compare_policies
from plutoeditor.compare.versions import SWAPPED, order_by_effective_date
from plutoeditor.file_formats import open_policy
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.model.policy import Policy

Source = Policy | str | os.PathLike[str]


def source_name(source: Source) -> str:
    """How to name a version in titles: its file name, or the policy's title."""
    if isinstance(source, Policy):
        return source.metadata.title or "current document"
    return os.path.basename(os.fspath(source))


class ComparisonCancelled(Exception):
    """The window that asked for the comparison closed, or the application is quitting."""


def _check_cancelled() -> None:
    if QThread.currentThread().isInterruptionRequested():
        raise ComparisonCancelled


class CompareWorker(QObject):
    """Opens (if given paths) and compares two versions; lives in its own QThread.

    Policies are copied by the caller on the GUI thread, so edits made while the
    comparison runs cannot race with it.
    """

    progress = Signal(int, int)
    finished = Signal(object)  # Comparison
    failed = Signal(str)
    #: Emitted before `finished` when asked to order the versions by effective date:
    #: "kept", "swapped" (the first given was the newer one) or "unknown".
    ordered = Signal(str)

    def __init__(self, old: Source, new: Source, order_by_date: bool = False) -> None:
        super().__init__()
        self._old, self._new = old, new
        self._order_by_date = order_by_date

    @Slot()
    def run(self) -> None:
        # Two big trees that all stay alive: the cyclic garbage collector would only re-scan
        # them over and over (half the time of a 10,000-clause comparison).
        collecting = gc.isenabled()
        gc.disable()
        try:
            # progress out of 100: opening each file is a fifth, comparing the rest
            self.progress.emit(0, 100)
            old = self._old if isinstance(self._old, Policy) else open_policy(self._old)
            _check_cancelled()
            self.progress.emit(20, 100)
            new = self._new if isinstance(self._new, Policy) else open_policy(self._new)
            _check_cancelled()
            self.progress.emit(40, 100)
            if self._order_by_date:
                order = order_by_effective_date(old, new)
                if order == SWAPPED:
                    old, new = new, old
                self.ordered.emit(order)

            def report(done: int, total: int) -> None:
                _check_cancelled()
                self.progress.emit(40 + 60 * done // max(total, 1), 100)

            comparison = compare_policies(old, new, report)
        except ComparisonCancelled:
            return
        except PolicyFileError as exc:
            self.failed.emit(str(exc))
            return
        except OSError as exc:
            self.failed.emit(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
            return
        except Exception as exc:  # a bug must not leave the window waiting forever
            self.failed.emit(f"the comparison failed: {exc!r}")
            raise
        finally:
            if collecting:
                gc.enable()
            QThread.currentThread().quit()  # the thread's own loop: ends as soon as run returns
        self.finished.emit(comparison)


#: Workers whose thread still runs, so the worker outlives its thread even when the window
#: that asked for it has gone. The thread itself belongs to the application (never to a
#: window, whose closing would destroy a running thread) and deletes itself when done.
_RUNNING: dict[QThread, CompareWorker] = {}


def prepare_comparison(
    old: Source, new: Source, order_by_date: bool = False
) -> tuple[QThread, CompareWorker]:
    """A thread and its CompareWorker, not yet started: connect the worker's signals, then
    call `thread.start()` (connecting after the start could miss a quick result).

    Policies are copied here, on the calling (GUI) thread. With `order_by_date` the older
    version by effective date becomes the old one (the worker's `ordered` says what it did).
    """
    if isinstance(old, Policy):
        old = old.copy()
    if isinstance(new, Policy):
        new = new.copy()
    thread = QThread(QCoreApplication.instance())
    worker = CompareWorker(old, new, order_by_date)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    _RUNNING[thread] = worker
    # runs in the finishing thread: the worker is released in its own thread
    thread.finished.connect(lambda: _RUNNING.pop(thread, None), Qt.ConnectionType.DirectConnection)
    thread.finished.connect(thread.deleteLater)
    return thread, worker


def cancel_comparison(thread: QThread) -> None:
    """Stop a comparison nobody waits for any more (its window closed); a finished one is left."""
    if thread in _RUNNING:
        thread.requestInterruption()


def stop_comparisons(timeout_ms: int = 60000) -> None:
    """Cancel every running comparison and wait for its thread to end (the application is
    quitting: a thread destroyed while it runs aborts the whole process)."""
    for thread in list(_RUNNING):
        thread.requestInterruption()
    for thread in list(_RUNNING):
        thread.wait(timeout_ms)
