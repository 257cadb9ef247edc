"""An unexpected error is logged and shown in a dialog; the app keeps running."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from plutoeditor import logging_setup
from plutoeditor.ui.common import crash


@pytest.fixture
def shown(monkeypatch):
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(crash, "show_crash_dialog", lambda parent, summary, log: calls.append((summary, log)))
    return calls


@pytest.fixture
def handler(qapp):
    installed = crash.install_excepthook(qapp)
    yield installed
    installed.uninstall()
    logging_setup.shutdown_logging()


def _raise_and_report(handler, message="clause tree is inconsistent"):
    try:
        raise RuntimeError(message)
    except RuntimeError as exc:
        handler.excepthook(type(exc), exc, exc.__traceback__)


def test_error_is_logged_with_traceback_and_shown(handler, shown, _private_home):
    _raise_and_report(handler)
    assert len(shown) == 1
    summary, log_path = shown[0]
    assert "RuntimeError: clause tree is inconsistent" in summary
    assert log_path == _private_home / "log" / "plutoeditor.log"
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: clause tree is inconsistent" in text


def test_error_while_dialog_is_open_is_only_logged(handler, monkeypatch):
    calls = []

    def dialog_that_fails_again(parent, summary, log):
        calls.append(summary)
        _raise_and_report(handler, "second problem")

    monkeypatch.setattr(crash, "show_crash_dialog", dialog_that_fails_again)
    _raise_and_report(handler)
    assert len(calls) == 1
    assert handler.reported == 2
    assert "second problem" in logging_setup.log_file().read_text(encoding="utf-8")


def test_failing_dialog_does_not_raise(handler, monkeypatch):
    def broken(parent, summary, log):
        raise OSError("no display")

    monkeypatch.setattr(crash, "show_crash_dialog", broken)
    _raise_and_report(handler)  # must not raise
    assert "could not show the error dialog" in logging_setup.log_file().read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_reaches_the_hook_and_the_loop_goes_on(qapp, qtbot, handler, shown):
    def boom():
        raise ValueError("bad clause id")

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=2000)
    assert "ValueError: bad clause id" in shown[0][0]
    ticked = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: ticked == [True], timeout=2000)


def test_worker_thread_error_is_shown_on_the_gui_thread(qtbot, handler, shown):
    seen_on = []
    original = crash.show_crash_dialog

    def record(parent, summary, log):
        seen_on.append(threading.current_thread() is threading.main_thread())
        original(parent, summary, log)

    crash.show_crash_dialog = record
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=2000)
    finally:
        crash.show_crash_dialog = original
    assert seen_on == [True]
    assert "ZeroDivisionError" in shown[0][0]


def test_real_dialog_names_the_log_file(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    texts = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.informativeText()) or 0)
    crash.show_crash_dialog(None, "Traceback ...", tmp_path / "plutoeditor.log")
    assert str(tmp_path / "plutoeditor.log") in texts[0]
    assert "still open" in texts[0]


@pytest.mark.qt_no_exception_capture
def test_document_stays_open_and_saveable_after_an_unexpected_error(qtbot, handler, shown, tmp_path):
    from plutoeditor.formats import native
    from plutoeditor.model.notation import parse_tree
    from plutoeditor.recovery import RecoveryStore
    from plutoeditor.ui.common.settings import Settings
    from plutoeditor.ui.editor.main_window import MainWindow

    path = tmp_path / "terms.policy.yaml"
    native.save(parse_tree("[1] Scope | These terms apply.\n[2] Liability | Limited.\n"), path)
    window = MainWindow(Settings(tmp_path / "s.ini"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.show()
    window.files.open_path(str(path), ask=False)
    document = window.document
    assert document is not None

    def broken_action():
        raise KeyError("clause-id-that-vanished")

    QTimer.singleShot(0, broken_action)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=2000)
    assert window.isVisible() and window.document is document
    document.save(str(tmp_path / "copy.policy.yaml"))
    assert native.load(tmp_path / "copy.policy.yaml").clauses[1].heading == "Liability"
