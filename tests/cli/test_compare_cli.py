"""`plutoeditor compare OLD NEW` opens the compare window (Qt imported only by the handler)."""

from __future__ import annotations

import pytest

from plutoeditor.cli.main import main
from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 2
    assert "a.txt" in capsys.readouterr().err


def test_opens_the_window_on_both_files(tmp_path, monkeypatch, qapp):
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QApplication

    from plutoeditor.ui.common import crash
    from plutoeditor.ui.compare import standalone as standalone_compare
    from plutoeditor.ui.compare import window as compare_window

    old, new = tmp_path / "old.policy.yaml", tmp_path / "new.policy.yaml"
    native.save(parse_tree("[1] Scope | This covers the shop."), old)
    native.save(parse_tree("[1] Scope | This covers the shop and the forum."), new)
    opened = []

    class Recorder(compare_window.CompareWindow):
        def show(self):
            opened.append(self)

    monkeypatch.setattr(standalone_compare, "CompareWindow", Recorder)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(crash, "install_excepthook", lambda app: None)  # no global hook in tests
    assert main(["compare", str(old), str(new)]) == 0
    assert len(opened) == 1 and "old.policy.yaml" in opened[0].windowTitle()
    opened[0].close()
