"""The layers of ARCHITECTURE.md hold: the import-linter contracts in pyproject.toml are kept
(the core never imports Qt; model below formats, importers, checks and compare; export and the
CLI above them; ui on top). Skipped where import-linter is not installed.

import-linter runs in its own process: its command line configures logging with
logging.config.dictConfig, which disables every logger that already exists in the process it
runs in (the application's own loggers among them), so run in the test process it silenced the
application log for every test after it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_the_import_contracts_are_kept():
    pytest.importorskip("importlinter.cli")
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
            "--no-cache",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert " 0 broken" in run.stdout


def test_running_the_contracts_leaves_the_application_log_on(_private_home):
    """The application log still records after the contract test (regression: in-process runs
    of import-linter disabled the plutoeditor loggers)."""
    import logging

    from plutoeditor import logging_setup

    existing = logging.getLogger("plutoeditor.checks.example")  # a module's logger, made at import
    test_the_import_contracts_are_kept()
    path = logging_setup.configure_logging()
    try:
        existing.error("after the contracts")
        assert "after the contracts" in path.read_text(encoding="utf-8")
    finally:
        logging_setup.shutdown_logging()
