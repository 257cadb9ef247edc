"""Error findings on ../shared/corpus-dev: how many a reader would have to wade through.

Run: `python tests/benchmarks/corpus_dev_errors.py [--docx|--text] [--dump FILE] [--sample N]`.
Imports and checks every file in-process (as `plutoeditor check` does), then prints errors per
code, errors per 100 documents, the files with most errors, and files that failed to import.
`--dump FILE` writes every error finding as one JSON line (path, code, label, target,
message, line) so two runs can be compared; `--sample N` prints N random error findings
(fixed seed) to read and judge.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

CORPUS_DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus-dev"


def corpus_files(which: str) -> list[Path]:
    files: list[Path] = []
    if which in ("all", "text"):
        files += sorted(p for p in (CORPUS_DEV / "text").iterdir() if p.suffix in (".txt", ".md"))
    if which in ("all", "docx"):
        files += sorted((CORPUS_DEV / "docx").glob("*.docx"))
    return files


def measure(files: list[Path]) -> tuple[list[dict], list[tuple[str, str]], float]:
    from plutoeditor.checks import run_checks
    from plutoeditor.cli.check import read_policy
    from plutoeditor.formats.errors import PolicyFileError

    errors: list[dict] = []
    failures: list[tuple[str, str]] = []
    start = time.perf_counter()
    for path in files:
        try:
            policy = read_policy(str(path))
            findings = run_checks(policy)
        except PolicyFileError as exc:
            failures.append((path.name, str(exc)))
            continue
        except Exception as exc:  # a crash in the checks: count it, keep going
            failures.append((path.name, f"{type(exc).__name__}: {exc}"))
            continue
        for f in findings:
            if f.is_error:
                errors.append(
                    {
                        "path": f"{path.parent.name}/{path.name}",
                        "code": f.code,
                        "label": f.label,
                        "target": f.target,
                        "message": f.message,
                        "line": f.line,
                    }
                )
    return errors, failures, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--docx", action="store_const", const="docx", dest="which")
    group.add_argument("--text", action="store_const", const="text", dest="which")
    parser.add_argument("--dump", help="write every error finding as a JSON line here")
    parser.add_argument("--sample", type=int, default=0, help="print N random error findings")
    parser.add_argument("--top", type=int, default=15, help="files with most errors to list")
    args = parser.parse_args(argv)
    if not CORPUS_DEV.is_dir():
        print(f"{CORPUS_DEV} is not present", file=sys.stderr)
        return 2
    files = corpus_files(args.which or "all")
    errors, failures, seconds = measure(files)
    by_code = Counter(e["code"] for e in errors)
    by_file = Counter(e["path"] for e in errors)
    print(f"{len(files)} documents, {len(errors)} error findings "
          f"({100 * len(errors) / max(len(files), 1):.1f} per 100 documents), "
          f"{len(by_file)} documents with errors, {seconds:.1f} s")
    for code, n in by_code.most_common():
        print(f"  {code:22} {n}")
    print("most errors:")
    for path, n in by_file.most_common(args.top):
        print(f"  {n:5}  {path}")
    for name, problem in failures:
        print(f"FAILED {name}: {problem}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for e in errors:
                out.write(json.dumps(e, ensure_ascii=False) + "\n")
    if args.sample and errors:
        print(f"random sample of {min(args.sample, len(errors))}:")
        for e in random.Random(12).sample(errors, min(args.sample, len(errors))):
            print(f"  {e['path']}:{e['line']}: {e['code']} {e['label']} -> {e['target']}: {e['message']}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main())
