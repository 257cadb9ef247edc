"""The core (model, formats, importers, checks, compare, export, CLI) runs with PySide6 blocked;
only the PDF modules of export/ need Qt, and nothing imports them until a PDF is made."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import pkgutil, importlib, plutoeditor
for mod in pkgutil.walk_packages(plutoeditor.__path__, "plutoeditor."):
    if mod.name.startswith(("plutoeditor.ui", "plutoeditor.export.pdf_", "plutoeditor.__main__")):
        continue
    importlib.import_module(mod.name)
from plutoeditor.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_core_imports_and_cli_runs_without_qt(tmp_path, seed_2022):
    out = tmp_path / "seed.policy.yaml"
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, "import", str(seed_2022), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert out.exists()
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, "check", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr  # the seed has numbering errors
    assert "duplicate-number" in result.stdout
