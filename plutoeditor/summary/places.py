"""How a summary names a clause: "clause 3.1.2", "section 7 (Your rights)", "the definition
of “Learner”", or for an unnumbered paragraph the headings above it ("Retention Schedule,
Account data")."""

from __future__ import annotations

import re

from plutoeditor.model.clause import Clause, ClauseKind

#: The longest quotation of a new or removed clause an item carries.
MAX_QUOTE = 200
#: Lists of clauses longer than this are cut ("2.1, 3.4, ... and 9 more").
MAX_LISTED = 8


def label(clause: Clause) -> str:
    """The label as written, without the separator after it ("6." -> "6")."""
    return clause.label.strip().rstrip(".:").strip()


def heading(clause: Clause) -> str:
    """The heading as a name: without the colon or full stop that ends it ("Payment.")."""
    return clause.heading.strip().rstrip(".:").rstrip()


def noun(clause: Clause, plural: bool = False) -> str:
    """What a reader calls the clause: section (top level), clause, paragraph, definition."""
    if clause.kind == ClauseKind.DEFINITION:
        word = "definition"
    elif clause.kind == ClauseKind.SCHEDULE:
        word = "schedule"
    elif not label(clause):
        word = "paragraph"
    elif clause.parent is None:
        word = "section"
    else:
        word = "clause"
    return word + "s" if plural else word


def noun_and_label(clause: Clause) -> str:
    """ "section 7", "clause 3.1.2", or "" when unnumbered."""
    return f"{noun(clause)} {label(clause)}" if label(clause) else ""


def name(clause: Clause, width: int = 50) -> str:
    """The clause's heading, or its first words; a defined term in quotation marks."""
    if clause.kind == ClauseKind.DEFINITION and clause.heading.strip():
        return f"the definition of “{clause.heading.strip()}”"
    return clause.display_name(width) or noun_and_label(clause) or "an empty clause"


def name_with_label(clause: Clause) -> str:
    """ "section 7 (Your rights)", or the name alone when unnumbered or without a heading."""
    number = noun_and_label(clause)
    if number and heading(clause):
        return f"{number} ({heading(clause)})"
    return number or name(clause)


def where(clause: Clause) -> str:
    """Where a change is, as an item starts: "5.1", "The definition of “Learner”", or the
    headings above an unnumbered paragraph ("Retention Schedule, Account data")."""
    if clause.kind == ClauseKind.DEFINITION and clause.heading.strip():
        return f"The definition of “{clause.heading.strip()}”"
    if label(clause):  # "5.1: ...", but "Clause (d): ..." for a letter alone
        number = label(clause)
        return number if any(ch.isdigit() for ch in number) else noun_and_label(clause).capitalize()
    path: list[str] = []
    node: Clause | None = clause
    while node is not None:
        if label(node) and node is not clause:
            path.append(noun_and_label(node))
            break
        if heading(node):
            path.append(heading(node))
        node = node.parent
    if not path:
        return f"The paragraph “{clause.display_name(40)}”"
    place = ", ".join(reversed(path))
    if not heading(clause):  # a paragraph of its own under them: "In clause 1.1: ..."
        return f"In {place}"
    return place[:1].upper() + place[1:]


def short_where(clause: Clause) -> str:
    """A clause in a list of places: its label, else the nearest heading or label above it
    ("“Cookies”", "section 4"), else its first words."""
    node: Clause | None = clause
    while node is not None:
        if label(node):
            return label(node) if node is clause else noun_and_label(node)
        if heading(node):
            return f"“{heading(node)}”"
        node = node.parent
    return f"“{clause.display_name(30)}”"


def quote(text: str, limit: int = MAX_QUOTE) -> str:
    """The text on one line, cut at a word when long, without the "; and" that joins it to
    the next item of a list."""
    flat = re.sub(r"\s*(?:[;,]\s*(?:and|or)?|[;,])$", "", " ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def described(clause: Clause, inside: list, removed: bool = False) -> str:  # type: ignore[type-arg]
    """An added clause ("clause 3.1.2: your billing address ...", after "New ") or a removed one
    ("Clause 5.3 removed: “We never sell Personal Data.”"), with the clauses under it."""
    title, body = heading(clause), quote(clause.text)
    if clause.kind == ClauseKind.DEFINITION and title:
        subject = f"definition of “{title}”"
    elif label(clause):
        subject = noun_and_label(clause) + (f" “{title}”" if title else "")
    else:
        kind = "schedule" if clause.kind == ClauseKind.SCHEDULE else "section"
        subject = f"{kind} “{title}”" if title else "paragraph"
        if clause.parent is not None:
            subject += f" {'under' if title else 'in'} {where(clause.parent)}"
    # the clauses right under it ("with clauses 9.1-9.4"; their own sub-clauses go with them)
    labels = [c.new_label if not removed else c.old_label for c in inside if c.clause.parent is clause]
    labels = [x for x in labels if x.strip()]
    under = label_range(labels)
    if under:
        subject += f" (with {'clause' if len(labels) == 1 else 'clauses'} {under})"
    if removed:
        subject = subject[:1].upper() + subject[1:] + " removed"
        return f"{subject}: “{body}”" if body else subject
    return f"{subject}: {body}" if body else subject


def label_range(labels: list[str]) -> str:
    """ "6", "6 and 7", "6-9" (first and last of a run of three or more)."""
    labels = [x.strip().rstrip(".:") for x in labels if x.strip()]
    if not labels:
        return ""
    if len(labels) == 1:
        return labels[0]
    if len(labels) == 2:
        return f"{labels[0]} and {labels[1]}"
    return f"{labels[0]}-{labels[-1]}"


def listing(names: list[str]) -> str:
    """ "3.2", "3.2 and 4.1", "2.1, 3.4 and 5.1", "2.1, 3.4, ... and 9 more"."""
    names = list(dict.fromkeys(names))
    if len(names) > MAX_LISTED:
        shown = MAX_LISTED - 2
        return ", ".join(names[:shown]) + f" and {len(names) - shown} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
