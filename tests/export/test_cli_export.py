"""`plutoeditor export`: format by suffix, atomic output, one-line errors with exit 2."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import docx
import pytest

from plutoeditor.cli.main import main
from plutoeditor.formats import native


@pytest.fixture
def source(policy, tmp_path):
    path = tmp_path / "notice.policy.yaml"
    native.save(policy, path)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_export_by_suffix(source, tmp_path, suffix):
    out = tmp_path / f"published{suffix}"
    assert main(["export", str(source), "-o", str(out)]) == 0
    if suffix == ".docx":
        assert zipfile.is_zipfile(out)
    else:
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_pdf(source, tmp_path):
    pytest.importorskip("PySide6.QtGui")
    out = tmp_path / "published.pdf"
    assert main(["export", str(source), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_text_input_and_template(seed_2022, tmp_path):
    template = tmp_path / "firm.docx"
    docx.Document().save(str(template))
    out = tmp_path / "seed.docx"
    assert main(["export", str(seed_2022), "-o", str(out), "--template", str(template)]) == 0
    assert "2.3.9\tBank account details" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/out.odt"], "name it .docx, .html or .pdf"),
        (["-o", "{tmp}/out.docx", "--template", "{tmp}/missing.docx"], "missing.docx: no such file"),
        (["-o", "{tmp}/out.docx", "--template", "{tmp}/bad.docx"], "bad.docx: is not a Word template"),
        (["-o", "{tmp}/out.html", "--template", "{tmp}/bad.docx"], "applies only to .docx output"),
        (["-o", "{tmp}/no/such/folder/out.docx"], "does not exist"),
    ],
    ids=["suffix", "missing-template", "bad-template", "template-for-html", "no-folder"],
)
def test_bad_input_is_one_line_and_exit_2(source, tmp_path, capsys, args, message):
    (tmp_path / "bad.docx").write_text("this is not a Word file")
    argv = ["export", str(source), *(a.format(tmp=tmp_path) for a in args)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.glob("out.*")) and not list(tmp_path.glob(".out*"))


def test_missing_input_file(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nothing.txt"), "-o", str(tmp_path / "out.docx")]) == 2
    assert "nothing.txt: no such file" in capsys.readouterr().err


def test_docx_and_html_export_never_import_qt(source, tmp_path):
    code = (
        "import sys\n"
        "from plutoeditor.cli.main import main\n"
        f"rc = main(['export', {str(source)!r}, '-o', {str(tmp_path / 'x.docx')!r}])\n"
        f"rc += main(['export', {str(source)!r}, '-o', {str(tmp_path / 'x.html')!r}])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_a_failed_write_names_the_output_file_not_a_temporary_one(
    source, tmp_path, capsys, monkeypatch, suffix
):
    """A disk-full or permission error while saving: one line naming the file the user chose,
    exit 2, and neither a half-written file nor a stray temporary file left behind."""
    import errno

    def fail(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device", src)

    monkeypatch.setattr("plutoeditor.formats.files.os.replace", fail)
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "No space left" in err and err.count("\n") == 1
    assert ".tmp" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]
