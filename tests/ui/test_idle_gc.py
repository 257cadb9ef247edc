"""The oldest generation is collected while the user is idle, not in the middle of typing."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from plutoeditor.ui.common import idle_gc


def _grow_oldest_generation() -> None:
    garbage = [[] for _ in range(2000)]
    gc.collect(1)  # what survives goes to the oldest generation
    del garbage


def test_full_collections_wait_for_the_user_to_be_idle(qapp, monkeypatch):
    before = gc.get_threshold()
    field = QLineEdit()
    field.show()
    collector = idle_gc.IdleCollector(qapp)
    try:
        assert gc.get_threshold()[2] >= 1_000_000  # never triggered by allocations
        QTest.keyClick(field.windowHandle(), Qt.Key.Key_A)  # typed into the window
        assert field.text() == "a"
        _grow_oldest_generation()  # (after the key: delivering it may run other collectors)
        assert not collector.collect_if_idle()  # just typed
        monkeypatch.setattr(idle_gc, "IDLE_MS", 0)
        assert collector.collect_if_idle()
    finally:
        collector.stop()
        collector.deleteLater()
        field.deleteLater()
    assert gc.get_threshold() == before


def test_typing_in_a_window_opened_later_also_postpones_the_collection(qapp, monkeypatch):
    collector = idle_gc.IdleCollector(qapp)
    field = QLineEdit()  # a dialog or second window, opened after the collector
    field.show()
    try:
        _grow_oldest_generation()
        monkeypatch.setattr(idle_gc, "IDLE_MS", 0)
        collector.collect_if_idle()  # looks at the windows open now
        monkeypatch.setattr(idle_gc, "IDLE_MS", 3000)
        QTest.keyClick(field.windowHandle(), Qt.Key.Key_B)
        assert field.text() == "b"
        _grow_oldest_generation()
        assert not collector.collect_if_idle()
        monkeypatch.setattr(idle_gc, "IDLE_MS", 0)
        assert collector.collect_if_idle()  # it was the key that postponed it
    finally:
        collector.stop()
        collector.deleteLater()
        field.deleteLater()


def test_the_collector_is_not_called_for_every_event_of_the_application(qapp, monkeypatch):
    """Only the windows' own events reach it: an application-wide filter is Python called
    for every timer, paint and layout event, each call waiting for the interpreter lock
    while a worker checks or exports (the window froze 180 ms as a progress dialog opened)."""
    seen: list[int] = []
    collector = idle_gc.IdleCollector(qapp)
    monkeypatch.setattr(
        collector, "eventFilter", lambda watched, event: seen.append(event.type()) or False, raising=False
    )
    target = QObject()
    try:
        QCoreApplication.sendEvent(target, QEvent(QEvent.Type.User))
        assert QEvent.Type.User not in seen
    finally:
        collector.stop()
        collector.deleteLater()


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
