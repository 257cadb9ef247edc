"""Long work off the GUI thread: a worker thread and a progress dialog that never blocks.

Used for importing big files and for exports. The work gets its own copy of whatever it
reads (a policy copy for exports), so the user can keep editing meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Worker(QThread):
    """Runs `work()` on a thread; `succeeded(result)` or `failed(exception)` on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any], parent=None) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the GUI thread, which shows it
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)


def run_with_progress(
    parent: QWidget,
    label: str,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    modal: bool = False,
) -> Worker:
    """Start `work` on a worker thread with a busy progress dialog shown after a short delay.

    `modal` keeps the user out of the window meanwhile (opening a file replaces the document;
    an export works on a copy, so the user may go on editing).
    """
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Worker", "Please wait"))
    dialog.setCancelButton(None)  # the work cannot be interrupted halfway; it is short
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    if modal:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setValue(0)
    worker = Worker(work, parent)
    workers: list[Worker] = running_workers(parent)
    workers.append(worker)

    def finish() -> None:
        dialog.reset()
        dialog.deleteLater()
        if worker in workers:
            workers.remove(worker)
        worker.deleteLater()

    worker.succeeded.connect(lambda result: (finish(), on_success(result)))
    worker.failed.connect(lambda exc: (finish(), on_failure(exc)))
    worker.start()
    return worker


def wait_for_workers(parent: QWidget, timeout_ms: int = 30000) -> None:
    """Block until the window's workers are done (closing the window, tests)."""
    for worker in list(running_workers(parent)):
        worker.wait(timeout_ms)


def running_workers(parent: QWidget) -> list[Worker]:
    """The workers started for a window and not finished yet (kept alive by this list)."""
    if not hasattr(parent, "_running_workers"):
        parent._running_workers = []  # type: ignore[attr-defined]
    return parent._running_workers  # type: ignore[attr-defined]
