"""The compare window: aligned panes, marks, navigation, filter, open-in-editor, export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree
from plutoeditor.ui.compare.model import ComparisonModel, HtmlRole
from plutoeditor.ui.compare.window import CompareWindow

OLD = """
[1] Scope |
  [1.1] This notice covers the newsletter.
  [1.2] It does not cover the shop.
[2] Retention |
  [2.1] We keep your email address until you unsubscribe.
[3] Contact |
  [3.1] Write to the data protection officer.
[4] Complaints |
  [4.1] You may complain to the regulator.
"""
NEW = """
[1] Scope |
  [1.1] This notice covers the forum.
  [1.2] Forum posts are public.
  [1.3] It does not cover the shop.
[2] Contact |
  [2.1] Write to the data protection officer.
[3] Complaints |
  [3.1] You may complain to the regulator.
[4] Retention |
  [4.1] We keep your email address until you unsubscribe.
"""


@pytest.fixture
def window(qtbot):
    old, new = parse_tree(OLD), parse_tree(NEW)
    win = CompareWindow(old, new)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        pass
    win.show()
    return win


def _row_text(win, row):
    return win.model.index(row, 0).data(), win.model.index(row, 1).data()


def test_model_passes_qt_model_tester(qtmodeltester):
    from plutoeditor.compare import compare_policies

    model = ComparisonModel(compare_policies(parse_tree(OLD), parse_tree(NEW)))
    qtmodeltester.check(model)
    model.set_changes_only(True)
    qtmodeltester.check(model)


def test_both_versions_aligned_row_by_row(window):
    model = window.model
    assert model.columnCount() == 2 and model.rowCount() == 10
    rows = [_row_text(window, r) for r in range(model.rowCount())]
    assert any(
        old.endswith("It does not cover the shop.") and new.endswith("It does not cover the shop.")
        for old, new in rows
    )
    added = next(r for r in rows if "Forum posts" in r[1])
    assert added[0] == "" and added[1].startswith("+ added")


def test_marks_insertions_deletions_moves_and_relabels(window):
    model = window.model
    reworded = next(r for r in range(model.rowCount()) if "forum" in model.index(r, 1).data())
    old_html = model.index(reworded, 0).data(HtmlRole)
    new_html = model.index(reworded, 1).data(HtmlRole)
    assert "line-through" in old_html and "newsletter" in old_html and "forum" not in old_html
    assert "underline" in new_html and ">forum<" in new_html and "newsletter" not in new_html
    moved = [r for r in range(model.rowCount()) if "⇄ moved" in model.index(r, 1).data()]
    assert len(moved) == 1 and "Retention" in model.index(moved[0], 1).data()
    assert model.index(moved[0], 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    relabelled = next(r for r in range(model.rowCount()) if "1.2 → 1.3" in model.index(r, 1).data())
    html = model.index(relabelled, 1).data(HtmlRole)
    assert "underline" not in html and "line-through" not in html


def test_summary_bar_counts(window):
    text = window.summary_label.text()
    assert "1 added" in text and "0 removed" in text and "1 changed" in text
    assert "1 moved" in text and "relabelled" in text


def test_next_and_previous_change_with_keyboard(window, qtbot):
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    first = window.view.currentIndex().row()
    assert window.model.change_at(first).is_change
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    second = window.view.currentIndex().row()
    assert second > first and window.model.change_at(second).is_change
    assert all(not window.model.change_at(r).is_change for r in range(first + 1, second))
    qtbot.keyClick(window.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.currentIndex().row() == first
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.view.currentIndex().row() == second


def test_changes_only_filter(window):
    total = window.model.rowCount()
    window.changes_only_action.trigger()
    assert window.model.rowCount() < total
    assert all(window.model.change_at(r).is_change for r in range(window.model.rowCount()))
    window.changes_only_action.trigger()
    assert window.model.rowCount() == total


def test_activating_a_clause_asks_the_editor_to_open_it(window, qtbot):
    row = next(r for r in range(window.model.rowCount()) if "Forum posts" in window.model.index(r, 1).data())
    change = window.model.change_at(row)
    with qtbot.waitSignal(window.open_clause_requested) as signal:
        window.view.activated.emit(window.model.index(row, 1))
    assert signal.args == [change.new.id]
    with qtbot.waitSignal(window.open_clause_requested) as signal:  # old side is empty: new clause
        window.view.activated.emit(window.model.index(row, 0))
    assert signal.args == [change.new.id]


def test_export_html_redline(window, tmp_path):
    out = tmp_path / "redline.html"
    window.export_redline(str(out))
    html = out.read_text(encoding="utf-8")
    assert "<ins>forum</ins>" in html and "⇄ moved" in html


def test_compares_files_and_reports_bad_input(qtbot, tmp_path):
    good = tmp_path / "good.policy.yaml"
    native.save(parse_tree(OLD), good)
    bad = tmp_path / "bad.policy.yaml"
    bad.write_text("format: [unclosed\n", encoding="utf-8")
    win = CompareWindow(str(good), str(good))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_ready, timeout=10000) as ready:
        pass
    assert ready.args[0].is_identical() and "same" in win.summary_label.text()
    win2 = CompareWindow(str(good), str(bad))
    qtbot.addWidget(win2)
    with qtbot.waitSignal(win2.comparison_failed, timeout=10000) as failed:
        pass
    assert "bad.policy.yaml" in failed.args[0] and "bad.policy.yaml" in win2.summary_label.text()


def test_progress_is_shown_while_comparing(qtbot):
    win = CompareWindow(parse_tree(OLD), parse_tree(NEW))
    qtbot.addWidget(win)
    win.show()
    assert win.progress_bar.isVisible() and not win.export_action.isEnabled()
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        pass
    assert win.progress_bar.value() == win.progress_bar.maximum() == 100
    assert not win.progress_bar.isVisible() and win.export_action.isEnabled()


def test_select_clause_by_id_from_the_editor(window):
    change = next(c for c in window.comparison().changes if c.heading == "Complaints")
    assert window.select_clause(change.old.id)
    assert window.model.change_at(window.view.currentIndex().row()) is change
    assert not window.select_clause("no-such-id")


def test_export_docx_redline(window, tmp_path):
    pytest.importorskip("plutoeditor.export.redline_docx")
    import zipfile

    out = tmp_path / "redline.docx"
    window.export_redline(str(out))
    with zipfile.ZipFile(out) as package:
        assert "<w:del " in package.read("word/document.xml").decode("utf-8")


def test_rows_grow_when_the_window_narrows_so_no_text_is_cut_off(qtbot):
    from PySide6.QtWidgets import QStyleOptionViewItem

    win = CompareWindow(
        "resources/samples/sample-privacy-policy.policy.yaml",
        "resources/samples/sample-privacy-policy-2025.policy.yaml",
    )
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        win.show()
    qtbot.wait(50)
    win.resize(1024, 640)  # the columns narrow and the text wraps onto more lines

    def cut_off() -> list[int]:
        rows = []
        for row in range(min(win.model.rowCount(), 40)):
            for column in (0, 1):
                index = win.model.index(row, column)
                needed = win.delegate.sizeHint(QStyleOptionViewItem(), index).height()
                if win.view.visualRect(index).height() < needed:
                    rows.append(row)
        return rows

    qtbot.waitUntil(lambda: cut_off() == [], timeout=2000)


def test_reference_that_only_followed_renumbering_is_marked_as_such(qtbot):
    from tests.compare.test_references_followed import NEW, OLD

    win = CompareWindow(parse_tree(OLD), parse_tree(NEW))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        win.show()
    assert "2 changed (1 only references following renumbering)" in win.summary_label.text()
    rows = [_row_text(win, row) for row in range(win.model.rowCount())]
    followed = [r for r in rows if "clause 3.3." in r[1]]
    assert followed and "↻ references follow renumbering" in followed[0][1]
    assert not [r for r in rows if "60 days" in r[1] and "references follow" in r[1]]


def _menu(win, title):
    return next(a.menu() for a in win.menuBar().actions() if a.text() == title)


def _menu_texts(win) -> dict[str, list[str]]:
    return {
        top.text(): [a.text() for a in top.menu().actions() if not a.isSeparator()]
        for top in win.menuBar().actions()
    }


def test_menu_bar_holds_every_command(window):
    assert _menu_texts(window) == {
        "&File": ["&Export Redline…", "&Draft Summary of Changes…", "&Close", "&Quit"],
        "&View": [
            "&Changes Only",
            "&Added (1)",
            "&Removed (0)",
            "Chan&ged (1)",
            "&Moved (1)",
            "Renumbering &Only (6)",
            "&Swap Sides",
            "Change &List",
            "&Toolbar",
        ],
        "&Go": ["&Next Change", "&Previous Change", "&Find…", "Find Ne&xt", "&Open in Editor"],
        "&Help": ["&About PlutoEditor"],
    }
    go = _menu(window, "&Go").actions()
    assert window.next_action in go and window.previous_action in go and window.open_action in go


def test_go_menu_steps_through_the_changes(window):
    first = next(r for r in range(window.model.rowCount()) if window.model.change_at(r).is_change)
    go = {a.text(): a for a in _menu(window, "&Go").actions()}
    go["&Next Change"].trigger()
    assert window.view.currentIndex().row() == first
    go["&Next Change"].trigger()
    second = window.view.currentIndex().row()
    assert second > first and window.model.change_at(second).is_change
    go["&Previous Change"].trigger()
    assert window.view.currentIndex().row() == first


def test_go_menu_with_the_keyboard_alt_g_then_n(window, qtbot):
    from PySide6.QtWidgets import QApplication

    first = next(r for r in range(window.model.rowCount()) if window.model.change_at(r).is_change)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.title() == "&Go"
    qtbot.keyClick(popup, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert window.view.currentIndex().row() == first


def test_go_menu_opens_the_selected_clause_in_the_editor(window, qtbot):
    row = next(r for r in range(window.model.rowCount()) if "Forum posts" in window.model.index(r, 1).data())
    window.select_clause(window.model.change_at(row).new.id)
    open_action = next(a for a in _menu(window, "&Go").actions() if a.text() == "&Open in Editor")
    with qtbot.waitSignal(window.open_clause_requested) as signal:
        open_action.trigger()
    assert signal.args == [window.model.change_at(row).new.id]


def test_view_menu_filters_and_hides_the_toolbar(window):
    total = window.model.rowCount()
    view = {a.text(): a for a in _menu(window, "&View").actions()}
    view["&Changes Only"].trigger()
    assert window.model.rowCount() < total and view["&Changes Only"].isChecked()
    view["&Changes Only"].trigger()
    assert window.model.rowCount() == total
    view["&Toolbar"].trigger()
    assert window.toolbar.isHidden()
    view["&Toolbar"].trigger()
    assert not window.toolbar.isHidden()


def test_file_menu_exports_the_redline(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "menu-redline.html"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "HTML redline (*.html)"))
    )
    next(a for a in _menu(window, "&File").actions() if a.text() == "&Export Redline…").trigger()
    assert "<ins>forum</ins>" in out.read_text(encoding="utf-8")


def test_file_menu_closes_the_window(qtbot):
    win = CompareWindow(parse_tree(OLD), parse_tree(NEW))  # deletes itself on close: not handed to qtbot
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        win.show()
    closed: list[bool] = []
    win.destroyed.connect(lambda: closed.append(True))
    next(a for a in _menu(win, "&File").actions() if a.text() == "&Close").trigger()
    qtbot.waitUntil(lambda: bool(closed), timeout=2000)


def test_help_menu_shows_about(window, qtbot):
    from PySide6.QtWidgets import QDialog

    next(a for a in _menu(window, "&Help").actions() if a.text() == "&About PlutoEditor").trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def _long_window(qtbot, sections=400):
    lines = []
    for s in range(1, sections + 1):
        lines.append(f"[{s}] Section {s} |")
        lines += [f"  [{s}.{k}] Clause {s}.{k} says something unlike the others." for k in (1, 2, 3, 4)]
    old = "\n".join(lines)
    new = old.replace("[7.2] Clause 7.2 says", "[7.2] Clause 7.2 now says")
    win = CompareWindow(parse_tree(old), parse_tree(new))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_ready, timeout=20000):
        win.resize(1000, 700)
        win.show()
    return win


def test_end_and_home_measure_only_the_rows_on_screen(qtbot):
    """End used to lay out every row between here and the end (10-12 s on 10,000 clauses)."""
    win = _long_window(qtbot)
    rows = win.model.rowCount()
    win.view.setFocus()
    win.view.setCurrentIndex(win.model.index(0, 1))
    qtbot.wait(20)
    measured = []
    original = win.delegate.sizeHint
    win.delegate.sizeHint = lambda *args: measured.append(1) or original(*args)  # type: ignore[method-assign]
    qtbot.keyClick(win.view, Qt.Key.Key_End)
    qtbot.wait(20)
    assert win.view.currentIndex().row() == rows - 1
    assert win.view.visualRect(win.view.currentIndex()).intersects(win.view.viewport().rect())
    assert len(measured) < 200, len(measured)
    measured.clear()
    qtbot.keyClick(win.view, Qt.Key.Key_Home)
    qtbot.wait(20)
    assert win.view.currentIndex().row() == 0 and len(measured) < 200
    qtbot.keyClick(win.view, Qt.Key.Key_PageDown)
    assert win.view.currentIndex().row() > 0


def test_a_new_column_is_one_entry_shown_searched_and_opened_like_the_others(qtbot, monkeypatch):
    from html import escape

    from plutoeditor.ui.compare import model as compare_model
    from plutoeditor.ui.compare import window as compare_window
    from plutoeditor.ui.compare.model import COLUMNS, Column, describe

    what = Column("What changed", "", describe, lambda change: escape(describe(change)))
    monkeypatch.setattr(compare_model, "COLUMNS", (*COLUMNS, what))
    monkeypatch.setattr(compare_window, "COLUMNS", (*COLUMNS, what))
    win = CompareWindow(parse_tree(OLD), parse_tree(NEW))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_ready, timeout=10000):
        pass
    win.show()
    model = win.model
    assert model.columnCount() == 3 and model.headerData(2, Qt.Orientation.Horizontal) == "What changed"
    moved = next(r for r in range(model.rowCount()) if "Retention" in (model.index(r, 1).data() or ""))
    assert model.index(moved, 2).data() == describe(model.change_at(moved)) != ""
    assert model.index(moved, 2).data(HtmlRole)
    assert win.find_next("text changed")  # only the new column says so ("Text changed")
    assert "forum" in model.index(win.view.currentIndex().row(), 1).data()
    with qtbot.waitSignal(win.open_version_clause_requested) as opened:
        win.view.activated.emit(model.index(moved, 2))
    assert opened.args == [model.change_at(moved).new.id, "new"]  # a change column opens the new version
