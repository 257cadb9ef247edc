"""Fixtures for the editor window: a window with its own settings and recovery folder, and
message boxes / file dialogs replaced so no modal dialog ever blocks a test."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from plutoeditor.model import Policy
from plutoeditor.recovery import RecoveryStore
from plutoeditor.ui.common.settings import Settings
from plutoeditor.ui.editor.main_window import MainWindow
from plutoeditor.ui.editor.open_document import Document

Button = QMessageBox.StandardButton
ICON_KINDS = {
    QMessageBox.Icon.Warning: "warning",
    QMessageBox.Icon.Question: "question",
    QMessageBox.Icon.Critical: "critical",
    QMessageBox.Icon.Information: "information",
}


@dataclass
class Dialogs:
    """What the stubbed dialogs answer, and what they were asked."""

    answer: Any = Button.Discard
    save_path: str = ""
    open_path: str = ""
    asked: list[tuple[str, str, str]] = field(default_factory=list)
    #: for a message box built with its own button texts: each standard button's text
    buttons: list[dict[Any, str]] = field(default_factory=list)

    def titles(self) -> list[str]:
        return [title for _kind, title, _text in self.asked]


@pytest.fixture(autouse=True)
def _work_finished_after_each_test():
    """What a test started on a worker thread (a check after its last edit) ends and reports
    before the next test: that one should not find another test's work in progress."""
    yield
    from plutoeditor.ui.common import workers

    for worker in list(workers._ALL):
        worker.wait()
        worker.report()


@pytest.fixture
def dialogs(monkeypatch, tmp_path) -> Dialogs:
    record = Dialogs()
    monkeypatch.setenv("PLUTOEDITOR_HOME", str(tmp_path / "home"))

    def box(kind):
        def ask(parent, title, text, *args, **kwargs):
            record.asked.append((kind, title, text))
            return record.answer

        return staticmethod(ask)

    for kind in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))

    def run_box(message_box):  # a QMessageBox built by hand, then exec()'d
        kind = ICON_KINDS.get(message_box.icon(), "box")
        record.asked.append((kind, message_box.windowTitle(), message_box.text()))
        record.buttons.append({message_box.standardButton(b): b.text() for b in message_box.buttons()})
        return record.answer

    monkeypatch.setattr(QMessageBox, "exec", run_box)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (record.save_path, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (record.open_path, "")))
    return record


@pytest.fixture
def store(tmp_path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def make_window(qtbot, tmp_path, dialogs, store):
    """A factory, so a test can start a second window (as after a crash)."""

    def make() -> MainWindow:
        window = MainWindow(Settings(tmp_path / "settings.ini"), store)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def show_policy(make_window, qtbot):
    """A factory: a new window showing `policy` as an unsaved document, on screen, after one
    turn of the event loop (the Document view lays out its rows then). With
    `keyboard_in_document` the rows are laid out at once and the keyboard is in the Document
    view, as after a click in it. `size` resizes the window before the policy is shown. With
    `checked` its findings are worked out without the typing pause and are current on return."""

    def show(
        policy: Policy,
        keyboard_in_document: bool = False,
        size: tuple[int, int] | None = None,
        checked: bool = False,
    ) -> MainWindow:
        window = make_window()
        if size is not None:
            window.resize(*size)
        window.set_document(Document(policy, unsaved=True))
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()
        if keyboard_in_document:
            view = window.document_view
            view.current_clause()  # lays out the rows now instead of on the next turn
            view.editor.setFocus()
            QApplication.processEvents()
        if checked:
            document = window.document
            document.set_findings_delay(0)
            qtbot.waitUntil(lambda: document.findings_current, timeout=5000)
        return window

    return show


@pytest.fixture
def seed_window(window, seed_2022) -> MainWindow:
    window.files.open_path(str(seed_2022), ask=False)
    assert window.document is not None
    return window
