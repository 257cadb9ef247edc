"""Drives a real editor window in its own process, for the no-abort stress tests.

    python tests/ui/drive_exports.py FOLDER exports N     # N exports in a row, then quit
    python tests/ui/drive_exports.py FOLDER quit-during-export
    python tests/ui/drive_exports.py FOLDER close-comparing

Runs the application's own event loop (`app.exec()`) and its own quit path, as a user's
session does, so an abort ("QThread: Destroyed while thread is still running") kills this
process and the test sees the signal. Prints one line of what happened.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from plutoeditor.formats import native  # noqa: E402
from plutoeditor.model.notation import parse_tree  # noqa: E402
from plutoeditor.recovery import RecoveryStore  # noqa: E402
from plutoeditor.ui.app import make_application  # noqa: E402
from plutoeditor.ui.common.settings import Settings  # noqa: E402
from plutoeditor.ui.common.workers import running_workers, work_of  # noqa: E402
from plutoeditor.ui.editor.main_window import MainWindow  # noqa: E402
from plutoeditor.ui.publishing.exports import Publishing  # noqa: E402

KINDS = ("html", "pdf", "docx")


def write_policy(path: Path, sections: int) -> None:
    """A clean policy (no error findings) of `sections` sections of five clauses each."""
    lines = []
    for s in range(1, sections + 1):
        lines.append(f"[{s}] Section {s} | This section sets out rule {s} of the policy.")
        for c in range(1, 6):
            lines.append(f"  [{s}.{c}] We keep personal data for clause {s}.{c} only as long as needed.")
    native.save(parse_tree("\n".join(lines) + "\n"), path)


def main(folder: Path, mode: str, count: int) -> int:
    app = make_application()
    Publishing.confirm_errors = lambda self, document: True  # type: ignore[method-assign]
    policy = folder / "policy.policy.yaml"
    write_policy(policy, 400 if mode == "quit-during-export" else 10)
    window = MainWindow(Settings(folder / "settings.ini"), RecoveryStore(folder / "recovery"))
    window.show()
    QTimer.singleShot(0, lambda: window.files.open_path(str(policy), ask=False))
    done: list[str] = []

    if mode == "exports":

        def next_export() -> None:
            if len(done) == count:
                window.actions_["file.quit"].trigger()
                return
            kind = KINDS[len(done) % len(KINDS)]
            done.append(kind)
            window.publishing.export(kind, str(folder / f"out-{len(done)}.{kind}"))

        work_of(window).idle.connect(next_export)
        QTimer.singleShot(0, next_export)
    elif mode == "quit-during-export":

        def quit_now() -> None:
            window.publishing.export("pdf", str(folder / "out.pdf"))
            exporting = bool(running_workers(window))
            window.actions_["file.quit"].trigger()
            done.append("still open" if exporting and window.isVisible() else "closed at once")

        window.files.opened.connect(lambda _path: QTimer.singleShot(0, quit_now))  # opened on a worker
    elif mode == "close-comparing":

        def compare_then_close() -> None:
            other = folder / "other.policy.yaml"
            write_policy(other, 600)
            compare = window.publishing.compare_with(str(other))
            compare.close()
            done.append("compare closed")
            window.actions_["file.quit"].trigger()

        QTimer.singleShot(0, compare_then_close)
    code = app.exec()
    print(f"exit {code}; {len(done)} done; {', '.join(sorted(set(done)))}")
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0))
