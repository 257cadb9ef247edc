"""Checks: what a reviewer would notice about numbering, references and content.

`run_checks(policy)` gives every finding in document order; `Checker(policy)` keeps up with
edits and re-checks only what changed. `registry.CHECKS` lists the checks that run.
"""

from plutoeditor.checks.checker import Checker, run_checks
from plutoeditor.checks.finding import ERROR, INFO, WARNING, Finding
from plutoeditor.checks.registry import CODES, NUMBERING_CODES

__all__ = ["Checker", "run_checks", "Finding", "CODES", "NUMBERING_CODES", "ERROR", "WARNING", "INFO"]
