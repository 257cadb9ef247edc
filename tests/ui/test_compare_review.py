"""Reviewing in the compare window: renumbering kept out of the way, the change list, Find,
Swap Sides, the order of the versions in Compare With..., and Export Redline's format."""

from __future__ import annotations

import datetime as dt

import pytest

from plutoeditor.compare.wording import kind_of
from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree
from plutoeditor.ui.compare.window import CompareWindow

# A clause inserted at the top renumbers the twenty after it; one of them is also reworded.
OLD = "\n".join(f"[{n}] Heading {n} | Clause {n} of the terms says its own thing." for n in range(1, 21))
NEW = "[1] Accounts | You need an account to order.\n" + "\n".join(
    f"[{n + 1}] Heading {n} | Clause {n} of the terms says its own thing." for n in range(1, 21)
).replace("Clause 12 of the terms says", "Clause 12 of the terms now says")


def _version(source):
    """Notation is parsed; a path or a policy is given to the window as it is."""
    return parse_tree(source) if isinstance(source, str) and source.lstrip().startswith("[") else source


def _window(qtbot, old=OLD, new=NEW, **options):
    win = CompareWindow(_version(old), _version(new), **options)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        win.resize(1100, 700)
        win.show()
    return win


def _kinds_visited(win):
    win.view.setCurrentIndex(win.model.index(0, 1))
    win.view.clearSelection()
    visited = []
    win.view.setCurrentIndex(win.model.index(-1, -1))
    while win.next_change():
        visited.append(kind_of(win.model.change_at(win.view.currentIndex().row())))
    return visited


def test_f8_skips_renumbering_unless_asked(qtbot):
    win = _window(qtbot)
    assert _kinds_visited(win) == ["added", "changed"]  # not the 19 relabels
    win.set_kind_shown("renumbering", True)
    visited = _kinds_visited(win)
    assert visited.count("renumbering") == 19 and visited.count("changed") == 1


def test_change_list_groups_renumbering_runs(qtbot):
    win = _window(qtbot)
    listed = [win.changes.index(r, 0).data() for r in range(win.changes.rowCount())]
    assert listed == ["added", "changed"]
    win.set_kind_shown("renumbering", True)
    listed = [win.changes.index(r, 0).data() for r in range(win.changes.rowCount())]
    assert listed == ["added", "renumbering only ×11", "changed", "renumbering only ×8"]
    assert win.changes.index(1, 1).data() == "1 … 11" and win.changes.index(1, 2).data() == "2 … 12"
    assert win.kind_actions["renumbering"].text() == "Renumbering &Only (19)"


def test_picking_a_listed_change_shows_it(qtbot):
    win = _window(qtbot)
    win.change_list.clicked.emit(win.changes.index(1, 3))
    change = win.model.change_at(win.view.currentIndex().row())
    assert kind_of(change) == "changed" and "now says" in change.new.text


def test_changes_only_hides_renumbering_too(qtbot):
    win = _window(qtbot)
    win.changes_only_action.trigger()
    assert [kind_of(win.model.change_at(r)) for r in range(win.model.rowCount())] == ["added", "changed"]
    win.set_kind_shown("renumbering", True)
    assert win.model.rowCount() == 21


def test_find_looks_in_both_versions_and_wraps(qtbot):
    win = _window(qtbot)
    assert win.find_next("now says")
    row = win.view.currentIndex().row()
    assert "now says" in win.model.change_at(row).new.text
    assert win.find_next("NOW SAYS") and win.view.currentIndex().row() == row  # wrapped round
    assert not win.find_next("no such words anywhere")


def test_swap_sides(qtbot):
    win = _window(qtbot)
    assert win.summary_label.text().startswith("1 added · 0 removed")
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        win.swap_action.trigger()
    assert win.summary_label.text().startswith("0 added · 1 removed")


def _dated(notation: str, date: dt.date | None, title: str):
    policy = parse_tree(notation)
    policy.metadata.effective_date = date
    policy.metadata.title = title
    return policy


def test_compare_with_puts_the_older_version_first(qtbot, tmp_path):
    """The editor holds the 2023 version; the file chosen is the 2022 one: it is the old one."""
    older = tmp_path / "terms-2022.policy.yaml"
    native.save(_dated(OLD, dt.date(2022, 11, 21), "Terms"), older)
    current = _dated(NEW, dt.date(2023, 6, 7), "Terms")
    win = _window(qtbot, str(older), current, order_by_date=True)
    comparison = win.comparison()
    assert comparison.old.metadata.effective_date == dt.date(2022, 11, 21)
    text = win.summary_label.text()
    assert "Effective date: 21 November 2022 → 7 June 2023" in text
    assert "Older version by effective date: terms-2022.policy.yaml (21 November 2022)" in text
    assert text.startswith("1 added")
    assert win.windowTitle() == "Compare terms-2022.policy.yaml → Terms"


def test_compare_with_a_newer_file_keeps_it_new(qtbot, tmp_path):
    newer = tmp_path / "terms-2023.policy.yaml"
    native.save(_dated(NEW, dt.date(2023, 6, 7), "Terms"), newer)
    current = _dated(OLD, dt.date(2022, 11, 21), "Terms")
    win = _window(qtbot, str(newer), current, order_by_date=True)
    assert win.comparison().new.metadata.effective_date == dt.date(2023, 6, 7)
    assert win.summary_label.text().startswith("1 added")


def test_compare_with_asks_when_the_dates_do_not_tell(qtbot, tmp_path):
    chosen = tmp_path / "terms-b.policy.yaml"
    native.save(_dated(NEW, None, "Terms"), chosen)
    win = _window(qtbot, str(chosen), _dated(OLD, None, "Terms"), order_by_date=True)
    box = win.order_question
    assert box is not None and box.isVisible()
    assert [b.text() for b in box.buttons()] == ["terms-b.policy.yaml", "Terms"]
    assert win.summary_label.text().startswith("0 added · 1 removed")  # as chosen: the file is old
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        box.buttons()[1].click()  # the document in the editor is the older one
    assert win.summary_label.text().startswith("1 added · 0 removed")
    assert "Older version (as you chose): Terms" in win.summary_label.text()
    assert win.windowTitle() == "Compare Terms → terms-b.policy.yaml"


@pytest.mark.parametrize(
    "typed, chosen, written",
    [
        ("red.docx", "HTML redline (*.html)", "red.docx"),
        ("red.html", "Word redline with tracked changes (*.docx)", "red.html"),
        ("red", "Word redline with tracked changes (*.docx)", "red.docx"),
        ("red", "HTML redline (*.html)", "red.html"),
    ],
)
def test_export_honours_a_typed_name(qtbot, tmp_path, monkeypatch, typed, chosen, written):
    from PySide6.QtWidgets import QFileDialog

    win = _window(qtbot)
    offered = []

    def fake(parent, title, suggested, filters, selected=""):  # type: ignore[no-untyped-def]
        offered.append((suggested, filters.split(";;")[0], selected))
        return str(tmp_path / typed), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    win.export_action.trigger()
    assert [p.name for p in tmp_path.iterdir()] == [written]
    assert offered[0][0].endswith("-redline.docx") and offered[0][2].startswith("Word redline")


def test_screenshot_of_the_review_window(qtbot, tmp_path):
    win = _window(qtbot)
    win.set_kind_shown("renumbering", True)
    win.next_change()
    image = win.grab()
    image.save(str(tmp_path / "compare-review.png"))
    assert (
        image.width() >= 1000 and win.change_list.isVisible() and win.legend_label.text().startswith("Key:")
    )


def test_the_window_notes_versions_given_the_wrong_way_round(qtbot):
    win = _window(
        qtbot, _dated(NEW, dt.date(2023, 6, 7), "Terms"), _dated(OLD, dt.date(2022, 11, 21), "Terms")
    )
    assert "the old version takes effect after the new one" in win.summary_label.text()
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        win.swap_sides()
    assert "takes effect after" not in win.summary_label.text()
