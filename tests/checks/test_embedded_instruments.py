"""An exhibit label written twice with a whole instrument between them is each instrument's own."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree


def repeats(notation: str) -> list[tuple[str, str]]:
    return [(f.label, f.severity) for f in run_checks(parse_tree(notation)) if f.code == "duplicate-number"]


AMENDMENTS = "[I.] Effect.\n[II.] Branded code.\n"


def test_an_exhibit_after_an_instrument_numbered_again_from_one_is_that_instruments_own():
    licence = "".join(f"  [{n}.] Section {n} |\n    [{n}.1] First.\n" for n in range(1, 8))
    notation = AMENDMENTS + "sched [EXHIBIT A] Amended licence |\n" + licence + "sched [Exhibit A] Notice |\n"
    found = run_checks(parse_tree(notation))
    [repeat] = [f for f in found if f.code == "duplicate-number"]
    assert repeat.severity == "warning"
    assert "an instrument numbered from 1 again stands between them" in repeat.message


def test_an_exhibit_repeated_over_a_short_list_is_still_an_error():
    notation = (
        AMENDMENTS + "sched [Exhibit A] Fees |\n  [1.] a.\n  [2.] b.\n  [3.] c.\nsched [Exhibit A] Notice |\n"
    )
    assert repeats(notation) == [("Exhibit A", "error")]
