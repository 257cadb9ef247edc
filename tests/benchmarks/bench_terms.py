"""Benchmark: defined-term checks of the generated 10,000-clause policy, whole and after an edit.

Run: `pytest tests/benchmarks/bench_terms.py --benchmark-only` or as a script
(`python tests/benchmarks/bench_terms.py`), which prints the numbers for the README.
Targets (issue 16): all term checks under 150 ms; again after one edit under 30 ms.

Measured on this 2-core machine shared by seven engineers (CPU time; wall time is mostly the
other processes):
- at 80db5f4 (the start of session 5): whole policy CPU best 177-183 ms at load 5.5-6.2
  (1,598 M instructions, cachegrind), after an edit 12.8-18.5 ms;
- after 863d67d (one pattern per phrase, names as a tree, English counted lazily): whole
  142-159 ms at load 5.5 (1,353 M instructions);
- after a63090b (the kept index reads only the clauses the change events name): after an
  edit 6-10 ms (the index refresh 16.5 -> 0.05 ms). The precision work that landed
  meanwhile (instruments, more definition forms) brought the whole check to 1,689 M
  instructions, CPU best 185 ms at load 8.2;
- after the whole policy's uses are found with one `str.find` search per name: 1,578 M
  instructions; CPU best 200 ms whole, 12 ms after an edit at load 7.8 (the code of
  80db5f4 measured alongside at load 6.6-6.9: 244-261 ms and 19-20 ms);
- after the case-insensitive word searches of headings and labels are screened with a
  substring test (checks/word_search.py) and each clause's instrument marks are read once:
  1,538 -> 1,329 M instructions (PYTHONHASHSEED=0); CPU best 237-272 ms before, 202-254 ms
  after, alternated at load 5.2-5.6 (10-18 ms after an edit);
- after the finding rules keep what the clauses said (checks/terms_memo.py: the run-in heading
  reading per phrase with the place after which no edit changes it, the evidence counts adjusted
  by the edited clauses): after an edit CPU best 10.2-13.0 -> 2.0-2.3 ms, median 13.8-19.4 ->
  2.4-3.0 ms, whole policy unchanged (184-199 vs 190-197 ms), alternated at load 5.2-5.5; of the
  2 ms left, terms_scopes.instruments is 2 ms;
- after the instruments of the page are found again only when an edited clause may change
  them: after an edit CPU best 0.3 ms, median 0.3-0.4 ms (main alongside: 10.9-12.0 / 16.4-18.9
  ms), whole policy 193-194 vs 191-197 ms, at load 4.7-4.9. cachegrind (PYTHONHASHSEED=0): an
  edit and its check 112 M -> 22 M instructions, of which the edit itself 17 M (it walks to
  clause 5,000): the check 95 M -> 5 M; the whole check 1,448 M at 6f8d2ed, 1,452 M with the memo.
- after the capitals are found with bytes.find (not the pattern's scan of every position),
  fewer whole-text name searches and cheaper per-clause tests (ff248a7, 8a1a273): whole
  policy 1,445 M (6f8d2ed) -> 1,272 M instructions; CPU best 171.5-174.7 ms vs 201.0-208.7 ms
  at 6f8d2ed, alternated at load 6.1-6.7 (about 150-155 ms at low load by that ratio: at the
  150 ms target, not reliably under it). At a3fdea4 on an idle machine: 158-160 ms, 1,251 M.
- after 6c77928 and 61a3959 (a capital opening a sentence is not matched when no capital
  follows within reach; what a matched phrase counts as is kept per spelling; the joined text
  is built once per refresh and searched once per quote or definition mark; the uses are
  tallied in one pass): whole policy 1,254 M -> 1,072 M instructions (main at 683d189 without
  and with them); CPU best 130.1-138.2 ms vs 156.5-164.0 ms at a3fdea4, alternated at load
  5.2-5.3 (best of 28 each), about 132 ms idle by that ratio; after an edit 0.3 ms either way.
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
