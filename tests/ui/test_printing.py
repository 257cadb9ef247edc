"""Print Preview shows the pages of the PDF export: the same layout, page for page."""

from __future__ import annotations

import re

from plutoeditor.export.pdf_export import render_pdf
from plutoeditor.model import Clause, Metadata, Policy
from plutoeditor.ui.editor.open_document import Document
from plutoeditor.ui.publishing.printing import preview_page_count


def _pdf_pages(policy: Policy) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", render_pdf(policy)))


def test_print_preview_shows_the_pdf_pages(make_window, qtbot):
    policy = Policy(
        Metadata(title="Terms of Use"),
        [
            Clause(label=str(i), heading=f"Part {i}", text="These words are published. " * 60)
            for i in range(1, 13)
        ],
    )
    window = make_window()
    window.set_document(Document(policy, unsaved=True))
    assert window.actions_["file.print_preview"].isEnabled()
    dialog = window.printing.preview_dialog()
    qtbot.addWidget(dialog)
    pages = preview_page_count(dialog)
    assert pages > 2
    assert pages == _pdf_pages(policy)


def test_print_needs_a_document(make_window):
    window = make_window()
    assert not window.actions_["file.print"].isEnabled()
    assert not window.actions_["file.print_preview"].isEnabled()


def test_the_window_keeps_working_while_a_long_preview_is_laid_out(make_window, qtbot):
    from PySide6.QtCore import QTimer

    policy = Policy(
        Metadata(title="Long Terms"),
        [
            Clause(label=f"{i}.", text="These words are published in the long terms. " * 8)
            for i in range(1, 1201)
        ],
    )
    window = make_window()
    window.set_document(Document(policy, unsaved=True))
    dialog = window.printing.preview_dialog()
    qtbot.addWidget(dialog)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))  # the event loop turning meanwhile
    timer.start()
    pages = preview_page_count(dialog)  # lays out and paints every page
    timer.stop()
    # Laid out on the GUI thread in one go, the loop never turned (0 ticks); in slices it turns
    # at least once. More turns depend on how fast the machine is (an idle CI runner finishes in
    # few slices), so the test asks only for the loop to have turned.
    assert len(ticks) >= 1
    assert pages == _pdf_pages(policy)
