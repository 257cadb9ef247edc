"""Benchmark: `plutoeditor check FILE` on the native file of a 10,000-clause policy, as a
whole process (start-up, imports, loading with schema validation, the checks, the report).

Run as a script: `python tests/benchmarks/bench_check_process.py [RUNS]`. Prints the best
and median wall time and CPU time (user + system) of RUNS runs (default 15), and the load
average before and after: on a shared machine the wall clock mostly measures the other
processes, so read the wall time with the load beside it. Target (issue 11): under 0.5 s.

Two files: the generated policy bench_native.py loads (2.8 MB, plain and quoted text) and
the native file of bench_ui.py's generated text policy after import (1.7 MB of text).
The processes read bytecode compiled once into a temporary folder (child_environment).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policygen import generate_policy, generate_policy_text  # noqa: E402

from plutoeditor.file_formats import open_policy  # noqa: E402
from plutoeditor.formats import native  # noqa: E402

N = 10_000


def command() -> list[str]:
    exe = shutil.which("plutoeditor") or str(Path(sys.executable).with_name("plutoeditor"))
    return [exe, "check"]


def child_environment(folder: Path) -> dict[str, str]:
    """The environment of the measured processes: bytecode cached in `folder`, as an installed
    app has it (pip and the frozen app compile the package). With PYTHONDONTWRITEBYTECODE set
    (the sessions' shells set it) and no cache written, every run compiled the whole package
    from source: 440 M instructions, some 60-70 ms of each run on 2 Dec."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")  # the source tree is left untouched
    return env


def run_once(path: Path, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the child and its exit status for one check process."""
    before = os.times()
    wall = time.perf_counter()
    done = subprocess.run([*command(), str(path)], capture_output=True, check=False, env=env)
    wall = time.perf_counter() - wall
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, done.returncode


def measure(path: Path, runs: int, env: dict[str, str] | None = None) -> dict[str, float]:
    run_once(path, env)  # warm the file cache and write the bytecode cache
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, status = run_once(path, env)
        assert status in (0, 1), f"check exited {status} on {path}"
        walls.append(wall)
        cpus.append(cpu)
    return {
        "best_s": min(walls),
        "median_s": statistics.median(walls),
        "cpu_best_s": min(cpus),
        "cpu_median_s": statistics.median(cpus),
    }


def main(runs: int = 15) -> None:
    with tempfile.TemporaryDirectory(prefix="plutoeditor-bench-") as folder:
        generated = Path(folder) / "generated.policy.yaml"
        generated.write_text(native.dumps(generate_policy(N, seed=1)), encoding="utf-8")
        source = Path(folder) / "imported.txt"
        source.write_text(generate_policy_text(N, seed=1), encoding="utf-8")
        imported = Path(folder) / "imported.policy.yaml"
        imported.write_text(native.dumps(open_policy(str(source))), encoding="utf-8")
        load = os.getloadavg()
        print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {runs} runs each")
        env = child_environment(Path(folder))
        for name, path in (("generated", generated), ("imported text", imported)):
            numbers = measure(path, runs, env)
            print(
                f"`plutoeditor check` {name:14} ({path.stat().st_size / 1e6:.1f} MB): "
                f"wall best {numbers['best_s']:.3f} s, median {numbers['median_s']:.3f} s; "
                f"CPU best {numbers['cpu_best_s']:.3f} s, median {numbers['cpu_median_s']:.3f} s"
            )
        load = os.getloadavg()
        print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
