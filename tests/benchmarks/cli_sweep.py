"""Every `plutoeditor` command over every file we have: no traceback, no hang, no leftovers.

Run: `python tests/benchmarks/cli_sweep.py [--jobs 2] [--timeout 120] [--only check,export]
[--sample N] [--log runs.jsonl]`.

Inputs: every file of ../shared/corpus-dev, ../shared/corpus and ../shared/seeds, plus hostile
files built here from the fuzz suite's generators (tests/fuzz/strategies.py) and the bad
inputs of tests/cli/test_bad_input.py. Each file is checked (text, json), imported,
renumbered and exported (docx, html, pdf); pairs of files (consecutive versions of a corpus
family, neighbouring corpus-dev files, hostile ones beside a seed) are diffed in every
format (text, json, html, docx) and summarized in every format (text, json, markdown).

Each run is a forked child of this process (the package imported once, so a run costs what
the command costs), with its own temporary folder (TMPDIR, PLUTOEDITOR_HOME) and output
folder, stdout and stderr sent to files, a memory ceiling and a timeout. A run fails when
its stderr holds "Traceback" or "unexpected error", its exit code is not 0, 1 or 2, it
times out, it leaves any file other than its output behind (temporary, partial), it writes
an output after exit 2 or no output after exit 0/1, or it changes an input. Prints the
counts and every failure; exports go to a temporary folder that is deleted at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

MEMORY_LIMIT = 3 * 1024**3
SUFFIXES = {".txt", ".md", ".docx", ".yaml", ".json", ".tsv", ".dotx", ".html", ""}


@dataclass
class Run:
    argv: list[str]
    output: str | None = None  # name of the output file inside the run's folder
    inputs: list[str] = field(default_factory=list)


def shared_files() -> list[Path]:
    files: list[Path] = []
    for folder in ("corpus-dev", "corpus", "seeds"):
        root = SHARED / folder
        if root.is_dir():
            files += sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    return files


def hostile_files(folder: Path, count: int) -> list[Path]:
    """Files the fuzz suite's generators and the bad-input tests build, written to `folder`."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis.errors import NonInteractiveExampleWarning

    from plutoeditor.formats import native
    from tests.cli.test_bad_input import BAD_FILES
    from tests.fuzz import strategies as s
    from tests.fuzz.test_fuzz_importers import MATTER, document_text, encode, front_matter

    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for file_name, data, _line in BAD_FILES.values():
        path = folder / f"bad-{len(made):03d}-{file_name}"
        path.write_bytes(data)
        made.append(path)
    special = folder / "special"
    special.mkdir()
    (special / "a-folder.txt").mkdir()
    os.mkfifo(special / "a-fifo.txt")
    (special / "a-link.md").symlink_to(special / "missing.md")
    made += [special / "a-folder.txt", special / "a-fifo.txt", special / "a-link.md", special / "absent.docx"]
    rng = random.Random(11)
    examples: dict[str, list] = {"docx": [], "policy": [], "text": []}

    budget = settings(max_examples=count, derandomize=True, database=None, deadline=None,
                      suppress_health_check=list(HealthCheck))  # fmt: skip

    @budget
    @given(s.docx_bytes())
    def take_docx(data):  # type: ignore[no-untyped-def]
        examples["docx"].append(data)

    @budget
    @given(s.policies())
    def take_policy(policy):  # type: ignore[no-untyped-def]
        examples["policy"].append(policy)

    @budget
    @given(document_text)
    def take_text(lines):  # type: ignore[no-untyped-def]
        examples["text"].append(lines)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        take_docx()
        take_policy()
        take_text()
    for index, data in enumerate(examples["docx"]):
        path = folder / f"fuzz-{index:03d}.docx"
        path.write_bytes(data)
        made.append(path)
    for index, policy in enumerate(examples["policy"]):
        path = folder / f"fuzz-{index:03d}.policy.yaml"
        try:
            path.write_text(native.dumps(policy), encoding="utf-8", errors="surrogatepass")
        except Exception:  # a policy the writer refuses is not an input
            continue
        made.append(path)
    hows = ["utf-8", "bom", "cp1252", "utf-16", "crlf"]
    for index, lines in enumerate(examples["text"]):
        text = front_matter("\n".join(lines), rng.choice(MATTER))
        path = folder / f"fuzz-{index:03d}{rng.choice(['.txt', '.md'])}"
        path.write_bytes(encode(text, rng.choice(hows)))
        made.append(path)
    return made


def pairs(files: list[Path], hostile: list[Path]) -> list[tuple[Path, Path]]:
    """Consecutive versions of each corpus family, neighbouring corpus-dev files, and each
    hostile file beside a seed (both ways)."""
    found: list[tuple[Path, Path]] = []
    families: dict[str, list[Path]] = {}
    for path in files:
        if SHARED / "corpus" in path.parents and "__" in path.name:
            families.setdefault(str(path.parent / path.name.rsplit("__", 1)[0]), []).append(path)
    for versions in families.values():
        found += list(zip(versions, versions[1:], strict=False))
    dev = [p for p in files if SHARED / "corpus-dev" in p.parents and p.suffix in (".md", ".txt", ".docx")]
    found += list(zip(dev[0::2], dev[1::2], strict=False))
    seeds = [p for p in files if SHARED / "seeds" in p.parents and p.suffix == ".txt"]
    found += list(zip(seeds, seeds[1:], strict=False))
    seed = seeds[0] if seeds else None
    for index, path in enumerate(hostile):
        if seed is not None:
            found.append((seed, path) if index % 2 else (path, seed))
    return found


def runs_for(files: list[Path], file_pairs: list[tuple[Path, Path]], only: set[str]) -> list[Run]:
    runs: list[Run] = []
    for path in files:
        name = str(path)
        if "check" in only:
            runs += [Run(["check", "--format", f, name], None, [name]) for f in ("text", "json")]
        for command in ("import", "renumber"):
            if command in only:
                runs.append(Run([command, "-o", "OUT/out.policy.yaml", name], "out.policy.yaml", [name]))
        if "export" in only:
            for suffix in ("docx", "html", "pdf"):
                runs.append(Run(["export", "-o", f"OUT/out.{suffix}", name], f"out.{suffix}", [name]))
    for old, new in file_pairs:
        a, b = str(old), str(new)
        if "diff" in only:
            runs += [Run(["diff", "--format", f, a, b], None, [a, b]) for f in ("text", "json", "html")]
            runs += [
                Run(["diff", "-o", f"OUT/redline.{s}", a, b], f"redline.{s}", [a, b])
                for s in ("html", "docx")
            ]
        if "summarize" in only:
            runs += [
                Run(["summarize", "--format", f, a, b], None, [a, b]) for f in ("text", "json", "markdown")
            ]
    return runs


def _child(run: Run, folder: Path) -> None:
    """In the forked child: run the command with its own folders and streams, then _exit."""
    code = 70
    try:
        os.environ["TMPDIR"] = str(folder / "tmp")
        os.environ["PLUTOEDITOR_HOME"] = str(folder / "home")
        tempfile.tempdir = None
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        out = os.open(folder / "stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        err = os.open(folder / "stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(err, 2)
        sys.stdout = io.TextIOWrapper(
            os.fdopen(1, "wb", closefd=False), encoding="utf-8", line_buffering=False
        )
        sys.stderr = io.TextIOWrapper(
            os.fdopen(2, "wb", closefd=False), encoding="utf-8", line_buffering=True
        )
        from plutoeditor.cli.main import main

        argv = [a.replace("OUT/", str(folder / "out") + "/") for a in run.argv]
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        traceback.print_exc()
        code = 70
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code if isinstance(code, int) else 70)


def _digest(path: str) -> str:
    """The file's content hash; only for regular files (reading a FIFO would block)."""
    with contextlib.suppress(OSError):
        if Path(path).is_file():
            return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    return "?"


def judge(run: Run, folder: Path, code: int | None, timed_out: bool, digests: dict[str, str]) -> list[str]:
    problems: list[str] = []
    stderr = (folder / "stderr").read_text("utf-8", "replace")
    if timed_out:
        problems.append("timeout")
    elif code not in (0, 1, 2):
        problems.append(f"exit {code}")
    if "Traceback" in stderr:
        problems.append("traceback")
    if "unexpected error" in stderr:
        problems.append("unexpected error")
    if "not enough memory" in stderr:
        problems.append("out of memory")
    if len(stderr.splitlines()) > 20:
        problems.append(f"{len(stderr.splitlines())} lines on stderr")
    out = folder / "out"
    left = [p for p in out.rglob("*") if p.is_file() and p.name != run.output]
    left += [p for p in (folder / "tmp").rglob("*") if p.is_file()]
    if left:
        problems.append("left behind: " + ", ".join(p.name for p in left[:3]))
    if run.output and not timed_out:
        written = out / run.output
        if code == 2 and written.exists():
            problems.append("output written after exit 2")
        if code in (0, 1) and (not written.exists() or written.stat().st_size == 0):
            problems.append("no output after success")
    for name in run.inputs:
        if digests.get(name) is not None and _digest(name) != digests[name]:
            problems.append(f"input changed: {name}")
    return problems


def sweep(runs: list[Run], jobs: int, timeout: float, scratch: Path, log) -> list[dict]:  # type: ignore[no-untyped-def]
    digests = {name: _digest(name) for name in {name for run in runs for name in run.inputs}}
    pending = list(enumerate(runs))
    active: dict[int, tuple[int, Run, Path, float, float]] = {}
    failures: list[dict] = []
    done = 0
    while pending or active:
        while pending and len(active) < jobs:
            index, run = pending.pop(0)
            folder = scratch / f"run-{index:05d}"
            for sub in ("out", "tmp", "home"):
                (folder / sub).mkdir(parents=True)
            cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
            pid = os.fork()
            if pid == 0:
                _child(run, folder)
            active[pid] = (index, run, folder, time.monotonic(), cpu.ru_utime + cpu.ru_stime)
        time.sleep(0.02)
        for pid, (index, run, folder, started, _cpu) in list(active.items()):
            finished, status = os.waitpid(pid, os.WNOHANG)
            timed_out = False
            if not finished:
                if time.monotonic() - started < timeout:
                    continue
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                timed_out, status = True, -1
            del active[pid]
            code = None if timed_out else (os.waitstatus_to_exitcode(status))
            problems = judge(run, folder, code, timed_out, digests)
            seconds = round(time.monotonic() - started, 2)
            stderr = (folder / "stderr").read_text("utf-8", "replace")[-600:]
            record = {"run": index, "argv": run.argv, "exit": code, "seconds": seconds, "problems": problems,
                      "stderr": stderr}  # fmt: skip
            log.write(json.dumps(record) + "\n")
            log.flush()
            if problems:
                failures.append(record)
                print(
                    f"FAIL {' '.join(run.argv)}: {'; '.join(problems)}\n    {record['stderr'][-300:]!r}",
                    flush=True,
                )
            shutil.rmtree(folder, ignore_errors=True)
            done += 1
            if done % 200 == 0:
                print(f"... {done}/{len(runs)} runs, {len(failures)} failing", flush=True)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", default="check,import,renumber,export,diff,summarize")
    parser.add_argument("--hostile", type=int, default=40, help="examples per fuzz generator")
    parser.add_argument("--sample", type=int, default=0, help="only N random shared files (0: all)")
    parser.add_argument("--match", default="", help="only files whose path contains this")
    parser.add_argument("--log", default="", help="write every run as a JSON line here")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    # Import once in the parent, so every forked run starts warm.
    from plutoeditor.cli import main as cli_main

    cli_main.build_parser()
    for module in (
        "plutoeditor.export.docx_writer",
        "plutoeditor.export.html_writer",
        "plutoeditor.export.pdf_export",
    ):
        with contextlib.suppress(ImportError):
            __import__(module)

    with tempfile.TemporaryDirectory(prefix="cli-sweep-") as name:
        scratch = Path(name)
        files = shared_files()
        if args.match:
            files = [p for p in files if args.match in str(p)]
        if args.sample:
            files = sorted(random.Random(5).sample(files, min(args.sample, len(files))))
        hostile = hostile_files(scratch / "hostile", args.hostile) if args.hostile else []
        file_pairs = pairs(files, hostile)
        runs = runs_for(hostile + files, file_pairs, set(args.only.split(",")))
        # Hostile files first, then the rest in a fixed random order: a partial sweep samples all.
        head = [run for run in runs if any(str(scratch) in name for name in run.inputs)]
        rest = [run for run in runs if not any(str(scratch) in name for name in run.inputs)]
        random.Random(7).shuffle(rest)
        runs = head + rest
        print(f"{len(files)} shared files, {len(hostile)} hostile files, {len(file_pairs)} pairs: "
              f"{len(runs)} runs, {args.jobs} at a time, {args.timeout:.0f} s each at most")  # fmt: skip
        sys.stdout.flush()
        started = time.monotonic()
        with open(args.log or os.devnull, "w", encoding="utf-8") as log:
            failures = sweep(runs, args.jobs, args.timeout, scratch / "runs", log)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    kinds = Counter(problem.split(":")[0] for record in failures for problem in record["problems"])
    print(f"{len(runs)} runs over {len(files) + len(hostile)} files in {time.monotonic() - started:.0f} s "
          f"(children's CPU {usage.ru_utime + usage.ru_stime:.0f} s): {len(failures)} failing runs "
          f"{dict(kinds)}")  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
