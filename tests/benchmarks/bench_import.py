"""Benchmark: import of a generated 10,000-clause (about 250,000-word) plain-text policy.

Run: `pytest tests/benchmarks/bench_import.py --benchmark-only`, or as a script
(`python tests/benchmarks/bench_import.py`), which prints the numbers for the README:
text to blocks, blocks to clause tree, whole import, and import + full check (issue 12: no
slower than 0.38 s CPU), plus the same for the largest real corpus file. Wall and CPU time
(best and median of 7), with the load average: on a shared machine the CPU time is the number
to compare.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policygen import generate_policy_text  # noqa: E402

from plutoeditor.importers.structure import build_policy  # noqa: E402
from plutoeditor.importers.text import import_file, import_text, text_blocks  # noqa: E402

N = 10_000
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
CORPUS_FILE = CORPUS / "letsencrypt-cp-cps__cp__2023-03-09_fe4ba58.md"  # the largest, 29k words


def test_import_10k_clauses(benchmark):
    text = generate_policy_text(N, seed=1)
    policy = benchmark(import_text, text, "generated.txt")
    assert len(policy) >= N * 0.95


def test_import_and_check_10k_clauses(benchmark):
    from plutoeditor.checks import run_checks

    text = generate_policy_text(N, seed=1)
    findings = benchmark(lambda: run_checks(import_text(text, "generated.txt")))
    assert isinstance(findings, list)


def _best(fn, repeat: int = 7) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """(best wall, median wall, best CPU, median CPU) of `repeat` runs."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(times), statistics.median(times), min(cpu), statistics.median(cpu)


def main() -> None:
    from plutoeditor.checks import run_checks

    text = generate_policy_text(N, seed=1)
    words = len(text.split())
    blocks = text_blocks(text)
    policy = import_text(text, "generated.txt")
    print(f"generated: {len(policy)} clauses, {words} words, {len(text) / 1e6:.2f} MB")
    rows = [
        ("text -> blocks", lambda: text_blocks(text)),
        ("blocks -> clause tree", lambda: build_policy(blocks)),
        ("import (whole)", lambda: import_text(text, "generated.txt")),
        ("import + full check", lambda: run_checks(import_text(text, "generated.txt"))),
    ]
    if CORPUS_FILE.is_file():
        rows.append((f"import {CORPUS_FILE.name[:40]}", lambda: import_file(CORPUS_FILE)))
    for name, fn in rows:
        best, median, best_cpu, median_cpu = _best(fn)
        print(
            f"{name:48} best {best * 1000:7.1f} ms   median {median * 1000:7.1f} ms   "
            f"CPU best {best_cpu * 1000:7.1f} ms   median {median_cpu * 1000:7.1f} ms"
        )
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
