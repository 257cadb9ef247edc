"""LibreOffice opens the exported DOCX and the redline DOCX: headers, page fields, clauses.

One LibreOffice run converts both files (it is slow to start); a private profile keeps it
away from the user's own LibreOffice settings.
"""

from __future__ import annotations

import subprocess
import uuid

import pytest

from plutoeditor.compare import compare_policies
from plutoeditor.export.docx_writer import export_docx
from plutoeditor.export.redline_docx import write_redline_docx
from plutoeditor.importers.text import import_file
from tests.export.conftest import require

pytestmark = pytest.mark.tools


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """(seed policy, seed comparison, {name: [page texts]}) after LibreOffice's PDF export."""
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    soffice = require("libreoffice")
    pdftotext = require("pdftotext")
    folder = tmp_path_factory.mktemp("libreoffice")
    old = import_file(SEEDS / "pluto-privacy-2022-za.txt")
    new = import_file(SEEDS / "pluto-privacy-2023-uk.txt")
    comparison = compare_policies(old, new)
    export_docx(old, folder / "seed.docx")
    write_redline_docx(comparison, folder / "redline.docx")
    profile = (folder / f"lo-profile-{uuid.uuid4().hex}").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(folder), str(folder / "seed.docx"), str(folder / "redline.docx")],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pages = {}
    for name in ("seed", "redline"):
        pdf = folder / f"{name}.pdf"
        assert pdf.exists(), result.stdout + result.stderr
        text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        pages[name] = [page for page in text.split("\f") if page.strip()]
    return old, comparison, pages


def test_exported_seed_has_the_header_and_page_numbers_on_every_page(converted):
    _, _, pages = converted
    seed = pages["seed"]
    assert len(seed) >= 3
    for number, page in enumerate(seed, start=1):
        assert "Effective date: 21 November 2022" in page.splitlines()[0]
        assert f"Page {number} of {len(seed)}" in page


def test_exported_seed_shows_every_clause_label_and_heading_in_order(converted):
    old, _, pages = converted
    text = " ".join(" ".join(pages["seed"]).split())
    position = 0
    for clause in old.walk():
        for piece in (clause.label.strip(), " ".join(clause.heading.split())):
            if piece:
                position = text.index(piece, position)


def test_redline_shows_both_dates_and_the_changes(converted):
    _, comparison, pages = converted
    redline = pages["redline"]
    first = " ".join(redline[0].split())
    assert "effective date: 21 November 2022" in first and "effective date: 7 June 2023" in first
    for number, page in enumerate(redline, start=1):
        assert "Effective date: 7 June 2023" in page.splitlines()[0]
        assert f"Page {number} of {len(redline)}" in page
    text = " ".join(" ".join(redline).split())
    added = [c.new.text for c in comparison.changes if c.status == "added" and len(c.new.text) > 20]
    removed = [c.old.text for c in comparison.changes if c.status == "removed" and len(c.old.text) > 20]
    reworded = [c for c in comparison.changes if c.text_changed]
    assert added and removed and reworded
    for words in added[:3] + removed[:3]:
        assert " ".join(words.split()) in text  # both shown: inserted underlined, deleted struck through


def test_redline_summary_fits_on_the_first_page(converted):
    """The summary is counts, metadata, moves and one relabel line; the changes themselves
    are the tracked changes from page 2 on (it was a 10-page table of every change)."""
    from plutoeditor.export.redline_docx import summary_lines

    _, comparison, pages = converted
    first, second = (" ".join(page.split()) for page in pages["redline"][:2])
    for line in summary_lines(comparison):
        assert " ".join(line.split())[:40] in first
    assert "21 November 2022 → 7 June 2023" in first
    assert "Moved:" not in second and "Relabelled:" not in second  # no spill onto page 2


def test_saved_again_by_libreoffice_the_export_still_imports_exactly(converted, tmp_path):
    """LibreOffice rewrites the clause bookmark ranges when it saves a .docx (it starts each
    multi-paragraph range again at its last paragraph); the import still gets the same tree."""
    from plutoeditor.importers.docx import import_docx

    old, _, _ = converted
    soffice = require("libreoffice")
    export_docx(old, tmp_path / "seed.docx")
    profile = (tmp_path / f"lo-profile-{uuid.uuid4().hex}").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
         "--outdir", str(tmp_path / "saved"), str(tmp_path / "seed.docx")],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    again = import_docx(tmp_path / "saved" / "seed.docx")
    exact = [(c.id, c.label, c.heading, c.text, c.kind, d) for c, d in old.walk_with_depth()]
    assert [(c.id, c.label, c.heading, c.text, c.kind, d) for c, d in again.walk_with_depth()] == exact
    assert again.metadata == old.metadata
