"""Numbering: read labels as written and derive the label each clause's position calls for.

A *scope* is one run of numbered siblings: the numbered clauses under one owner (a numbered
clause, or the document). Schedules and unnumbered headings ("# Terms for Sponsors")
restart at 1 with no prefix. A Markdown list written "1. 1. 1." is auto-numbered, not a
run of duplicates.

Each scope has one numbering *family*: hierarchical ``decimal`` (1 / 1.1 / 1.1.1), or a
local list style (``number`` 1., ``alpha-lower`` (a), ``alpha-upper`` A., ``roman-lower``
(i), ``roman-upper`` I.). Insertions such as 1A or 4.1A are kept as written and do not
take a number; "Schedule 1" labels count on their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.labels import (
    ALPHA_LOWER,
    ALPHA_UPPER,
    DECIMAL,
    INSERTION,
    NUMBER,
    OTHER,
    ROMAN_LOWER,
    ROMAN_UPPER,
    SCHEDULE,
    Label,
    alpha_value,
    format_label,
    format_number,
    is_roman,
    letter_families,
    parse_label,
    roman_value,
    value_in,
)
from plutoeditor.model.policy import Policy

__all__ = [  # the label pieces numbering works with, for the modules that import them from here
    "ALPHA_LOWER",
    "ALPHA_UPPER",
    "DECIMAL",
    "INSERTION",
    "NUMBER",
    "OTHER",
    "ROMAN_LOWER",
    "ROMAN_UPPER",
    "SCHEDULE",
    "Label",
    "Scope",
    "expected_cores",
    "expected_labels",
    "expected_numbers",
    "format_label",
    "format_number",
    "labels_of_scopes",
    "member_family",
    "parse_label",
    "restarts",
    "schedule_family",
    "schedule_series_changes",
    "schedule_value",
    "scope_family",
    "scopes",
    "style_group",
    "usual_styles",
    "value_in",
]


# -- scopes ---------------------------------------------------------------------------


@dataclass(eq=False)
class Scope:
    """The numbered clauses under one owner (None = the document), in document order."""

    owner: Clause | None
    members: list[Clause] = field(default_factory=list)
    family: str = DECIMAL
    #: The number before the first member: 0, -1 for a list from 0, or the last number before
    #: an unnumbered heading when the numbering runs on across it ("(2)" after "(1)").
    start: int = 0
    #: The same for the labels positions call for: a run-on continues from the number the
    #: previous clause's position calls for, so renumbering keeps the numbering running on.
    expected_start: int = 0
    #: The last number written before an unnumbered heading when the list under it opens
    #: further on ("4." then a heading and "6."): the numbers missing are counted from it.
    written_before: int = 0
    #: Members that follow an unnumbered paragraph among the owner's children.
    after_text: set[str] = field(default_factory=set)
    #: Per schedule word ("article"): the number before its first label when that numbering runs
    #: on from the part before ("ARTICLE 5" under PART I, then "ARTICLE 6" under PART II).
    word_starts: dict[str, int] = field(default_factory=dict)
    _schedule_families: dict[str, str] | None = field(default=None, repr=False)

    @property
    def schedule_families(self) -> dict[str, str]:
        """Per schedule word ("annex"): the family its numbers are written in (ANNEX I, II: roman)."""
        if self._schedule_families is None:
            self._schedule_families = _schedule_families(self.members)
        return self._schedule_families

    @property
    def is_root(self) -> bool:
        """The document, schedules and unnumbered headings number from 1 with no prefix."""
        owner = self.owner
        return owner is None or owner.kind is ClauseKind.SCHEDULE or not owner.label.strip()


def member_family(label: Label, root: bool) -> tuple[str, ...]:
    """Families a label could belong to in a scope (several when "i" is ambiguous)."""
    if label.kind == SCHEDULE:
        return (SCHEDULE,)
    if label.kind == INSERTION:
        return (INSERTION,)
    if label.kind == "number":
        return (DECIMAL,) if root or len(label.parts) > 1 else (NUMBER,)
    if label.kind == "letters":
        # "(XXXX)" is neither a letter nor a roman numeral: a placeholder, not a number
        return (DECIMAL,) if len(label.parts) > 1 else letter_families(label.last) or (OTHER,)
    return (OTHER,)


def scope_family(members: list[Clause], root: bool) -> str:
    """The family most of a scope's labels are written in (ambiguous letters resolved)."""
    return _family_of_labels(tuple([c.label for c in members]), root)


@lru_cache(maxsize=8192)
def _family_of_labels(labels: tuple[str, ...], root: bool) -> str:
    options = [member_family(parse_label(label), root) for label in labels]
    certain = Counter(o[0] for o in options if len(o) == 1 and o[0] not in (SCHEDULE, INSERTION, OTHER))
    counts = Counter(certain)
    ambiguous = [(label, o) for label, o in zip(labels, options, strict=True) if len(o) > 1]
    if ambiguous:  # "i": roman if the list has other roman numerals or starts with "i"
        starts_roman = parse_label(ambiguous[0][0]).last.lower() == "i"
        for _, option in ambiguous:
            known = [f for f in option if certain.get(f)]
            counts[known[0] if known else option[1] if starts_roman else option[0]] += 1
    if not counts:
        return DECIMAL if root else NUMBER
    return counts.most_common(1)[0][0]


def scopes(policy: Policy) -> list[Scope]:
    """Every scope of the document, owners before the scopes inside them. O(n)."""
    result: list[Scope] = []
    # the scope of an unnumbered heading -> what numbered stood before it among its siblings,
    # and the scope that is (or holds) it
    before: dict[int, tuple[Clause | Scope, Scope]] = {}

    top = Scope(None)
    result.append(top)
    _collect(policy.clauses, top, result, before)  # not a closure: one would refer to itself, a cycle
    for scope in result:  # owners' and earlier siblings' scopes come first
        if scope.members:
            scope.family = scope_family(scope.members, scope.is_root)
            if id(scope) in before:
                _run_on(scope, *before[id(scope)])
            else:
                scope.start = scope.expected_start = _start(scope, None)
    return [s for s in result if s.members]


def _collect(
    children: list[Clause],
    scope: Scope,
    result: list[Scope],
    before: dict[int, tuple[Clause | Scope, Scope]],
) -> None:
    """The members of `scope` among `children`, and the scopes below them (see `scopes`)."""
    last: tuple[Clause | Scope, Scope] | None = None
    text_between = False  # an unnumbered paragraph since the last numbered clause
    members = scope.members
    for clause in children:
        label = clause.label
        numbered = bool(label) and not label.isspace()
        if numbered:
            if text_between and members:
                scope.after_text.add(clause.id)
            members.append(clause)
            text_between = False
        elif not text_between:
            text_between = not (clause.text.isspace() or not clause.text) or bool(clause.heading.strip())
        if clause.children:
            own = Scope(clause)
            result.append(own)
            _collect(clause.children, own, result, before)
            # only an unnumbered heading or a "Part II" lets numbering run on into it
            if own.members and (not numbered or label.lstrip()[:1].isalpha()) and _may_run_on(clause):
                if last is not None:
                    before[id(own)] = last
                last = (own, own)
                continue
        if numbered:
            last = (clause, scope)


def _run_on(scope: Scope, earlier: Clause | Scope, holder: Scope) -> None:
    """`Scope.start` and `expected_start` of a scope that may continue `earlier` (in `holder`)."""
    start = _start(scope, earlier, holder.family)
    if start == 0 and holder.family != scope.family:
        family, scope.family = scope.family, holder.family  # "(iii)", heading, "(iv)": roman
        start = _start(scope, earlier, holder.family)
        if start <= 0:
            scope.family, start = family, _start(scope, earlier, holder.family)
    scope.start = scope.expected_start = start
    _run_on_words(scope, earlier)
    if start == 0:
        scope.written_before = _written_before(scope, earlier, holder.family)
    if start > 0:  # runs on from the number the earlier clause's position calls for
        numbers = expected_numbers(holder)
        expected = numbers[-1][1] if earlier is holder else dict(numbers).get(id(earlier))
        scope.expected_start = expected if expected is not None else start


def _run_on_words(scope: Scope, earlier: Clause | Scope) -> None:
    """`Scope.word_starts`: a scope opening with "ARTICLE 6" whose part before ends with "ARTICLE 5"."""
    first = parse_label(scope.members[0].label)
    if first.kind != SCHEDULE:
        return
    word = first.word.lower()
    before = earlier.members if isinstance(earlier, Scope) else [earlier]
    last = next(
        (parse_label(c.label) for c in reversed(before) if parse_label(c.label).word.lower() == word), None
    )
    if last is None or last.kind != SCHEDULE:
        return
    value, ends = (
        schedule_value(first, scope),
        schedule_value(last, earlier if isinstance(earlier, Scope) else None),
    )
    if value is not None and ends is not None and value == ends + 1:
        scope.word_starts[word] = ends


def expected_numbers(scope: Scope) -> list[tuple[int, int]]:
    """(id(member), the number its position calls for) for the members that take a number."""
    found: list[tuple[int, int]] = []
    n = scope.expected_start
    keeps_insertions = scope.family in (DECIMAL, NUMBER)  # as `expected_cores` counts them
    for clause in scope.members:
        label = parse_label(clause.label)
        if label.kind in (SCHEDULE, OTHER) or (label.kind == INSERTION and keeps_insertions):
            continue
        n = 1 if restarts(scope, clause, label, n > scope.expected_start) else n + 1
        found.append((id(clause), n))
    return found or [(0, n)]


def restarts(scope: Scope, clause: Clause, label: Label, counted_before: bool) -> bool:
    """Whether a member starts a new list in its scope: "1." (or "(a)", "i.") again after an
    unnumbered paragraph, as in "1. 2. 3. <paragraph> 1. 2.". Not "2.1" again: a full
    hierarchical label repeated is a duplicate."""
    return (
        counted_before
        and clause.id in scope.after_text
        and len(label.parts) == 1
        and value_in(label, scope.family) == 1
    )


def _may_run_on(owner: Clause) -> bool:
    """Whether numbering may run on into this clause's children from before it: under an
    unnumbered heading ("Permission to Distribute") or a "Part II" division, not a schedule."""
    if owner.kind is ClauseKind.SCHEDULE:
        return False
    label = parse_label(owner.label)
    return not label.raw or (label.kind == SCHEDULE and label.word.lower() == "part")


def _start(scope: Scope, before: Clause | Scope | None, before_family: str | None = None) -> int:
    """The number before a scope's first member (see `Scope.start`); a run-on needs what stands
    before to be numbered in the same family and style."""
    first = next((parse_label(c.label) for c in scope.members), None)
    if first is None or first.kind in (SCHEDULE, INSERTION, OTHER) or len(first.parts) != 1:
        return 0
    value = value_in(first, scope.family)
    if value == 0 and scope.family in (DECIMAL, NUMBER):
        return -1
    if value is None or value <= 1 or before is None or before_family != scope.family:
        return 0
    if isinstance(before, Scope):  # the last number under the heading before
        last = parse_label(before.members[-1].label)
        ends = _end(before) if last.style() == first.style() else None
    else:
        label = parse_label(before.label)
        ends = (
            value_in(label, scope.family)
            if len(label.parts) == 1 and label.style() == first.style()
            else None
        )
    return value - 1 if ends == value - 1 else 0


def _written_before(scope: Scope, before: Clause | Scope, before_family: str) -> int:
    """The number written just before a scope that opens beyond it ("4." before "6."), else 0."""
    first = parse_label(scope.members[0].label)
    value = value_in(first, scope.family) if first.kind not in (SCHEDULE, INSERTION, OTHER) else None
    if value is None or len(first.parts) != 1 or before_family != scope.family:
        return 0
    if isinstance(before, Scope):
        last = parse_label(before.members[-1].label)
        written = [c for c in before.owner.walk() if c.label.strip()] if before.owner is not None else []
        if not written or written[-1] is not before.members[-1]:
            return 0  # numbers written deeper under the heading before: not counted here
        ends = _end(before) if last.style() == first.style() else None
    else:
        label = parse_label(before.label)
        same = len(label.parts) == 1 and label.style() == first.style()
        ends = value_in(label, scope.family) if same else None
    return ends if ends is not None and 0 < ends < value - 1 else 0


def _end(scope: Scope) -> int | None:
    """The number of a scope's last member, if it is written in the scope's family."""
    last = parse_label(scope.members[-1].label)
    if last.kind in (SCHEDULE, INSERTION, OTHER) or len(last.parts) != 1:
        return None
    return value_in(last, scope.family)


# -- expected labels --------------------------------------------------------------------


def expected_cores(scope: Scope, owner_core: str, labels: list[Label] | None = None) -> list[str]:
    """The core (undecorated label) each member's position calls for, in member order.

    `labels`: the members' labels, when the caller has parsed them already.
    """
    result: list[str] = []
    n = scope.expected_start
    schedules: Counter[str] = Counter()  # "Section 1, 2" and "Exhibit A, B" count apart
    series: dict[str, str] = {}  # schedule word -> the family of its last label (a new one restarts)
    if scope.owner is not None and parse_label(scope.owner.label).kind == SCHEDULE:
        owner_core = owner_core.rsplit(" ", 1)[-1]  # "SECTION 1" numbers its clauses 1.1, 1.2
    prefix = "" if scope.is_root or not owner_core else owner_core + "."
    if labels is None:
        labels = [parse_label(c.label) for c in scope.members]
    for clause, label in zip(scope.members, labels, strict=True):
        if label.kind == SCHEDULE:
            word, family = label.word.lower(), schedule_family(label, scope)
            if word not in series:
                schedules[word] = scope.word_starts.get(word, 0)
            elif schedule_series_changes(label, scope, series.get(word)):
                schedules[word] = 0
            series[word] = family
            schedules[word] += 1
            number = format_number(schedules[word], family)
            result.append(f"{label.word} {number}")
        elif label.kind == INSERTION and scope.family in (DECIMAL, NUMBER):
            letters = label.last.lstrip("0123456789")
            own = prefix if scope.family == DECIMAL else ""
            # an insertion follows the clause before it; before the first, it keeps its number
            result.append(own + (str(n) + letters if n else label.last))
        elif label.kind == OTHER:
            result.append(label.core or label.raw)
        else:
            n = 1 if restarts(scope, clause, label, n > scope.expected_start) else n + 1
            number = format_number(n, scope.family)
            result.append(prefix + number if scope.family == DECIMAL else number)
    return result


#: A schedule word whose letters ("ANNEX A") are followed by a second series in roman numerals
#: ("ANNEX I", "ANNEX II"): an instrument's own annex, then the annexes of one embedded in it.
LETTERS_THEN_ROMAN = "letters-then-roman"


def schedule_family(label: Label, scope: Scope | None = None) -> str:
    """Schedules are numbered 1, 2 or A, B or I, II (as the scope's schedules of that word are)."""
    num = label.last
    if num.isdigit():
        return NUMBER
    family = scope.schedule_families.get(label.word.lower()) if scope is not None else None
    if family == ROMAN_UPPER:
        return ROMAN_UPPER if is_roman(num) else ALPHA_UPPER
    if family == LETTERS_THEN_ROMAN:  # "C" is a letter there, "I" and "II" are numerals
        return ROMAN_UPPER if num.upper() == "I" or (len(num) > 1 and is_roman(num)) else ALPHA_UPPER
    return ROMAN_UPPER if len(num) > 1 else ALPHA_UPPER


def _schedule_families(members: list[Clause]) -> dict[str, str]:
    """Schedule word -> ROMAN_UPPER when its letters are roman numerals: "ANNEX I", "ANNEX II".

    A lone "I" (or "I" first, then only I, V, X) is one, not the ninth letter; "A, B" are letters.
    "ANNEX A" then "ANNEX I", "ANNEX II" is LETTERS_THEN_ROMAN: the "I" does not follow an "H",
    and roman numerals alone come after it, so it opens a second series.
    """
    letters: dict[str, list[str]] = {}
    for clause in members:
        label = parse_label(clause.label)
        if label.kind == SCHEDULE and not label.last.isdigit():
            letters.setdefault(label.word.lower(), []).append(label.last.upper())
    found = {}
    for word, nums in letters.items():
        roman = all(is_roman(n) for n in nums) and (nums[0] == "I" or any(len(n) > 1 for n in nums))
        found[word] = ROMAN_UPPER if roman else ALPHA_UPPER
        j = nums.index("I") if "I" in nums else -1
        if not roman and j > 0 and nums[j - 1] != "H" and all(is_roman(n) for n in nums[j:]):
            found[word] = LETTERS_THEN_ROMAN
    return found


def schedule_series_changes(label: Label, scope: Scope, previous: str | None) -> bool:
    """Whether a schedule label opens a new series of its word: the roman "ANNEX I" after the
    lettered "ANNEX A" (`previous` is the family of the word's label before it, None if none)."""
    return previous is not None and previous != schedule_family(label, scope)


def expected_labels(policy: Policy, usual_style: bool = False) -> dict[str, str]:
    """clause id -> the label its position calls for. O(n).

    In the clause's own decoration ("6." stays "N."), or with `usual_style` in the style
    most labels at its level are written in (what renumbering writes). Only numbered
    clauses appear; unnumbered ones take no number.
    """
    return labels_of_scopes(scopes(policy), usual_style)


def labels_of_scopes(all_scopes: list[Scope], usual_style: bool = False) -> dict[str, str]:
    """`expected_labels` for scopes already derived (owners before the scopes they own)."""
    cores: dict[str, str] = {}
    placed: list[tuple[Clause, Label, str, tuple[str, int] | None]] = []  # group None: kept as written
    for scope in all_scopes:
        owner_core = cores.get(scope.owner.id, "") if scope.owner is not None else ""
        for clause, core in zip(scope.members, expected_cores(scope, owner_core), strict=True):
            cores[clause.id] = core
            written = parse_label(clause.label)
            numbered = usual_style and written.kind not in (OTHER, SCHEDULE)
            placed.append((clause, written, core, style_group(scope.family, core) if numbered else None))
    styles = usual_styles((group, written.style()) for _, written, _, group in placed) if usual_style else {}
    labels: dict[str, str] = {}
    for clause, written, core, group in placed:
        style = styles.get(group) if group is not None else None
        if style is None:
            labels[clause.id] = format_label(written, core)
        else:
            prefix, suffix = style.split("N", 1)
            labels[clause.id] = f"{prefix}{core}{suffix}"
    return labels


def style_group(family: str, core: str) -> tuple[str, int]:
    """The labels whose styles should agree: same family and, for 1.2.3, same depth."""
    return (family, core.count(".") + 1 if family == DECIMAL else 0)


def usual_styles(
    written: Iterable[tuple[tuple[str, int] | None, str]],
) -> dict[tuple[str, int], str]:
    """Style group -> the style most of its labels are written in ("N", "N.", "(N)").

    `written` gives (group, style) per label in document scope order; ties go to the style
    written first, as in the label-style check.
    """
    found: dict[tuple[str, int], dict[str, list[int]]] = {}  # group -> style -> [count, first]
    for n, (group, style) in enumerate(written):
        if group is not None:
            found.setdefault(group, {}).setdefault(style, [0, n])[0] += 1
    return {
        group: max(styles, key=lambda st: (styles[st][0], -styles[st][1])) for group, styles in found.items()
    }


def schedule_value(label: Label, scope: Scope | None = None) -> int | None:
    """The number of a "Schedule 2" / "Annex B" / "ANNEX II" label."""
    num = label.last
    if num.isdigit():
        return int(num)
    return roman_value(num) if schedule_family(label, scope) == ROMAN_UPPER else alpha_value(num)
