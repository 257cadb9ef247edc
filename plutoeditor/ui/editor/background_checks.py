"""The checks of an open document, run on a worker thread so an edit never waits for them.

The checks read a copy of the policy (`model.mirror`) that follows the user's edits: a run
takes the edits made since the last one, replays them on the copy and runs the incremental
Checker there, while the user goes on editing the policy itself (after a clause move in a
10,000-clause policy that is 120-150 ms of CPU the window no longer spends). A run starts a
pause after the last edit; findings are `current` once a run has seen every edit, and the
window marks them as updating until then. One run at a time touches the copy.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from plutoeditor.checks import Checker
from plutoeditor.checks.finding import Finding
from plutoeditor.checks.terms_index import forget_term_index, term_index
from plutoeditor.model import Policy
from plutoeditor.model.clause import Clause
from plutoeditor.model.mirror import Edit, PolicyMirror
from plutoeditor.ui.common import snapshot
from plutoeditor.ui.common.workers import Worker

log = logging.getLogger(__name__)

#: Every run not yet reported, kept here (a QThread destroyed while it runs aborts the app),
#: whatever happens to its document meanwhile.
_RUNNING: set[Worker] = set()


@dataclass
class PreparedChecks:
    """A policy's copy and its checker, with the first findings (prepared on a worker when
    a big file is opened)."""

    copy: Policy
    checker: Checker
    findings: list[Finding]
    expected: dict[str, str]


def prepare_checks(policy: Policy) -> PreparedChecks:
    """Copy the policy and run the first full check on the copy (slow for big documents:
    call it on a worker thread, before the policy is shown)."""
    copy = policy.copy()
    copy.find("")  # its clause index, in which replayed edits look clauses up
    checker = Checker(copy)
    prepared = PreparedChecks(copy, checker, list(checker.findings()), checker.expected_labels())
    # the terms index of the policy itself, which the Definitions pane and the defined terms'
    # tooltips read: built here, it is not built on the GUI thread at the first hover (200 ms)
    term_index(policy)
    return prepared


@dataclass
class _Outcome:
    edits: int  # how many edits the findings have seen
    asks: int  # and how many re-checks asked for without an edit
    findings: list[Finding]
    expected: dict[str, str]
    seconds: float  # CPU time of the run


class _Copy:
    """The copy, its mirror of the live policy and its checker: what a run works on."""

    def __init__(self, live: Policy, prepared: PreparedChecks | None = None) -> None:
        if prepared is None:
            self.mirror = PolicyMirror(live)
            self.mirror.copy.find("")
            self.checker = Checker(self.mirror.copy)
        else:
            self.mirror = PolicyMirror(live, prepared.copy)
            self.checker = prepared.checker

    def run(
        self, edits: list[Edit], previous: tuple[Policy, int] | None
    ) -> tuple[list[Finding], dict[str, str]]:
        removed = self.mirror.replay(edits)
        findings = list(self.checker.findings())
        if previous is not None:
            from plutoeditor.checks.versions import integrity_findings

            findings += integrity_findings(self.mirror.copy, previous[0], previous[1])
        expected = self.checker.expected_labels()
        for clause in removed:  # the copy's own, never put back: freed now, not at a full collection
            _unlink(clause)
        return findings, expected

    def dispose(self) -> None:
        self.mirror.close()
        self.checker.close()
        forget_term_index(self.mirror.copy)
        snapshot.dispose(self.mirror.copy)


class BackgroundChecks(QObject):
    """The findings of one live policy, worked out on a copy.

    `findings`/`expected` are those of the last run. `arrived` says a run's results are in
    (`current` then tells whether it saw every edit); `failed` that a run raised (the
    findings stay as they were). `schedule()` after an edit; `check_now()` when the caller
    needs the findings this moment (it waits for a run that is going).
    """

    arrived = Signal()
    failed = Signal(str)

    def __init__(
        self,
        policy: Policy,
        delay_ms: int,
        prepared: PreparedChecks | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self.previous: tuple[Policy, int] | None = None
        self._copy = _Copy(policy, prepared)
        self.findings: list[Finding] = prepared.findings if prepared else []
        self.expected: dict[str, str] = prepared.expected if prepared else {}
        self._edits_seen = 0 if prepared else -1  # -1: never checked
        self._asks = self._asks_seen = 0
        self._worker: Worker | None = None
        self._broken = False  # a replay failed: a fresh copy is made before the next run
        self._closed = False
        self._waiting = False  # check_now is taking a run's report: it does the rest itself
        self.last_check_seconds = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.start)

    # -- state ---------------------------------------------------------------------------
    @property
    def checker(self) -> Checker:
        """The copy's checker (touch it only while no run is going)."""
        return self._copy.checker

    @property
    def current(self) -> bool:
        """Whether the findings have seen every edit so far."""
        return (
            not self._broken
            and self._edits_seen == self._copy.mirror.recorded
            and self._asks_seen == self._asks
        )

    @property
    def running(self) -> bool:
        return self._worker is not None

    def schedule(self, ask: bool = False) -> None:
        """Check once the user pauses (`ask`: the findings are out of date without an edit,
        as when the previous version changed)."""
        if ask:
            self._asks += 1
        self.timer.start()

    # -- running -------------------------------------------------------------------------
    def start(self) -> None:
        """Check on a worker thread what changed since the last run; when a run is going,
        the next starts as it reports."""
        self.timer.stop()
        if self._closed or self._worker is not None or self.current:
            return
        worker = Worker(self._next_run())  # no parent: it outlives a closed document
        _RUNNING.add(worker)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.succeeded.connect(lambda _outcome: _finished(worker))
        worker.failed.connect(lambda _exc: _finished(worker))
        self._worker = worker
        worker.start()

    def check_now(self) -> None:
        """Bring the findings up to date on this thread."""
        self.timer.stop()
        if self._closed:
            return
        if self._worker is not None:
            self._waiting = True
            try:
                self._worker.wait()
                self._worker.report()  # now (the queued report then finds it delivered)
            finally:
                self._waiting = False
        run = self._next_run()  # even when current: asked for, the checks run again
        try:
            outcome = run()
        except Exception as exc:  # as a worker's failure
            self._report_failure(exc)
            return
        self._deliver(outcome)

    def _next_run(self) -> Callable[[], _Outcome]:
        """What the next run does, taken on this thread: the edits since the last run."""
        if self._broken:  # start again from a copy of the policy as it is now
            self._copy.dispose()
            self._copy = _Copy(self.policy)
            self._broken = False
        edits, seen = self._copy.mirror.take_edits()
        copy, previous, asks = self._copy, self.previous, self._asks

        def run() -> _Outcome:
            started = time.thread_time()
            findings, expected = copy.run(edits, previous)
            return _Outcome(seen, asks, findings, expected, time.thread_time() - started)

        return run

    def _succeeded(self, outcome: _Outcome) -> None:
        if self._ended():
            self._deliver(outcome)
            if not self.current and not self.timer.isActive() and not self._waiting:
                self.start()  # edited while it ran, and no pause to wait for

    def _failed(self, exc: BaseException) -> None:
        if self._ended():
            self._report_failure(exc)

    def _ended(self) -> bool:
        """The run has reported: whether its outcome is still wanted."""
        self._worker = None
        return not self._closed

    def _deliver(self, outcome: _Outcome) -> None:
        self._edits_seen, self._asks_seen = outcome.edits, outcome.asks
        self.findings, self.expected = outcome.findings, outcome.expected
        self.last_check_seconds = outcome.seconds
        self.arrived.emit()

    def _report_failure(self, exc: BaseException) -> None:
        log.error("checking the policy failed", exc_info=exc)
        if isinstance(exc, LookupError):  # the copy could not follow an edit
            self._broken = True
        self.failed.emit(f"{type(exc).__name__}: {exc}")

    def close(self) -> None:
        """The document is closed: stop following it. A run still going ends on its own
        and its copy is freed then."""
        self._closed = True
        self.timer.stop()
        copy, worker = self._copy, self._worker
        copy.mirror.close()
        if worker is None:
            copy.dispose()
        else:  # the run still reads the copy: freed once it has ended
            worker.succeeded.connect(lambda _outcome: copy.dispose())
            worker.failed.connect(lambda _exc: copy.dispose())


def _finished(worker: Worker) -> None:
    _RUNNING.discard(worker)
    worker.deleteLater()  # its thread has ended


def _unlink(clause: Clause) -> None:
    for node in list(clause.walk()):
        node.children = []
        node.parent = None
