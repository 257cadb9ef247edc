"""Defined-term findings on ../shared/corpus-dev: how many, and a fixed sample to read.

Run: `python tests/benchmarks/corpus_dev_terms.py [--docx|--text] [--dump FILE] [--sample N]`.
Imports and checks every file (as `plutoeditor check` does) and prints the term findings
per code and severity; `--sample N` draws N of them with a fixed seed and prints each with
the text of its clause around the term, so a reader can judge it in its document.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_dev_errors import CORPUS_DEV, corpus_files  # noqa: E402


def measure(files: list[Path]) -> tuple[list[dict], int]:
    from plutoeditor.checks import run_checks
    from plutoeditor.checks.terms import TERM_CODES
    from plutoeditor.cli.check import read_policy
    from plutoeditor.formats.errors import PolicyFileError

    found: list[dict] = []
    failed = 0
    for path in files:
        try:
            policy = read_policy(str(path))
            findings = run_checks(policy)
        except PolicyFileError:
            failed += 1
            continue
        for f in findings:
            if f.code not in TERM_CODES:
                continue
            clause = policy.find(f.clause_id)
            text = (clause.heading + "\n" + clause.text) if clause is not None else ""
            found.append(
                {
                    "path": f"{path.parent.name}/{path.name}",
                    "code": f.code,
                    "severity": f.severity,
                    "label": f.label,
                    "target": f.target,
                    "message": f.message,
                    "line": f.line,
                    "context": _around(text, f.target),
                }
            )
    return found, failed


def _around(text: str, term: str, width: int = 160) -> str:
    at = text.find(term)
    if at < 0:
        at = text.lower().find(term.lower())
    at = max(at, 0)
    return " ".join(text[max(0, at - width) : at + len(term) + width].split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--docx", action="store_const", const="docx", dest="which")
    group.add_argument("--text", action="store_const", const="text", dest="which")
    parser.add_argument("--dump", help="write every term finding as a JSON line here")
    parser.add_argument("--sample", type=int, default=0, help="print N random term findings")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    if not CORPUS_DEV.is_dir():
        print(f"{CORPUS_DEV} is not present", file=sys.stderr)
        return 2
    files = corpus_files(args.which or "all")
    found, failed = measure(files)
    print(f"{len(files)} documents ({failed} unreadable), {len(found)} term findings")
    for (code, severity), n in sorted(Counter((f["code"], f["severity"]) for f in found).items()):
        print(f"  {code:22} {severity:8} {n}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for f in found:
                out.write(json.dumps(f, ensure_ascii=False) + "\n")
    if args.sample and found:
        sample = random.Random(args.seed).sample(found, min(args.sample, len(found)))
        for i, f in enumerate(sample, 1):
            print(f"{i:2}. {f['path']}:{f['line']}: {f['code']} {f['label']}: {f['message']}")
            print(f"    … {f['context']} …")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main())
