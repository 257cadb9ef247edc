"""The editor window keeps the size it has: opening a policy or selecting a clause whose
findings the Clause pane lists does not make it grow (on a 1366x768 laptop it grew past the
bottom of the screen, the findings list and the status bar out of sight)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from plutoeditor.model import Clause, Metadata, Policy


def _policy() -> Policy:
    return Policy(
        Metadata(title="Cookie Notice"),
        [
            Clause(
                label="1",
                heading="Cookies",
                id="s1",
                children=[
                    Clause(label="1.1", text="We use cookies.", id="c11"),
                    Clause(
                        label="1.3",
                        text="Ask us, as clause 4.2 and clause 7.9 say, for a copy of [___] and of:",
                        id="c13",
                    ),
                    Clause(label="1.3", text="Write to [name] at [address], see clause 9.9.", id="c14"),
                ],
            ),  # fmt: skip
        ],
    )


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_selecting_a_clause_with_findings_does_not_grow_the_window(show_policy):
    window = show_policy(_policy(), size=(1229, 600))
    window.document.refresh_findings()
    _settle()
    notes = {c: [f for f in window.document.findings if f.clause_id == c] for c in ("c13", "c14")}
    assert len(notes["c13"]) >= 3 and notes["c14"]  # the Clause pane lists them
    window.resize(1229, window.minimumSizeHint().height())  # as small as it goes
    _settle()
    height = window.height()
    for clause_id in ("c11", "c13", "c14", "c11"):
        assert window.select_clause(clause_id)
        _settle()
        assert window.height() == height, clause_id
    assert not window.clause_editor.notes.isVisibleTo(window)  # c11 has none: no box under its text


def test_opening_a_policy_does_not_grow_a_window_that_holds_it(show_policy):
    one = Policy(Metadata(title="One"), [Clause(label="1", text="We use cookies.", id="c1")])
    window = show_policy(one, size=(1229, 600))
    window.resize(1229, window.minimumSizeHint().height())
    _settle()
    height = window.height()
    from plutoeditor.ui.editor.open_document import Document

    document = Document(_policy(), unsaved=True)
    document.refresh_findings()
    window.set_document(document)  # its first clause shown at once
    assert window.select_clause("c13")
    _settle()
    assert window.height() == height


def _fits(widget) -> bool:
    free = widget.screen().availableGeometry()
    return widget.width() <= free.width() * 9 // 10 and widget.height() <= free.height() * 9 // 10


def test_print_preview_fits_the_screen(show_policy):
    """It opened 900x1000 whatever the screen: on 1366x768 its frame ran 257 px below the
    bottom (the offscreen screen is 800x800)."""
    window = show_policy(_policy())
    dialog = window.printing.preview_dialog()
    try:
        assert _fits(dialog)
        assert dialog.height() >= min(1000, dialog.screen().availableGeometry().height() * 9 // 10)
    finally:
        dialog.deleteLater()


def test_the_compare_window_fits_the_screen(qtbot):
    from plutoeditor.ui.compare.window import CompareWindow

    policy = _policy()
    window = CompareWindow(policy, policy.copy())
    qtbot.addWidget(window)
    assert _fits(window)  # it was 1200x800 on any screen


def test_a_mislabelled_clause_does_not_widen_the_clause_pane(show_policy, qtbot):
    # "→ position calls for 3" beside the label went, on one line, into the pane's minimum
    # width: selecting the clause widened the Clause pane for good (340 -> 384 px at
    # 1400x900) and the document page narrowed by as much, its text reflowing.
    from plutoeditor.model.notation import parse_tree

    tree = "[1] About | We run ferries.\n[2] Tickets | Buy one.\n[2.7.1] Refunds | Within a day.\n"
    window = show_policy(parse_tree(tree), size=(1400, 900), checked=True)
    document = window.document
    pane = next(d for d in window.docks if d.widget() is window.clause_editor)
    before = pane.width(), window.document_view.width()
    window.select_clause(next(c.id for c in document.policy.walk() if c.label == "2.7.1"))
    for _ in range(3):
        QApplication.processEvents()
    assert window.clause_editor.expected.isVisible()
    assert (pane.width(), window.document_view.width()) == before
