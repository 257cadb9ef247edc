"""Full garbage collections while the user is idle, never in the middle of their work.

Python's cyclic collector scans every object in its oldest generation now and then; with a
10,000-clause policy open that is about 190 ms on the GUI thread, at a moment chosen by the
allocation count (in a keystroke, a save snapshot, an export). The editor raises the
oldest generation's threshold out of reach and runs that collection itself after a few
seconds without keyboard or mouse input. Young generations are collected as usual (they
are small and quick).

After a full collection the survivors are frozen (`gc.freeze`): later collections skip
them, so they take milliseconds even with a big policy open. Nothing is thawed again while
the app runs: thawing walks every object once more (after closing a 10,000-clause document,
0.3-1.2 s on the GUI thread). A closed document's clauses do not need it: the document
undoes its policy's links when it is destroyed (editor.open_document), so reference
counting frees them, frozen or not. What stays frozen is a closed document's few Qt-side
objects, and only what was in a reference cycle when it was frozen.

Nor does it collect while a worker thread runs (an export, a save): the work holds a
snapshot that is garbage once it ends, and a collection then would hold the interpreter
lock for as long as a full one (200 ms seen during a PDF export of 10,000 clauses).

The user's input is watched on each top-level window (its QWindow, where Qt delivers input
first), not on the application: a filter on the application is Python called for every event
to every object (paints, timers, layout), and each such call must take the interpreter lock
back from a worker that is checking or exporting, a wait of up to a switch interval each
(a window-modal progress dialog appearing was 180 ms of such waits).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication

from plutoeditor.gc_pause import survivors_stay_frozen
from plutoeditor.ui.common.workers import work_in_progress

#: Without input for this long, the user is not waiting for the window.
IDLE_MS = 3000
#: How often to look whether a collection is due.
CHECK_MS = 2000
_USER_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class IdleCollector(QObject):
    """Runs the oldest generation's collection when the user has been idle a while."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._threshold = gc.get_threshold()
        young, middle, _oldest = self._threshold
        gc.set_threshold(young, middle, 1_000_000_000)  # never by allocation count
        # what the app has loaded by now lives as long as it: walked once here, at start-up,
        # then never again; a document loaded later is frozen with it (gc_pause), so the first
        # idle collection after opening 10,000 clauses no longer walks them all (370 ms)
        gc.collect()
        gc.freeze()
        survivors_stay_frozen(True)
        self._since_input = QElapsedTimer()
        self._since_input.start()
        self.watch_windows()
        app.focusWindowChanged.connect(self._watch)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.collect_if_idle)
        self.timer.start()
        app.aboutToQuit.connect(self.stop)

    def watch_windows(self) -> None:
        """Watch the input of every top-level window (a window opened since is watched once
        it has the focus, or at the next look whether a collection is due)."""
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: installing again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT:
            self._since_input.restart()
        return False

    def collect_if_idle(self) -> bool:
        """Collect the oldest generation if the user is idle, no work runs on a worker and the
        generation has grown; True if done."""
        self.watch_windows()
        if self._since_input.elapsed() < IDLE_MS or gc.get_count()[2] == 0 or work_in_progress():
            return False
        gc.collect()
        gc.freeze()
        return True

    def stop(self) -> None:
        self.timer.stop()
        survivors_stay_frozen(False)
        gc.unfreeze()
        gc.set_threshold(*self._threshold)


def collect_when_idle(app: QApplication) -> IdleCollector:
    """Install the idle collector once per application."""
    existing = app.findChild(IdleCollector)
    return existing if isinstance(existing, IdleCollector) else IdleCollector(app)
