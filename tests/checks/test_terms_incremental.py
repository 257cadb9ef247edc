"""The term findings after a series of edits are those of a fresh check of the edited policy.

After an edit the term checks read only the clauses the edit changed and keep what the
others said (`checks.terms_memo`); a reader must never see a finding that a fresh check
of the same text would not give, nor miss one. The policies are generated here: a list of
definitions, then numbered clauses whose sentences use capitalised phrases as terms, in
lower case, as names, addresses, run-in and Markdown headings, in another case than defined.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from plutoeditor.checks.finding import Finding
from plutoeditor.checks.terms import check_terms, term_findings
from plutoeditor.checks.terms_index import TermIndex, forget_term_index
from plutoeditor.importers.text import import_text
from plutoeditor.model import operations as ops
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy

_PHRASES = ("Ferry App", "Harbour Pass", "Deck Crew", "Ticket Office", "Saver Card", "Night Sailing")
_RARE = (6, 6, 6, 6, 6, 1)  # a phrase used in a few clauses, where one edit tips the evidence
#: sentences with a slot for a phrase ({0}) in each of the ways the checks tell apart
_SENTENCES = (
    "You can buy a ticket in the {0} before each crossing.",
    "Our {0} shows the timetable, and the {0} keeps your receipts.",
    "Every {0} we offer is listed on the board at the quay.",
    "the {l} lists the fares; ask at the desk for the {l}, or for any {l} on board.",
    "{0}. We sell tickets at the quay and on board.",
    "# {0} rules",
    "Tickets are sold by The {0} at the harbour.",
    "Write to {0}.io with any question about the fares.",
    "The {l} and the {0} are described in the rules posted at the gangway.",
    "Use any of our {0}s at the gangway.",
    "This {0} by Written Consent applies to groups.",
    "Each night the app lists the crew, the office, the card, the pass and the sailing times.",
    "The Quay Fee for the {0} is shown on the ticket.",
    "Capitalised terms not defined in this Annex have the meanings given in the Agreement.",
    "Schedule 2",
    "",
)
#: the uses as a term are the common sentences; each way of not being a term is rarer
_WEIGHTS = (8, 8, 8, 3, 1, 1, 1, 1, 1, 4, 1, 4, 1, 1, 1, 1)
_DEFINITIONS = (
    '1.1 "Crossing" means one trip of a ferry from one harbour to the other.',
    '1.2 "Ticket Office" means the desk at each harbour where tickets are sold.',
    '1.3 "Saver Card" means the card that gives a discount on each Crossing.',
    '1.4 "Quay Fee" means the fee for mooring at the quay.',
)


class _Drafter:
    """Writes the clauses of one policy; how often each phrase and each kind of sentence come
    is drawn for the policy, so that some use a phrase mostly in lower case, some hardly at all."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._phrases = [w * rng.choice((0.2, 1, 1, 4)) for w in _RARE]
        self._sentences = [w * rng.choice((0.2, 1, 1, 4)) for w in _WEIGHTS]

    def text(self) -> str:
        rng = self.rng
        sentences = []
        for _ in range(rng.randint(1, 3)):
            phrase = rng.choices(_PHRASES, self._phrases)[0]
            sentences.append(rng.choices(_SENTENCES, self._sentences)[0].format(phrase, l=phrase.lower()))
        return " ".join(sentences).strip()

    def policy(self) -> Policy:
        rng = self.rng
        lines = ["Harbour Ferry Terms", "1 Definitions", *_DEFINITIONS[: rng.randint(1, 3)], _DEFINITIONS[3]]
        for section in range(2, rng.randint(4, 14)):
            heading = rng.choice(("Tickets", "Fares", "Boarding", "Harbour Pass", "Annex B"))
            lines.append(f"{section} {heading}")
            lines += [f"{section}.{n} {self.text()}" for n in range(1, rng.randint(3, 12))]
        return import_text("\n\n".join(lines) + "\n")

    def edit(self, policy: Policy) -> None:
        """One edit of the policy, as a user makes them: mostly a clause's text."""
        rng = self.rng
        clauses = list(policy.walk())
        clause = rng.choice(clauses)
        kind = rng.random()
        if kind < 0.45:
            ops.SetClauseField(clause.id, "text", self.text()).apply(policy)
        elif kind < 0.6:  # a passage pasted again: two clauses, one text
            ops.SetClauseField(clause.id, "text", rng.choice(clauses).text).apply(policy)
        elif kind < 0.65:
            ops.SetClauseField(
                clause.id, "heading", rng.choice(("", "Harbour Pass", "Fares", "Annex 1"))
            ).apply(policy)
        elif kind < 0.7:
            ops.SetClauseField(clause.id, "label", rng.choice(("", "9", "2.1", "Schedule 3"))).apply(policy)
        elif kind < 0.75:
            ops.SetClauseField(clause.id, "kind", rng.choice(("clause", "definition"))).apply(policy)
        elif kind < 0.8:
            ops.SetClauseField(clause.id, "text", rng.choice(_DEFINITIONS)[4:]).apply(policy)
        elif kind < 0.87:
            parent = clause.parent.id if clause.parent is not None else None
            ops.InsertClause(parent, rng.randint(0, 5), Clause(label="", text=self.text())).apply(policy)
        elif kind < 0.93 and len(clauses) > 3:
            ops.DeleteClause(clause.id).apply(policy)
        else:
            target = rng.choice(policy.clauses)
            if target not in clause.walk():
                ops.MoveClause(clause.id, target.id, rng.randint(0, 4)).apply(policy)


def _fresh(policy: Policy) -> list[Finding]:
    index = TermIndex(policy)  # nothing kept: every clause read
    index.refresh()
    return _same_order(term_findings(index))


def _kept(policy: Policy) -> list[Finding]:
    return _same_order(check_terms(policy))


def _same_order(findings: list[Finding]) -> list[Finding]:
    """The findings in one order: the checker lists them by clause and code, and two of one
    code about one clause come in the order the index met their phrases, which edits change."""
    return sorted(findings, key=lambda f: (f.clause_id, f.code, f.target, f.message))


@given(st.integers(0, 2**32 - 1))
@settings(max_examples=40, deadline=None)
def test_findings_after_random_edits_are_those_of_a_fresh_check(seed: int) -> None:
    drafter = _Drafter(random.Random(seed))
    policy = drafter.policy()
    try:
        assert _kept(policy) == _fresh(policy)
        for _ in range(12):
            for _ in range(drafter.rng.choice((1, 1, 1, 2, 3))):  # the editor may check after several edits
                drafter.edit(policy)
            assert _kept(policy) == _fresh(policy)
    finally:
        forget_term_index(policy)


def test_the_generated_policies_give_findings_of_every_kind_the_edits_change() -> None:
    """The property above is worth something only if the findings it compares come and go."""
    codes: set[str] = set()
    changes = 0
    for seed in range(30):
        drafter = _Drafter(random.Random(seed))
        policy = drafter.policy()
        before = _fresh(policy)
        for _ in range(12):
            drafter.edit(policy)
            after = _fresh(policy)
            changes += after != before
            codes.update(f.code for f in after)
            before = after
    assert {"undefined-term", "term-case", "unused-definition"} <= codes
    assert changes >= 30


def test_a_passage_pasted_over_the_other_use_of_a_term_takes_its_finding_away_and_back() -> None:
    """Two clauses with one text are one use of a passage: the finding goes when the second
    clause becomes a copy of the first, and comes back when it is written again."""
    filler = [
        f"{n} Item {n}\n\n{n}.1 Passengers keep to the rules posted at the gangway and in our app."
        for n in range(3, 14)
    ]
    lines = [
        "Harbour Ferry Terms",
        "1 Definitions",
        *_DEFINITIONS[:2],
        "2 Tickets",
        "2.1 Buy a ticket in the Ferry App; the Ferry App shows each crossing.",
        "2.2 Show the Ferry App at the gangway before boarding.",
        *filler,
    ]
    policy = import_text("\n\n".join(lines) + "\n")
    first, second = (c for c in policy.walk() if "Ferry App" in c.text)
    written = second.text
    try:
        seen = []
        for text in (written, first.text, written):
            ops.SetClauseField(second.id, "text", text).apply(policy)
            kept = _kept(policy)
            assert kept == _fresh(policy)
            seen.append({f.target for f in kept if f.code == "undefined-term"})
        assert seen == [{"Ferry App"}, set(), {"Ferry App"}]
    finally:
        forget_term_index(policy)


def test_a_heading_edited_to_repeat_the_first_opens_a_second_copy_at_once() -> None:
    """A heading that repeats the first heading of the page at its depth opens a second copy
    of the instrument, which defines its terms again: the duplicate goes with that edit."""
    lines = [
        "Harbour Ferry Terms",
        "1 Definitions",
        *_DEFINITIONS[:2],
        "2 Tickets",
        "2.1 Buy a ticket for each Crossing at the Ticket Office before boarding the ferry.",
        "2.2 Show the ticket for the Crossing at the gangway before you board the ferry.",
        "3 Fares",
        '3.1 "Crossing" means a return trip of a ferry between the two harbours.',
        "3.2 The Ticket Office sells tickets for each Crossing at the quay.",
    ]
    policy = import_text("\n\n".join(lines) + "\n")
    fares = next(c for c in policy.walk() if c.heading == "Fares")
    try:
        seen = []
        for heading in ("Fares", "Definitions", "Fares"):
            ops.SetClauseField(fares.id, "heading", heading).apply(policy)
            kept = _kept(policy)
            assert kept == _fresh(policy)
            seen.append([f.target for f in kept if f.code == "duplicate-definition"])
        assert seen == [["Crossing"], [], ["Crossing"]]
    finally:
        forget_term_index(policy)
