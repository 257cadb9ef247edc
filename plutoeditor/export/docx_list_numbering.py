"""Word's own multilevel list numbering for exported clause labels (numbering.xml via lxml).

python-docx has no numbering API, so the list definitions are built here. A scope of
numbered siblings (model.numbering) becomes one level of a Word list when every counted
label in it is the one its position calls for and Word would show exactly that label
(same decoration throughout, counting from 1 with no restart inside). The document, each
schedule and each unnumbered heading start their own list: a further `w:num` with a
`w:startOverride`, on the same `w:abstractNum` when the level definitions agree.

Anything else stays literal text, per scope: a reviewer's kept label that differs from its
number keeps its whole scope (and the clauses numbered under it) literal, so Word never
shows a number the reviewer did not write. Insertions ("4A"), schedule labels and labels
no list format writes are always literal; a literal paragraph is not counted by Word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from plutoeditor.model import Clause, ClauseKind, Policy
from plutoeditor.model.numbering import (
    ALPHA_LOWER,
    ALPHA_UPPER,
    DECIMAL,
    INSERTION,
    NUMBER,
    OTHER,
    ROMAN_LOWER,
    ROMAN_UPPER,
    SCHEDULE,
    Scope,
    format_number,
    labels_of_scopes,
    parse_label,
    restarts,
    scopes,
)

WORD, TEXT = "word", "text"
#: The --numbering choices: Word's automatic numbering, or labels as literal text.
NUMBERING_CHOICES = (WORD, TEXT)

_WORD_FORMATS = {
    DECIMAL: "decimal",
    NUMBER: "decimal",
    ALPHA_LOWER: "lowerLetter",
    ALPHA_UPPER: "upperLetter",
    ROMAN_LOWER: "lowerRoman",
    ROMAN_UPPER: "upperRoman",
}
_FAMILIES = {fmt: family for family, fmt in _WORD_FORMATS.items() if family != DECIMAL}
MAX_LEVELS = 9
_SKIPPED = (SCHEDULE, INSERTION, OTHER)


@dataclass(frozen=True)
class ListLevel:
    """One level of a Word list: number format and level text ("%1.%2", "(%3)")."""

    fmt: str
    text: str


@dataclass
class _List:
    """One Word list definition in the making (an abstractNum): its levels, and the range of
    clauses (in document order) it numbers, so lists that do not interleave can share one."""

    levels: dict[int, ListLevel] = field(default_factory=dict)
    first: int = 0
    last: int = 0


@dataclass
class _Instance:
    """One `w:num`: a list and the numbers its levels start from where it begins."""

    word_list: _List
    starts: dict[int, int]
    number: int = 0
    #: Opened below level 0 (after a literal label, or under one): the levels above are not
    #: counted in it, and LibreOffice shows an unused level's start as 1 whatever its
    #: override, so the instance gets an abstractNum of its own whose level texts hold the
    #: numbers above as written ("6.%2"): 6.1, 6.2 in Word, LibreOffice and on import.
    alone: bool = False

    def levels(self) -> dict[int, ListLevel]:
        """The level definitions this instance's abstractNum needs."""
        levels = self.word_list.levels
        if not self.alone:
            return levels
        fixed = {}
        for ilvl, definition in levels.items():
            text = definition.text
            for above in range(min(ilvl, len(self.starts) - 1), 0, -1):  # %10 never occurs
                value = format_number(self.starts[above - 1], _FAMILIES[levels[above - 1].fmt])
                text = text.replace(f"%{above}", value)
            fixed[ilvl] = ListLevel(definition.fmt, text)
        return fixed


@dataclass
class _Placed:
    """A counted clause's level in a list, the numbers along its path and its core template;
    `instance` is None when its label stays literal."""

    word_list: _List
    level: int
    values: tuple[int, ...]
    core: str
    instance: _Instance | None
    next_value: int = 1  # what its instance shows next at the level below (after it: 1)


@dataclass
class WordNumbering:
    """Which clauses Word numbers (clause id -> (instance, ilvl)) and the lists to write."""

    places: dict[str, tuple[int, int]] = field(default_factory=dict)
    instances: list[_Instance] = field(default_factory=list)

    def place(self, clause: Clause) -> tuple[int, int] | None:
        return self.places.get(clause.id)


def plan_numbering(policy: Policy) -> WordNumbering:
    """Decide, clause by clause, which labels Word numbers itself (see the module docstring)."""
    plan = WordNumbering()
    all_scopes = scopes(policy)
    expected = labels_of_scopes(all_scopes)
    order = {clause.id: n for n, clause in enumerate(policy.walk())}
    placed: dict[str, _Placed] = {}
    for scope in all_scopes:
        _place_scope(plan, scope, expected, placed, order)
    return plan


def _place_scope(plan: WordNumbering, scope: Scope, expected: dict[str, str],
                 placed: dict[str, _Placed], order: dict[str, int]) -> None:  # fmt: skip
    """Place a scope's counted members at one level of a list. A member whose label differs
    from what Word would show stays literal; the next numbered one starts a further w:num
    with start overrides, so Word counts on from the right number."""
    counted = [c for c in scope.members if parse_label(c.label).kind not in _SKIPPED]
    if not counted or scope.family not in _WORD_FORMATS:
        return
    owner = placed.get(scope.owner.id) if scope.owner is not None and not scope.is_root else None
    if scope.is_root:
        word_list, level, parent_core = _List(), 0, ""
        parent_values: tuple[int, ...] = ()
        instance: _Instance | None = None
        next_value = 0
        owner_core = ""
    elif owner is None and scope.owner is not None and _section_number(scope, expected):
        # under "SECTION 1:" (a label Word does not number): a list of its own, "1.%1"
        word_list, level = _List(), 0
        parent_core = owner_core = _section_number(scope, expected)
        parent_values = ()
        instance, next_value = None, 0
    elif owner is None:
        return  # under a label no list writes: stays literal
    else:
        word_list, level = owner.word_list, owner.level + 1
        parent_core, parent_values = owner.core, owner.values
        instance, next_value = owner.instance, 1
        owner_core = parse_label(expected.get(scope.owner.id, "") if scope.owner else "").core
    if level >= MAX_LEVELS:
        return
    # the decoration of most labels that are already right ("N" over "N." in 1 2 3 6. 4.)
    styles = Counter(
        parse_label(c.label).style() for c in counted if expected.get(c.id, "").strip() == c.label.strip()
    ) or Counter(parse_label(c.label).style() for c in counted)
    prefix, suffix = styles.most_common(1)[0][0].split("N", 1)
    number = f"%{level + 1}"
    core = f"{parent_core}.{number}" if scope.family == DECIMAL and parent_core else number
    definition = ListLevel(_WORD_FORMATS[scope.family], f"{prefix}{core}{suffix}")
    usable = word_list.levels.setdefault(level, definition) == definition
    n = scope.expected_start
    for clause in counted:
        label = parse_label(clause.label)
        n = 1 if restarts(scope, clause, label, n > scope.expected_start) else n + 1
        shown = format_number(n, scope.family)
        if scope.family == DECIMAL and owner_core:
            shown = f"{owner_core}.{shown}"
        written = clause.label.strip()
        word = (
            usable
            and n >= 0
            and clause.kind is not ClauseKind.SCHEDULE
            and written == f"{prefix}{shown}{suffix}"
            and expected.get(clause.id, "").strip() == written
        )
        if word and (instance is None or n != next_value):
            alone = level > 0
            instance = _Instance(word_list, dict(enumerate((*parent_values, n))), alone=alone)
            plan.instances.append(instance)
            instance.number = len(plan.instances)  # the numId is set on writing
        here = instance if word else None
        placed[clause.id] = _Placed(word_list, level, (*parent_values, n), core, here)
        if here is not None:
            plan.places[clause.id] = (here.number, level)
            next_value = n + 1
            at = order.get(clause.id, 0)
            word_list.first = min(word_list.first, at) if word_list.last else at
            word_list.last = max(word_list.last, at)
        elif instance is not None:
            instance = None  # Word would count on without this label: the next one restarts


def _section_number(scope: Scope, expected: dict[str, str]) -> str:
    """The number of a "SECTION 1:" / "Part 2" owner whose decimal clauses are 1.1, 1.2, or ""."""
    if scope.owner is None or scope.family != DECIMAL:
        return ""
    label = parse_label(expected.get(scope.owner.id, scope.owner.label))
    if label.kind != SCHEDULE or not label.last.isdigit():
        return ""
    return label.last


# -- writing numbering.xml --------------------------------------------------------------------


def write_numbering(document: DocxDocument, plan: WordNumbering, indents: dict[int, int],
                    hanging: int) -> dict[int, int]:  # fmt: skip
    """Add the plan's lists to the document's numbering part (created when the template has
    none); returns the plan's instance number -> the numId written. `indents` gives each
    level's text indent in twips. The template's own lists stay as they are. Lists with the
    same levels that do not interleave share one abstractNum (a schedule's list restarts
    through its own w:num)."""
    if not plan.instances:
        return {}
    root = document.part.numbering_part.element
    abstract_ids = [int_or_0(a.get(qn("w:abstractNumId"))) for a in root.iter(qn("w:abstractNum"))]
    next_abstract = max(abstract_ids, default=-1) + 1
    next_num = max((int_or_0(n.get(qn("w:numId"))) for n in root.iter(qn("w:num"))), default=0) + 1
    groups: list[tuple[dict[int, ListLevel], list[int]]] = []  # levels, [last clause numbered]
    group_of: dict[int, int] = {}  # id(list) -> its group
    chosen: list[int] = []  # per instance: its group
    for instance in plan.instances:
        word_list = instance.word_list
        group = None if instance.alone else group_of.get(id(word_list))
        if group is None:
            levels = instance.levels()
            group = next(
                (n for n, (known, last) in enumerate(groups)
                 if not instance.alone and last[0] < word_list.first
                 and all(known.get(i, d) == d for i, d in levels.items())),
                None,
            )  # fmt: skip
            if group is None:
                groups.append(({}, [-1]))
                group = len(groups) - 1
            groups[group][0].update(levels)
            groups[group][1][0] = max(groups[group][1][0], word_list.last)
            if not instance.alone:
                group_of[id(word_list)] = group
        chosen.append(group)
    first_num = next(iter(root.iter(qn("w:num"))), None)
    for n, (levels, _) in enumerate(groups):
        abstract = _abstract(root, next_abstract + n, levels, indents, hanging)
        if first_num is not None:
            first_num.addprevious(abstract)  # the schema puts every abstractNum first
        else:
            root.append(abstract)
    mapping: dict[int, int] = {}
    for instance, group in zip(plan.instances, chosen, strict=True):
        num = etree.SubElement(root, qn("w:num"))
        num.set(qn("w:numId"), str(next_num))
        etree.SubElement(num, qn("w:abstractNumId")).set(qn("w:val"), str(next_abstract + group))
        for ilvl, start in sorted(instance.starts.items()):
            override = etree.SubElement(num, qn("w:lvlOverride"))
            override.set(qn("w:ilvl"), str(ilvl))
            etree.SubElement(override, qn("w:startOverride")).set(qn("w:val"), str(start))
        mapping[instance.number] = next_num
        next_num += 1
    return mapping


def int_or_0(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


def _abstract(root: etree._Element, abstract_id: int, levels: dict[int, ListLevel],
              indents: dict[int, int], hanging: int) -> etree._Element:  # fmt: skip
    abstract = root.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): str(abstract_id)})
    etree.SubElement(abstract, qn("w:multiLevelType")).set(qn("w:val"), "multilevel")
    for ilvl in range(MAX_LEVELS):
        definition = levels.get(ilvl, ListLevel("decimal", f"%{ilvl + 1}."))
        lvl = etree.SubElement(abstract, qn("w:lvl"))
        lvl.set(qn("w:ilvl"), str(ilvl))
        etree.SubElement(lvl, qn("w:start")).set(qn("w:val"), "1")
        etree.SubElement(lvl, qn("w:numFmt")).set(qn("w:val"), definition.fmt)
        etree.SubElement(lvl, qn("w:lvlText")).set(qn("w:val"), definition.text)
        etree.SubElement(lvl, qn("w:lvlJc")).set(qn("w:val"), "left")
        ppr = etree.SubElement(lvl, qn("w:pPr"))
        left = indents.get(ilvl, hanging * (ilvl + 1))
        ind = etree.SubElement(ppr, qn("w:ind"))
        ind.set(qn("w:left"), str(left))
        ind.set(qn("w:hanging"), str(hanging))
    return abstract


def numbering_choice(value: str) -> str:
    """`value` when it is one of NUMBERING_CHOICES, else ValueError naming them."""
    if value not in NUMBERING_CHOICES:
        raise ValueError(f"numbering must be one of {', '.join(NUMBERING_CHOICES)}, not {value!r}")
    return value
