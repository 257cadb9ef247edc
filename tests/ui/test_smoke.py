"""The smoke mode the release build is checked with: `entry.py --smoke-test FILE`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "entry.py"


def run_entry(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLUTOEDITOR_HOME": str(home)}
    return subprocess.run(
        [sys.executable, str(ENTRY), *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_smoke_test_opens_the_policy_and_exits_0(tmp_path):
    policy = parse_tree("[1] Scope | This policy applies to you.\n  [1.1] Details.\n[3] Gap | Text.\n")
    path = tmp_path / "scope.policy.yaml"
    native.save(policy, path)
    env_home = tmp_path / "home"
    result = run_entry("--smoke-test", str(path), home=env_home)
    assert result.returncode == 0, result.stderr
    assert "window shown with scope.policy.yaml: 3 clauses" in result.stdout
    # It used a throw-away home: nothing was written to the given one.
    assert not env_home.exists() or not any(env_home.rglob("*.ini"))


def test_smoke_test_fails_when_the_file_cannot_be_opened(tmp_path):
    result = run_entry("--smoke-test", str(tmp_path / "missing.policy.yaml"), home=tmp_path)
    assert result.returncode == 1
    assert "a dialog appeared" in result.stderr and "missing.policy.yaml" in result.stderr


def test_entry_runs_cli_commands(tmp_path):
    result = run_entry("--version", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("PlutoEditor ")
