"""What the find bar finds is highlighted everywhere in the Document view, as a word
processor highlights all results; closing the bar clears it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from plutoeditor.model import Clause, Metadata, Policy
from plutoeditor.ui.document.editor import SEARCH_HIGHLIGHT


def _highlighted(doc) -> list[str]:
    """The runs of a document's text drawn with the search highlight."""
    runs, block = [], doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color() == SEARCH_HIGHLIGHT:
                runs.append(fragment.text())
            it += 1
        block = block.next()
    return runs


def test_every_match_of_the_find_bar_is_highlighted_in_the_document(show_policy, qtbot):
    policy = Policy(Metadata(title="Cookie Notice"), [
        Clause(label="1", heading="Cookies", id="s1", children=[
            Clause(label="1.1", text="We use cookies. Cookies are small files.", id="c11"),
            Clause(label="1.2", text="You can turn them off.", id="c12"),
        ]),
    ])  # fmt: skip
    window = show_policy(policy)
    view = window.document_view
    assert view.show_clause("c12", 0)
    window.find_bar.open()
    qtbot.keyClicks(window.find_bar.find_edit, "cookies")
    QApplication.processEvents()
    layout = view.layout_of(view.rows.row_of("c11"))
    assert _highlighted(layout.body) == ["cookies", "Cookies"]
    assert _highlighted(view.layout_of(view.rows.row_of("s1")).heading) == ["Cookies"]
    assert view.show_clause("c11", 0)  # the clause with the cursor: the editor highlights
    found = [s for s in view.editor.extraSelections() if s.format.background().color() == SEARCH_HIGHLIGHT]
    assert [s.cursor.selectedText() for s in found] == ["cookies", "Cookies"]
    window.find_bar.close_bar()
    assert not [s for s in view.editor.extraSelections() if s.format.background().color() == SEARCH_HIGHLIGHT]
    assert _highlighted(view.layout_of(view.rows.row_of("s1")).heading) == []
