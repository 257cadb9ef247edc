"""Benchmark: `plutoeditor diff --format json` on two versions of a 10,000-clause policy.

The old version is policygen's text; the new one is that policy edited through the model's
operations - about 2% of clauses inserted, 2% deleted, 3% reworded, two sections moved -
then renumbered (so later siblings are relabelled and references follow), and written back
as text in the same style. Target (compare issue): under 2 s and 300 MB end to end.

Run as a script (`python tests/benchmarks/bench_compare.py`) for the README numbers, or
`pytest tests/benchmarks/bench_compare.py --benchmark-only`.
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policygen import generate_policy_text  # noqa: E402

from plutoeditor.compare import compare_policies  # noqa: E402
from plutoeditor.compare.report import render_json  # noqa: E402
from plutoeditor.importers.text import import_text  # noqa: E402
from plutoeditor.model.clause import Clause, ClauseKind  # noqa: E402
from plutoeditor.model.operations import DeleteClause, InsertClause, MoveClause, SetClauseField  # noqa: E402
from plutoeditor.model.policy import Policy  # noqa: E402
from plutoeditor.model.renumber import renumber  # noqa: E402

N = 10_000
_NEW_WORDS = (
    "notify promptly written notice thirty days regulator supervisory authority archive encrypted "
    "backup anonymised pseudonymised request verify identity controller processor contract"
).split()


def write_text(policy: Policy) -> str:
    """The policy as plain text in policygen's style (the text importer reads it back)."""
    meta = policy.metadata
    out = [meta.title or "Privacy Policy"]
    if meta.effective_date:
        date = meta.effective_date
        out.append(f'This Privacy Policy is effective as of: {date.day} {date:%B %Y} ("Effective Date")')
    for clause in policy.walk():
        label = clause.label.strip()
        if clause.kind == ClauseKind.DEFINITION:
            out.append(f"{clause.heading}: {clause.text}")
        elif clause.heading:
            out.append(f"{label} {clause.heading}".strip())
            if clause.text:
                out.append(clause.text)
        else:
            out.append(f"{label} {clause.text}".strip())
    return "\n\n".join(out) + "\n"


def _new_sentence(rng: random.Random) -> str:
    words = [rng.choice(_NEW_WORDS) for _ in range(rng.randint(10, 24))]
    return "We " + " ".join(words) + "."


def mutate(policy: Policy, seed: int = 2) -> tuple[Policy, dict[str, int]]:
    """A new version: ~2% inserted, ~2% deleted, ~3% reworded, two sections moved, renumbered."""
    rng = random.Random(seed)
    new = policy.copy()
    clauses = [c for c in new.walk() if c.parent is not None and c.kind == ClauseKind.CLAUSE and c.text]
    n = len(clauses)
    chosen = rng.sample(clauses, int(n * 0.07))
    reworded = chosen[: int(n * 0.03)]
    deleted = [c for c in chosen[len(reworded) : len(reworded) + int(n * 0.02)] if not c.children]
    anchors = chosen[len(reworded) + int(n * 0.02) :]
    for clause in reworded:
        words = clause.text.split()
        i = rng.randrange(len(words))
        words[i : i + 1] = [rng.choice(_NEW_WORDS), rng.choice(_NEW_WORDS)]
        SetClauseField(clause.id, "text", " ".join(words)).apply(new)
    for clause in deleted:
        DeleteClause(clause.id).apply(new)
    inserted = 0
    for anchor in anchors:
        if new.find(anchor.id) is None or anchor.parent is None:
            continue
        index = anchor.index_in_parent(anchor.parent.children) + 1
        InsertClause(anchor.parent.id, index, Clause(label=anchor.label, text=_new_sentence(rng))).apply(new)
        inserted += 1
    sections = [c for c in new.clauses if c.children and c.kind == ClauseKind.CLAUSE][1:]
    first, second = sections[len(sections) // 4], sections[len(sections) // 2]
    MoveClause(first.id, None, len(new.clauses)).apply(new)  # to the end
    MoveClause(second.id, None, 1).apply(new)  # near the start
    renumber(new).apply(new)
    return new, {"reworded": len(reworded), "deleted": len(deleted), "inserted": inserted, "moved": 2}


def make_versions(folder: Path, n: int = N) -> tuple[Path, Path, dict[str, int]]:
    text = generate_policy_text(n, seed=1)
    old_path, new_path = folder / "old.txt", folder / "new.txt"
    old_path.write_text(text, encoding="utf-8")
    new, edits = mutate(import_text(text, "old.txt"))
    new_path.write_text(write_text(new), encoding="utf-8")
    return old_path, new_path, edits


def run_cli(old: Path, new: Path, out: Path) -> tuple[float, float, int, float]:
    """Wall time (s), peak RSS (MB), exit code and CPU time (s) of `plutoeditor diff --format json`.

    CPU time (user + system) is less disturbed than wall time when other jobs share the machine.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    script = (
        "import resource, sys\n"
        "from plutoeditor.cli.main import main\n"
        "code = main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, "diff", str(old), str(new), "--format", "json", "-o", str(out)],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak_kb / 1024, result.returncode, cpu


def test_diff_json_10k(benchmark, tmp_path):
    old, new, _ = make_versions(tmp_path)
    out = tmp_path / "diff.json"
    elapsed, peak, code, _cpu = benchmark.pedantic(run_cli, (old, new, out), rounds=3, iterations=1)
    assert code == 1 and elapsed < 10 and peak < 300
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert summary["moved"] == 2


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old, new, edits = make_versions(folder)
        out = folder / "diff.json"
        runs = [run_cli(old, new, out) for _ in range(5)]
        times = [r[0] for r in runs]
        summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
        print(f"edits made: {edits}")
        print(f"reported:   {summary}")
        print(
            f"plutoeditor diff --format json, {N} clauses: best {min(times):.2f} s, "
            f"median {statistics.median(times):.2f} s, best CPU time {min(r[3] for r in runs):.2f} s, "
            f"peak RSS {max(r[1] for r in runs):.0f} MB"
        )
        old_text, new_text = old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")
        stages = {}
        start = time.perf_counter()
        a, b = import_text(old_text, "old.txt"), import_text(new_text, "new.txt")
        stages["import both"] = time.perf_counter() - start
        start = time.perf_counter()
        comparison = compare_policies(a, b)
        stages["compare"] = time.perf_counter() - start
        start = time.perf_counter()
        render_json(comparison, "old.txt", "new.txt")
        stages["json"] = time.perf_counter() - start
        print("in-process stages (GC on): " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()))
        print(f"this process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
