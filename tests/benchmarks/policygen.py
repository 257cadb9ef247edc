"""Large, realistic policies in the seeds' style, for benchmarks and stress tests.

`generate_policy_text(n_clauses, seed)` writes plain text the way the Pluto seeds are
written: title, effective-date line, "Summary of Update" list, a definitions clause with
"Term: meaning" lines, numbered sections ("1 Heading" / "2.  Heading"), subclauses,
single-newline sub-item lists, unnumbered closing paragraphs ("in each case, ..."),
internal references ("clause 3.2"), and an unnumbered Cookie Schedule at the end. About 25
words per clause; the same arguments always give the same text.
"""

from __future__ import annotations

import random

from plutoeditor.model.policy import Policy

_TOPICS = [
    "Personal Data collected",
    "How we use Personal Data",
    "Sharing with third parties",
    "Cookies",
    "Data retention",
    "Your rights",
    "Security",
    "International transfers",
    "Marketing",
    "Children",
    "Changes to this Policy",
    "Complaints",
    "Payment information",
    "Log files",
    "Links to other websites",
    "Service providers",
    "Legal basis for processing",
    "Contact details",
]
_SUBJECTS = [
    "We",
    "Pluto",
    "The Company",
    "Our service providers",
    "Users",
    "You",
    "The Platform",
    "Any third party",
    "Our employees",
    "The data controller",
]
_VERBS = [
    "may collect",
    "will process",
    "shall retain",
    "may disclose",
    "will not sell",
    "must protect",
    "may share",
    "will review",
    "shall delete",
    "may transfer",
    "will record",
    "may update",
]
_OBJECTS = [
    "your Personal Data",
    "usage information",
    "payment details",
    "account information",
    "the information you provide",
    "technical data about your device",
    "records of your consent",
    "communications with our support team",
    "aggregated statistics",
    "location data",
]
_TAILS = [
    "for the purposes described in this Policy",
    "in accordance with the Data Protection Laws",
    "where we have a legitimate interest in doing so",
    "for as long as your account remains active",
    "unless the law requires otherwise",
    "to provide and improve the Service",
    "subject to appropriate safeguards",
    "with your prior consent where required",
    "to comply with our legal obligations",
    "in order to prevent fraud and abuse",
]
_ITEMS = [
    "name",
    "e-mail address",
    "telephone number",
    "postal address",
    "IP address",
    "browser type and version",
    "operating system",
    "pages visited",
    "time spent on the Platform",
    "payment card details",
    "company name",
    "job title",
    "language preferences",
    "device identifiers",
]
_TERMS = [
    ("Cookies", "a small text file placed on your device when you visit the Platform"),
    ("Data Protection Laws", "any applicable law relating to the processing of Personal Data"),
    ("Personal Data", "any information relating to an identified or identifiable natural person"),
    ("Platform", "our website, applications and all associated domains"),
    ("Service", "the learning management service we provide through the Platform"),
    ("User or you", "any person who accesses the Service or the Platform"),
]


def _sentence(rng: random.Random, refs: list[str], words: int = 25) -> str:
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < words - 6:
        parts.append(
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."
        )
    if refs and rng.random() < 0.12:
        parts.append(f"See clause {rng.choice(refs)} for details.")
    return " ".join(parts)


def generate_policy_text(n_clauses: int, seed: int = 0) -> str:
    """A plain-text policy with about `n_clauses` clauses and 25 words per clause."""
    rng = random.Random(seed)
    out = [
        "Privacy Policy",
        "",
        'This Privacy Policy is effective as of: 21st November 2022 ("Effective Date")',
        "",
        "Summary of Update:",
        "",
        "1) Legal entity name change",
        "",
        "2) Contact Number Updated",
        "",
        "",
        "1 Definitions and interpretation",
        "",
        "1.1 In this Policy, the following definitions are used:",
        "",
    ]
    for term, meaning in _TERMS:
        out += [f"{term}: {meaning};", ""]
    count = 2 + len(_TERMS)
    written: list[str] = ["1.1"]
    section = 1
    budget = max(n_clauses - 12, 1)  # leave room for the schedule
    while count < budget:
        section += 1
        separator = rng.choice([" ", ". ", ".  "])
        out += [f"{section}{separator}{rng.choice(_TOPICS)}", ""]
        count += 1
        for sub in range(1, rng.randint(3, 9) + 1):
            if count >= budget:
                break
            label = f"{section}.{sub}"
            if rng.random() < 0.25:
                out += [f"{label} {_sentence(rng, written, 30)} The following apply:", ""]
                count += 1
                items = rng.randint(3, 7)
                for k in range(1, items + 1):
                    end = ";" if k < items else "."
                    item = (
                        f"{rng.choice(_ITEMS)}, which {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
                        f"{rng.choice(_TAILS)} and {rng.choice(_TAILS)}"
                    )
                    out.append(f"{label}.{k} {item}{end}")
                out.append("")
                count += items
                if rng.random() < 0.5:
                    out += ["in each case, in accordance with this Policy.", ""]
                    count += 1
            else:
                out += [f"{label} {_sentence(rng, written, 34)}", ""]
                count += 1
            written.append(label)
    out += ["Cookie Schedule", ""]
    for heading in ("What Are Cookies?", "How to disable Cookies", "More Information"):
        out += [heading, "", _sentence(rng, [], 40), ""]
    out += ["Cookie details", ""]
    for name in ("Session cookies", "Permanent cookies"):
        out += [f"{name}: {_sentence(rng, [], 20)}", ""]
    return "\n".join(out).rstrip() + "\n"


def generate_policy(n_clauses: int, seed: int = 0) -> Policy:
    """The generated text imported with the text importer (labels as written)."""
    from plutoeditor.importers.text import import_text

    return import_text(generate_policy_text(n_clauses, seed), f"<generated {n_clauses}>")
