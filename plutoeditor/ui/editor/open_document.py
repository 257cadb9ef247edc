"""An open document: the policy, its file, its undo stack, its outline model and findings.

Every edit goes through `push(operation)`, so undo, the modified flag, the outline and the
debounced findings refresh all follow from one place.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from plutoeditor.checks import Checker
from plutoeditor.checks.finding import Finding
from plutoeditor.checks.terms_index import forget_term_index
from plutoeditor.formats import native
from plutoeditor.model import ChangeEvent, Policy
from plutoeditor.model.operations import Operation
from plutoeditor.ui.common import snapshot
from plutoeditor.ui.editor.background_checks import BackgroundChecks, PreparedChecks, prepare_checks
from plutoeditor.ui.editor.commands import OperationCommand
from plutoeditor.ui.editor.outline_model import OutlineModel

#: How long after the last edit findings are refreshed (typing never waits for them).
FINDINGS_DELAY_MS = 300

#: How a wait for current findings ended (`Document.when_findings_current`): "current" (the
#: findings have seen every edit), "failed" (a check raised: they have not) or "closed".
WaitOutcome = Literal["current", "failed", "closed"]


@dataclass
class CheckedPolicy:
    """A policy with the copy its checks run on and their first findings, prepared off
    the GUI thread."""

    policy: Policy
    checks: PreparedChecks


def check_policy(policy: Policy) -> CheckedPolicy:
    """Run the first full check (slow for big documents: call it on a worker thread)."""
    return CheckedPolicy(policy, prepare_checks(policy))


def _end_waits(waits: list[Callable[[WaitOutcome], None]], outcome: WaitOutcome) -> None:
    ended = list(waits)
    waits.clear()
    for then in ended:
        then(outcome)


class Document(QObject):
    """A policy being edited. `path` is None until it is saved as a native file."""

    #: the findings are current again (after edits, once the checks saw them all)
    findings_changed = Signal()
    #: an edit made the findings shown out of date; `findings_changed` follows
    findings_outdated = Signal()
    #: the checks raised; the old findings stay (the message is for the status bar)
    check_failed = Signal(str)
    modified_changed = Signal(bool)
    path_changed = Signal()
    metadata_changed = Signal(str)

    def __init__(
        self,
        policy: Policy,
        path: str | None = None,
        source: str | None = None,
        unsaved: bool = False,
        parent: QObject | None = None,
        checked: CheckedPolicy | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self.path = path
        #: the file this document was imported or recovered from (shown in the title)
        self.source = source
        #: names this document's autosave copy (unique per opened document)
        self.recovery_key = uuid.uuid4().hex
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        stack = self.undo_stack  # Qt 6 clears (and so signals) a stack while destroying it
        self.destroyed.connect(lambda *_: stack.blockSignals(True))
        if unsaved:
            self.undo_stack.resetClean()  # imported or recovered: unsaved until saved as native
        self.outline = OutlineModel(policy, self.push, self)
        #: the version before this one (from Draft Summary or Compare With...) and how many
        #: substantive changes separate them: its integrity findings join the others
        self.previous_version: tuple[Policy, int] | None = None
        prepared = checked.checks if checked is not None and checked.policy is policy else None
        self._checks = BackgroundChecks(policy, FINDINGS_DELAY_MS, prepared, self)
        self._checks.arrived.connect(self._findings_arrived)
        self._checks.failed.connect(self.check_failed)
        self._checks.failed.connect(self._checks_failed)
        #: callers waiting for findings that have seen every edit (`when_findings_current`)
        self._waits: list[Callable[[WaitOutcome], None]] = []
        waits = self._waits  # destroyed with its window, unclosed: the waits end too
        self.destroyed.connect(lambda *_: _end_waits(waits, "closed"))
        self.findings: list[Finding] = self._checks.findings
        self.expected: dict[str, str] = self._checks.expected
        self._shown_current = prepared is not None  # the findings shown have seen every edit
        policy.subscribe(self._on_change)
        if prepared is not None:  # checked on the worker thread; no view shows the outline yet
            self.outline.set_annotations(self.expected, self.findings, announce=False)
        else:
            self.refresh_findings()

    # -- editing ----------------------------------------------------------------
    def push(self, operation: Operation | None, typing: bool = False) -> None:
        """Apply an operation as one undoable step (typing steps in one field merge)."""
        if operation is None:
            return
        self.undo_stack.push(OperationCommand(self.policy, operation, typing=typing))

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The file name the title bar shows ("Untitled" for a new document)."""
        if self.path:
            return Path(self.path).name
        if self.source:
            return Path(self.source).name
        return self.tr("Untitled")

    # -- files --------------------------------------------------------------------
    def save(self, path: str | None = None) -> None:
        """Write atomically as a native file; the undo stack becomes clean."""
        target = path or self.path
        if not target:
            raise ValueError("no file name to save to")
        native.save(self.policy, target)
        if target != self.path:
            self.path = target
            self.path_changed.emit()
        self.undo_stack.setClean()

    def snapshot(self) -> tuple[dict[str, Any], int]:
        """The policy as plain data (`native.to_data`, fast) and the undo step it is at, for
        saving on a worker thread while the user may keep editing."""
        return native.to_data(self.policy), self.undo_stack.index()

    def saved_as(self, path: str, undo_index: int) -> None:
        """A snapshot taken at `undo_index` is now the file `path`: the document is clean
        unless it was edited meanwhile (then it stays modified, as it differs from the file)."""
        if path != self.path:
            self.path = path
            self.path_changed.emit()
        if self.undo_stack.index() == undo_index:
            self.undo_stack.setClean()

    def close(self) -> None:
        """Stop listening to the policy; the document is not used afterwards."""
        self.blockSignals(True)
        self.undo_stack.blockSignals(True)  # it is destroyed with us; nobody should hear about it
        self.policy.unsubscribe(self._on_change)
        self.outline.detach()
        self._end_waits("closed")
        self._checks.close()  # a run still going ends on its own; its copy is freed then
        # Signal connections and models hold a closed document in cycles that only a full
        # collection would free (0.3-1.2 s on the GUI thread for 10,000 clauses, as it walks
        # every object). So once the window has moved on and the document is destroyed, its
        # policy's own links are undone: reference counting frees the clauses at once.
        self.destroyed.connect(lambda *_: self._release())

    def _release(self) -> None:
        forget_term_index(self.policy)
        snapshot.dispose(self.policy)
        self.findings, self.expected = [], {}
        self.outline.set_annotations({}, [], announce=False)

    # -- findings -------------------------------------------------------------------
    @property
    def _checker(self) -> Checker:
        """The checker of the policy's copy (touch it only after `refresh_findings`)."""
        return self._checks.checker

    @property
    def last_check_seconds(self) -> float:
        """CPU time of the last check (on the worker thread)."""
        return self._checks.last_check_seconds

    @property
    def findings_current(self) -> bool:
        """Whether the findings shown have seen every edit (else they are updating)."""
        return self._checks.current

    def refresh_findings(self) -> None:
        """Bring the findings up to date now, on this thread (waits for a check that is
        running). Edits are checked on a worker thread after a pause: see `check_soon`."""
        self._checks.check_now()

    def when_findings_current(self, then: Callable[[WaitOutcome], None]) -> None:
        """Call `then("current")` once the findings have seen every edit: at once when they
        have, else when the worker's check that sees them all reports (the event loop keeps
        turning meanwhile; edits made meanwhile are waited for too). `then("failed")` when a
        check raises first, `then("closed")` when the document is closed first."""
        if self._checks.current:
            then("current")
            return
        self._waits.append(then)
        self.check_soon()

    def _checks_failed(self, _message: str) -> None:
        self._end_waits("failed")

    def _end_waits(self, outcome: WaitOutcome) -> None:
        _end_waits(self._waits, outcome)

    def check_soon(self) -> None:
        """Check what changed on the worker thread now, not after the usual pause."""
        self._checks.start()

    def _findings_arrived(self) -> None:
        if not self._checks.current:
            return  # edited while it ran: the next check's findings are shown
        self.findings, self.expected = self._checks.findings, self._checks.expected
        self._shown_current = True
        self.outline.set_annotations(self.expected, self.findings)
        self.findings_changed.emit()
        if self._checks.current:  # still (a slot above may have edited)
            self._end_waits("current")

    def set_previous_version(self, policy: Policy | None, substantive: int) -> None:
        """Check this policy as the next version of `policy` (None: no previous version)."""
        self.previous_version = None if policy is None else (policy, substantive)
        self._checks.previous = self.previous_version
        self._checks.schedule(ask=True)
        self._outdated()
        self._checks.start()

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def set_findings_delay(self, milliseconds: int) -> None:
        """The pause after an edit before findings refresh (a user preference)."""
        self._checks.timer.setInterval(milliseconds)

    def findings_pending(self) -> bool:
        """Whether edits wait to be checked (the findings shown are not current)."""
        return not self._checks.current

    def _on_change(self, event: ChangeEvent) -> None:
        if event.phase != "done":
            return
        if event.kind == "metadata":
            self.metadata_changed.emit(event.field)
        self._outdated()
        self._checks.schedule()

    def _outdated(self) -> None:
        if self._shown_current:  # once per burst of edits: the window marks the findings updating
            self._shown_current = False
            self.findings_outdated.emit()
