"""A compact text notation for small clause trees, for fixtures and test assertions.

One clause a line, two spaces of indent per level:

    [1] Introduction |
      [1.1] This policy applies to you.
      [] An unnumbered paragraph.
    def [] Personal Data | any information about you
    sched [] Cookie Schedule |

`[label]` is the label as written (`[]` for none); `heading | text` splits heading from
text (no `|` means text only); a leading `def` or `sched` sets the kind; `\\n` in text
separates paragraphs.
"""

from __future__ import annotations

import re

from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy

_LINE = re.compile(r"^(?P<indent> *)(?:(?P<kind>def|sched) )?\[(?P<label>[^\]]*)\] ?(?P<rest>.*)$")
_KINDS = {"def": ClauseKind.DEFINITION, "sched": ClauseKind.SCHEDULE}
_KIND_WORDS = {v: k for k, v in _KINDS.items()}


def parse_tree(notation: str) -> Policy:
    """Build a policy from the notation (ids are fresh)."""
    roots: list[Clause] = []
    stack: list[tuple[int, Clause]] = []
    for number, raw in enumerate(notation.splitlines(), start=1):
        if not raw.strip():
            continue
        match = _LINE.match(raw)
        if not match:
            raise ValueError(f"line {number}: cannot read {raw!r}")
        depth = len(match["indent"]) // 2
        rest = match["rest"]
        heading, text = (p.strip() for p in rest.split("|", 1)) if "|" in rest else ("", rest.strip())
        clause = Clause(
            label=match["label"],
            heading=heading,
            text=text.replace("\\n", "\n"),
            kind=_KINDS.get(match["kind"] or "", ClauseKind.CLAUSE),
            source_line=number,
        )
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            parent = stack[-1][1]
            parent.children.append(clause)
            clause.parent = parent
        else:
            roots.append(clause)
        stack.append((depth, clause))
    return Policy(clauses=roots)


def format_tree(policy: Policy, text: bool = True) -> str:
    """The notation for a policy (with `text=False`, labels and headings only)."""
    lines = []
    for clause, depth in policy.walk_with_depth():
        kind = _KIND_WORDS.get(clause.kind)
        prefix = "  " * depth + (f"{kind} " if kind else "") + f"[{clause.label}]"
        body = clause.text.replace("\n", "\\n") if text else ""
        if clause.heading:
            body = f"{clause.heading} | {body}".rstrip()
        lines.append(f"{prefix} {body}".rstrip())
    return "\n".join(lines)
