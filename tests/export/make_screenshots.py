"""Render the exports of the 2022 seed into resources/screenshots/ (for README and review).

Run from the repository root: `python tests/export/make_screenshots.py`. Needs Chromium
(HTML), LibreOffice (DOCX and redline pages) and pdftoppm; missing tools are skipped.

- html-export-seed-2022.png: the standalone HTML page in headless Chromium, 1200x1600.
- docx-export-seed-2022-page1.png: page 1 of the exported DOCX, rendered by LibreOffice.
- pdf-export-seed-2022-page1.png: page 1 of the PDF made through Qt.
- redline-docx-seeds-page1.png / -changes.png: the Word redline 2022 -> 2023, summary page
  and the last page (tracked insertions, deletions), rendered by LibreOffice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
OUT = REPO / "resources" / "screenshots"
SEEDS = REPO.parent / "shared" / "seeds"

from plutoeditor.compare import compare_policies  # noqa: E402
from plutoeditor.export.docx_writer import export_docx  # noqa: E402
from plutoeditor.export.html_writer import export_html  # noqa: E402
from plutoeditor.export.redline_docx import write_redline_docx  # noqa: E402
from plutoeditor.importers.text import import_file  # noqa: E402


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def html_screenshot(policy, work: Path) -> None:  # type: ignore[no-untyped-def]
    browser = _chromium()
    if browser is None:
        print("chromium not found: HTML screenshot skipped")
        return
    page = work / "seed.html"
    export_html(policy, page)
    target = OUT / "html-export-seed-2022.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         f"--user-data-dir={work / 'chromium'}", f"--screenshot={target}", "--window-size=1200,1600",
         page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    print(f"wrote {target}")


def _page_png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    print(f"wrote {target}")


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def office_pages(policy, work: Path) -> None:  # type: ignore[no-untyped-def]
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("libreoffice or pdftoppm not found: DOCX pages skipped")
        return
    export_docx(policy, work / "seed.docx")
    newer = import_file(SEEDS / "pluto-privacy-2023-uk.txt")
    write_redline_docx(compare_policies(policy, newer), work / "redline.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless", "--convert-to",
         "pdf", "--outdir", str(work), str(work / "seed.docx"), str(work / "redline.docx")],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    _page_png(work / "seed.pdf", 1, OUT / "docx-export-seed-2022-page1.png")
    _page_png(work / "redline.pdf", 1, OUT / "redline-docx-seeds-page1.png")
    _page_png(work / "redline.pdf", _page_count(work / "redline.pdf"), OUT / "redline-docx-seeds-changes.png")


def qt_pdf_page(policy, work: Path) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("pdftoppm") is None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from plutoeditor.export.pdf_export import export_pdf

    export_pdf(policy, work / "qt.pdf")
    _page_png(work / "qt.pdf", 1, OUT / "pdf-export-seed-2022-page1.png")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    policy = import_file(SEEDS / "pluto-privacy-2022-za.txt")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        html_screenshot(policy, work)
        office_pages(policy, work)
        qt_pdf_page(policy, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
