"""The oldest generation is collected while the user is idle, not in the middle of typing."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from plutoeditor.ui import idle_gc


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
