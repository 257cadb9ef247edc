"""Open corpus-dev files in the real editor window (offscreen) and use the Document view and
the Definitions pane on each, recording every exception and every logged error.

Run: `QT_QPA_PLATFORM=offscreen python tests/benchmarks/gui_sweep.py [--sample 40] [--match X]`.
For each file: a new window opens it (as `plutoeditor FILE` does, no dialog answered), waits
for its findings, raises the Definitions pane and waits for it to fill, puts the Document
view's cursor in the first, middle and last clause and scrolls to the end, raises Findings
again, then closes. A dialog (an open error) is recorded, not shown. Prints each file with
its problems and the counts.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS_DEV = REPO.parent / "shared" / "corpus-dev"
sys.path.insert(0, str(REPO))


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(self.format(record))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--match", default="")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--folder", default=str(CORPUS_DEV), help="open the files of this folder instead")
    parser.add_argument(
        "--compare", action="store_true", help="open neighbouring files in the compare window"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="gui-sweep-")
    os.environ["PLUTOEDITOR_HOME"] = home

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from plutoeditor.formats import native
    from plutoeditor.recovery import RecoveryStore
    from plutoeditor.ui.app import make_application
    from plutoeditor.ui.common.settings import Settings
    from plutoeditor.ui.editor.main_window import MainWindow

    suffixes = (".md", ".txt", ".docx", ".yaml")
    files = sorted(p for p in Path(args.folder).rglob("*") if p.suffix in suffixes and p.is_file())
    if args.match:
        files = [p for p in files if args.match in str(p)]
    if args.sample and args.sample < len(files):
        files = sorted(random.Random(18).sample(files, args.sample))

    errors: list[str] = []
    dialogs: list[str] = []
    sys.excepthook = lambda t, e, tb: errors.append("".join(traceback.format_exception(t, e, tb)))
    handler = _Errors()
    logging.getLogger().addHandler(handler)

    def box(kind: str):  # type: ignore[no-untyped-def]
        def ask(parent, title, text, *a, **k):  # type: ignore[no-untyped-def]
            dialogs.append(f"{kind}: {title}: {text}")
            return QMessageBox.StandardButton.Discard

        return staticmethod(ask)

    for kind in ("warning", "question", "critical", "information"):
        setattr(QMessageBox, kind, box(kind))
    QMessageBox.exec = lambda self: dialogs.append(f"box: {self.windowTitle()}: {self.text()}") or 0  # type: ignore[method-assign]
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))  # type: ignore[method-assign]

    app = make_application()
    failing = 0
    started = time.monotonic()
    if args.compare:
        failing = _compare_pairs(app, files, errors, dialogs, handler, args.timeout)
        print(
            f"{len(files) // 2} pairs compared in {time.monotonic() - started:.0f} s: {failing} with problems"
        )
        return 1 if failing else 0
    for index, path in enumerate(files):
        errors.clear(), dialogs.clear(), handler.records.clear()
        window = MainWindow(Settings(Path(home) / f"s{index}.ini"), RecoveryStore(Path(home) / "recovery"))
        window.show()
        problems: list[str] = []
        edits = 0
        refused = False
        try:
            window.files.open_path(str(path), ask=False)
            deadline = time.monotonic() + args.timeout
            while window.document is None and not dialogs and time.monotonic() < deadline:
                app.processEvents()  # a big file is imported off the GUI thread
                time.sleep(0.01)
            document = window.document
            while document is not None and document.findings_pending() and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
            if document is None:
                refused = bool(dialogs)  # an open error told in a dialog: what bad input gets
                if not refused:
                    problems.append("not opened, and no dialog said why")
            elif document.findings_pending():
                problems.append("findings not ready in time")
            else:
                window.pages.setCurrentIndex(1)
                dock = next(d for d in window.docks if d.widget() is window.definitions_pane)
                dock.raise_()
                while not window.definitions_pane._shown and time.monotonic() < deadline:
                    app.processEvents()
                    time.sleep(0.01)
                clauses = list(document.policy.walk())
                view = window.document_view
                for clause in clauses[:1] + clauses[len(clauses) // 2 : len(clauses) // 2 + 1] + clauses[-1:]:
                    view.show_clause(clause.id)
                    view.editor.setFocus()
                    app.processEvents()
                for needle, case in (("the", False), ("(", True), ("\\", False), ("", False)):
                    view.set_search(needle, case)
                    app.processEvents()
                bar = view.verticalScrollBar()
                bar.setValue(bar.maximum())
                app.processEvents()
                if clauses:  # type in the middle clause, split it, join it again, undo it all
                    before = native.dumps(document.policy)
                    view.show_clause(clauses[len(clauses) // 2].id)
                    view.editor.setFocus()
                    QTest.keyClicks(view.editor, "Ab ")
                    QTest.keyClick(view.editor, Qt.Key.Key_Return)
                    QTest.keyClick(view.editor, Qt.Key.Key_Backspace)
                    QTest.keyClick(view.editor, Qt.Key.Key_Tab)
                    app.processEvents()
                    edits = document.undo_stack.count()
                    while document.undo_stack.canUndo():
                        document.undo_stack.undo()
                    app.processEvents()
                    if native.dumps(document.policy) != before:
                        problems.append("undoing every edit did not give back the document")
                tree = window.definitions_pane.tree
                if tree.topLevelItemCount():
                    tree.setCurrentItem(tree.topLevelItem(0))
                    app.processEvents()
                next(d for d in window.docks if d.widget() is window.findings_panel).raise_()
                app.processEvents()
        except Exception:
            errors.append(traceback.format_exc())
        window.hide()
        window.deleteLater()
        app.processEvents()
        problems += [f"exception: {e.strip().splitlines()[-1]}" for e in errors]
        problems += [f"logged: {r.splitlines()[0]}" for r in handler.records]
        if not refused:
            problems += [f"dialog: {d[:160]}" for d in dialogs]
        if problems:
            failing += 1
            print(f"FAIL {path.name}: " + " | ".join(problems), flush=True)
            for e in errors[:1]:
                print(e, flush=True)
        else:
            said = f"refused: {dialogs[0][:120]!r}" if refused else f"{edits} edits undone"
            print(f"ok   {path.name} ({said})", flush=True)
    print(f"{len(files)} files opened in {time.monotonic() - started:.0f} s: {failing} with problems")
    return 1 if failing else 0


def _compare_pairs(app, files, errors, dialogs, handler, timeout) -> int:  # type: ignore[no-untyped-def]
    """Open files two by two in the standalone compare window (as `plutoeditor compare` does),
    wait for the comparison or its failure, close it; count the pairs with problems."""
    from plutoeditor.ui.compare.standalone import open_standalone_compare

    failing = 0
    for old, new in zip(files[0::2], files[1::2], strict=False):
        errors.clear(), dialogs.clear(), handler.records.clear()  # type: ignore[func-returns-value]
        outcome: list[str] = []
        try:
            standalone = open_standalone_compare(str(old), str(new))
            standalone.compare.comparison_ready.connect(lambda _c, o=outcome: o.append("compared"))
            standalone.compare.comparison_failed.connect(lambda m, o=outcome: o.append(f"failed: {m}"))
            deadline = time.monotonic() + timeout
            while not outcome and not errors and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
            standalone.compare.close()
            app.processEvents()
        except Exception:
            errors.append(traceback.format_exc())
        problems = [f"exception: {e.strip().splitlines()[-1]}" for e in errors]
        problems += [f"logged: {r.splitlines()[0]}" for r in handler.records]
        if not outcome and not dialogs:
            problems.append("neither compared nor failed in time")
        name = f"{old.name} / {new.name}"
        if problems:
            failing += 1
            print(f"FAIL {name}: " + " | ".join(problems), flush=True)
            for e in errors[:1]:
                print(e, flush=True)
        else:
            print(f"ok   {name} ({(outcome or dialogs)[0][:100]!r})", flush=True)
    return failing


if __name__ == "__main__":
    sys.exit(main())
