"""Property tests: renumber is idempotent, leaves no numbering error or mixed label style;
save/load round-trips."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plutoeditor.checks import NUMBERING_CODES, run_checks
from plutoeditor.formats import native
from plutoeditor.model import Clause, ClauseKind, Policy
from plutoeditor.model.notation import format_tree
from plutoeditor.model.renumber import renumber

LABEL_STYLES = ["{h}", "{h}.", "{h}:", "({a})", "{A}.", "({r})", "", "{h}A"]
WORDS = st.text(alphabet=st.characters(codec="utf-8"), max_size=20)


@st.composite
def trees(draw, depth: int = 0, prefix: str = "") -> list[Clause]:
    """Clause trees with plausible and broken labels: gaps, duplicates, mixed styles."""
    count = draw(st.integers(0, 4 if depth else 5))
    clauses = []
    for _ in range(count):
        n = draw(st.integers(1, 6))
        style = draw(st.sampled_from(LABEL_STYLES))
        hierarchical = f"{prefix}.{n}" if prefix else str(n)
        label = style.format(
            h=hierarchical, a="abcdef"[n - 1], A="ABCDEF"[n - 1], r=["i", "ii", "iii", "iv", "v", "vi"][n - 1]
        )
        text = draw(st.sampled_from(["", "see clause 1.2 below.", "clause 2 and section 3 of the Act."]))
        text += draw(WORDS)
        kind = draw(st.sampled_from([ClauseKind.CLAUSE] * 6 + [ClauseKind.DEFINITION, ClauseKind.SCHEDULE]))
        children = draw(trees(depth + 1, hierarchical)) if depth < 2 else []
        clauses.append(
            Clause(label=label, heading=draw(WORDS), text=text.strip(), kind=kind, children=children)
        )
    return clauses


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_renumber_is_idempotent_and_leaves_no_numbering_error(clauses):
    policy = Policy(clauses=clauses)
    before = format_tree(policy)
    inverse = renumber(policy).apply(policy)
    codes = (*NUMBERING_CODES, "label-style")  # one style per level after renumbering
    errors = [(f.code, f.label, f.message) for f in run_checks(policy) if f.code in codes]
    assert errors == [], format_tree(policy)
    assert renumber(policy).operations == []
    inverse.apply(policy)
    assert format_tree(policy) == before


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees(), WORDS)
def test_save_load_round_trip(clauses, title):
    policy = Policy(clauses=clauses)
    policy.metadata.title = title
    text = native.dumps(policy)
    again = native.loads(text)
    assert format_tree(again) == format_tree(policy)
    assert [c.id for c in again.walk()] == [c.id for c in policy.walk()]
    assert again.metadata.title == title
    assert native.dumps(again) == text
