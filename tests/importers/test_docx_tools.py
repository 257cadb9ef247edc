"""Word documents written by other programs (pandoc, LibreOffice) import with the labels a
person sees when opening them in LibreOffice.

Both programs turn Markdown ordered lists into real Word automatic numbering, so these
documents exercise `docx_numbering` on numbering.xml we did not write. LibreOffice's own
text export (`--convert-to txt:Text`) shows each paragraph with its displayed label; every
label we compute must equal the one it shows, paragraph by paragraph.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plutoeditor.importers.docx import import_docx, read_word_document
from plutoeditor.importers.text import import_file
from plutoeditor.model.notation import format_tree
from tests.importers.test_docx_numbering import LEGAL, abstract, item, lvl, num
from tests.importers.test_docx_reading import make_docx, num_ppr, p_xml, r

pytestmark = pytest.mark.tools

PANDOC = shutil.which("pandoc")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SHARED = Path(__file__).resolve().parents[2].parent / "shared"

#: Corpus documents with ordered lists (nested in the CP), lettered sections and duplicates.
CORPUS_PICKS = (
    "letsencrypt-cp-cps__cp__2023-03-09_fe4ba58",
    "github-site-policy__ms-volume-licensing-supplemental-terms__2019-03-14_520f390",
    "github-site-policy__corporate-terms-of-service__2017-07-16_8f492a4",
    "github-site-policy__sponsors-additional-terms__2026-03-10_cbac3e1",
)

#: Our own Markdown with the list styles pandoc turns into letters, roman numerals and starts.
OWN_MARKDOWN = """\
# Widget Club Rules

1. Membership
    a. Members pay a yearly fee.
    b. Members may bring guests:
        i. on weekdays;
        ii. on the first Saturday of a month;
        iii. never on holidays.
    c. Members keep the rules.
2. Meetings

    A.  The chair opens each meeting.
    B.  The secretary keeps minutes.

Some text between lists.

5. Five comes first here
6. And six after it

(i) roman in brackets
(ii) the second one
(iii) the third one
(iv) the fourth one
"""


def _run(args: list[str], cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, check=True, timeout=180, capture_output=True)


def _soffice(
    profile: Path, out: Path, convert_to: str, files: list[Path], infilter: str | None = None
) -> None:
    args = [
        SOFFICE or "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        convert_to,
        "--outdir",
        str(out),
    ]
    if infilter:
        args.append(f"--infilter={infilter}")
    _run([*args, *map(str, files)], out)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """name -> (docx, LibreOffice's text export of it), for pandoc- and LibreOffice-written DOCX."""
    if not PANDOC or not SOFFICE:
        pytest.skip("pandoc and LibreOffice are needed")
    root = tmp_path_factory.mktemp("converted")
    profile = root / "lo-profile"
    sources: dict[str, Path] = {}
    own = root / "own-rules.md"
    own.write_text(OWN_MARKDOWN, encoding="utf-8")
    sources["own-rules"] = own
    for seed in ("pluto-privacy-2022-za.txt", "pluto-privacy-2023-uk.txt"):
        if (SHARED / "seeds" / seed).is_file():
            sources[seed.removesuffix(".txt")] = SHARED / "seeds" / seed
    for name in CORPUS_PICKS:
        if (SHARED / "corpus" / f"{name}.md").is_file():
            sources[name] = SHARED / "corpus" / f"{name}.md"
    html_dir, docx_dir, txt_dir = root / "html", root / "docx", root / "txt"
    for d in (html_dir, docx_dir, txt_dir):
        d.mkdir()
    for name, src in sources.items():
        _run(
            [PANDOC, "-f", "markdown", "-t", "docx", str(src), "-o", str(docx_dir / f"pandoc-{name}.docx")],
            root,
        )
        _run(
            [
                PANDOC,
                "-f",
                "markdown",
                "-t",
                "html",
                str(src),
                "-o",
                str(html_dir / f"libreoffice-{name}.html"),
            ],
            root,
        )
    _soffice(
        profile,
        docx_dir,
        "docx:MS Word 2007 XML",
        sorted(html_dir.glob("*.html")),
        infilter="HTML (StarWriter)",
    )
    _soffice(profile, txt_dir, "txt:Text", sorted(docx_dir.glob("*.docx")))
    result = {}
    for writer in ("pandoc", "libreoffice"):
        for name in sources:
            result[f"{writer}:{name}"] = (
                docx_dir / f"{writer}-{name}.docx",
                txt_dir / f"{writer}-{name}.txt",
            )
    return result


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def displayed_labels(docx: Path, txt: Path) -> tuple[list[tuple[str, str]], int, int]:
    """(our label, LibreOffice's) for each paragraph found in LibreOffice's text; counts."""
    lines = [_norm(line) for line in txt.read_text(encoding="utf-8-sig").splitlines()]
    pairs: list[tuple[str, str]] = []
    at = missing = 0
    for para in read_word_document(docx).paragraphs:
        if para.in_table or para.is_bullet or not para.text.strip():
            continue
        key = _norm(para.text)[:40]
        j = at
        while j < len(lines):
            found = lines[j].find(key)
            if found != -1 and len(lines[j][:found].strip()) <= 16:
                break
            j += 1
        if j == len(lines):
            missing += 1
            continue
        pairs.append((para.auto_label or "", lines[j][: lines[j].find(key)].strip()))
        at = j + 1
    return pairs, missing, sum(1 for ours, _ in pairs if ours)


@pytest.mark.parametrize("writer", ["pandoc", "libreoffice"])
def test_labels_equal_what_libreoffice_displays(converted, writer):
    total_numbered = 0
    for key, (docx, txt) in converted.items():
        if not key.startswith(writer + ":"):
            continue
        pairs, missing, numbered = displayed_labels(docx, txt)
        assert pairs, key
        assert missing <= len(pairs) // 20, f"{key}: {missing} paragraphs not found in LibreOffice's text"
        wrong = [(ours, theirs) for ours, theirs in pairs if ours != theirs]
        assert not wrong, f"{key}: labels differ (ours, LibreOffice's): {wrong[:5]}"
        total_numbered += numbered
        policy = import_docx(docx)  # the computed labels reach the clauses unchanged
        by_line = {c.source_line: c.label for c in policy.walk()}
        for para in read_word_document(docx).paragraphs:
            if para.auto_label and para.line in by_line:
                assert by_line[para.line] == para.auto_label, (key, para.line)
    # Real automatic numbering was exercised: with the seeds and corpus picks there are
    # hundreds of numbered paragraphs; without ../shared only our own Markdown's dozen.
    with_shared = any(key.startswith(writer + ":pluto-") for key in converted)
    assert total_numbered >= (50 if with_shared else 10)


def test_own_markdown_lists_give_letters_roman_and_start_values(converted):
    expected = ["1.", "a.", "b.", "i.", "ii.", "iii.", "c.", "2.", "A.", "B.", "5.", "6."]
    for writer, roman in (("pandoc", "(iv)"), ("libreoffice", "iv.")):  # HTML drops the brackets
        docx, _ = converted[f"{writer}:own-rules"]
        paragraphs = [p for p in read_word_document(docx).paragraphs if p.auto_label]
        labels = [p.auto_label for p in paragraphs]
        if writer == "libreoffice":  # its HTML import shows "A." lists in lower case
            labels = [label.lower() for label in labels]
            expected = [label.lower() for label in expected]
        assert labels[:12] == expected and labels[-1] == roman, (writer, labels)
        assert [p.list_level for p in paragraphs[:4]] == [0, 1, 1, 2]


def test_hand_built_numbering_matches_libreoffice(tmp_path):
    """Our own numbering.xml: multilevel, letters, roman, starts, shared and restarted lists,
    level overrides, numbering switched off, bullets. (LibreOffice 7.4 ignores isLgl and
    lvlRestart, which we compute as Word does, so those are left out here.)"""
    if not SOFFICE:
        pytest.skip("LibreOffice is needed")
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    replace = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride>'
        '<w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1-%2"/></w:lvl></w:lvlOverride>'
    )
    defs = (
        LEGAL
        + abstract(2, lvl(0, "upperRoman", "%1."), lvl(1, "upperLetter", "%2)", start=3))
        + abstract(3, lvl(0, "bullet", "\u2022"))
        + num(1, 1) + num(2, 2) + num(3, 3) + num(4, 1) + num(5, 1, restart) + num(6, 1, replace)
    )  # fmt: skip
    body = [
        item("Scope of these rules", 1, 0),
        item("Members and guests", 1, 1),
        item("Who may join", 1, 2),
        item("Who may not join", 1, 2),
        *[item(f"purpose number {i}", 1, 3) for i in range(1, 5)],
        *[item(f"detail number {i}", 1, 4) for i in range(1, 5)],
        item("Meetings and votes", 1, 1),
        item("Continued through another instance", 4, 0),
        item("Bullet about snacks", 3, 0),
        item("Roman part one", 2, 0),
        item("Lettered from C", 2, 1),
        item("Lettered next", 2, 1),
        item("Roman part two", 2, 0),
        p_xml(r("Numbering switched off"), num_ppr(0, 0)),
        item("Restarted list", 5, 0),
        item("Restarted list second", 5, 0),
        item("Replaced level parent", 6, 0),
        item("Replaced level child", 6, 1),
    ]
    path = make_docx(tmp_path / "sampler.docx", body, defs)
    _soffice(tmp_path / "lo-profile", tmp_path, "txt:Text", [path])
    pairs, missing, numbered = displayed_labels(path, tmp_path / "sampler.txt")
    assert missing == 0 and numbered == len(body) - 2  # not the bullet, not the switched-off one
    assert [ours for ours, theirs in pairs if ours != theirs] == []
    assert [ours for ours, _ in pairs][:5] == ["1.", "1.1", "1.1.1", "1.1.2", "(a)"]


@pytest.mark.corpus
def test_seed_2022_as_docx_gives_the_same_tree_and_findings_as_the_text(tmp_path, seed_2022):
    """LibreOffice writes each line as a paragraph; pandoc keeps lines with hard line breaks."""
    if not PANDOC or not SOFFICE:
        pytest.skip("pandoc and LibreOffice are needed")
    from plutoeditor.checks import run_checks

    copy = tmp_path / "seed.txt"
    copy.write_bytes(seed_2022.read_bytes())
    _soffice(tmp_path / "lo-profile", tmp_path, "docx:MS Word 2007 XML", [copy])
    by_pandoc = tmp_path / "seed-pandoc.docx"
    _run(
        [PANDOC, "-f", "markdown+hard_line_breaks", "-t", "docx", str(seed_2022), "-o", str(by_pandoc)],
        tmp_path,
    )
    text = import_file(seed_2022)
    expected_findings = {(f.code, f.label) for f in run_checks(text)}
    assert expected_findings
    for docx in (tmp_path / "seed.docx", by_pandoc):
        policy = import_docx(docx)
        assert format_tree(policy) == format_tree(text), docx.name
        meta, want = policy.metadata, text.metadata
        assert (meta.title, meta.effective_date, meta.summary_of_changes) == (
            want.title,
            want.effective_date,
            want.summary_of_changes,
        )
        assert {(f.code, f.label) for f in run_checks(policy)} == expected_findings, docx.name
