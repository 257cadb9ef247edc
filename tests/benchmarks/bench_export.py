"""Benchmark: export a 10,000-clause policy to DOCX and HTML; the redline of two versions.

Run: `pytest tests/benchmarks/bench_export.py --benchmark-only` or as a script
(`python tests/benchmarks/bench_export.py`), which prints the numbers for the README.
Targets: DOCX under 5 s, HTML under 1 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policygen import generate_policy  # noqa: E402

from plutoeditor.export.docx_writer import export_docx  # noqa: E402
from plutoeditor.export.html_writer import export_html, render_html  # noqa: E402

N = 10_000


def _reworded(policy):  # type: ignore[no-untyped-def]
    """A second version: every 30th clause reworded, every 50th removed."""
    new = policy.copy()
    for i, clause in enumerate(list(new.walk())):
        if i % 30 == 7 and clause.text:
            clause.text = clause.text.replace(" the ", " any ", 1) + " This sentence is new."
    for i, clause in enumerate(list(new.walk())):
        if i % 50 == 11 and not clause.children:
            siblings = new.siblings_of(clause)
            siblings.remove(clause)
    return new


def test_docx_export(benchmark, tmp_path):
    policy = generate_policy(N, seed=1)
    benchmark.pedantic(export_docx, args=(policy, tmp_path / "big.docx"), rounds=3, iterations=1)
    assert (tmp_path / "big.docx").stat().st_size > 100_000


def test_html_export(benchmark, tmp_path):
    policy = generate_policy(N, seed=1)
    benchmark.pedantic(export_html, args=(policy, tmp_path / "big.html"), rounds=5, iterations=1)
    assert (tmp_path / "big.html").stat().st_size > 100_000


def test_redline_docx(benchmark, tmp_path):
    from plutoeditor.compare import compare_policies
    from plutoeditor.export.redline_docx import write_redline_docx

    old = generate_policy(N, seed=1)
    comparison = compare_policies(old, _reworded(old))
    benchmark.pedantic(
        write_redline_docx, args=(comparison, tmp_path / "redline.docx"), rounds=2, iterations=1
    )


def _time(label: str, function, *args) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - start)
    print(f"{label:<42} {best:7.2f} s")
    return best


def main() -> int:
    policy = generate_policy(N, seed=1)
    print(f"{len(policy)} clauses, {sum(len(c.text) for c in policy.walk()) / 1e6:.1f} M characters of text")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        docx_s = _time("DOCX export (target < 5 s)", export_docx, policy, out / "big.docx")
        html_s = _time("HTML export (target < 1 s)", export_html, policy, out / "big.html")
        _time("HTML render only", render_html, policy)
        print(f"DOCX size {(out / 'big.docx').stat().st_size / 1e6:.1f} MB, "
              f"HTML size {(out / 'big.html').stat().st_size / 1e6:.1f} MB")  # fmt: skip
        from plutoeditor.compare import compare_policies
        from plutoeditor.export.redline_docx import write_redline_docx

        comparison = compare_policies(policy, _reworded(policy))
        print("redline changes:", comparison.summary())
        _time("Redline DOCX export", write_redline_docx, comparison, out / "redline.docx")
        try:
            from plutoeditor.export.pdf_export import export_pdf

            _time("PDF export (Qt)", export_pdf, policy, out / "big.pdf")
        except ImportError:
            print("PDF export skipped: PySide6 is not installed")
    return 0 if docx_s < 5 and html_s < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
