"""Benchmark: `plutoeditor summarize` on the 10,000-clause version pair of bench_compare
(2% inserted, 2% deleted, 3% reworded, two sections moved, renumbered), against `diff`.

Drafting works on the one comparison `diff` makes, so it should add little: run as a script
(`python tests/benchmarks/bench_summary.py`) for the numbers.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compare import make_versions  # noqa: E402


def _seconds(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "plutoeditor", *args], capture_output=True, text=True)
    return time.perf_counter() - started, done.stdout


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        old, new, edits = make_versions(Path(folder))
        diff, _ = _seconds("diff", str(old), str(new), "--format", "json")
        summary, out = _seconds("summarize", str(old), str(new), "--format", "json")
        print(f"edits {edits}; diff --format json {diff:.2f} s, summarize --format json {summary:.2f} s")
        items = json.loads(out)["items"]
        kinds = {
            kind: sum(item["kind"] == kind for item in items)
            for kind in ("substantive", "structural", "editorial")
        }
        print(f"{len(items)} items: {kinds}")


if __name__ == "__main__":
    main()
