"""Benchmark: load and save of the native file of a generated 10,000-clause policy.

Run: `pytest tests/benchmarks/bench_native.py --benchmark-only`, or as a script
(`python tests/benchmarks/bench_native.py`), which prints the numbers for the README: the
fast reader and writer beside PyYAML's C loader and dumper on the same file, and
`plutoeditor check FILE.policy.yaml` as a whole process (the issue's target: under 0.5 s).
Times are best and median of several runs; CPU time is printed too, because on a busy
machine the wall clock mostly measures the other processes.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policygen import generate_policy  # noqa: E402

from plutoeditor.formats import native  # noqa: E402

N = 10_000


def _native_text() -> str:
    return native.dumps(generate_policy(N, seed=1))


def test_load_10k_clauses(benchmark):
    text = _native_text()
    policy = benchmark(native.loads, text, "generated.policy.yaml")
    assert len(policy) >= N * 0.95


def test_save_10k_clauses(benchmark):
    policy = native.loads(_native_text())
    text = benchmark(native.dumps, policy)
    assert text.startswith("format_version: 1\n")


def _best(fn: Callable[[], object], repeat: int = 7) -> tuple[float, float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), _cpu()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    return min(walls), statistics.median(walls), min(cpus)


def _cpu() -> float:
    """CPU seconds of this process and of the child processes it waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _check_process(path: Path) -> Callable[[], object]:
    exe = shutil.which("plutoeditor") or str(Path(sys.executable).with_name("plutoeditor"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def run() -> object:
        return subprocess.run([exe, "check", str(path)], env=env, capture_output=True, check=False)

    return run


def main() -> None:
    text = _native_text()
    policy = native.loads(text)
    data = native.to_data(policy)
    print(f"generated: {len(policy)} clauses, native file {len(text.encode()) / 1e6:.2f} MB")
    rows: list[tuple[str, Callable[[], object], int]] = [
        ("load (fast reader + schema + tree)", lambda: native.loads(text), 7),
        ("load with PyYAML's C safe loader", lambda: native._load_with_yaml(text, "p"), 3),
        ("save text (schema + fast writer)", lambda: native.dumps(policy), 7),
        ("save text with PyYAML's C dumper", lambda: native.yaml_dump(data), 3),
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.policy.yaml"
        path.write_text(text, encoding="utf-8")
        rows.append(("`plutoeditor check FILE` process", _check_process(path), 5))
        for name, fn, repeat in rows:
            best, median, cpu = (1000 * t for t in _best(fn, repeat))
            print(f"{name:40} best {best:7.1f} ms  median {median:7.1f} ms  cpu {cpu:7.1f} ms")


if __name__ == "__main__":
    main()
