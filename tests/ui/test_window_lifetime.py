"""The window's size on small screens and timers that never outlive their window."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QMessageBox

from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree
from plutoeditor.ui.common.settings import Settings
from plutoeditor.ui.editor.main_window import MainWindow

Button = QMessageBox.StandardButton


def test_a_window_deleted_right_after_its_file_changed_leaves_no_timer_behind(
    dialogs, store, qtbot, tmp_path
):
    """The re-watch timer after a change on disk belongs to the window: deleting the window
    first must not run it on a deleted object (it made the suite fail now and then)."""
    path = tmp_path / "terms.policy.yaml"
    native.save(parse_tree("[1] Scope | These terms apply.\n"), path)
    window = MainWindow(Settings(tmp_path / "settings.ini"), store)  # deleted by the test itself
    window.files.open_path(str(path), ask=False)
    dialogs.answer = Button.No
    native.save(parse_tree("[1] Scope | Changed elsewhere.\n"), path)
    window.files._file_changed(str(path))  # what the watcher calls
    assert dialogs.titles() == ["File Changed on Disk"]
    files = window.files
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(files))
    qtbot.wait(400)  # past the 200 ms re-watch delay: an orphan timer would fire now


def test_the_window_fits_the_screen_it_opens_on(window):
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 800
