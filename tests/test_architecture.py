"""The layers of ARCHITECTURE.md hold: the import-linter contracts in pyproject.toml are kept
(the core never imports Qt; model below formats, importers, checks and compare; export and the
CLI above them; ui on top). Skipped where import-linter is not installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: import-linter in a process of its own: its logging.config.dictConfig disables every
#: logger that exists, so in this process the app's log recorded nothing afterwards (the
#: log and crash-handler tests failed on a clean clone, where import-linter is installed).
LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))"
)


def test_the_import_contracts_are_kept():
    pytest.importorskip("importlinter.cli")
    done = subprocess.run(
        [sys.executable, "-c", LINT, str(REPO / "pyproject.toml")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 broken" in done.stdout
