"""The term index: it finds defined names with a tree of their common beginnings (exactly what
the plain alternation, longest name first, finds), and it does not keep a closed policy alive."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from plutoeditor.checks.terms_index import TermIndex, term_index
from plutoeditor.checks.terms_scan import scan_text
from plutoeditor.checks.terms_search import NameSearch, _alternatives
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


def _sample_policy() -> Policy:
    from plutoeditor.model.clause import ClauseKind

    policy = Policy()
    definitions = Clause(label="1.", heading="Definitions")
    for term, meaning in (
        ("Website", "this site"),
        ("Personal Data", "data about a person"),
        ("User", "you"),
    ):
        child = Clause(heading=term, text=f"means {meaning};", kind=ClauseKind.DEFINITION)
        child.parent = definitions
        definitions.children.append(child)
    policy.clauses.append(definitions)
    texts = [
        "We keep your personal data on the Website. The Service is run by Pluto.",
        "The Users of the Website may ask us. Our Support Team answers (the “Help Desk”).",
        "Any User Content stays yours. The User Content is checked by the Support Team.",
        "“Account” means your account. See the Account page and the Privacy Notice.",
    ]
    for n in range(2, 14):
        section = Clause(label=f"{n}.", heading=f"Part {n}")
        for m in range(1, 4):
            child = Clause(label=f"{n}.{m}", text=texts[(n + m) % len(texts)])
            child.parent = section
            section.children.append(child)
        policy.clauses.append(section)
    return policy


def test_findings_after_edits_are_those_of_a_fresh_reading() -> None:
    """The kept index reads only the clauses the change events name; whatever the edits, its
    findings and totals are what reading the whole edited policy afresh gives."""
    from plutoeditor.checks.terms import check_terms, term_findings
    from plutoeditor.model import operations as ops

    rng = random.Random(11)
    policy = _sample_policy()
    words = ["the Website", "personal data", "Personal Data", "the Help Desk", "Support Team", "Users", "we"]
    for step in range(150):
        clauses = list(policy.walk())
        clause = rng.choice(clauses)
        action = rng.random()
        if action < 0.55:
            text = clause.text + f" Also {rng.choice(words)} and {rng.choice(words)} apply."
            operation: ops.Operation | None = ops.SetClauseField(clause.id, "text", text)
        elif action < 0.7:
            operation = ops.SetClauseField(
                clause.id, "heading", rng.choice(["", "Website", "The Help Desk", "Part"])
            )
        elif action < 0.8:
            operation = ops.SetClauseField(clause.id, "kind", rng.choice(["clause", "definition"]))
        elif action < 0.85:
            operation = ops.SetClauseField(clause.id, "label", f"{step}.")
        elif action < 0.95:
            operation = ops.move_by(policy, clause, rng.choice([-1, 1]))
        else:
            operation = ops.InsertClause(None, 1, Clause(label="9.", text="The Website and the Help Desk."))
        if operation is not None:
            operation.apply(policy)
        kept = check_terms(policy)
        fresh_index = TermIndex(policy)
        fresh_index.refresh()
        assert kept == term_findings(fresh_index), f"step {step}"
        index = term_index(policy)
        assert (index.uses, index.phrases, index.nouns, index.quoted, index.definitions) == (
            fresh_index.uses,
            fresh_index.phrases,
            fresh_index.nouns,
            fresh_index.quoted,
            fresh_index.definitions,
        )


def _searching(searched: list[str], defined: Callable[[str], str]) -> NameSearch:
    """A search for `searched` (in lower case, longest first) as names defined so (`defined`)."""
    search = NameSearch()
    search.searched = searched
    search.folded = {n: defined(n) for n in searched}
    search.pattern = re.compile(_alternatives(searched))
    return search


def test_searching_name_by_name_finds_what_the_pattern_finds() -> None:
    """A whole policy's uses are found with one `str.find` search per name; it must give the
    pattern's matches: leftmost, the longest name there, none inside another, same endings."""
    rng = random.Random(5)
    for _ in range(300):
        names = {"".join(rng.choice("ab s-'") for _ in range(rng.randint(1, 5))).strip() for _ in range(6)}
        names = {n for n in names if n and n[0].isalpha()}
        if not names:
            continue
        search = _searching(sorted(names, key=lambda n: (-len(n), n)), str.capitalize)
        for _ in range(10):
            text = "".join(
                rng.choice(["a", "b", "s", " ", "-", "'", "’s", "es", "x", "\n", "“"]) for _ in range(50)
            )
            low = text.lower()
            assert search.find_all(text, low) == search.find_uses(text)


def test_a_name_holding_a_common_shorter_one_is_still_found_where_the_pattern_finds_it() -> None:
    """A name that begins or ends with a shorter one is looked for at that one's places only
    while they are few; past that it is searched for again, with the same result."""
    searched = sorted(["cookie", "session cookie", "cookies", "data", "data law"], key=lambda n: (-len(n), n))
    search = _searching(searched, str.title)
    for many in (3, 2500):  # "cookie" and "data" in a few places, then in thousands
        text = "A cookie, data. " * many + "Session cookies and the data law; session Cookie-less data laws."
        assert search.find_all(text, text.lower()) == search.find_uses(text)


def test_capitalised_phrases_are_found_among_letters_outside_ascii() -> None:
    """The capitals are looked for in an ASCII copy of the text: accents and curly quotes
    before a phrase must not move it."""
    scan = scan_text("Our café’s Menu Board lists the Daily Specials — “ask” the Head Chef, señor.")
    assert scan.phrases == {"Menu Board": 1, "Daily Specials": 1, "Head Chef": 1}
    assert scan.nouns == {"Daily Specials": 1, "Head Chef": 1}
    scan = scan_text("Ünited Kingdom rules and the Übersee Office say the Café Service is open.")
    assert scan.phrases == {"Kingdom": 1, "Office": 1, "Café Service": 1}
    assert scan.nouns == {"Café Service": 1}
