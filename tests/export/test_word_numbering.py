"""Word's own list numbering on export: Word numbers the clauses, import gives them back."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from plutoeditor.cli.main import main
from plutoeditor.export.docx_writer import export_docx
from plutoeditor.importers.docx import import_docx
from plutoeditor.importers.text import import_file
from plutoeditor.model.notation import format_tree, parse_tree

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SEEDS = sorted(
    p.name for p in (Path(__file__).resolve().parents[2].parent / "shared" / "seeds").glob("*.txt")
)

LISTS = """
[1] Scope |
  [1.1] This policy covers:
    [(a)] customers;
    [(b)] suppliers, namely:
      [(i)] carriers; and
      [(ii)] warehouses; and
    [(c)] staff.
  [1.2] It applies everywhere.
[2] Rights |
  [2.1] You may ask for your data.
  [2.2] You may ask us to delete it.
sched [Schedule 1] Retention |
  [1] Orders are kept for six years.
  [2] Emails are kept for one year.
sched [Schedule 2] Contacts |
  [1] Write to the privacy team.
"""


def _exact(policy) -> list[tuple]:
    return [(c.id, c.label, c.heading, c.text, c.kind, depth) for c, depth in policy.walk_with_depth()]


def _paragraphs(path: Path) -> list:
    return list(docx.Document(str(path)).paragraphs)


def _numbered(paragraph) -> bool:
    return paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None


def _numbering_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/numbering.xml"))


def test_labels_are_word_numbers_not_typed_text(tmp_path):
    policy = parse_tree(LISTS)
    out = tmp_path / "lists.docx"
    export_docx(policy, out)
    by_text = {p.text: p for p in _paragraphs(out)}
    for text in ("Scope", "This policy covers:", "customers;", "carriers; and", "Write to the privacy team."):
        assert _numbered(by_text[text]), text  # Word numbers it, and no label is typed before it
    assert not any(p.text.startswith(("1.1\t", "(a)\t", "(i)\t")) for p in by_text.values())
    assert not _numbered(by_text["Schedule 1\tRetention"])  # a schedule's title stays as written
    levels = {
        (
            lvl.get(qn("w:ilvl")),
            lvl.find(qn("w:numFmt")).get(qn("w:val")),
            lvl.find(qn("w:lvlText")).get(qn("w:val")),
        )
        for lvl in _numbering_xml(out).iter(qn("w:lvl"))
    }
    assert {("0", "decimal", "%1"), ("1", "decimal", "%1.%2"), ("2", "lowerLetter", "(%3)"),
            ("3", "lowerRoman", "(%4)")} <= levels  # fmt: skip


def test_schedules_restart_through_a_second_list_instance(tmp_path):
    out = tmp_path / "lists.docx"
    export_docx(parse_tree(LISTS), out)
    root = _numbering_xml(out)
    ours = [n for n in root.iter(qn("w:num")) if n.find(qn("w:lvlOverride")) is not None]
    abstracts = {n.find(qn("w:abstractNumId")).get(qn("w:val")) for n in ours}
    assert len(ours) == 3 and len(abstracts) == 1  # document, Schedule 1, Schedule 2: one definition
    starts = [n.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) for n in ours]
    assert starts == ["1", "1", "1"]


def test_word_numbered_export_imports_back_exactly(tmp_path):
    policy = parse_tree(LISTS)
    out = tmp_path / "lists.docx"
    export_docx(policy, out)
    again = import_docx(out)
    assert format_tree(again) == format_tree(policy)
    assert _exact(again) == _exact(policy)
    assert again.document_id == policy.document_id


def test_a_kept_label_stays_text_and_the_numbers_after_it_still_follow(tmp_path):
    """2.4 kept by a reviewer where 2.3 belongs, and "3." in another style: both stay as typed;
    Word numbers the others, counting on from the right number after them (the second 2.4
    is where 2.4 belongs)."""
    policy = parse_tree(
        "[1] Scope | It covers customers.\n[2] Rights |\n  [2.1] Access.\n  [2.2] Rectification.\n"
        "  [2.4] Erasure.\n  [2.4] Objection.\n[3.] Contact |\n  [3.1] Write to us.\n[4] Changes |"
    )
    out = tmp_path / "kept.docx"
    export_docx(policy, out)
    by_text = {p.text: p for p in _paragraphs(out)}
    assert not _numbered(by_text["2.4\tErasure."]) and _numbered(by_text["Objection."])
    assert not _numbered(by_text["3.\tContact"])
    assert (
        _numbered(by_text["Access."]) and _numbered(by_text["Write to us."]) and _numbered(by_text["Changes"])
    )
    assert _exact(import_docx(out)) == _exact(policy)


def test_text_numbering_writes_every_label_as_typed(tmp_path):
    out = tmp_path / "text.docx"
    export_docx(parse_tree(LISTS), out, numbering="text")
    paragraphs = _paragraphs(out)
    assert not any(_numbered(p) for p in paragraphs)
    assert "(a)\tcustomers;" in [p.text for p in paragraphs]


def test_cli_numbering_choice(tmp_path, capsys):
    source = tmp_path / "policy.txt"
    source.write_text(
        "1 Scope\n\n1.1 This policy covers customers.\n\n2 Rights\n\nYou may ask.\n", encoding="utf-8"
    )
    word, text = tmp_path / "word.docx", tmp_path / "text.docx"
    assert main(["export", str(source), "-o", str(word)]) == 0
    assert main(["export", str(source), "-o", str(text), "--numbering", "text"]) == 0
    assert any(_numbered(p) for p in _paragraphs(word))
    assert not any(_numbered(p) for p in _paragraphs(text))
    assert "1.1\tThis policy covers customers." in [p.text for p in _paragraphs(text)]
    with pytest.raises(SystemExit) as refused:
        main(["export", str(source), "-o", str(tmp_path / "x.docx"), "--numbering", "roman"])
    assert refused.value.code == 2
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir()))
def test_bundled_samples_round_trip_with_word_numbering(tmp_path, name):
    original = import_file(SAMPLES / name)
    out = tmp_path / "sample.docx"
    export_docx(original, out)
    again = import_docx(out)
    assert _exact(again) == _exact(original)
    assert again.document_id == original.document_id


@pytest.mark.parametrize("seed", SEEDS)
def test_seeds_round_trip_with_word_numbering(seeds_dir, tmp_path, seed):
    original = import_file(seeds_dir / seed)
    out = tmp_path / "seed.docx"
    export_docx(original, out)
    again = import_docx(out)
    assert _exact(again) == _exact(original)
    assert again.metadata == original.metadata
    assert again.document_id == original.document_id
    labelled = [c for c in original.walk() if c.label.strip()]
    numbered = sum(1 for p in _paragraphs(out) if _numbered(p))
    assert numbered >= len(labelled) // 3  # most labels are Word's numbers, not typed text


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


SECTIONS = """
[SECTION 1:] Licence |
  [1.1] Grant.
  [1.2] Restrictions:
    [(a)] no resale;
    [(b)] no reverse engineering.
[SECTION 2:] Support |
  [2.1] Hours.
    [2.1.1] Weekdays.
    [2.1.2] Holidays.
  [2.2] Contacts.
"""


def test_clauses_under_a_section_title_are_word_numbered_from_its_number(tmp_path):
    policy = parse_tree(SECTIONS)
    out = tmp_path / "sections.docx"
    export_docx(policy, out)
    by_text = {p.text: p for p in _paragraphs(out)}
    assert not _numbered(by_text["SECTION 2:\tSupport"])
    assert (
        _numbered(by_text["Grant."]) and _numbered(by_text["Holidays."]) and _numbered(by_text["no resale;"])
    )
    texts = {lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in _numbering_xml(out).iter(qn("w:lvl"))}
    assert {"1.%1", "2.%1", "2.%1.%2"} <= texts
    assert _exact(import_docx(out)) == _exact(policy)


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.fixture(scope="module")
def libreoffice_text(tmp_path_factory):
    """The LibreOffice text export of the seeds and the fixtures, exported with Word numbering
    (one LibreOffice run: it is slow to start)."""
    soffice = _soffice()
    folder = tmp_path_factory.mktemp("libreoffice")
    seeds = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    policies = {"lists": parse_tree(LISTS), "sections": parse_tree(SECTIONS)}
    policies.update({Path(seed).stem: import_file(seeds / seed) for seed in SEEDS})
    for name, policy in policies.items():
        export_docx(policy, folder / f"{name}.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "txt:Text", "--outdir", str(folder), *sorted(str(p) for p in folder.glob("*.docx"))],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    shown = {}
    for name in policies:
        lines = (folder / f"{name}.txt").read_text(encoding="utf-8-sig").splitlines()
        shown[name] = [" ".join(line.split()) for line in lines if line.strip()]
    return policies, shown


@pytest.mark.parametrize("name", ["lists", "sections", *(Path(seed).stem for seed in SEEDS)])
def test_libreoffice_shows_the_same_numbers(libreoffice_text, name):
    """LibreOffice computes the numbers from numbering.xml: its text export shows each label
    before its clause's text, in order (the kept labels typed, the rest Word's)."""
    policies, shown = libreoffice_text
    lines = shown[name]
    position = 0
    for clause in policies[name].walk():
        first = (clause.heading or clause.text).split("\n")[0].strip()
        if not clause.label.strip() or not first:
            continue
        want = " ".join(f"{clause.label.strip()} {first}".split())
        found = next((i for i in range(position, len(lines)) if lines[i].startswith(want)), None)
        assert found is not None, f"LibreOffice does not show {want[:60]!r} in order"
        position = found + 1
