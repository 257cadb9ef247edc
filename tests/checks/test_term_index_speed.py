"""The term index: it finds defined names with a tree of their common beginnings (exactly what
the plain alternation, longest name first, finds), and it does not keep a closed policy alive."""

from __future__ import annotations

import random
import re

from plutoeditor.checks.terms_index import TermIndex, _alternatives
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy


def test_the_tree_of_names_finds_what_the_plain_alternation_finds() -> None:
    rng = random.Random(7)
    for _ in range(400):
        names = sorted(
            {
                "".join(rng.choice("ab s.") for _ in range(rng.randint(1, 6)))
                for _ in range(rng.randint(1, 10))
            },
            key=lambda n: (-len(n), n),
        )
        plain = re.compile("|".join(re.escape(n) for n in names))
        tree = re.compile(_alternatives(names))
        for _ in range(10):
            text = "".join(rng.choice("ab s.x") for _ in range(40))
            assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_longest_defined_name_is_the_one_counted() -> None:
    policy = Policy()
    policy.clauses.append(
        Clause(label="1", text="“Data” means facts. “Personal Data” means facts about a person.")
    )
    policy.clauses.append(
        Clause(label="2", text="We keep Personal Data and other Data safe; the Data Policy says how.")
    )
    index = TermIndex(policy)
    index.refresh()
    assert index.uses.get("Personal Data") == 1
    assert index.uses.get("Data") == 2  # "other Data", "the Data Policy"; not inside "Personal Data"


def test_a_checked_policy_is_freed_when_nobody_holds_it() -> None:
    """The term index is kept per policy; it must not keep its policy (a closed document) alive."""
    import gc
    import weakref

    from plutoeditor.checks import run_checks

    policy = Policy()
    policy.clauses.append(Clause(label="1", text="“Website” means this site. The Website and the Website."))
    run_checks(policy)
    gone = weakref.ref(policy)
    del policy
    gc.collect()
    assert gone() is None
