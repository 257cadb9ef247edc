"""Cross-references: find "clause 7.4.6" in a clause's text and say what it points at.

References into statutes ("section 69 of the Act", "section 23(b) of the ECT Act"), into
other documents ("Section 1.2 of the GitHub Security Exhibit"), into schedules ("paragraph
2 of Schedule 1") and by heading ("the section headed 'Your rights'") are recognised and
left alone. The checks resolve them; renumbering makes them follow their clauses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.labels import ATTACHMENT_PATTERN, SCHEDULE, label_core, parse_label
from plutoeditor.model.policy import Policy

_KEYWORD = r"(?i:sub-?clauses?|sub-?sections?|clauses?|sections?|paragraphs?)"
#: "7.4.6", "4.1(a)", "D.4", "18.c"; "7 (3)" written with a space only before "of ..." ("Section 7 (3) of
#: the Act")
_LABEL = (
    r"(?:\d+(?:\.\d+)*(?:[A-Z]|\.[a-z](?!\w|\.\w))?|[A-Z]\.\d+(?:\.\d+)*)(?:\([a-z0-9]{1,4}\))*"
    r"(?: \([a-z0-9]{1,4}\)(?=\s+(?:of|in)\s))?"
)
#: What may follow a label in a list: a full stop ("4.2.") and its title in brackets ("(Scope)").
_TITLE = r"(?:\.(?=[\s,)]))?(?:\s*\((?![a-z0-9]{1,4}\))[^()\d]{2,60}\))?"
_JOIN = r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and/or|and|or|to|through)\s|[-–])\s*"
_REFERENCE = re.compile(
    rf"\b{_KEYWORD}\s+(?P<labels>{_LABEL}(?:{_TITLE}{_JOIN}{_LABEL})*)(?:{_TITLE}(?=\s+(?:of|in)\s))?(?![\w/])"
)
_ONE_LABEL = re.compile(_LABEL)
_TITLE_RE = re.compile(r"\((?![a-z0-9]{1,4}\))[^()\d]{2,60}\)")
#: "... of this Policy" is internal; "... of the Act" / "of the GDPR" / "of Schedule 1" is not.
_OF_THIS = re.compile(r"\s*(?:of|in)\s+(?:this|these)\b", re.IGNORECASE)
_OF_SCHEDULE = re.compile(
    rf"\s*(?:of|in)\s+(?:the\s+)?(?P<schedule>(?:{ATTACHMENT_PATTERN})\s+\w+)",
    re.IGNORECASE,
)
_OF_OTHER = re.compile(r"\s*of\s+(?:the\s+)?\S", re.IGNORECASE)
#: "section 25249.6 du Code", "article 5 de la Loi", "§ 3 des Gesetzes": a code or statute named after.
_OF_CODE = re.compile(
    r"\s*(?:du|de\s+la|de\s+l['’]|des|del|della|dello)\s+(?i:code|loi|règlement|décret|ordonnance|directive"
    r"|gesetzes|código|ley|reglamento|codice|legge|decreto)\b"
)
#: The Standard Contractual Clauses are never this document: "Clause 7 ... in the SCCs".
_SCCS = r"(?:the\s+)?(?:EU\s+|UK\s+)?(?:SCCs|Standard\s+Contractual\s+Clauses)\b"
_IN_SCCS_AFTER = re.compile(rf"[^.;:()]{{0,80}}?\b(?:in|of|under)\s+{_SCCS}")
#: "Title 17, United States Code, Section 512": a statute named, a comma, then its section; also
#: an instrument with its number ("OMB Circular A-130, section 8(b)", "Executive Order 13642, sec. 2").
_STATUTE_COMMA = re.compile(
    r"\b(?:(?:Code|Act|Regulations?|Directive|U\.S\.C\.?|C\.F\.R\.?)"
    r"|(?:Circular|Memorandum|Order|Bulletin|Directive|Regulation)\s+(?:No\.\s*)?[A-Z]{0,2}-?\d[\d-]*),\s*$"
)
#: "section L.122-8": a code article numbered with a hyphen (a range would rise: "3.1-3.5").
_ARTICLE_NUMBER = re.compile(r"(\d+)[-–](\d+)(?![.\d])")
#: "California Civil Code Section 1798.83", "17 U.S.C. Section 512": a statute's own section.
_STATUTE_BEFORE = re.compile(
    r"(?:\b(?:Code|Act|Regulations?|Directive|Requirements|Guidelines|Standards?|U\.S\.C\.?|C\.F\.R\.?"
    r"|Stat\.|Rev\.|RFC\s*\d+,?|[A-Z]{2,})|§)\s*$"
)
#: "Section 14 BGB", "Article 6 GDPR", "clauses 48 C.F.R. 12.212": a statute's abbreviation right after
#: the number.
_STATUTE_AFTER = re.compile(
    r"\s+(?:(?!(?:AND|OR|OF|TO|THE|IN|IS|ARE|SHALL|WILL|MAY|BELOW|ABOVE)\b)[A-Z]{2,8}\b|[A-Z]\.(?:[A-Z]\.)+)"
)
#: Another instrument named in a sentence: "the Standard Terms", "the Progress EULA", "the Data
#: Protection Act 2018" (a qualifier word is needed: "the Agreement" alone is usually this one).
_NAMED = (
    r"\b[Tt]he\s+(?!(?:[Tt]his|[Tt]hese)\b)(?:[A-Z][\w’'-]*\s+){1,5}?"
    r"(?P<noun>Terms|Agreement|EULA|Act|Clauses|Policy|Code|Regulations?|Directive|Contract|Addendum"
    r"|Licen[cs]e|Conditions|Statute)\b"
)
_NAMED_RE = re.compile(_NAMED)
_STATUTE_NOUNS = frozenset({"Act", "Code", "Regulation", "Regulations", "Directive", "Statute"})
_SENTENCE_START = re.compile(r"(?:[.;!?]\s|\n)(?=[^.;!?\n]*$)")
#: A lead-in about another instrument: "The Standard Contractual Clauses are completed as follows:",
#: "With regard to the Standard Contractual Clauses the Parties agree that:"
_LEAD_IN_ABOUT_OTHER = re.compile(
    rf"^\s*(?:(?:In|Under|For|Regarding|As\s+regards|With\s+(?:regard|respect)\s+to)\s+)?{_NAMED}[^:]*:\s*$"
)
#: "... the EU SCCs will apply completed as follows:", "the Standard Contractual Clauses are amended:"
_LEAD_IN_COMPLETING = re.compile(
    rf"(?:{_NAMED}|{_SCCS})[^:]*\b(?:as follows|completed|amended|modified|supplemented)\b[^:]*:\s*$"
)
_JOINED = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")

INTERNAL, STATUTE, SCHEDULE_REF = "internal", "statute", "schedule"


@dataclass(frozen=True, slots=True)
class Reference:
    """One label referred to in a text: `target` is the label as written ("7.4.6")."""

    start: int  # offset of the label in the text
    end: int
    target: str
    kind: str  # internal | statute | schedule
    schedule: str = ""  # for kind schedule: the schedule referred into, as written ("Schedule 1")
    schedule_start: int = -1  # offset of that schedule's name in the text

    @property
    def base(self) -> str:
        """The label without sub-paragraphs: "4.1(a)" and "4.1.a" -> "4.1"."""
        base = self.target.split("(", 1)[0]
        return base[:-2] if base[-2:-1] == "." and base[-1].islower() else base


@lru_cache(maxsize=32768)
def find_references(text: str) -> tuple[Reference, ...]:
    """Every clause/section/paragraph reference in a text, in order (cached by text)."""
    if not (
        "lause" in text
        or "section" in text
        or "Section" in text
        or "aragraph" in text
        or "LAUSE" in text
        or "SECTION" in text
        or "ARAGRAPH" in text
    ):
        return ()
    groups: list[tuple[re.Match[str], str, str, int]] = []  # (match, kind, schedule, its offset)
    for match in _REFERENCE.finditer(text):
        after = text[match.end() : match.end() + 60]
        before = text[max(0, match.start() - 20) : match.start()]
        schedule, schedule_start = "", -1
        if _OF_THIS.match(after):
            kind = INTERNAL
        elif of_schedule := _OF_SCHEDULE.match(after):
            kind, schedule = SCHEDULE_REF, of_schedule["schedule"]
            schedule_start = match.end() + of_schedule.start("schedule")
        elif (
            _OF_OTHER.match(after)
            or _OF_CODE.match(after)
            or _IN_SCCS_AFTER.match(after)
            or _STATUTE_BEFORE.search(before)
            or _STATUTE_COMMA.search(before)
            or _statute_number(match)
            or _about_other(text, match)
        ):
            kind = STATUTE
        else:
            kind = INTERNAL
        groups.append((match, kind, schedule, schedule_start))
    # "Section 4.9.1.1 and Section 4.9.1.2 of the ISRG CP": the "of" covers the whole list
    for k in range(len(groups) - 2, -1, -1):
        (match, kind, _, _), (following, next_kind, next_schedule, next_start) = groups[k], groups[k + 1]
        if (
            kind == INTERNAL
            and next_kind != INTERNAL
            and _keyword(match) == _keyword(following)
            and _JOINED.fullmatch(text, match.end(), following.start())
        ):
            groups[k] = (match, next_kind, next_schedule, next_start)
    found: list[Reference] = []
    for match, kind, schedule, schedule_start in groups:
        offset = match.start("labels")
        labels = _TITLE_RE.sub(lambda m: " " * len(m.group()), match["labels"])  # titles are not labels
        for label in _ONE_LABEL.finditer(labels):
            start, end = offset + label.start(), offset + label.end()
            found.append(Reference(start, end, label.group(), kind, schedule, schedule_start))
    return tuple(found)


def _statute_number(match: re.Match[str]) -> bool:
    """Numbers no policy's clause has: "section 25249.6" (a clause number has at most three
    digits a part, as labels are read) or a code article "L.122-8"."""
    first = match["labels"].split(".", 1)[0].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ.")
    if len(first) > 3 and first.isdigit():
        return True
    return any(int(m[2]) < int(m[1]) for m in _ARTICLE_NUMBER.finditer(match["labels"]))


def _about_other(text: str, match: re.Match[str]) -> bool:
    """Whether a reference points into another instrument its sentence names.

    "(Section 14 BGB)"; "The Standard Terms permit these activities (Sections 1.7 and 3)";
    "Under the Consumer Rights Act 2015, section 49 requires ..." (a bare section in a sentence
    about a statute).
    """
    if _STATUTE_AFTER.match(text, match.end()) and not match.group(0).isupper():
        return True
    start = match.start()
    head = text[max(0, start - 300) : start]
    cut = _SENTENCE_START.search(head)
    sentence = head[cut.end() :] if cut else head
    named = [m for m in _NAMED_RE.finditer(sentence)]
    if not named:
        return False
    bracketed = sentence.rstrip().endswith("(")
    statute = match.group(0)[:1].lower() == "s" and any(m["noun"] in _STATUTE_NOUNS for m in named)
    return bracketed or statute


def _keyword(match: re.Match[str]) -> str:
    return match.group(0).split(None, 1)[0].lower().rstrip("s")


@lru_cache(maxsize=65536)
def reference_key(label: str) -> str:
    """How labels are compared: decoration dropped, case ignored ("6." == "6")."""
    return label_core(label).lower()


def label_index(policy: Policy) -> dict[str, Clause]:
    """Reference key -> first clause so labelled, outside schedules (which number on their own).

    A local item is also found through its parent: "D.4" and "4.1(a)" for item 4 under D,
    "22.7.2" for item 2 of item 7 of section 22; "SECTION 1:" is found as "1".
    """
    return _index_of(policy.clauses)


def schedule_index(policy: Policy) -> dict[str, tuple[Clause, dict[str, Clause]]]:
    """Schedule key ("schedule 1") -> (the schedule, the label index inside it).

    "paragraph 3 of Schedule 1" is resolved here: schedules number on their own.
    """
    indexes: dict[str, tuple[Clause, dict[str, Clause]]] = {}
    for clause in policy.walk():
        names = (clause.label, clause.heading) if clause.kind is ClauseKind.SCHEDULE else (clause.label,)
        for name in names:
            parsed = parse_label(name)
            if parsed.kind == SCHEDULE and parsed.core.lower() not in indexes:
                indexes[parsed.core.lower()] = (clause, _index_of(clause.children))
                break
    return indexes


def schedule_key(name: str) -> str:
    """How a schedule named in a reference is looked up: "Schedule  1" -> "schedule 1"."""
    return " ".join(name.split()).lower()


def index_of_clauses(clauses: list[Clause]) -> dict[str, Clause]:
    """Reference key -> first clause so labelled among these clauses and below (not into schedules)."""
    return _index_of(clauses)


def _index_of(clauses: list[Clause]) -> dict[str, Clause]:
    index: dict[str, Clause] = {}
    setdefault = index.setdefault

    _index_below(clauses, None, None, setdefault)  # not a closure: one would refer to itself, a cycle
    return index


def _index_below(
    children: list[Clause],
    parent_key: str | None,
    path: str | None,
    setdefault: Callable[[str, Clause], Clause],
) -> None:
    for clause in children:
        label = clause.label
        key = full = None
        if label and not label.isspace():
            key = full = reference_key(label)
            setdefault(key, clause)
            if " " in key:
                setdefault(key.rsplit(" ", 1)[-1], clause)
            if parent_key is not None and "." not in key:
                setdefault(f"{parent_key}.{key}", clause)
                setdefault(f"{parent_key}({key})", clause)
                full = f"{path}.{key}"  # item 2 of item 7 of section 22: "22.7.2"
                setdefault(full, clause)
        if clause.children and clause.kind is not ClauseKind.SCHEDULE:
            _index_below(clause.children, key, full, setdefault)


def rewritten_reference(reference: Reference, target: Clause, new_labels: dict[str, str]) -> str | None:
    """The reference's text after relabelling, or None if it does not change.

    `target` is the clause it pointed at before; composite references ("D.4") follow both
    the item and its parent.
    """

    def core(clause: Clause) -> str:
        return parse_label(new_labels.get(clause.id, clause.label)).core

    rest = reference.target[len(reference.base) :]
    if reference_key(reference.base) == reference_key(target.label):
        if target.id not in new_labels:
            return None
        return core(target) + rest
    parent = target.parent
    if parent is None or (target.id not in new_labels and parent.id not in new_labels):
        return None
    joined = f"{core(parent)}({core(target)})" if "(" in reference.base else f"{core(parent)}.{core(target)}"
    return joined + rest


def followed_references(clause: Clause) -> Iterator[Reference]:
    """The references renumbering makes follow their clauses: internal ones and into schedules."""
    for reference in find_references(clause.text):
        if reference.kind in (INTERNAL, SCHEDULE_REF):
            yield reference


def internal_references(clause: Clause, lead_in: bool = True) -> Iterator[Reference]:
    """The references in a clause's text that point into this document.

    With `lead_in`, none do in an item under a lead-in about another instrument ("The
    Standard Contractual Clauses are completed as follows:" then "(a) in Clause 13, ...").
    """
    if lead_in and clause.parent is not None and about_other_instrument(clause.parent):
        return
    for reference in find_references(clause.text):
        if reference.kind == INTERNAL:
            yield reference


def about_other_instrument(clause: Clause) -> bool:
    """Whether a clause is a lead-in whose subject is another instrument it names."""
    text = clause.text.strip() or clause.heading.strip()
    return text.endswith(":") and _lead_in_about_other(text.rsplit("\n", 1)[-1])


@lru_cache(maxsize=8192)
def _lead_in_about_other(text: str) -> bool:
    cut = _SENTENCE_START.search(text[:-1])
    sentence = text[cut.end() :] if cut else text
    return bool(_LEAD_IN_ABOUT_OTHER.match(sentence) or _LEAD_IN_COMPLETING.search(sentence))
