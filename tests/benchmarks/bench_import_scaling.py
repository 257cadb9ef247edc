"""Benchmark: text import (and check) grows linearly with the policy, up to the 20 MiB input limit.

Run as a script (`python tests/benchmarks/bench_import_scaling.py [--big]`): imports and checks
generated policies of 10,000, 20,000 and 40,000 clauses, prints the CPU time per 1,000 clauses
and exits 1 when the 40,000-clause policy costs more than `MAX_GROWTH` times as much per clause
as the 10,000-clause one (a loop over blocks inside a loop over blocks gives 4x; linear work
gives 1x plus noise). `--big` also imports and checks a generated 19.9 MiB text (issue 11).
Under pytest (`pytest tests/benchmarks/bench_import_scaling.py`) the same check is one test;
it is a benchmark, outside the default test run, because it measures time.
CPU time (best of `REPEAT`) is used, not wall time, so other work on the machine matters less.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policygen import generate_policy_text  # noqa: E402

from plutoeditor.checks import run_checks  # noqa: E402
from plutoeditor.importers.text import import_text  # noqa: E402

SIZES = (10_000, 20_000, 40_000)
REPEAT = 3
MAX_GROWTH = 2.0
BIG_BYTES = int(19.9 * 2**20)


def _cpu_best(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _import_and_check(text: str) -> object:
    return run_checks(import_text(text, "generated.txt"))


def measure(sizes: tuple[int, ...] = SIZES) -> dict[int, tuple[float, float]]:
    """Clauses -> (import seconds, import + check seconds), CPU, best of REPEAT."""
    results = {}
    for n in sizes:
        text = generate_policy_text(n, seed=1)
        results[n] = (
            _cpu_best(partial(import_text, text, "generated.txt")),
            _cpu_best(partial(_import_and_check, text)),
        )
    return results


def growth(results: dict[int, tuple[float, float]], column: int) -> float:
    """Cost per clause of the largest policy over that of the smallest."""
    small, large = min(results), max(results)
    return (results[large][column] / large) / (results[small][column] / small)


def big_text() -> str:
    """A generated policy just under 19.9 MiB of UTF-8."""
    per_clause = len(generate_policy_text(10_000, seed=1).encode()) / 10_000
    n = int(BIG_BYTES / per_clause)
    text = generate_policy_text(n, seed=1)
    while len(text.encode()) > BIG_BYTES:
        n -= 500
        text = generate_policy_text(n, seed=1)
    return text


def test_import_and_check_scale_linearly() -> None:
    results = measure()
    assert growth(results, 0) < MAX_GROWTH, results
    assert growth(results, 1) < MAX_GROWTH, results


def main() -> int:
    results = measure()
    for n, (imported, checked) in results.items():
        print(
            f"{n:6} clauses  import {imported:6.2f} s ({imported / n * 1e6:5.1f} ms per 1,000)"
            f"   import + check {checked:6.2f} s ({checked / n * 1e6:5.1f} ms per 1,000)"
        )
    worst = max(growth(results, 0), growth(results, 1))
    print(f"cost per clause, {max(results)} over {min(results)}: {worst:.2f}x (limit {MAX_GROWTH}x)")
    if "--big" in sys.argv:
        text = big_text()
        start = time.process_time()
        policy = import_text(text, "big.txt")
        imported = time.process_time() - start
        findings = run_checks(policy)
        checked = time.process_time() - start - imported
        print(
            f"{len(text.encode()) / 2**20:.1f} MiB text: {len(policy)} clauses, import {imported:.1f} s,"
            f" check {checked:.1f} s ({len(findings)} findings)"
        )
    return 0 if worst < MAX_GROWTH else 1


if __name__ == "__main__":
    sys.exit(main())
