"""PDF through Qt: running header with the effective date and page numbers on every page."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.export.conftest import require

pytest.importorskip("PySide6.QtGui")

from plutoeditor.export.pdf_export import export_pdf, render_pdf  # noqa: E402


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


def _bodies(pdf_path) -> list[str]:
    """Each page's text without its running header (first line) and "Page N of M" footer."""
    pdftotext = require("pdftotext")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]  # every page ends with a form feed, a blank one too
    footer = re.compile(r"^\s*Page \d+ of \d+\s*$")
    return [
        "\n".join(line for line in page.splitlines()[1:] if not footer.match(line)).strip() for page in pages
    ]


def _retention_table(rows: int):
    from plutoeditor.model import Clause, Metadata, Policy

    body = [f"| Record {n} | Kept for {n} years after the end of the contract |" for n in range(rows)]
    text = "Retention:\n| Record kind | Retention period |\n| --- | --- |\n" + "\n".join(body)
    return Policy(Metadata(title="Retention"), [Clause("1", "", text)])


def _paragraphs(count: int):
    from plutoeditor.model import Clause, Metadata, Policy

    texts = [f"Paragraph {n}: we keep records as long as the law requires." for n in range(count)]
    return Policy(Metadata(title="Retention"), [Clause(str(n + 1), "", text) for n, text in enumerate(texts)])


@pytest.mark.parametrize(
    "make, lengths",
    [
        # about 37 rows or paragraphs fill a page: each range crosses a page end, where the
        # text ends just above a page's foot and only the spacing after it spills over
        # (34 rows and 68 paragraphs did, with the fonts of the development machine)
        (_retention_table, range(28, 72)),
        (_paragraphs, range(26, 72)),
    ],
    ids=["table", "paragraphs"],
)
def test_no_blank_last_page_when_the_text_ends_at_a_page_end(tmp_path, make, lengths):
    counts = set()
    for length in lengths:
        out = tmp_path / f"{length}.pdf"
        export_pdf(make(length), out)
        bodies = _bodies(out)
        assert all(bodies), (length, [len(body) for body in bodies])
        assert f"{length - 1} " in bodies[-1].replace(":", " ")  # the last row or paragraph
        counts.add(len(bodies))
    assert len(counts) > 1  # a page end was crossed


def test_a_table_ending_the_document_leaves_no_blank_page_at_any_length(tmp_path):
    for rows in (1, 120, 200):
        out = tmp_path / f"{rows}.pdf"
        export_pdf(_retention_table(rows), out)
        bodies = _bodies(out)
        assert all(bodies) and f"Record {rows - 1} " in bodies[-1]
        assert all("Retention period" in body for body in bodies)
