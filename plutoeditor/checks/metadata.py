"""Metadata checks: what the published header needs and the policy does not say.

A policy without an effective date is published with a dateless header, and one without a
title with a blank one; both are missing-metadata findings about the policy, not a clause.
"""

from __future__ import annotations

from plutoeditor.checks.finding import METADATA, WARNING, Check, Finding, make
from plutoeditor.model.policy import Policy

#: The metadata a published policy cannot do without, with what a reader would miss.
REQUIRED = (
    ("title", "No title: the published header would have no title"),
    ("effective_date", "No effective date: the published header would have no date"),
)


def check_metadata(policy: Policy) -> list[Finding]:
    """One missing-metadata finding per required field that is empty.

    The line is where the field (or else the metadata block) stands in the file being
    checked, when known.
    """
    findings = []
    metadata, lines = policy.metadata, policy.metadata_lines
    for name, message in REQUIRED:
        value = getattr(metadata, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            line = lines.get(name, lines.get(""))
            findings.append(make("missing-metadata", "", "", message, line, target=name))
    return findings


CHECK = Check("metadata", {"missing-metadata": WARNING}, METADATA, check_metadata)
