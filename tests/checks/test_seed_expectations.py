"""Acceptance: what ../shared/seeds/expected/*.expected.json says check must and must not find.

The files are read at test time and matched by the README's rule: an expected item matches
a finding when every key but "why" agrees; "label" matches the finding's label or
expected_label and may list several acceptable values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plutoeditor.checks import Finding, run_checks
from plutoeditor.file_formats import open_policy
from plutoeditor.model import ClauseKind

EXPECTED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "expected"
CASES = sorted(EXPECTED.glob("*.expected.json")) if EXPECTED.is_dir() else []


def matches(item: dict[str, Any], finding: Finding) -> bool:
    """The README's rule, applied to every key the item names."""
    for key, want in item.items():
        if key == "why":
            continue
        if key == "label":
            options = want if isinstance(want, list) else [want]
            if finding.label not in options and finding.expected_label not in options:
                return False
        elif getattr(finding, key) != want:
            return False
    return True


def _load(case: Path) -> tuple[dict[str, Any], Any, list[Finding]]:
    spec = json.loads(case.read_text(encoding="utf-8"))
    policy = open_policy(case.parent.parent / spec["file"])
    return spec, policy, run_checks(policy)


@pytest.fixture(params=CASES, ids=[c.name.split(".")[0] for c in CASES])
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Any, list[Finding]]:
    return _load(request.param)


pytestmark = pytest.mark.skipif(not CASES, reason="../shared/seeds/expected is not present")


def _show(findings: list[Finding]) -> str:
    return "\n".join(f"{f.line}: {f.code} {f.label!r} -> {f.expected_label!r} {f.target!r}" for f in findings)


def test_must_find(case):
    spec, _, findings = case
    for item in spec.get("must_find", []):
        assert any(matches(item, f) for f in findings), f"not found: {item}\n{_show(findings)}"


def test_must_not_find(case):
    spec, _, findings = case
    for item in spec.get("must_not_find", []):
        wrong = [f for f in findings if matches(item, f)]
        assert not wrong, f"found but must not be: {item}\n{_show(wrong)}"


BUDGETED = [c for c in CASES if "max_error_findings" in json.loads(c.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", BUDGETED, ids=[c.name.split(".")[0] for c in BUDGETED])
def test_error_budget(path):
    spec, _, findings = _load(path)
    counted = set(spec.get("error_codes_counted", []))
    errors = [f for f in findings if f.severity == "error" and (not counted or f.code in counted)]
    assert len(errors) <= spec["max_error_findings"], _show(errors)


def test_metadata(case):
    spec, policy, _ = case
    meta = spec.get("metadata", {})
    if "effective_date" in meta:
        assert policy.metadata.effective_date.isoformat() == meta["effective_date"]
    if "summary_of_changes_entries" in meta:
        assert len(policy.metadata.summary_of_changes) == meta["summary_of_changes_entries"]
    if "top_level_sections" in meta:
        numbered = [c for c in policy.clauses if c.label.strip() and c.kind is not ClauseKind.SCHEDULE]
        assert len(numbered) == meta["top_level_sections"]
    if "definitions_in_1_1" in meta:
        section = next(c for c in policy.walk() if c.label.strip() == "1.1")
        definitions = [c for c in section.walk() if c.kind is ClauseKind.DEFINITION]
        assert len(definitions) == meta["definitions_in_1_1"]
