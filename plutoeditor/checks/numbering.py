"""Numbering checks: duplicates, gaps, order, wrong parents, skipped levels, label style.

Each scope is checked against its owner's label *as written*, so one wrong number is
reported once and does not make every clause below it look wrong too.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from plutoeditor.checks.finding import ERROR, NUMBERING, WARNING, Check, Finding, make
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.labels import ALPHA_LOWER, ALPHA_UPPER, ROMAN_LOWER, letter_families
from plutoeditor.model.numbering import (
    DECIMAL,
    INSERTION,
    OTHER,
    SCHEDULE,
    Label,
    Scope,
    expected_cores,
    format_label,
    format_number,
    member_family,
    parse_label,
    restarts,
    schedule_family,
    schedule_series_changes,
    schedule_value,
    value_in,
)


def check_scope(scope: Scope) -> list[Finding]:
    """Numbering findings for one scope's members, in member order."""
    owner = parse_label(scope.owner.label) if scope.owner is not None and not scope.is_root else None
    owner_core = owner.core if owner is not None and owner.kind != OTHER else ""
    labels = [parse_label(c.label) for c in scope.members]  # read once for every pass below
    expected = expected_cores(scope, owner_core, labels)
    findings, misplaced = _check_prefixes(scope, owner, expected, labels)
    findings += _check_sequence(scope, expected, None, misplaced, labels)
    words = {label.word.lower() for label in labels if label.word}
    for word in sorted(words):
        findings += _check_sequence(scope, expected, word, misplaced, labels)
    if len(findings) > 1:
        order = {c.id: i for i, c in enumerate(scope.members)}
        findings.sort(key=lambda f: order.get(f.clause_id, 0))
    return findings


def _inserted(label: Label) -> bool:
    """ "1.0.1" before "1.1": a clause inserted at the head of section 1 (the Mozilla family's
    licences), numbered outside its siblings' count, as "1A" is after "1"."""
    return label.kind == "number" and len(label.parts) > 2 and "0" in label.parts[1:-1]


def _auto_numbered(labels: list[Label]) -> bool:
    """A Markdown list written "1. 1. 1.": the renderer numbers it, so no duplicates."""
    return len(labels) > 1 and all(label.parts == ("1",) for label in labels)


def _check_sequence(
    scope: Scope,
    expected: list[str],
    word: str | None,
    misplaced: frozenset[str],
    labels: list[Label],
) -> list[Finding]:
    """Duplicates, gaps and order in the main sequence (word None) or one "Schedule N" sequence.

    Members in `misplaced` (already reported as under the wrong parent) are left out: their
    numbers belong to another parent, so they are neither duplicates nor gaps here.
    `labels` are the members' labels, parsed.
    """
    schedules = word is not None
    findings: list[Finding] = []
    if not schedules and _auto_numbered(labels):
        return findings
    members: list[tuple[Clause, Label, str, int | None]] = []
    for clause, core, label in zip(scope.members, expected, labels, strict=True):
        if (label.kind == SCHEDULE) != schedules or label.kind in (INSERTION, OTHER) or _inserted(label):
            continue
        if (schedules and label.word.lower() != word) or clause.id in misplaced:
            continue
        value = schedule_value(label, scope) if schedules else value_in(label, scope.family)
        members.append((clause, label, core, value))
    if not schedules and scope.family in (ALPHA_LOWER, ALPHA_UPPER):
        members = _doubled_letters_read_as_numerals(members)
    present = {value for _, _, _, value in members if value is not None}
    sorted_present = sorted(present)
    prev = scope.word_starts.get(word or "", 0) if schedules else scope.start or scope.written_before
    seen: dict[str, Clause] = {}  # the full label as written (normalised) -> its first clause
    runs: dict[str, list[Clause]] = {}  # the same -> every clause so numbered since the list began
    counted = False  # whether a member's number has been read yet
    sections = not schedules and _under_unnumbered_heading(scope)
    prefix: tuple[str, ...] | None = None
    series: str | None = None  # the schedule family read last: "ANNEX A" then "ANNEX I" restarts
    reaimed: set[int] = set()  # members whose repeat is reported at their mistyped twin instead
    reported: int | None = None  # the member whose repeat was reported last
    for i, (clause, label, core, value) in enumerate(members):
        if schedules:
            if schedule_series_changes(label, scope, series):
                prev, seen, runs, counted = 0, {}, {}, False
            series = schedule_family(label, scope)
        if value is None:  # written in another style: it still takes a number
            prev, counted = prev + 1, True
            continue
        if sections and label.parts[:-1] != prefix:
            # under a heading without a label, 1.3 after 1.2.3 starts another section's count
            if prefix is not None:
                prev = value - 1
            prefix = label.parts[:-1]
        if not schedules and restarts(scope, clause, label, counted):
            prev, seen, runs = 0, {}, {}  # a new list after a paragraph: "1. 2. <text> 1. 2."
        key = label.core.lower()
        absent = _absent(prev, value, present, sorted_present) if value > prev + 1 else None
        if key in seen or absent is not None or value <= prev:
            want = format_label(label, core)
            name = clause.label.strip()
        twin = _mistyped_twin(members, i, prev, present) if key not in seen and absent else None
        if twin is not None:  # "5.2 5.4 5.4": the first 5.4 is 5.3 mistyped, the second is in place
            reaimed.add(i + 1)
            want = format_label(label, _with_number(label, scope, prev + 1, schedules))
            where = f" (also at line {twin.line})" if twin.line else ""
            findings.append(
                make(
                    "duplicate-number",
                    clause.id,
                    name,
                    f"Number used twice{where}; its position calls for {want}",
                    clause.line,
                    want,
                )
            )
        elif i in reaimed or (key in seen and _in_place_after_repeats(members, i, reported)):
            pass
        elif key in seen:
            reported = i
            where = _used_where(members, i, key, runs[key])
            after = _label_before(members, i, prev)
            following = format_label(label, _with_number(label, scope, prev + 1, schedules))
            taken = i + 1 < len(members) and members[i + 1][3] == prev + 1  # "1.6 1.6 1.7": not 1.7
            if after is not None and value <= prev and following != want and not taken:
                # "(a) (b) (c) (e) (f) (e)": after (f) a reader looks for (g), whatever the count says
                want = following
                calls = f"; after {after} it would be {want}"
            else:
                # "(f)" twice where the second stands where f belongs: the position names no other number
                calls = f"; its position calls for {want}" if want != name else ""
            findings.append(
                make(
                    "duplicate-number",
                    clause.id,
                    name,
                    f"Number used {where}{calls}",
                    clause.line,
                    want,
                )
            )
        elif absent is not None:
            missing = _missing(label, scope, absent, schedules)
            findings.append(
                make(
                    "numbering-gap",
                    clause.id,
                    name,
                    f"{missing} missing: {name} comes after "
                    + (
                        _label_before(members, i, prev) or _with_number(label, scope, prev, schedules)
                        if prev > 0 or counted
                        else "the start of the list"
                    ),
                    clause.line,
                    want,
                )
            )
        elif value <= prev:
            after = _label_before(members, i, prev) or _with_number(label, scope, prev, schedules)
            before = _belongs_before(members, i)
            # "(b) (c) (d) (a)": (a) belongs before (b), not where (d) is
            belongs = f"it belongs before {before}" if before else f"its position calls for {want}"
            findings.append(
                make(
                    "out-of-order",
                    clause.id,
                    name,
                    f"Out of order: {name} comes after {after}; {belongs}",
                    clause.line,
                    want,
                )
            )
        seen.setdefault(key, clause)
        runs.setdefault(key, []).append(clause)
        prev, counted = value, True
    return findings


_Member = tuple[Clause, Label, str, int | None]


def _label_before(members: list[_Member], i: int, prev: int) -> str | None:
    """The label of the member right before member i, as written, when the count went on from it."""
    if i == 0 or members[i - 1][3] != prev:
        return None
    return members[i - 1][0].label.strip() or None


def _belongs_before(members: list[_Member], i: int) -> str:
    """The label of the earlier member that member i fits right before ("(a)" before "(b)" in
    "(b) (c) (d) (a)"): the first greater one of its own prefix, after one smaller or the start."""
    value, prefix = members[i][3], members[i][1].parts[:-1]
    if value is None:
        return ""
    for j in range(i):
        if members[j][1].parts[:-1] != prefix or members[j][3] is None:
            continue
        if members[j][3] > value:  # type: ignore[operator]
            previous = members[j - 1][3] if j > 0 else None
            fits = previous is None or previous < value
            return members[j][0].label.strip() if fits else ""
    return ""


def _used_where(members: list[_Member], i: int, key: str, earlier: list[Clause]) -> str:
    """ "twice (also at line 345)", or "3 times (also at lines 345 and 355)": the members of this
    run written with member i's number before it, and a repeat right after it that stands where
    the number belongs ("e, f, f, f, g": the middle f names both others)."""
    others = list(earlier)
    if (
        i + 1 < len(members)
        and members[i + 1][1].core.lower() == key
        and _in_place_after_repeats(members, i + 1, i)
    ):
        others.append(members[i + 1][0])
    lines = [c.line for c in others if c.line]
    times = "twice" if len(others) <= 1 else f"{len(others) + 1} times"
    if not lines:
        return times
    shown = ", ".join(str(n) for n in lines[:-1]) + f" and {lines[-1]}" if len(lines) > 1 else str(lines[0])
    return f"{times} (also at line{'s' if len(lines) > 1 else ''} {shown})"


def _mistyped_twin(members: list[_Member], i: int, prev: int, present: set[int]) -> Clause | None:
    """The twin right after member i when member i is the one mistyped: "5.2, 5.4, 5.4" leaves out
    5.3 just where the first 5.4 stands, and the second 5.4 is where 5.4 belongs (nothing after it,
    or 5.5). None otherwise: "5.2, 5.4, 5.4, 5.6" does not say which one is wrong."""
    value = members[i][3]
    if value is None or value != prev + 2 or prev + 1 in present or i + 1 >= len(members):
        return None
    twin, twin_label, _, twin_value = members[i + 1]
    if twin_value != value or twin_label.core.lower() != members[i][1].core.lower():
        return None
    after = members[i + 2][3] if i + 2 < len(members) else value + 1
    return twin if after == value + 1 else None


def _in_place_after_repeats(members: list[_Member], i: int, reported: int | None) -> bool:
    """Whether member i is the last of three or more of one number with the next number after it
    ("e, f, f, f, g"), the repeat before it already reported: it stands where its number belongs."""
    if reported is None or reported != i - 1 or i + 1 >= len(members):
        return False
    value, following = members[i][3], members[i + 1][3]
    return value is not None and following == value + 1 and members[i - 1][3] == value


def _doubled_letters_read_as_numerals(
    members: list[tuple[Clause, Label, str, int | None]],
) -> list[tuple[Clause, Label, str, int | None]]:
    """In a letter list, "(ii)" is the doubled letter after "(hh)" only when "(hh)" is there;
    otherwise it is the roman numeral two of a list misread into this one ("(h)" then "(ii)"),
    so it takes no letter's number here: no gap from "h" to "hh", no duplicate of another "(ii)"."""
    values = {value for _, _, _, value in members if value is not None}
    return [
        (clause, label, core, None)
        if value is not None
        and value > 26
        and value - 1 not in values
        and len(label.last) > 1
        and ROMAN_LOWER in letter_families(label.last.lower())
        else (clause, label, core, value)
        for clause, label, core, value in members
    ]


def _with_number(label: Label, scope: Scope, n: int, schedules: bool) -> str:
    """The label with its last part replaced by n (same family, prefix and decoration)."""
    if schedules:
        return f"{label.word} {format_number(n, schedule_family(label, scope))}"
    parts = list(label.parts)
    parts[-1] = format_number(n, scope.family)
    return ".".join(parts)


#: A longer run of missing numbers is counted, not shown as a range.
_LISTED_AT_MOST = 99


def _absent(prev: int, value: int, present: set[int], ordered: list[int]) -> tuple[int, int, int] | None:
    """(how many, lowest, highest) of the numbers between prev and value that no member has.

    Swapped members are not gaps. Counted, never listed: "99999999999" after "1" is one finding
    about 99,999,999,997 numbers, worked out in O(log n).
    """
    inside = bisect_left(ordered, value) - bisect_right(ordered, prev)
    count = value - prev - 1 - inside
    if count <= 0:
        return None
    low = prev + 1
    while low in present:
        low += 1
    high = value - 1
    while high in present:
        high -= 1
    return count, low, high


def _missing(label: Label, scope: Scope, absent: tuple[int, int, int], schedules: bool) -> str:
    count, low, high = absent
    first = _bracketed(label, _with_number(label, scope, low, schedules))
    if count == 1:
        return f"{first} is"
    if count > _LISTED_AT_MOST:
        return f"{count:,} numbers are"
    last = _bracketed(label, _with_number(label, scope, high, schedules))
    if count != high - low + 1:  # some in between were written elsewhere in the list
        return f"{count} numbers between {first} and {last} are"
    return f"{first}–{last} are"


def _bracketed(label: Label, core: str) -> str:
    """A missing number written as the list writes it when its labels are bracketed ("(iii)"
    between "(ii)" and "(iv)"); "5" for "5." stays bare, as it reads."""
    return format_label(label, core) if "(" in label.prefix or ")" in label.suffix else core


def _check_prefixes(
    scope: Scope, owner: Label | None, expected: list[str], labels: list[Label]
) -> tuple[list[Finding], frozenset[str]]:
    """Hierarchical labels must start with their owner's label: 2.16's children read 2.16.n.

    Returns the findings and the ids of the members under the wrong parent.
    """
    if scope.family != DECIMAL or (owner is not None and owner.kind == OTHER):
        return [], frozenset()
    if _under_unnumbered_heading(scope):
        return [], frozenset()
    owner_parts = (owner.parts if owner.kind != SCHEDULE else (owner.last,)) if owner is not None else ()
    runs: list[tuple[str, list[tuple[Clause, str]]]] = []  # (code, [(clause, expected core)])
    current_key: tuple[str, tuple[str, ...]] | None = None
    root = scope.is_root
    for clause, core, label in zip(scope.members, expected, labels, strict=True):
        if member_family(label, root)[0] not in (DECIMAL, INSERTION) or not label.parts:
            current_key = None
            continue
        if _inserted(label):
            continue
        prefix = label.parts[:-1]
        if prefix == owner_parts:
            current_key = None
            continue
        deeper = len(prefix) > len(owner_parts) and prefix[: len(owner_parts)] == owner_parts
        code = "skipped-level" if deeper else "wrong-parent"
        key = (code, prefix)
        if key != current_key:
            runs.append((code, []))
            current_key = key
        runs[-1][1].append((clause, core))
    misplaced = frozenset(c.id for code, run in runs if code == "wrong-parent" for c, _ in run)
    return [_run_finding(code, run, owner) for code, run in runs], misplaced


def _under_unnumbered_heading(scope: Scope) -> bool:
    """Clauses under a heading without a label ("G1: Know your obligations", "Verification
    material:"): the heading may stand for the level their labels assume (1.1 under "G1"), so
    their prefixes are no evidence of a skipped level or a wrong parent."""
    owner = scope.owner
    return owner is not None and not owner.label.strip() and owner.kind is not ClauseKind.SCHEDULE


def _run_finding(code: str, run: list[tuple[Clause, str]], owner: Label | None) -> Finding:
    first, first_core = run[0]
    last, last_core = run[-1]
    written = first.label.strip() if len(run) == 1 else f"{first.label.strip()}–{last.label.strip()}"
    want = format_label(parse_label(first.label), first_core)
    wants = want if len(run) == 1 else f"{want}–{format_label(parse_label(last.label), last_core)}"
    verb = "is" if len(run) == 1 else "are"
    if code == "wrong-parent":
        under = f"under {owner.raw}" if owner is not None else "at the top level"
        message = f"{written} {verb} {under}; expected {wants}"
    else:
        under = f"directly under {owner.raw}" if owner is not None else "at the top level"
        message = f"{written} {verb} {under}: a level is skipped; expected {wants}"
    return make(code, first.id, first.label.strip(), message, first.line, want)


def _style_groups(scopes: list[Scope]) -> list[list[tuple[Clause, Label]]]:
    """Numbered clauses grouped by family and level: the clauses whose styles should agree."""
    groups: dict[tuple[str, int], list[tuple[Clause, Label]]] = defaultdict(list)
    for scope in scopes:
        for clause in scope.members:
            label = parse_label(clause.label)
            if label.kind in (OTHER, SCHEDULE):
                continue
            depth = len(label.parts) if scope.family == DECIMAL else 0
            groups[(scope.family, depth)].append((clause, label))
    return list(groups.values())


def _by_style(members: list[tuple[Clause, Label]]) -> tuple[str, dict[str, list[tuple[Clause, Label]]]]:
    by_style: dict[str, list[tuple[Clause, Label]]] = defaultdict(list)
    for clause, label in members:
        by_style[label.style()].append((clause, label))
    usual = max(by_style, key=lambda s: len(by_style[s]))  # ties: the first written
    return usual, by_style


def restyle_labels(scopes: list[Scope], clause: Clause) -> dict[str, str]:
    """clause id -> label in the usual style, for the clauses written like `clause` at its level."""
    for members in _style_groups(scopes):
        if any(c is clause for c, _ in members):
            usual, by_style = _by_style(members)
            example = by_style[usual][0][1]
            style = parse_label(clause.label).style()
            return (
                {
                    c.id: f"{example.prefix}{label.core}{example.suffix}"
                    for c, label in by_style.get(style, [])
                }
                if style != usual
                else {}
            )
    return {}


_StyleSummary = tuple[tuple[tuple[str, int], str, tuple[int, ...]], ...]


@lru_cache(maxsize=8192)
def _scope_styles(family: str, labels: tuple[str, ...]) -> _StyleSummary:
    """One scope's labels summarised: (level group, style, indexes of the labels so written)."""
    found: dict[tuple[tuple[str, int], str], list[int]] = {}
    for i, raw in enumerate(labels):
        label = parse_label(raw)
        if label.kind in (OTHER, SCHEDULE):
            continue
        group = (family, len(label.parts) if family == DECIMAL else 0)
        found.setdefault((group, label.style()), []).append(i)
    return tuple((group, style, tuple(indexes)) for (group, style), indexes in found.items())


def check_label_styles(
    scopes: list[Scope], position: Callable[[Clause], tuple[int, ...]] | None = None
) -> list[Finding]:
    """One warning per label style that deviates from the usual style at its level.

    Each scope's summary is cached, so re-checking after an edit costs one pass over scopes.
    `position` gives document order (the first clause written in a deviating style is the
    one reported); without it, scope order is used.
    """
    # group -> style -> [count, first (scope, index), first clause of each scope, some labels]
    groups: dict[tuple[str, int], dict[str, list]] = {}  # type: ignore[type-arg]
    for n, scope in enumerate(scopes):
        members = scope.members
        for group, style, indexes in _scope_styles(scope.family, tuple([c.label for c in members])):
            first = members[indexes[0]]
            entry = groups.setdefault(group, {}).setdefault(style, [0, (n, indexes[0]), [], []])
            entry[0] += len(indexes)
            entry[2].append(first)
            if len(entry[3]) < 3:
                entry[3].extend(members[i].label.strip() for i in indexes[: 3 - len(entry[3])])
    findings = []
    for styles in groups.values():
        if len(styles) < 2:
            continue
        total = sum(entry[0] for entry in styles.values())
        usual = max(styles, key=lambda st: (styles[st][0], -styles[st][1][0], -styles[st][1][1]))
        prefix, suffix = usual.split("N", 1)
        for style, (count, _, firsts, some) in styles.items():
            if style == usual:
                continue
            clause = min(firsts, key=position) if position is not None else firsts[0]
            core = parse_label(clause.label).core
            also = f" ({count} labels, e.g. {', '.join(some)})" if count > 1 else ""
            findings.append(
                make(
                    "label-style",
                    clause.id,
                    clause.label.strip(),
                    f"Label written as {_show(style)} but most labels at this level are written as "
                    f"{_show(usual)} ({styles[usual][0]} of {total}){also}",
                    clause.line,
                    f"{prefix}{core}{suffix}",
                )
            )
    return findings


def _show(style: str) -> str:
    return f"“{style}”"


#: The codes about a clause's number itself (label-style is about how it is written).
NUMBERING_CODES = ("wrong-parent", "skipped-level", "duplicate-number", "numbering-gap", "out-of-order")

#: Label styles (`check_label_styles`) are compared across scopes, by the Checker after the scopes.
CHECK = Check(
    "numbering", {**dict.fromkeys(NUMBERING_CODES, ERROR), "label-style": WARNING}, NUMBERING, check_scope
)
