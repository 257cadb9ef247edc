"""What PlutoEditor writes as Word, it opens again: an export beyond the Word import's limits is
refused with one line, not written as a file the import would then refuse."""

from __future__ import annotations

from plutoeditor.cli.main import main
from plutoeditor.file_formats import open_policy
from plutoeditor.formats import docx_package


def _policy_text(clauses: int) -> str:
    lines = ["1 Scope", ""]
    for n in range(1, clauses + 1):
        lines += [f"1.{n} This notice explains how we handle the personal data of customer {n}.", ""]
    return "\n".join(lines)


def test_an_export_the_word_import_would_refuse_is_not_written(tmp_path, capsys, monkeypatch):
    source = tmp_path / "policy.txt"
    source.write_text(_policy_text(400))
    fits = tmp_path / "fits.docx"
    assert main(["export", str(source), "-o", str(fits)]) == 0
    assert len(open_policy(fits)) == 401
    capsys.readouterr()
    # The same limits, made small enough for this policy: import and export must agree on them.
    monkeypatch.setattr(docx_package, "MAX_PART_BYTES", 64 * 1024)
    out = tmp_path / "out.docx"
    assert main(["export", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"plutoeditor: {out}: not written: word/document.xml would be ")
    assert "could not open this one again" in err and len(err.splitlines()) == 1
    assert not out.exists()
    assert main(["check", str(fits)]) == 2  # the import refuses the very file that was not written again
    assert "refused as a possible zip bomb" in capsys.readouterr().err
