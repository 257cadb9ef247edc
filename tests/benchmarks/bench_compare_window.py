"""Benchmark: the compare window on the 10,000-clause renumbered pair (bench_compare's).

Prints how long End, Home, PageDown and F8 take, from the key press until the window has
painted again (target in the compare issue: each under 100 ms), and how many F8 presses a
reviewer needs to go through the changes.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_compare_window.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compare import make_versions  # noqa: E402


def _press(app, widget, key, modifier=None) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app.processEvents()
    start = time.perf_counter()
    QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
    widget.viewport().repaint() if hasattr(widget, "viewport") else widget.repaint()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from plutoeditor.file_formats import open_policy
    from plutoeditor.ui.compare.window import CompareWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        old_path, new_path, _edits = make_versions(Path(tmp))
        old, new = open_policy(str(old_path)), open_policy(str(new_path))
    window = CompareWindow(old, new)
    ready = []
    window.comparison_ready.connect(ready.append)
    start = time.perf_counter()
    while not ready:
        app.processEvents()
        time.sleep(0.005)
    print(f"comparison ready in the window: {time.perf_counter() - start:.2f} s")
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    view = window.view
    view.setFocus()
    view.setCurrentIndex(window.model.index(0, 1))
    timings = {
        "End": _press(app, view, Qt.Key.Key_End),
        "Home": _press(app, view, Qt.Key.Key_Home),
        "PageDown": _press(app, view, Qt.Key.Key_PageDown),
    }
    f8 = [_press(app, view, Qt.Key.Key_F8) for _ in range(20)]
    timings["F8 (worst of 20)"] = max(f8)
    print(", ".join(f"{k} {v:.0f} ms" for k, v in timings.items()))
    view.setCurrentIndex(window.model.index(0, 1))
    presses = 0
    while window.next_change():
        presses += 1
    comparison = window.comparison()
    assert comparison is not None
    changes = sum(c.is_change for c in comparison.changes)
    print(f"F8 presses to go through the changes: {presses} (of {changes} changed clauses)")
    window.close()


if __name__ == "__main__":
    main()
