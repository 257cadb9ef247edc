"""Every check the Checker runs, in the order their findings about one clause are listed.

A check is a module that ends with a `CHECK = Check(name, codes, rechecks, run)`
(`finding.Check`): the codes it reports with their severities, what it looks at again after
an edit, and its function. Adding a check is that module and one line in `CHECKS`; adding a
code to a check is one entry in its module's `CHECK`.
"""

from __future__ import annotations

from plutoeditor.checks import content, metadata, numbering, references, terms, versions
from plutoeditor.checks.finding import Check

CHECKS: tuple[Check, ...] = (
    numbering.CHECK,
    references.CHECK,
    content.CHECK,
    terms.CHECK,
    metadata.CHECK,
    versions.CHECK,  # run by `check --against` and the editor with the previous version
)

#: Every code reported, with its severity, in report order.
CODES: dict[str, str] = {code: severity for check in CHECKS for code, severity in check.codes.items()}

#: code -> its place among the findings about one clause.
ORDER: dict[str, int] = {code: i for i, code in enumerate(CODES)}

NUMBERING_CODES = numbering.NUMBERING_CODES


def rechecking(kind: str) -> tuple[Check, ...]:
    """The registered checks that re-check `kind` after an edit (finding.CLAUSE, ...)."""
    return tuple(check for check in CHECKS if check.rechecks == kind)
