"""Benchmark: defined-term checks of the generated 10,000-clause policy, whole and after an edit.

Run: `pytest tests/benchmarks/bench_terms.py --benchmark-only` or as a script
(`python tests/benchmarks/bench_terms.py`), which prints the numbers for the README.
Targets (issue 16): all term checks under 150 ms; again after one edit under 30 ms.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policygen import generate_policy  # noqa: E402

from plutoeditor.checks.terms import check_terms, term_findings  # noqa: E402
from plutoeditor.checks.terms_index import TermIndex  # noqa: E402
from plutoeditor.model import operations as ops  # noqa: E402

N = 10_000


def _full(policy):  # type: ignore[no-untyped-def]
    index = TermIndex(policy)  # nothing read yet: every clause is read
    index.refresh()
    return term_findings(index)


def _edit(policy, i: int) -> None:  # type: ignore[no-untyped-def]
    clause = next(c for k, c in enumerate(policy.walk()) if k == 5000)
    ops.SetClauseField(clause.id, "text", clause.text + f" The Website is ours {i}.").apply(policy)


def test_term_checks_whole_policy(benchmark):  # type: ignore[no-untyped-def]
    policy = generate_policy(N, seed=1)
    findings = benchmark(_full, policy)
    assert isinstance(findings, list)


def test_term_checks_after_an_edit(benchmark):  # type: ignore[no-untyped-def]
    policy = generate_policy(N, seed=1)
    check_terms(policy)
    counter = iter(range(10**6))

    def edit_and_check():  # type: ignore[no-untyped-def]
        _edit(policy, next(counter))
        return check_terms(policy)

    assert isinstance(benchmark(edit_and_check), list)


def main() -> None:
    policy = generate_policy(N, seed=1)
    gc.disable()  # as in the Checker, which runs the checks with the collector off
    whole, whole_cpu = [], []
    for _ in range(7):
        start, cpu = time.perf_counter(), time.process_time()
        found = _full(policy)
        whole.append(time.perf_counter() - start)
        whole_cpu.append(time.process_time() - cpu)
    check_terms(policy)
    after, after_cpu = [], []
    for i in range(15):
        _edit(policy, i)
        start, cpu = time.perf_counter(), time.process_time()
        check_terms(policy)
        after.append(time.perf_counter() - start)
        after_cpu.append(time.process_time() - cpu)
    gc.enable()
    print(f"{len(policy)} clauses, {len(found)} term findings; load {os.getloadavg()[0]:.1f}")
    for name, wall, cpu in (("whole policy", whole, whole_cpu), ("after an edit", after, after_cpu)):
        print(
            f"term checks, {name}: wall best {min(wall) * 1000:.1f} ms, "
            f"median {statistics.median(wall) * 1000:.1f} ms;"
            f" CPU best {min(cpu) * 1000:.1f} ms, median {statistics.median(cpu) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    main()
