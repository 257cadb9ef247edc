"""Where a number said to be missing is written after all: the gap is the reading's.

"D. comes after B" is no gap when "C. Removal of content" stands between them as body text
the tree did not read as a clause. The missing number may be written:

- as the label of the clause above the list ("a)" read as the owner of "(b)");
- at the start of a line between, decorated ("C.", "(4)(weggefallen)") or glued to its text
  ("07.Liability", "2.7.3You shall"), or as a range ("11.2.1.-11.2.5. If you reside ...");
- inline right after a lead-in's colon or the item before's semicolon ("as follows: (i) your
  Content ...", then "(ii)"; "... notices; and (c) give ...", then "(d)");
- run into a paragraph after a sentence ends ("... de l'Utilisateur. 2.2 A l'exception ...");
- as the label of a clause between that the tree put in another list, in the same style.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from plutoeditor.checks.heading_like import plain
from plutoeditor.checks.sequence_evidence import Sequence, quote
from plutoeditor.model.labels import Label
from plutoeditor.model.numbering import INSERTION, OTHER, SCHEDULE, parse_label, value_in

#: A list item opened inline after a lead-in or after the item before: "as follows: (i) your
#: Content", "... notices; and (c) give all recipients". A sentence's full stop is not list
#: punctuation: a label after it is a line the page lost, not an item written inline.
_AFTER_COLON = re.compile(r"(?::|;(?:\s+(?:and|or|et|ou|und|oder))?)\s+(?P<label>\(?[0-9A-Za-z]{1,4}[.)])\s")
#: A hierarchical label run into a paragraph after its sentence ends: "... de l'Utilisateur. 2.2 A
#: l'exception ...", "... (force majeure, etc.).6.2 Seules ...": a clause the page ran into the
#: text of the clause before (not "version 1.6.2 Seules", where a number goes on).
_RUN_IN = re.compile(r"(?<!\d)[.;!?]\s*(?P<label>\d{1,3}(?:\.\d{1,3})+)\.?\s+(?=[^\W\d_])")
_RANGE = re.compile(r"^(?P<first>[0-9A-Za-z.()]+?)\s*[-–]\s*(?P<last>[0-9A-Za-z.()]+)$")

Missing = Callable[[int | None], bool]


def missing_written(seq: Sequence, k: int, missing: Missing) -> str:
    """Where a number said to be missing before member k is written ("" when nowhere)."""
    family = seq.scope.family
    first = seq.members[0]
    owner = seq.scope.owner
    above = parse_label(owner.label) if k == 0 and owner is not None else None
    if above is not None and len(above.parts) == first.depth and value_in(above, family) == first.value - 1:
        return f"the clause above is labelled “{above.raw}”"
    lines = seq.between(k)
    for line in lines:
        words = plain(line).split(maxsplit=1)
        if words and _starts_with_missing(words[0], seq, missing):
            return f"“{quote(line)}” is written before it"
    own = seq.members[k - 1].clause.paragraphs[:1] if k > 0 else []  # "(b) keep ...; and (c) give ..."
    for line in [*own, *lines]:
        for match in _AFTER_COLON.finditer(plain(line)):
            if missing(value_in(parse_label(match["label"]), family)):
                lead_in = quote(line[: match.start() + 1], tail=True)
                return f"“{match['label']}” is written inline after “{lead_in}”"
        for match in _RUN_IN.finditer(plain(line)):
            after = plain(line)[match.end() :]
            label = parse_label(match["label"])
            if after[:1].isupper() and _same_shape(label, seq) and missing(value_in(label, family)):
                return f"“{match['label']}” is written inside the text before it, after a sentence"
    return _labelled_elsewhere(seq, k, missing)


def _starts_with_missing(word: str, seq: Sequence, missing: Missing) -> bool:
    family = seq.scope.family
    ranged = _RANGE.match(word)
    if ranged:  # "11.2.1.-11.2.5." stands for every number from the first to the last
        low = value_in(parse_label(ranged["first"]), family)
        high = value_in(parse_label(ranged["last"]), family)
        if low is not None and high is not None and high - low < 100:
            return any(missing(v) for v in range(low, high + 1))
    label = parse_label(_label_part(word))
    decorated = bool(label.prefix or label.suffix) or len(label.parts) > 1
    return decorated and _same_shape(label, seq) and missing(value_in(label, family))


def _same_shape(label: Label, seq: Sequence) -> bool:
    """Whether a label could be a member of the sequence: as many parts, the same prefix."""
    member = parse_label(seq.members[0].clause.label)
    return len(label.parts) == len(member.parts) and label.parts[:-1] == member.parts[:-1]


def _label_part(word: str) -> str:
    """The label at the start of a word: "07.Liability" -> "07.", "(4)(weggefallen)" -> "(4)",
    "2.7.3You" -> "2.7.3"; "(c)" stays."""
    for i, ch in enumerate(word):
        following = word[i + 1] if i + 1 < len(word) else ""
        if ch in ".)" and following and not following.isdigit():
            return word[: i + 1]
        if ch.isdigit() and following.isalpha() and "." in word[:i]:
            return word[: i + 1]
    return word


def _labelled_elsewhere(seq: Sequence, k: int, missing: Missing) -> str:
    """A clause between that carries a missing number in the member's style, which the tree
    put in another list ("05." at line 539 while the list reads "04." then "06.")."""
    start, end = seq.region(k)
    style = seq.members[k].style
    for clause in seq.ordered[max(start + 1, 0) : end]:
        label = parse_label(clause.label)
        if (
            label.kind in (SCHEDULE, INSERTION, OTHER)
            or label.style() != style
            or not _same_shape(label, seq)
        ):
            continue
        if missing(value_in(label, seq.scope.family)):
            where = f" at line {clause.line}" if clause.line else ""
            return f"{label.raw} is written{where}, where the tree read it as another list's"
    return ""
