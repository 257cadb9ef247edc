"""A broken reference to a number the numbering check reports missing is one defect, not two:
the gap is the error and names where the number is cited; the references point at the gap."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text

_LOST_ONE = """Software Licence

1. Definitions

1.1. "Software" means the programs supplied under this licence.

1.2. "You" means the person accepting this licence.

2. Grant

2.2. You may make one backup copy of the Software.

2.3. You may not sublicense the rights given in clause 2.1.

3. Termination

3.1. This licence ends if you breach clause 2.1 or clause 2.2.

3.2. On termination you must stop using the Software.
"""


def _errors(policy):
    return [f for f in run_checks(policy) if f.is_error]


def test_the_gap_is_the_one_error_and_names_the_lines_citing_the_missing_number():
    policy = import_text(_LOST_ONE)
    [gap] = _errors(policy)
    assert gap.code == "numbering-gap"
    assert gap.message.startswith("2.1 is missing")
    lines = [n for n, line in enumerate(_LOST_ONE.splitlines(), 1) if "clause 2.1" in line]
    assert gap.message.endswith("referred to at lines " + ", ".join(map(str, lines)))


def test_each_reference_to_the_missing_number_is_a_warning_pointing_at_the_gap():
    policy = import_text(_LOST_ONE)
    gap_line = next(n for n, line in enumerate(_LOST_ONE.splitlines(), 1) if line.startswith("2.2."))
    refs = [f for f in run_checks(policy) if f.code == "broken-reference"]
    assert len(refs) == 2 and all(f.target == "2.1" for f in refs)
    for ref in refs:
        assert ref.severity == "warning"
        assert f"2.1 is reported missing where the numbering skips it, at line {gap_line}" in ref.message


def test_a_reference_to_a_number_no_gap_accounts_for_stays_an_error():
    text = _LOST_ONE.replace("breach clause 2.1 or clause 2.2", "breach clause 2.2 or clause 7.4")
    errors = _errors(import_text(text))
    assert sorted(f.code for f in errors) == ["broken-reference", "numbering-gap"]
    [ref] = [f for f in errors if f.code == "broken-reference"]
    assert ref.target == "7.4"
    [gap] = [f for f in errors if f.code == "numbering-gap"]
    assert gap.message.endswith(
        "referred to at line "
        + str(next(n for n, line in enumerate(text.splitlines(), 1) if "given in clause 2.1" in line))
    )


def test_a_gap_inside_a_schedule_does_not_answer_the_bodys_references():
    text = _LOST_ONE.replace("2.3. You may not sublicense the rights given in clause 2.1.", "2.2. None.")
    text = text.replace("2.2. You may", "2.1. You may")
    text = text.replace("breach clause 2.1 or", "breach clause 4.1 or")
    text += "\nSchedule 1\n\n1. Support\n\n1.1. By e-mail.\n\n2. Hours\n\n2.1. Weekdays.\n\n"
    text += "3. Fees\n\n4. Updates\n\n4.2. Monthly.\n"
    found = run_checks(import_text(text))
    [gap] = [f for f in found if f.code == "numbering-gap"]
    assert gap.message.startswith("4.1 is missing") and "referred to" not in gap.message
    [ref] = [f for f in found if f.code == "broken-reference"]
    assert (ref.target, ref.severity) == ("4.1", "error")
    assert "reported missing" not in ref.message
