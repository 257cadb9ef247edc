"""References to one missing number from several places: one error at the first, naming the
others, which are warnings pointing at it."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text

_TERMS = """Terms of Use

1. Notice

1.1. Before arbitration you send a notice under the procedure in Section 7.2.

1.2. The period of Section 7.2 may be extended by agreement.

2. Arbitration

2.1. A claimant certifies compliance with Section 7.2 and with Section 9.9.

2.2. Arbitration is confidential.
"""


def _line(needle: str, nth: int = 0) -> int:
    return [n for n, line in enumerate(_TERMS.splitlines(), 1) if needle in line][nth]


def test_the_first_reference_to_a_missing_number_is_the_error_and_names_the_others():
    refs = [f for f in run_checks(import_text(_TERMS)) if f.code == "broken-reference"]
    errors = [(f.target, f.line, f.message) for f in refs if f.is_error]
    first, second, third = _line("7.2"), _line("7.2", 1), _line("7.2", 2)
    assert errors == [
        (
            "7.2",
            first,
            "Refers to clause 7.2, which is not in this document"
            f" (also referred to at lines {second} and {third}: one missing number)",
        ),
        ("9.9", third, "Refers to clause 9.9, which is not in this document"),
    ]
    warnings = [(f.line, f.message) for f in refs if not f.is_error]
    note = f" (the same missing 7.2 as at line {first}, reported there)"
    assert warnings == [
        (line, "Refers to clause 7.2, which is not in this document" + note) for line in (second, third)
    ]
