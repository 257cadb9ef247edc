"""Properties of any comparison: every clause accounted for once, order kept, no false changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plutoeditor.compare import compare_policies
from plutoeditor.compare.joins import same_words
from plutoeditor.compare.units import reading_units
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy

WORDS = ["data", "we", "share", "your", "consent", "cookies", "retain", "delete", "request", "law", "notice"]

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
leaf = st.builds(
    lambda text, label: Clause(label=label, text=text), sentence, st.sampled_from(["", "1", "2.1"])
)
section = st.builds(
    lambda heading, children: Clause(label="", heading=heading, children=children),
    sentence,
    st.lists(leaf, max_size=4),
)
policy = st.lists(st.one_of(leaf, section), max_size=8).map(lambda clauses: Policy(clauses=clauses))


def _check_accounting(old: Policy, new: Policy) -> None:
    comparison = compare_policies(old, new)
    olds = [c.old.id for c in comparison.changes if c.old is not None]
    news = [c.new.id for c in comparison.changes if c.new is not None]
    old_units = [c.id for c in reading_units(old).walk()]
    new_units = [c.id for c in reading_units(new).walk()]
    # each reading unit listed at most once (a line joined into its neighbour is not listed),
    # and the listing follows the new version's reading order
    assert len(set(olds)) == len(olds) and set(olds) <= set(old_units)
    assert news == [i for i in new_units if i in set(news)]
    for change in comparison.changes:
        assert (change.status == "matched") == (change.old is not None and change.new is not None)
        if change.text_changed:
            assert "".join(t for op, t in change.ops if op <= 0) == change.old.text
            assert "".join(t for op, t in change.ops if op >= 0) == change.new.text
        elif change.status == "matched" and not change.heading_changed:
            assert change.ops == [] and same_words(change.old, change.new)
    summary = comparison.summary()
    assert summary["added"] + summary["removed"] + sum(
        c.status == "matched" for c in comparison.changes
    ) == len(comparison.changes)


@settings(max_examples=60, deadline=None)
@given(policy, policy)
def test_every_clause_accounted_for_once(old, new):
    _check_accounting(old, new)


@settings(max_examples=40, deadline=None)
@given(policy)
def test_a_copy_with_fresh_ids_is_identical(original):
    fresh = Policy(clauses=[c.copy(keep_ids=False) for c in original.clauses])
    comparison = compare_policies(original, fresh)
    assert comparison.is_identical(), [c.to_dict() for c in comparison.changes if c.is_change]
