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
import re
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
            at = flagged_at(text, f.code, f.message, f.target)
            found.append(
                {
                    "path": f"{path.parent.name}/{path.name}",
                    "code": f.code,
                    "severity": f.severity,
                    "label": f.label,
                    "target": f.target,
                    "message": f.message,
                    "line": f.line,
                    "at_line": _source_line(path, f.line, text, at),
                    "context": _around(text, at, len(f.target)),
                }
            )
    return found, failed


_WRITTEN = re.compile(r"^“(.+?)” is (?:written here|used as a defined term)")


def flagged_at(text: str, code: str, message: str, term: str) -> int:
    """Where in the clause's text the finding is: the words a term-case finding quotes as
    written ("personal data", not the first "Personal Data" of the clause), a definition in
    quotes for an unused or duplicate definition, else the first use of the term."""
    candidates = []
    written = _WRITTEN.match(message)
    if code == "term-case" and written:
        candidates.append(written.group(1))
    if code in ("unused-definition", "duplicate-definition"):
        candidates += [q + term + e for q, e in ("“”", '""', "‘’", "''", "““")]
    candidates.append(term)
    for words in candidates:
        pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
        m = pattern.search(text)
        if m is not None:
            return m.start()
    at = text.lower().find(term.lower())
    return max(at, 0)


def _around(text: str, at: int, size: int, width: int = 160) -> str:
    return " ".join(text[max(0, at - width) : at + size + width].split())


def _source_line(path: Path, line: int | None, text: str, at: int) -> int | None:
    """The line of the source file holding the flagged words: a clause read from a text file
    whose lines were folded into one paragraph starts lines before them."""
    if line is None or path.suffix not in (".md", ".txt"):
        return line
    words = text[at : at + 40].split()[:3]
    if not words:
        return line
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for offset, source in enumerate(lines[line - 1 : line + 60]):
        if " ".join(words) in " ".join(source.split()):
            return line + offset
    return line


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
            print(f"{i:2}. {f['path']}:{f['at_line']}: {f['code']} {f['label']}: {f['message']}")
            print(f"    … {f['context']} …")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main())
