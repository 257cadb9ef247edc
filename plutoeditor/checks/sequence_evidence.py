"""What a numbering sequence shows about how sure its reading is: the facts the confidence
review (`checks/confidence.py`) weighs.

A scope's main sequence is its members with a number of the scope's family, in order. Where
a member goes back (a number at or below the one before it), the sequence may have restarted
because another list begins there, under a heading or inside the clause before, which the
tree did not show. Evidence of such a break, between two members:

- a line that reads as a heading stands between them, left in the body text, or a bare
  title (a clause with a heading and nothing else);
- the member opens at the first number right after text that does not end its sentence
  ("... in the following cases:"): a list inside the clause before;
- the two are written in different label styles ("a)" and "(b)").

Where a gap's missing numbers are written after all is `missing_numbers`'s question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plutoeditor.checks.heading_like import ends_sentence, looks_like_heading, plain
from plutoeditor.model.clause import Clause
from plutoeditor.model.numbering import INSERTION, OTHER, SCHEDULE, Scope, parse_label, value_in

#: Clauses looked through between two members; more than this reads as "far apart" anyway.
_LOOKED_AT_MOST = 400
#: Text quoted in a note.
_QUOTED_AT_MOST = 60


@dataclass
class Member:
    clause: Clause
    key: str  # the label's core, lower case: what a duplicate repeats
    value: int
    style: str
    at: int  # index in document order
    depth: int  # how many parts its label has


@dataclass
class Sequence:
    """A scope's main sequence and the document order it stands in."""

    scope: Scope
    members: list[Member]
    ordered: list[Clause]
    _breaks: dict[int, tuple[str, bool]] = field(default_factory=dict)

    def index(self, clause_id: str) -> int | None:
        return next((k for k, m in enumerate(self.members) if m.clause.id == clause_id), None)

    def break_before(self, k: int) -> str:
        """Why another list may begin at member k ("" when nothing says so); cached."""
        return self._break(k)[0]

    def misread_at(self, k: int) -> bool:
        """Whether the break before member k is itself a misreading (a title among plain
        items, a member read into another list), not just the start of another list."""
        return self._break(k)[1]

    def _break(self, k: int) -> tuple[str, bool]:
        if k <= 0:
            return "", False
        found = self._breaks.get(k)
        if found is None:
            found = self._breaks[k] = _break_before(self, k)
        return found

    def titles_between(self, k: int) -> list[str]:
        """The headings of bare titles (a heading and nothing else) between member k-1 and k."""
        start, end = self.members[k - 1].at, self.members[k].at
        return [
            f"{c.label.strip()} {c.heading.strip()}".strip()
            for c in self.ordered[start + 1 : min(end, start + 1 + _LOOKED_AT_MOST)]
            if c.heading.strip() and not c.text.strip()
        ]

    def region(self, k: int) -> tuple[int, int]:
        """Where to look for what stands before member k, in document order: from the member
        before it (or the scope's owner, for the first) to it."""
        end = self.members[k].at
        if k > 0:
            return self.members[k - 1].at, end
        owner = self.scope.owner
        start = next((i for i in range(end - 1, -1, -1) if self.ordered[i] is owner), -1) if owner else -1
        return max(start, end - _LOOKED_AT_MOST), end

    def between(self, k: int) -> list[str]:
        """The body lines between member k-1 and member k that are not a member's own first
        line: where a heading or a label the tree missed would stand."""
        start, end = self.region(k)
        lines: list[str] = []
        if start >= 0:
            first = self.ordered[start]
            # a member's first line is its own text; the owner's lines all stand before its list
            lines = list(first.paragraphs[1:] if k > 0 else first.paragraphs)
        for clause in self.ordered[start + 1 : min(end, start + 1 + _LOOKED_AT_MOST)]:
            if clause.label.strip():
                lines.extend(clause.paragraphs[1:])
            else:
                if clause.heading.strip():
                    lines.append(clause.heading)
                lines.extend(clause.paragraphs)
        return lines


def sequence_of(scope: Scope, ordered: list[Clause], at: dict[str, int]) -> Sequence:
    members: list[Member] = []
    for clause in scope.members:
        label = parse_label(clause.label)
        if label.kind in (SCHEDULE, INSERTION, OTHER) or not label.parts:
            continue
        value = value_in(label, scope.family)
        if value is None:  # written in another family: it still takes a number, as numbering counts
            value = (members[-1].value if members else scope.start) + 1
        key = label.core.lower()
        members.append(Member(clause, key, value, label.style(), at[clause.id], len(label.parts)))
    return Sequence(scope, members, ordered)


def _break_before(seq: Sequence, k: int) -> tuple[str, bool]:
    """(why another list may begin at member k, whether that is itself a misreading)."""
    before, member = seq.members[k - 1], seq.members[k]
    bare = next(iter(seq.titles_between(k)), None)
    if bare is not None:
        return f"after the title “{quote(bare)}”: another list may begin here", False
    heading = next((line for line in seq.between(k) if looks_like_heading(line)), None)
    if heading is not None:
        return f"after “{quote(heading)}”, which reads as a heading: another list may begin here", False
    if member.value == 1 and member.at > 0:
        lead_in = _last_line(seq.ordered[member.at - 1])
        if lead_in and not ends_sentence(lead_in) and not looks_like_heading(lead_in):
            return (
                f"right after “{quote(lead_in, tail=True)}”: it may be a list inside the clause before",
                False,
            )
    if _restyled(before, member):
        return f"written “{member.style}” after “{before.style}”: another list may begin here", False
    if _is_title(member.clause) != _is_title(before.clause):
        title = member.clause if _is_title(member.clause) else before.clause
        name = f"{title.label.strip()} {title.heading.strip()}"
        return f"“{quote(name)}” is a title beside list items: they may be different lists", True
    opened = _its_predecessor_between(seq, k)
    if opened is not None:
        where = f" at line {opened.line}" if opened.line else ""
        return f"it follows {opened.label.strip()}{where}, which the tree put in another list", True
    return "", False


def _its_predecessor_between(seq: Sequence, k: int) -> Clause | None:
    """A clause between member k-1 and k labelled like member k with the number just below it:
    the list member k goes on with ("1." at line 1152 before "2."), read into another scope."""
    member = seq.members[k]
    label = parse_label(member.clause.label)
    start, end = seq.region(k)
    for clause in seq.ordered[start + 1 : min(end, start + 1 + _LOOKED_AT_MOST)]:
        other = parse_label(clause.label)
        if other.kind in (SCHEDULE, INSERTION, OTHER) or other.style() != member.style:
            continue
        same_shape = len(other.parts) == len(label.parts) and other.parts[:-1] == label.parts[:-1]
        if same_shape and value_in(other, seq.scope.family) == member.value - 1:
            return clause
    return None


def _is_title(clause: Clause) -> bool:
    """A clause that is only a title ("13. Your legal rights"), not an item of running text."""
    return bool(clause.heading.strip()) and not clause.text.strip()


def open_sentence(seq: Sequence, k: int) -> str:
    """Why member k may not be a member at all: the text just before it does not end its
    sentence, so its number continues that sentence (a hard-wrapped "21. Lebensjahr") or opens
    a list inside it ("... that:" then "(aa)")."""
    member = seq.members[k]
    if member.at == 0:
        return ""
    before = _last_line(seq.ordered[member.at - 1])
    if not before.strip() or ends_sentence(before) or looks_like_heading(before):
        return ""
    if plain(before).endswith((":", "：")):
        if k == 0:
            return ""  # a list that opens after its lead-in: its first number is its own
        return f"right after “{quote(before, tail=True)}”: it may open a list inside the clause before"
    quoted = quote(before, tail=True)
    return f"right after “{quoted}”, which does not end its sentence: the number may be part of it"


def _restyled(before: Member, member: Member) -> bool:
    """Whether two members are written in different label styles. "4.1" and "4.1." are one
    style written carelessly (their many parts say what they are); "1" and "1." are not."""
    if member.style == before.style:
        return False
    dots = {member.style, before.style} == {"N", "N."}
    return not (dots and member.depth > 1 and before.depth > 1)


def _last_line(clause: Clause) -> str:
    """The clause's last line of text; "" for a title, which is no sentence."""
    paragraphs = clause.paragraphs
    return paragraphs[-1] if paragraphs else ""


def quote(line: str, tail: bool = False) -> str:
    """A line as a note quotes it: markup gone, cut to a few words."""
    text = " ".join(plain(line).split())
    if len(text) <= _QUOTED_AT_MOST:
        return text
    return "…" + text[-_QUOTED_AT_MOST:] if tail else text[:_QUOTED_AT_MOST] + "…"
