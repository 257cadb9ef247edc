"""`plutoeditor [FILE]`: the file given, else recovered work, the last document or the start page."""

from __future__ import annotations

from plutoeditor.ui.app import make_application, open_windows
from plutoeditor.ui.common.settings import Settings


def test_application_is_named(qapp):
    app = make_application()
    assert app.applicationName() == "PlutoEditor"
    assert app.organizationName() == "PlutoEditor"


def test_file_argument_opens_it(qtbot, dialogs, seed_2022):
    windows = open_windows([str(seed_2022)])
    for window in windows:
        qtbot.addWidget(window)
    assert len(windows) == 1
    assert windows[0].document.source == str(seed_2022)
    windows[0].document.undo_stack.setClean()


def test_no_file_opens_last_document_else_start_page(qtbot, dialogs, tmp_path, seed_2022):
    windows = open_windows([])
    qtbot.addWidget(windows[0])
    assert windows[0].document is None and windows[0].pages.currentIndex() == 0
    Settings().add_recent_file(seed_2022)
    again = open_windows([])
    qtbot.addWidget(again[0])
    assert again[0].document is not None and again[0].document.source == str(seed_2022.resolve())
    again[0].document.undo_stack.setClean()
