"""Render the README screenshots of the editor window (offscreen, no display needed).

    QT_QPA_PLATFORM=offscreen python tests/ui/make_screenshots.py [SEED] [OUT_DIR]

Writes resources/screenshots/editor-seed-2022.png (the 2022 seed, a clause whose label
disagrees with its position selected), document-view-seed-2022.png and -2023.png (the
Document view at the top of each seed), document-view-selection.png (a selection over
several clauses of the 2023 seed), editor-start-page.png and compare-samples.png (the
bundled sample policy, 2024 against 2025).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seeds" / "pluto-privacy-2022-za.txt"
OUT = REPO / "resources" / "screenshots"


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else SEED
    out = Path(argv[2]) if len(argv) > 2 else OUT
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="plutoeditor-shots-")
    os.environ["PLUTOEDITOR_HOME"] = home  # no user settings, no recent files, no recovery

    from plutoeditor.recovery import RecoveryStore
    from plutoeditor.ui.app import make_application
    from plutoeditor.ui.common.settings import Settings
    from plutoeditor.ui.editor.main_window import MainWindow

    app = make_application()
    window = MainWindow(Settings(Path(home) / "settings.ini"), RecoveryStore(Path(home) / "recovery"))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.grab().save(str(out / "editor-start-page.png"))

    window.files.open_path(str(seed), ask=False)
    document = window.document
    assert document is not None
    sixteen = next(c for c in document.policy.walk() if c.label.strip() == "2.16")
    target = sixteen.children[0]
    window.select_clause(target.id)
    window.outline.scrollTo(document.outline.index_of(sixteen), window.outline.ScrollHint.PositionAtTop)
    finding = next(f for f in document.findings if f.clause_id == target.id)
    panel = window.findings_panel
    row = panel.model.findings.index(finding)
    panel.view.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index(row, 0)))
    window.outline.setFocus()
    for _ in range(5):
        app.processEvents()
    path = out / "editor-seed-2022.png"
    window.grab().save(str(path))
    print(f"wrote {path}")
    document.undo_stack.setClean()
    for name in ("pluto-privacy-2022-za.txt", "pluto-privacy-2023-uk.txt"):
        window.files.open_path(str(seed.parent / name), ask=False)  # the Document view on each seed
        for _ in range(5):
            app.processEvents()
        year = name.split("-")[2]
        path = out / f"document-view-seed-{year}.png"
        window.document_view.grab().save(str(path))
        print(f"wrote {path}")
        window.document.undo_stack.setClean()
    view = window.document_view  # a selection over several clauses, as a drag with the mouse makes
    rows = view.rows
    if rows is not None and len(rows) > 5:
        view.show_clause(rows.clause(2).id, min(12, len(rows.clause(2).text)))
        view.editor.setFocus()
        view.selection.select_to(rows.clause(4), min(24, len(rows.clause(4).text)))
        for _ in range(3):
            app.processEvents()
        path = out / "document-view-selection.png"
        view.grab().save(str(path))
        print(f"wrote {path}")
    window.close()

    from PySide6.QtCore import QEventLoop, QTimer

    from plutoeditor.ui.compare.window import CompareWindow

    samples = REPO / "resources" / "samples"
    compare = CompareWindow(
        str(samples / "sample-privacy-policy.policy.yaml"),
        str(samples / "sample-privacy-policy-2025.policy.yaml"),
    )
    compare.resize(1400, 900)
    compare.show()
    loop = QEventLoop()
    compare.comparison_ready.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    compare.next_change()
    for _ in range(5):
        app.processEvents()
    path = out / "compare-samples.png"
    compare.grab().save(str(path))
    print(f"wrote {path}")
    compare.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
