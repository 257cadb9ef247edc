"""In the editor, a reference whose title names another clause is listed with the others and its
quick fix points it at the clause the title names, as one undo step."""

from __future__ import annotations

from plutoeditor.model.notation import parse_tree

POLICY = """\
[1] About us | We run ferries between the two harbours.
[2] Definitions | A Crossing is one trip of a ferry.
[3] Access to our ferries | You may board with a ticket.
[4] Acceptable Use | No fuel or fireworks on board.
[5] Breach | Breaking Section 3 (Acceptable Use) ends your ticket.
"""


def test_the_quick_fix_repoints_the_reference_and_undo_restores_it(show_policy, qtbot):
    window = show_policy(parse_tree(POLICY), checked=True)
    document = window.document
    finding = next(f for f in document.findings if f.code == "misdirected-reference")
    assert finding.severity == "error" and "“Acceptable Use” is clause 4" in finding.message
    description, _ = window.clause_actions.fix_lookup(finding)
    assert description == "Refer to clause 4 instead of 3"
    breach = next(c for c in document.policy.walk() if c.label == "5")
    window.findings_panel.fix_requested.emit(finding)
    assert breach.text == "Breaking Section 4 (Acceptable Use) ends your ticket."
    qtbot.waitUntil(lambda: document.findings_current, timeout=5000)
    assert not any(f.code == "misdirected-reference" for f in document.findings)
    assert document.undo_stack.undoText() == description
    document.undo_stack.undo()
    assert breach.text == "Breaking Section 3 (Acceptable Use) ends your ticket."
    qtbot.waitUntil(lambda: any(f.code == "misdirected-reference" for f in document.findings), timeout=5000)


TWO = """\
[1] About us | We run ferries between the two harbours.
[2] Definitions | A Crossing is one trip of a ferry.
[3] Access to our ferries | You may board with a ticket.
[4] Acceptable Use | No fuel or fireworks on board.
[5] Content Standards | Posts in the lounge are polite.
[6] Breach | Breaking Section 3 (Acceptable Use) and/or Section 4 (Content Standards) within 24 hours ends it.
"""


def test_after_fixing_one_of_two_references_the_other_is_the_one_underlined(show_policy, qtbot):
    # The Document view underlined (and a click in Findings selected) the first "4" in the
    # clause: after the first reference was fixed to "Section 4 (Acceptable Use)", the
    # remaining finding about "Section 4 (Content Standards)" was drawn on the fixed one.
    window = show_policy(parse_tree(TWO), checked=True)
    document = window.document
    breach = next(c for c in document.policy.walk() if c.label == "6")
    first = next(f for f in document.findings if f.code == "misdirected-reference" and f.target == "3")
    window.findings_panel.fix_requested.emit(first)
    qtbot.waitUntil(lambda: document.findings_current, timeout=5000)
    assert breach.text.startswith("Breaking Section 4 (Acceptable Use) and/or Section 4 (Content")
    left = next(f for f in document.findings if f.code == "misdirected-reference")
    at = breach.text.index("4 (Content")
    assert (at, at + 1, "error") in window.document_view.findings.spans(breach)
    window.findings_panel.finding_clicked.emit(left)
    cursor = window.clause_editor.text_edit.textCursor()
    assert (cursor.selectionStart(), cursor.selectedText()) == (at, "4")
