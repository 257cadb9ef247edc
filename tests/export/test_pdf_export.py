"""PDF through Qt: running header with the effective date and page numbers on every page."""

from __future__ import annotations

import subprocess

import pytest

from tests.export.conftest import require

pytest.importorskip("PySide6.QtGui")

from plutoeditor.ui.pdf_export import export_pdf, render_pdf  # noqa: E402


def _pages(pdf_path) -> list[str]:
    pdftotext = require("pdftotext")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    )
    return [page for page in text.stdout.split("\f") if page.strip()]


def test_pdf_bytes_without_any_window(policy):
    data = render_pdf(policy)
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]


@pytest.mark.tools
def test_seed_pdf_has_header_and_page_numbers_on_every_page(seed_policy, tmp_path):
    out = tmp_path / "seed.pdf"
    progress = []
    export_pdf(seed_policy, out, progress=lambda done, total: progress.append(done))
    assert progress[-1] == len(seed_policy)
    pages = _pages(out)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "Effective date: 21 November 2022" in page.splitlines()[0]
        assert f"Page {number} of {len(pages)}" in page
    text = " ".join(" ".join(pages).split())
    position = 0
    for clause in seed_policy.walk():
        for piece in (clause.label.strip(), clause.heading.strip()):
            if piece:
                position = text.index(piece, position)


@pytest.mark.tools
def test_schedule_starts_a_new_page_and_contents_list_page_numbers(policy, tmp_path):
    out = tmp_path / "notice.pdf"
    export_pdf(policy, out)
    pages = _pages(out)
    assert pages[-1].split("\n", 1)[1].strip().startswith("Schedule 1")
    contents = pages[0][pages[0].index("Contents") :]
    assert contents.split("Retention Schedule")[1].split()[0] == str(len(pages))


def test_pdf_renders_on_a_worker_thread_while_the_window_runs(qapp, policy):
    """The editor exports on a worker thread (File > Export); Qt's text layout and PDF
    writer must work there too."""
    import threading

    results: list[bytes] = []
    thread = threading.Thread(target=lambda: results.append(render_pdf(policy)))
    thread.start()
    thread.join(timeout=60)
    assert results and results[0].startswith(b"%PDF-")


def test_a_long_table_is_a_table_with_its_header_on_every_page(tmp_path):
    from plutoeditor.model import Clause, Metadata, Policy

    rows = "\n".join(f"| Record {n} | Kept for {n} years after the end of the contract |" for n in range(120))
    text = "Retention:\n| Record kind | Retention period |\n| --- | --- |\n" + rows
    out = tmp_path / "table.pdf"
    export_pdf(Policy(Metadata(title="Retention"), [Clause("1", "", text)]), out)
    pages = _pages(out)
    assert len(pages) >= 3
    assert all("Retention period" in page for page in pages)  # the header row on every page
    assert "Record 119" in pages[-1] and "|" not in "".join(pages)
