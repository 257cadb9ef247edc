"""Benchmark: how well compare pairs clauses, on generated version pairs whose truth is known.

The old version is generated; the new one is that policy edited through the model's
operations (bench_compare.mutate: ~2% inserted, ~2% deleted, ~3% reworded, two sections
moved, renumbered). Every edit keeps the clause's id, and inserted clauses get fresh ones, so
the truth is recorded in the ids: a clause of the new version comes from the old clause with
its id, or from nowhere. The new version gets another document id, so compare cannot pair by
id and must pair by content, as it does for two imported files.

Pairing precision: of the pairs compare reports, how many are true. Recall: of the true
pairs, how many compare reports. Target (compare issue): both at least 99.5%, with varied
wording (policygen's text) and with a tiny vocabulary (every clause made of the same dozen
words, so wording alone says little). Also: how many inserted clauses were shown as moved.

    python tests/benchmarks/bench_compare_pairing.py [N]
"""

from __future__ import annotations

import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compare import mutate  # noqa: E402
from policygen import generate_policy_text  # noqa: E402

from plutoeditor.compare import compare_policies  # noqa: E402
from plutoeditor.importers.text import import_text  # noqa: E402
from plutoeditor.model.clause import ClauseKind  # noqa: E402
from plutoeditor.model.policy import Policy  # noqa: E402

TINY = "we may share your data with our partners when the law requires it".split()


def tiny_vocabulary(policy: Policy, seed: int = 3, only: set[str] | None = None) -> Policy:
    """The same tree with every clause's text (or only these clauses') made of the same dozen words."""
    rng = random.Random(seed)
    for clause in policy.walk():
        if clause.text and clause.kind == ClauseKind.CLAUSE and (only is None or clause.id in only):
            words = [rng.choice(TINY) for _ in range(rng.randint(8, 20))]
            clause.text = " ".join(words).capitalize() + "."
    return policy


def measure(old: Policy, new: Policy) -> dict[str, float]:
    new.document_id = uuid.uuid4().hex  # no pairing by id: by content, as for imported files
    old_ids = {c.id for c in old.walk()}
    truth = {c.id for c in new.walk() if c.id in old_ids}
    inserted = {c.id for c in new.walk() if c.id not in old_ids}
    start = time.perf_counter()
    comparison = compare_policies(old, new)
    elapsed = time.perf_counter() - start
    reported = [(c.old.id, c.new.id) for c in comparison.changes if c.old is not None and c.new is not None]
    correct = sum(1 for a, b in reported if a == b)
    listed = {c.new.id for c in comparison.changes if c.new is not None} | {
        c.old.id for c in comparison.changes if c.old is not None
    }
    absorbed = {i for i in truth if i not in listed}  # joined into a neighbour's reading unit
    recall_base = len(truth - absorbed)
    moved_inserted = sum(1 for c in comparison.changes if c.moved and c.new and c.new.id in inserted)
    if "-v" in sys.argv:
        for a, b in reported:
            if a != b:
                was, now = old.find(a), new.find(b)
                print("  wrong pair:", was.label, was.display_name(50), "|", now.label, now.display_name(50))
    return {
        "pairs": len(reported),
        "precision": correct / max(len(reported), 1),
        "recall": correct / max(recall_base, 1),
        "inserted": len(inserted),
        "inserted shown as moved": moved_inserted,
        "seconds": elapsed,
    }


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    n = int(numbers[0]) if numbers else 10_000
    for tiny in (False, True):
        name = "tiny vocabulary" if tiny else "varied wording"
        old = import_text(generate_policy_text(n, seed=1), "old.txt")
        if tiny:
            tiny_vocabulary(old)
        new, edits = mutate(old)
        if tiny:  # the inserted clauses too
            old_ids = {c.id for c in old.walk()}
            tiny_vocabulary(new, seed=5, only={c.id for c in new.walk() if c.id not in old_ids})
        result = measure(old, new)
        print(
            f"{name}, {n} clauses, edits {edits}: {result['pairs']} pairs, "
            f"precision {result['precision']:.4%}, recall {result['recall']:.4%}, "
            f"{result['inserted shown as moved']} of {result['inserted']} inserted clauses shown as moved, "
            f"compare {result['seconds']:.2f} s"
        )


if __name__ == "__main__":
    main()
