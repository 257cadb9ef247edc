"""Every check the Checker runs, in the order their findings about one clause are listed, and
every review it runs on their findings, in the order they run.

A check is a module that ends with a `CHECK = Check(name, codes, rechecks, run)`
(`finding.Check`): the codes it reports with their severities, what it looks at again after
an edit, and its function. Adding a check is that module and one line in `CHECKS`; adding a
code to a check is one entry in its module's `CHECK`. A review is a module that ends with a
`REVIEW = Review(name, reviews, run)` (`finding.Review`): the findings it reads and its function,
which returns them with those the document leaves in doubt downgraded; adding one is that module
and one line in `REVIEWS`.
"""

from __future__ import annotations

from plutoeditor.checks import (
    confidence,
    content,
    continuation,
    embedded_instruments,
    lead_in_items,
    lost_numbers,
    metadata,
    missing_parents,
    numbering,
    reference_doubt,
    reference_titles,
    references,
    renumbered_references,
    repeated_references,
    reported_missing,
    source_order,
    terms,
    translations,
    typed_ids,
    uncertainty,
    versions,
)
from plutoeditor.checks.finding import Check, Review

CHECKS: tuple[Check, ...] = (
    numbering.CHECK,
    references.CHECK,
    reference_titles.CHECK,
    content.CHECK,
    terms.CHECK,
    metadata.CHECK,
    versions.CHECK,  # run by `check --against` and the editor with the previous version
)

#: The reviews, each kind in the order they run (each reads the last one's result).
REVIEWS: tuple[Review, ...] = (
    uncertainty.REVIEW,  # numbering: placements the tree only guessed
    missing_parents.REVIEW,  # numbering: sub-clauses whose parent number is nowhere written
    source_order.REVIEW,  # numbering: order and gaps the source order explains
    continuation.REVIEW,  # numbering: a sequence that continues another's
    embedded_instruments.REVIEW,  # numbering: an exhibit repeated after an instrument embedded whole
    translations.REVIEW,  # numbering: duplicates that are the same clause in another script
    typed_ids.REVIEW,  # numbering: placements among labels that are ids
    lost_numbers.REVIEW,  # numbering: a gap where a heading between lost its number
    confidence.REVIEW,  # clause findings: numbering defects in a list that may be misread
    lead_in_items.REVIEW,  # clause findings: a lead-in's first item labelled one level up
    reference_doubt.REVIEW,  # references: broken references that cannot be confirmed
    reported_missing.REVIEW,  # references: broken references to a number a gap reports missing
    renumbered_references.REVIEW,  # references: broken references one renumbering explains
    repeated_references.REVIEW,  # references: broken references to one missing number
)

#: Every code reported, with its severity, in report order.
CODES: dict[str, str] = {code: severity for check in CHECKS for code, severity in check.codes.items()}

#: code -> its place among the findings about one clause.
ORDER: dict[str, int] = {code: i for i, code in enumerate(CODES)}

NUMBERING_CODES = numbering.NUMBERING_CODES


def rechecking(kind: str) -> tuple[Check, ...]:
    """The registered checks that re-check `kind` after an edit (finding.CLAUSE, ...)."""
    return tuple(check for check in CHECKS if check.rechecks == kind)


def reviewing(kind: str) -> tuple[Review, ...]:
    """The registered reviews of `kind`'s findings (finding.NUMBERING, ...), in the order they run."""
    return tuple(review for review in REVIEWS if review.reviews == kind)
