"""The acceptance cases in ../shared/cases, run through their own runners as a user would.

Each runner is started once (it calls the `plutoeditor` installed beside this Python) and
prints `PASS name` or `FAIL name: reason` per case; every case is one test here. Cases that
do not pass yet are listed in KNOWN_FAILING as strict xfails, so a fix that makes one pass
fails the suite until the name is taken off the list (and a regression fails it too).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "cases"
PLUTOEDITOR = Path(sys.executable).with_name("plutoeditor")

# One name per line, so that fixes landing in parallel merge cleanly.
KNOWN_FAILING = {
}

RESULT = re.compile(r"^(PASS|FAIL) (\S+?)(?::.*)?$")


def _case_names(kind: str) -> list[str]:
    if kind == "text":
        folder = CASES / "text"
        names = [f"structure/{p.name.removesuffix('.expected.json')}"
                 for p in sorted((folder / "structure").glob("*.expected.json"))]
        names += [f"compare/{p.name}" for p in sorted((folder / "compare").iterdir()) if p.is_dir()]
        return names
    return [f"docx/{p.name.removesuffix('.py')}" for p in sorted((CASES / "docx" / "gen").glob("*.py"))
            if p.name != "docxkit.py"]


@cache
def _run(kind: str) -> dict[str, str]:
    """Run one runner; the result of each case by name ('PASS' or the failure reason)."""
    env = dict(os.environ, PLUTOEDITOR=str(PLUTOEDITOR), PLUTO=str(PLUTOEDITOR))
    env["PATH"] = f"{PLUTOEDITOR.parent}{os.pathsep}{env.get('PATH', '')}"
    script = CASES / "text" / "run.py" if kind == "text" else CASES / "docx" / "run_cases.py"
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env,
                          timeout=900, cwd=script.parent)
    results: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        m = RESULT.match(line.strip())
        if m:
            name = m.group(2) if kind == "text" else f"docx/{m.group(2)}"
            results[name] = "PASS" if m.group(1) == "PASS" else line.strip()
    return results


def _params(kind: str) -> list:
    if not CASES.is_dir():
        return [pytest.param("absent", marks=pytest.mark.skip(reason="../shared/cases is not present"))]
    params = []
    for name in _case_names(kind):
        marks = [pytest.mark.xfail(strict=True, reason="not passing yet")] if name in KNOWN_FAILING else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


@pytest.mark.parametrize("name", _params("text"))
def test_text_case(name: str) -> None:
    results = _run("text")
    assert name in results, f"the runner printed no result for {name}"
    assert results[name] == "PASS", results[name]


@pytest.mark.parametrize("name", _params("docx"))
def test_docx_case(name: str) -> None:
    results = _run("docx")
    assert name in results, f"the runner printed no result for {name}"
    assert results[name] == "PASS", results[name]
