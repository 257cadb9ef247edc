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


def _broken_and_good(tmp_path):
    broken = tmp_path / "broken.policy.yaml"
    broken.write_text("format_version: 1\nmetadata: [\n", encoding="utf-8")
    good = tmp_path / "good.policy.yaml"
    native.save(parse_tree("[1] Scope | This covers the shop."), good)
    return broken, good


def test_a_file_that_is_no_policy_is_one_line_and_no_window(tmp_path, monkeypatch, capsys, qapp):
    """It opened the window, which said "Could not compare" where no one could see it
    (offscreen) and never ended; now the command reads both files first, as every command does."""
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QApplication

    from plutoeditor.ui.compare import standalone as standalone_compare
    from plutoeditor.ui.compare import window as compare_window

    broken, good = _broken_and_good(tmp_path)
    opened = []

    class Recorder(compare_window.CompareWindow):
        def show(self):
            opened.append(self)

    monkeypatch.setattr(standalone_compare, "CompareWindow", Recorder)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    for args in ([str(broken), str(good)], [str(good), str(broken)]):
        assert main(["compare", *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"plutoeditor: {broken}:3: ") and err.count("\n") == 1, err
    assert opened == []


def test_offscreen_a_file_that_is_no_policy_ends_the_process(tmp_path):
    import os
    import subprocess
    import sys

    broken, good = _broken_and_good(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "plutoeditor", "compare", str(broken), str(good)],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith(f"plutoeditor: {broken}:3: ") and done.stderr.count("\n") == 1
