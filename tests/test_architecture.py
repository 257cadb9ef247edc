"""The layers of ARCHITECTURE.md hold: the import-linter contracts in pyproject.toml are kept
(the core never imports Qt; model below formats, importers, checks and compare; export and the
CLI above them; ui on top). Skipped where import-linter is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_the_import_contracts_are_kept(capsys, monkeypatch):
    cli = pytest.importorskip("importlinter.cli")
    monkeypatch.chdir(REPO)
    status = cli.lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True, no_logo=True)
    out = capsys.readouterr().out
    assert status == 0, out
    assert " 0 broken" in out
