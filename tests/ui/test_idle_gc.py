"""The oldest generation is collected while the user is idle, not in the middle of typing."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from plutoeditor.ui.common import idle_gc


def test_full_collections_wait_for_the_user_to_be_idle(qapp, monkeypatch):
    before = gc.get_threshold()
    collector = idle_gc.IdleCollector(qapp)
    try:
        assert gc.get_threshold()[2] >= 1_000_000  # never triggered by allocations
        garbage = [[] for _ in range(2000)]
        gc.collect(1)  # what survives goes to the oldest generation
        del garbage
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        QApplication.sendEvent(qapp, key)
        assert not collector.collect_if_idle()  # just typed
        monkeypatch.setattr(idle_gc, "IDLE_MS", 0)
        assert collector.collect_if_idle()
    finally:
        collector.stop()
        collector.deleteLater()
    assert gc.get_threshold() == before


def test_no_full_collection_while_an_export_or_save_runs(qapp, monkeypatch):
    """A collection during a worker's run holds the interpreter lock as long as a full one
    (200 ms during a 10,000-clause PDF export): it waits until the work has ended."""
    import threading

    from PySide6.QtWidgets import QWidget

    from plutoeditor.ui.common.workers import run_with_progress, wait_for_workers

    collector = idle_gc.IdleCollector(qapp)
    monkeypatch.setattr(idle_gc, "IDLE_MS", 0)
    window = QWidget()
    release = threading.Event()
    try:
        ignore = lambda _outcome: None  # noqa: E731
        run_with_progress(window, "Exporting", release.wait, ignore, ignore, show_progress=False)
        garbage = [[] for _ in range(2000)]
        gc.collect(1)
        del garbage
        assert not collector.collect_if_idle()  # the export is still running
        release.set()
        wait_for_workers(window)
        assert collector.collect_if_idle()
    finally:
        release.set()
        wait_for_workers(window)
        collector.stop()
        collector.deleteLater()
        window.deleteLater()


def test_a_closed_document_is_freed_without_a_full_collection(qapp):
    """The idle collector never thaws what it froze (a full walk of every object: 0.3-1.2 s
    after closing 10,000 clauses), so a closed document must free its clauses by itself."""
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    from plutoeditor.model import Clause, Policy
    from plutoeditor.ui.editor.open_document import Document

    policy = Policy()
    for n in range(1, 30):
        section = Clause(label=f"{n}.", heading=f"Part {n}")
        section.children.append(Clause(label=f"{n}.1", text="The Website is ours."))
        section.children[0].parent = section
        policy.clauses.append(section)
    document = Document(policy)
    clause = weakref.ref(policy.clauses[3].children[0])
    del policy
    gc.disable()
    try:
        document.close()
        document.deleteLater()
        del document
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert clause() is None  # freed by reference counting, no collection ran
    finally:
        gc.enable()
