"""Findings after a clause move, delete, renumber or paste are worked out on a worker thread:
until they arrive the window says they are updating, and what arrives is what a full check
of the policy as it now stands finds."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from plutoeditor.checks import Checker
from plutoeditor.model import Clause
from plutoeditor.model import operations as ops
from plutoeditor.model.notation import parse_tree
from plutoeditor.ui.common.workers import running_workers
from plutoeditor.ui.editor import background_checks
from plutoeditor.ui.editor.open_document import Document

POLICY = """\
[1] Introduction |
  [1.1] We collect the data you give us, see clause 2.2.
  [1.2] We keep it for six years.
[2] Scope |
  [2.1] This policy applies to you.
  [2.2] It applies to our suppliers.
  [2.4] It applies to visitors.
[3] Sharing |
  [3.1] We share data with:
  [3.2] Nobody else.
[4] Contact |
  [4.1] Write to us.
"""


@pytest.fixture
def opened(show_policy):
    """A window showing a small policy with numbering findings, checked without a pause."""
    window = show_policy(parse_tree(POLICY))
    window.document.set_findings_delay(0)
    return window


def fresh_check(document: Document):
    """What a full check of the policy as it stands finds, and the labels it expects."""
    copy = document.policy.copy()
    checker = Checker(copy)
    try:
        return checker.findings(), checker.expected_labels()
    finally:
        checker.close()


def select(window, label: str) -> Clause:
    clause = next(c for c in window.document.policy.walk() if c.label == label)
    window.select_clause(clause.id)
    return clause


def wait_current(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.document.findings_current, timeout=10000)
    qtbot.waitUntil(lambda: not window.findings_panel.outdated, timeout=2000)


def assert_findings_of_the_policy_as_it_stands(window) -> None:
    document = window.document
    findings, expected = fresh_check(document)
    assert document.findings == findings
    assert document.expected == expected
    assert window.findings_panel.model.findings == findings
    assert window.findings_status.text() == window.findings_panel.summary.text()
    assert "updating" not in window.findings_status.text()
    for clause in document.policy.walk():  # the outline shows the labels the new positions call for
        label = document.outline.index_of(clause).data()
        want = expected.get(clause.id, clause.label)
        assert label == (clause.label if want == clause.label else f"{clause.label} → {want}")


def test_after_move_up_the_findings_say_updating_until_those_of_the_new_order_arrive(opened, qtbot):
    window = opened
    before = list(window.document.findings)
    select(window, "2.4")
    window.actions_["clause.move_up"].trigger()
    # at once: the old findings stay listed, marked as out of date, with no fix offered
    assert not window.document.findings_current
    assert window.findings_panel.summary.text().endswith("(updating…)")
    assert window.findings_status.text() == window.findings_panel.summary.text()
    assert window.clause_actions.fix_lookup(before[0]) is None
    wait_current(qtbot, window)
    assert window.document.findings != before
    assert_findings_of_the_policy_as_it_stands(window)


@pytest.mark.parametrize("action", ["clause.move_down", "clause.indent", "clause.outdent", "clause.delete"])
def test_after_each_structural_edit_the_findings_are_those_of_the_policy_as_it_stands(opened, qtbot, action):
    window = opened
    select(window, "2.2" if action != "clause.outdent" else "3.2")
    window.actions_[action].trigger()
    assert not window.document.findings_current
    wait_current(qtbot, window)
    assert_findings_of_the_policy_as_it_stands(window)
    window.document.undo_stack.undo()  # and after its undo
    wait_current(qtbot, window)
    assert_findings_of_the_policy_as_it_stands(window)


def test_after_renumber_and_a_drag_in_the_outline(opened, qtbot):
    window = opened
    outline = window.document.outline
    contact = select(window, "4")
    data = outline.mimeData([outline.index_of(contact)])
    assert outline.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, outline.index_of(None))
    wait_current(qtbot, window)
    assert window.document.policy.clauses[0] is contact
    assert any(f.expected_label for f in window.document.findings)
    assert_findings_of_the_policy_as_it_stands(window)
    steps = window.document.undo_stack.count()
    window.actions_["clause.renumber"].trigger()  # worked out on a worker, then one undo step
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == steps + 1, timeout=10000)
    wait_current(qtbot, window)
    assert_findings_of_the_policy_as_it_stands(window)
    assert not any(f.code in ("number-gap", "wrong-parent") for f in window.document.findings)


def test_renumber_is_worked_out_off_the_gui_thread_and_again_after_an_edit_meanwhile(
    opened, qtbot, monkeypatch
):
    """An edit made while Renumber works out the labels: the labels are worked out again for
    the policy with that edit, so the result has the numbers the positions now call for."""
    from plutoeditor.model import renumber as renumbering
    from plutoeditor.ui.editor import clause_actions

    window = opened
    document = window.document
    threads, gate = [], threading.Event()

    def slow(policy, scope=None):
        threads.append(threading.get_ident())
        if len(threads) == 1:
            gate.wait(10)
        return renumbering.renumber(policy, scope)

    monkeypatch.setattr(clause_actions, "renumber", slow)
    window.actions_["clause.renumber"].trigger()
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=5000)
    new = Clause(label="9", heading="Added while renumbering")
    document.push(ops.InsertClause(None, 1, new))
    gate.set()
    qtbot.waitUntil(lambda: len(threads) == 2 and not running_workers(window), timeout=10000)
    assert threading.get_ident() not in threads
    assert new.label == "2"  # numbered where it now stands
    assert [c.label for c in document.policy.clauses] == ["1", "2", "3", "4", "5"]
    wait_current(qtbot, window)
    assert_findings_of_the_policy_as_it_stands(window)


def test_after_a_paste_of_several_paragraphs_in_the_document(opened, qtbot):
    window = opened
    view = window.document_view
    clause = select(window, "1.2")
    view.show_clause(clause.id, len(clause.text))
    assert view.keys.paste("2A. A pasted clause.\n2B. Another pasted clause.")
    assert not window.document.findings_current
    wait_current(qtbot, window)
    assert "Another pasted clause." in [c.text for c in window.document.policy.walk()]
    assert_findings_of_the_policy_as_it_stands(window)


def test_the_checks_run_off_the_gui_thread(opened, qtbot, monkeypatch):
    threads = []
    findings = Checker.findings

    def noting(self):
        threads.append(threading.get_ident())
        return findings(self)

    monkeypatch.setattr(Checker, "findings", noting)
    select(opened, "2.4")
    opened.actions_["clause.move_up"].trigger()
    wait_current(qtbot, opened)
    assert threads and threading.get_ident() not in threads


def test_edits_made_while_a_check_runs_are_never_shown_as_checked(opened, qtbot, monkeypatch):
    """The first run saw only the first move: when it reports, the findings stay marked
    updating; the next run sees the second move too."""
    window = opened
    document = window.document
    gates = [threading.Event(), threading.Event()]
    runs = []
    run = background_checks._Copy.run

    def slow(self, edits, previous):
        runs.append(edits)
        gates[len(runs) - 1].wait(10)
        return run(self, edits, previous)

    monkeypatch.setattr(background_checks._Copy, "run", slow)
    select(window, "2.4")
    window.actions_["clause.move_up"].trigger()
    qtbot.waitUntil(lambda: len(runs) == 1, timeout=5000)
    document.push(ops.SetClauseField(select(window, "3").id, "label", "7"))  # while it runs
    gates[0].set()
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=5000)  # the next run, for the relabel
    assert len(runs[0]) == 1 and len(runs[1]) == 1  # each saw its own edit
    assert not document.findings_current  # the first run's findings were not shown as current
    assert window.findings_panel.summary.text().endswith("(updating…)")
    gates[1].set()
    wait_current(qtbot, window)
    assert any(c.label == "7" for c in document.policy.clauses)
    assert_findings_of_the_policy_as_it_stands(window)


def test_closing_the_document_while_a_check_runs(opened, qtbot, monkeypatch):
    """No abort ("QThread: Destroyed while thread is still running"); the run ends on its
    own and the copy it read is freed then."""
    window = opened
    release, started = threading.Event(), threading.Event()
    run = background_checks._Copy.run
    copies = []

    def slow(self, edits, previous):
        copies.append(self.mirror.copy)
        started.set()
        release.wait(10)
        return run(self, edits, previous)

    monkeypatch.setattr(background_checks._Copy, "run", slow)
    select(window, "2.4")
    window.actions_["clause.move_up"].trigger()
    qtbot.waitUntil(started.is_set, timeout=5000)
    window.set_document(None)
    release.set()
    qtbot.waitUntil(lambda: not background_checks._RUNNING, timeout=5000)
    assert copies[0].clauses == []  # freed
    assert window.document is None


def test_a_check_that_fails_is_shown_as_not_up_to_date_and_the_next_edit_recovers(opened, qtbot, monkeypatch):
    window = opened
    document = window.document
    select(window, "2.4")
    findings = Checker.findings
    monkeypatch.setattr(Checker, "findings", lambda self: 1 / 0)
    window.actions_["clause.move_up"].trigger()
    qtbot.waitUntil(lambda: "not up to date" in window.findings_panel.summary.text(), timeout=5000)
    assert "ZeroDivisionError" in window.statusBar().currentMessage()
    assert not document.findings_current
    monkeypatch.setattr(Checker, "findings", findings)
    window.actions_["clause.move_down"].trigger()
    wait_current(qtbot, window)
    assert_findings_of_the_policy_as_it_stands(window)


def test_a_copy_out_of_step_is_made_again_from_the_policy(opened, qtbot):
    """Should the copy ever fail to follow an edit, the next check starts from a new copy."""
    window = opened
    document = window.document
    stray = document._checks._copy.mirror.copy.clauses.pop()  # the copy no longer has "4"
    document._checks._copy.mirror.copy._index = None
    assert stray.label == "4"
    document.push(ops.SetClauseField(select(window, "4.1").id, "text", "Call us."))  # not in the copy
    qtbot.waitUntil(lambda: "not up to date" in window.findings_panel.summary.text(), timeout=5000)
    document.push(ops.SetClauseField(select(window, "1.1").id, "text", "We collect data."))
    wait_current(qtbot, window)
    assert_findings_of_the_policy_as_it_stands(window)


def test_export_waits_for_the_findings_of_the_last_edit(opened, qtbot):
    """Before publishing, errors are counted on the policy as it stands, not as it was."""
    window = opened
    window.document.set_findings_delay(60_000)
    select(window, "2.4")
    window.actions_["clause.move_up"].trigger()
    assert window.document.findings_pending()
    window.document.refresh_findings()  # what confirm_errors does first
    assert window.document.findings_current
    assert_findings_of_the_policy_as_it_stands(window)
