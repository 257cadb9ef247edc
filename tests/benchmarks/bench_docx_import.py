"""Benchmark: importing a 10,000-clause Word document (target: under 3 s).

Two documents of 10,000 clauses from `policygen.generate_policy`:
- "typed": written by PlutoEditor's own DOCX export (labels as literal text);
- "automatic": the same clauses as Word automatic numbering (a three-level "%1.%2.%3"
  list in numbering.xml), so the numbering engine is measured too.

Run with pytest-benchmark:
    pytest tests/benchmarks/bench_docx_import.py --benchmark-only
or as a script, which prints the timings:
    python tests/benchmarks/bench_docx_import.py
"""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from policygen import generate_policy  # noqa: E402

from plutoeditor.export.docx_writer import export_docx  # noqa: E402
from plutoeditor.importers.docx import import_docx  # noqa: E402
from plutoeditor.model import Policy  # noqa: E402

N_CLAUSES = 10_000
TARGET_SECONDS = 3.0

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}><w:abstractNum w:abstractNumId="1">'
    + "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{".".join(f"%{k + 1}" for k in range(i + 1))}"/></w:lvl>'
        for i in range(9)
    )
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
)


def write_typed(policy: Policy, path: Path) -> Path:
    export_docx(policy, path)
    return path


def write_automatic(policy: Policy, path: Path) -> Path:
    """The policy's clauses as automatically numbered paragraphs (labels come from numbering.xml)."""
    template = path.with_suffix(".template.docx")
    export_docx(Policy(policy.metadata.copy(), []), template)
    paragraphs = []
    for clause, depth in policy.walk_with_depth():
        text = escape(" ".join(filter(None, [clause.heading, clause.text.replace("\n", " ")])))
        numbered = clause.label and depth < 9
        ppr = (
            f'<w:pPr><w:numPr><w:ilvl w:val="{depth}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            if numbered
            else ""
        )
        paragraphs.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
    body = "".join(paragraphs)
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = document.encode()
            elif info.filename == "word/numbering.xml":
                data = NUMBERING.encode()
            dst.writestr(info, data)
        if "word/numbering.xml" not in src.namelist():
            raise RuntimeError("the export template has no numbering part")
    template.unlink()
    return path


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx-bench")
    policy = generate_policy(N_CLAUSES, seed=1)
    return {
        "typed": write_typed(policy, folder / "typed.docx"),
        "automatic": write_automatic(policy, folder / "automatic.docx"),
    }


@pytest.mark.parametrize("kind", ["typed", "automatic"])
def test_import_10000_clauses(benchmark, documents, kind):
    policy = benchmark.pedantic(import_docx, args=(documents[kind],), rounds=5, iterations=1)
    assert len(policy) >= N_CLAUSES
    assert benchmark.stats.stats.max < TARGET_SECONDS


def main() -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        policy = generate_policy(N_CLAUSES, seed=1)
        ok = True
        for kind, writer in (("typed", write_typed), ("automatic", write_automatic)):
            path = writer(policy, folder / f"{kind}.docx")
            times = []
            for _ in range(5):
                start = time.perf_counter()
                imported = import_docx(path)
                times.append(time.perf_counter() - start)
            size = path.stat().st_size / 1e6
            best, worst = min(times), max(times)
            print(
                f"{kind:9} {len(imported):6} clauses, {size:.2f} MB: "
                f"best {best:.2f} s, worst {worst:.2f} s (target < {TARGET_SECONDS:.0f} s)"
            )
            ok = ok and worst < TARGET_SECONDS
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
