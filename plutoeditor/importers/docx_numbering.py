"""Word's automatic numbering: the label Word shows for each numbered paragraph.

numbering.xml holds abstract list definitions (`w:abstractNum`: one `w:lvl` per level with
start value, number format, level text such as "%1.%2.%3", restart rule and isLgl) and list
instances (`w:num`) that point to one and may override levels (`w:lvlOverride`,
`w:startOverride`). A paragraph is numbered by its own `w:numPr` or by its paragraph
style's (following `w:basedOn`). Instances of the same abstract list share their counters,
as in Word: an instance's start override for a level resets that level's counter at the
instance's first paragraph at that level, and later paragraphs of either instance count on
(what Word writes for "Restart at 1" on a style-numbered list).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from plutoeditor.formats.word_vocabulary import W
from plutoeditor.model.labels import to_alpha, to_roman

_W = f"{{{W}}}"
_VAL = _W + "val"


def val_of(el: etree._Element | None, default: str | None = None) -> str | None:
    """An element's w:val (`default` when the element or the attribute is missing)."""
    if el is None:
        return default
    return el.get(_VAL, default)


def int_of(text: str | None, default: int | None = None) -> int | None:
    """A whole number as Word writes it in an attribute; `default` when missing or not one."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass
class Level:
    """One level of a list: how its counter starts, restarts and is shown."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None = "%n." default
    restart: int | None = None  # lvlRestart (1-based level); None = after any higher level
    is_legal: bool = False


@dataclass
class ListInstance:
    """A `w:num`: an abstract list plus per-level start overrides and level replacements."""

    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, etree._Element] = field(default_factory=dict)


@dataclass(frozen=True)
class NumberedLabel:
    """The label Word shows for a paragraph, and the list level it sits at."""

    label: str
    level: int
    is_bullet: bool
    list_id: str = ""  # the abstract list: paragraphs with the same one count together


def _parse_level(lvl: etree._Element, base: Level | None = None) -> Level:
    level = Level() if base is None else Level(**base.__dict__)
    start = int_of(val_of(lvl.find(_W + "start")))
    if start is not None:
        level.start = start
    fmt = val_of(lvl.find(_W + "numFmt"))
    if fmt:
        level.fmt = fmt
    text_el = lvl.find(_W + "lvlText")
    if text_el is not None:
        level.text = text_el.get(_VAL, "")
    restart_el = lvl.find(_W + "lvlRestart")
    if restart_el is not None:
        level.restart = int_of(val_of(restart_el))
    legal = lvl.find(_W + "isLgl")
    if legal is not None:
        level.is_legal = val_of(legal, "true") not in ("false", "0", "off")
    return level


# -- number formats -------------------------------------------------------------------------
# Word's letters (a..z, then aa, bb, ... zz, then aaa) and roman numerals: the labels' own (model.labels)
to_letters = to_alpha


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


#: Word's largest start value; beyond it letters and roman numerals would grow without bound.
MAX_COUNTER = 32767


def format_number(n: int, fmt: str) -> str:
    """One counter in one of Word's number formats (unknown formats fall back to decimal)."""
    if n > MAX_COUNTER and fmt not in ("none", "bullet"):
        return str(n)
    if fmt == "lowerLetter":
        return to_letters(n)
    if fmt == "upperLetter":
        return to_letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n)
    if fmt == "upperRoman":
        return to_roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        return _ordinal(n)
    if fmt == "chicago" and 0 < n <= 40:  # *, †, ‡, §, then each doubled, tripled...
        return "*\u2020\u2021\u00a7"[(n - 1) % 4] * ((n - 1) // 4 + 1)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


# -- the numbering definitions ------------------------------------------------------------
class Numbering:
    """The lists of one document, with running counters; label paragraphs in body order."""

    def __init__(
        self,
        numbering_root: etree._Element | None = None,
        style_numbering: dict[str, tuple[str | None, int | None]] | None = None,
    ) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.abstract_links: dict[str, str] = {}  # abstractNum id -> numStyleLink style id
        self.instances: dict[str, ListInstance] = {}
        #: style id -> (numId, ilvl) from the style chain (styles.xml), resolved by the reader
        self.style_numbering = style_numbering or {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[tuple[str, int]] = set()  # (instance, level) start overrides applied
        self._levels: dict[str, list[Level]] = {}
        if numbering_root is not None:
            self._load(numbering_root)

    def _load(self, root: etree._Element) -> None:
        for abstract in root.iter(_W + "abstractNum"):
            aid = abstract.get(_W + "abstractNumId", "")
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(_W + "lvl"):
                ilvl = int_of(lvl.get(_W + "ilvl"), 0) or 0
                levels[ilvl] = _parse_level(lvl)
            self.abstracts[aid] = levels
            link = abstract.find(_W + "numStyleLink")
            if link is not None and val_of(link):
                self.abstract_links[aid] = val_of(link) or ""
        for num in root.iter(_W + "num"):
            nid = num.get(_W + "numId", "")
            instance = ListInstance(val_of(num.find(_W + "abstractNumId"), "") or "")
            for override in num.iter(_W + "lvlOverride"):
                ilvl = int_of(override.get(_W + "ilvl"), 0) or 0
                start = int_of(val_of(override.find(_W + "startOverride")))
                if start is not None:
                    instance.start_overrides[ilvl] = start
                lvl = override.find(_W + "lvl")
                if lvl is not None:
                    instance.level_overrides[ilvl] = lvl
            self.instances[nid] = instance

    def _abstract_of(self, num_id: str, depth: int = 0) -> str | None:
        """The abstract list id of an instance, following numStyleLink through a style."""
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        aid = instance.abstract_id
        link = self.abstract_links.get(aid)
        if link and depth < 4:
            linked_num = self.style_numbering.get(link, (None, None))[0]
            if linked_num and linked_num != num_id:
                return self._abstract_of(linked_num, depth + 1) or aid
        return aid

    def level_of(self, num_id: str, ilvl: int) -> Level:
        """The effective definition of one level of an instance (overrides applied)."""
        instance = self.instances[num_id]
        aid = self._abstract_of(num_id) or instance.abstract_id
        base = self.abstracts.get(aid, {}).get(ilvl) or Level()
        override = instance.level_overrides.get(ilvl)
        if override is not None:
            base = _parse_level(override, base)
        return base

    def label(self, num_id: str | None, ilvl: int | None) -> NumberedLabel | None:
        """Advance the counters for one numbered paragraph and return the label it shows.

        None when the paragraph is not numbered (no instance, numId 0, unknown instance).
        """
        if not num_id or num_id == "0" or num_id not in self.instances:
            return None
        ilvl = min(max(ilvl or 0, 0), 8)
        instance = self.instances[num_id]
        aid = self._abstract_of(num_id) or instance.abstract_id
        counters = self._counters.get(aid)
        if counters is None:
            counters = self._counters[aid] = [None] * 9
        if ilvl in instance.start_overrides and (num_id, ilvl) not in self._started:
            # restart at this level's first paragraph of the instance (pandoc's nested lists
            # override every level: the outer list's count goes on)
            self._started.add((num_id, ilvl))
            counters[ilvl] = None
        levels = self._levels.get(num_id)
        if levels is None:
            levels = self._levels[num_id] = [self.level_of(num_id, i) for i in range(9)]
        level = levels[ilvl]
        current = counters[ilvl]
        if current is None:
            current = instance.start_overrides.get(ilvl, level.start)
        else:
            current += 1
        counters[ilvl] = current
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart
            if restart is None or ilvl < restart:
                counters[deeper] = None
        if level.fmt == "bullet":
            return NumberedLabel((level.text or "").strip(), ilvl, True, aid)
        return NumberedLabel(self._render(level, levels, counters, ilvl, instance), ilvl, False, aid)

    @staticmethod
    def _render(
        level: Level,
        levels: list[Level],
        counters: list[int | None],
        ilvl: int,
        instance: ListInstance,
    ) -> str:
        template = level.text if level.text is not None else f"%{ilvl + 1}."
        out: list[str] = []
        i = 0
        while i < len(template):
            ch = template[i]
            if ch == "%" and i + 1 < len(template) and template[i + 1].isdigit():
                ref = int(template[i + 1]) - 1
                i += 2
                if not 0 <= ref < 9:
                    continue
                value = counters[ref]
                if value is None:
                    value = instance.start_overrides.get(ref, levels[ref].start)
                fmt = levels[ref].fmt
                if level.is_legal and ref < ilvl:
                    fmt = "decimal"
                out.append(format_number(value, fmt))
                continue
            out.append(ch)
            i += 1
        return "".join(out).strip()


# -- paragraph styles ---------------------------------------------------------------
@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


class ParagraphStyles:
    """Paragraph styles with their basedOn chains resolved on demand."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default: str | None = None
        self._cache: dict[str, tuple[str | None, int | None, int | None]] = {}
        if root is None:
            return
        for st in root.iter(_W + "style"):
            kind = st.get(_W + "type", "paragraph")
            if kind not in ("paragraph", "numbering"):  # numbering styles back numStyleLink
                continue
            sid = st.get(_W + "styleId", "")
            style = _Style(name=val_of(st.find(_W + "name")) or sid)
            style.based_on = val_of(st.find(_W + "basedOn"))
            ppr = st.find(_W + "pPr")
            if ppr is not None:
                num = ppr.find(_W + "numPr")
                if num is not None:
                    style.num_id = val_of(num.find(_W + "numId"))
                    style.ilvl = int_of(val_of(num.find(_W + "ilvl")))
                style.outline = int_of(val_of(ppr.find(_W + "outlineLvl")))
            self.styles[sid] = style
            if kind == "paragraph" and st.get(_W + "default") in ("1", "true"):
                self.default = sid

    def name(self, sid: str | None) -> str:
        style = self.styles.get(sid or "")
        return style.name if style else (sid or "")

    def resolved(self, sid: str | None) -> tuple[str | None, int | None, int | None]:
        """(numId, ilvl, outline level) following basedOn; the nearest definition of each wins."""
        sid = sid or self.default
        if not sid:
            return None, None, None
        if sid in self._cache:
            return self._cache[sid]
        num_id = ilvl = outline = None
        seen: set[str] = set()
        current: str | None = sid
        while current and current not in seen and current in self.styles:
            seen.add(current)
            style = self.styles[current]
            # numId and ilvl are inherited separately: a base style may give the list and a
            # derived one only its level (as Word and LibreOffice read them)
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
            if outline is None and style.outline is not None:
                outline = style.outline
            current = style.based_on
        self._cache[sid] = (num_id, ilvl, outline)
        return num_id, ilvl, outline

    def numbering_map(self) -> dict[str, tuple[str | None, int | None]]:
        return {sid: self.resolved(sid)[:2] for sid in self.styles}
