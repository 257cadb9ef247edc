"""The Document view's page keeps its width while the cursor moves: the Clause pane beside it
follows the cursor, and a long path of headings above a clause must not widen that pane."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from plutoeditor.model import Clause, Metadata, Policy

LONG = "How we collect, use, share and keep the personal information of our customers and suppliers"


def test_moving_into_a_deeply_nested_clause_keeps_the_page_width(show_policy, qtbot):
    deep = Clause(label="1.1.1", text="We keep it for a year.", id="deep")
    policy = Policy(
        Metadata(title="Width"),
        [
            Clause(label="1", heading=LONG, id="s1", children=[
                Clause(label="1.1", heading=LONG + " in every country", id="s11", children=[deep]),
            ]),
            Clause(label="2", text="Short.", id="s2"),
        ],
    )  # fmt: skip
    deep.parent = policy.clauses[0].children[0]
    window = show_policy(policy, size=(1400, 900))
    view = window.document_view
    assert view.show_clause("s2")
    for _ in range(3):
        QApplication.processEvents()
    width = view.width()
    assert view.show_clause("deep")
    qtbot.waitUntil(lambda: window.clause_editor.clause is deep, timeout=2000)  # the pane followed
    qtbot.wait(50)  # and the window laid out its docks again
    assert view.width() == width
