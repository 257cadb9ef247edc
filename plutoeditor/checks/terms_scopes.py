"""Which instrument of a page each clause belongs to, for matching terms within it.

A captured page often holds more than one instrument: terms of service and then a data
processing agreement, an agreement and the standard clauses it quotes as an annex, two
versions of the same terms, a stack of licences. Each defines its own terms, so a term is
matched with its definition only within its instrument:
- a schedule, annex, appendix or exhibit ("Annex 1", "SCHEDULE B", "Appendix: ...") opens an
  instrument, unless it is the document's glossary ("Appendix: Definitions");
- a heading that is the title of an instrument ("Data Processing Agreement", "BRAND PAYMENT
  TERMS AND CONDITIONS", "Standard Contractual Clauses") opens one;
- a heading that repeats the first heading of the current instrument at the same depth
  ("Summary of these Terms" again) opens a second copy of it.
A later document the importer found on the page (an unnamed top-level clause holding it)
opens one too, and so does a notice's date line after some text ("LAST UPDATED ON: 08/08/2022",
"This Privacy Notice was last updated on May 2026": a page of several notices has one each).
An instrument also says when it takes its terms from another document ("Capitalised terms
not defined in this DPA have the meanings given in the Agreement"): its undefined terms
are defined elsewhere; so are those of an annex or schedule, read with the agreement it is
attached to (or the standard clauses it quotes, which define their own). These are guesses
from the page's shape; the checks use them only to report less (a term-case or duplicate
across two instruments is not reported), never more.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field

from plutoeditor.checks.word_search import WordSearch
from plutoeditor.model.clause import Clause

_ATTACHMENT = re.compile(
    r"^\W*(?:schedule|annex|annexure|appendix|exhibit|attachment|addendum|supplement)"
    r"(?:\s*[:.–—-]|\s*$|\s+(?:[\"“]?[A-Z0-9][\"”]?|[IVX]+|\d+)\b(?![’'-]))",
    re.IGNORECASE,
)
_GLOSSARY = WordSearch(
    r"\b(?:definitions?|glossary|interpretation|defined terms)\b", ("defin", "glossar", "interpret")
)
#: The last words of an instrument's title.
_TITLE_END = re.compile(
    r"\b(?:agreement|addendum|terms(?:\s+(?:and|&)\s+conditions)?|terms\s+of\s+(?:service|use|sale)|"
    r"conditions(?:\s+of\s+(?:use|sale|service|business))?|clauses|licen[cs]e(?:\s+agreement)?|"
    r"contract|policy|notice)(?:\s+for\s+[\w.\- ]{1,30}?)?\s*(?:\([^()]{1,30}\))?\W*$",
    re.IGNORECASE,
)
#: Words that make a heading about a document, not its title: "Changes to these Terms".
_ABOUT = re.compile(
    r"\b(?:a|an|this|these|the|our|your|its|to|with|under|about|from|by|into|in|on|other|third[- ]party|"
    r"of|for|limited|changes?|updates?|amendments?|modifications?|acceptance|entire|termination|"
    r"severance|survival|breach|violations?|scope|applicable)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'&-]+")
_PARENTHESES = re.compile(r"\([^()]*\)")
_LABEL_WORDS = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,2})[.):]?$")
_TITLE_LABEL = re.compile(r"^(?:[IVX]+|part\s+\w+)?[.):]?$", re.IGNORECASE)  # "II.", "Part B", none
#: The date line that opens (or closes) a notice: a page holding several notices has one each.
_DATE_LINE = re.compile(
    r"^\W*(?:(?:this|these|our)\b[^.]{0,60}?\b(?:was|were)\s+)?(?:last\s+(?:updated|revised|modified)|"
    r"effective\s+(?:date|as\s+of|from))\b",
    re.IGNORECASE,
)
_A_DATE = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S")  # a Markdown heading the importer left in a clause's text
_SUBSTANTIAL = 60  # characters of text: a clause that makes an instrument worth closing
#: "Capitalised terms not defined in this DPA have the meanings given in the Agreement".
_BORROWS = re.compile(
    r"\b(?:capitali[sz]ed|defined)\s+(?:terms?|words?)(?:\s+(?:and|or)\s+(?:phrases?|expressions?))?\b"
    r"(?P<rest>[^.;]{0,220})",
    re.IGNORECASE,
)
_ELSEWHERE = re.compile(
    r"\bmeanings?\b[^.;]{0,80}?\b(?:in|under|by|as\s+(?:they\s+do|defined)\s+in)\s+(?P<doc>\S[^.;]{0,40})",
    re.IGNORECASE,
)
_HERE = re.compile(r"^(?:this|these|herein|hereunder|below|above|the\s+following|section|clause)\b", re.I)


@dataclass
class Instruments:
    """Where each instrument of the page starts (positions in document order), and which take
    their terms from elsewhere (numbered from 0)."""

    positions: dict[str, int] = field(default_factory=dict)  # clause id -> place in document order
    starts: list[int] = field(default_factory=list)  # place of the first clause of instruments 1, 2 ...
    borrowing: set[int] = field(default_factory=set)

    def of(self, clause_id: str) -> int:
        """The instrument of a clause (0 when the page holds one)."""
        if not self.starts:
            return 0
        return bisect_right(self.starts, self.positions.get(clause_id, 0))

    def same(self, first: str, second: str) -> bool:
        return self.of(first) == self.of(second)


#: per clause id: label, heading and text as last read, and whether it opens an instrument,
#: borrows its terms, has some text, and its heading in lower case
_Memo = dict[str, tuple[str, str, str, bool, bool, bool, str, bool]]
_MEMOS: weakref.WeakKeyDictionary[object, _Memo] = weakref.WeakKeyDictionary()
#: per owner: the instruments found last
_LAST: weakref.WeakKeyDictionary[object, Instruments] = weakref.WeakKeyDictionary()


def instruments(order: list[Clause], owner: object | None = None) -> Instruments:
    """The instruments of the clauses `order` lists (a policy's clauses in document order).

    With an `owner` (the policy's term index), what each clause says is remembered with it,
    so that afterwards only the changed clauses are read again, and after edits that leave
    the tree as it was `instruments_after_edits` may tell the instruments are the same.
    """
    memo: _Memo = {} if owner is None else _MEMOS.setdefault(owner, {})
    found = Instruments()
    substantial = 0  # clauses with some text in the current instrument
    first_heading: tuple[int, str] | None = None  # the current instrument's first heading, its depth
    for at, clause in enumerate(order):
        known = memo.get(clause.id)
        if (
            known is None
            or known[0] is not clause.label
            or known[1] is not clause.heading
            or known[2] is not clause.text
        ):
            opens, attached = _marks(clause)
            known = memo[clause.id] = (
                clause.label,
                clause.heading,
                clause.text,
                opens,
                bool(clause.text) and borrows_terms(clause.text),
                len(clause.text) >= _SUBSTANTIAL,
                clause.heading.strip().casefold(),
                attached,
            )
        heading = known[6]
        if known[3] and substantial >= 2:
            found.starts.append(at)
            substantial = 0
            if known[7]:
                found.borrowing.add(len(found.starts))  # an annex is read with the agreement's terms
            first_heading = (_depth(clause), heading) if heading else None
        elif heading:
            if first_heading is None:
                first_heading = (_depth(clause), heading)
            elif heading == first_heading[1] and _depth(clause) == first_heading[0]:
                found.starts.append(at)  # the instrument's first heading again: a second copy
                substantial = 0
        if known[5]:
            substantial += 1
        if known[4]:
            found.borrowing.add(len(found.starts))
    if found.starts:
        found.positions = {clause.id: at for at, clause in enumerate(order)}
    if owner is not None:
        _LAST[owner] = found
    return found


def instruments_after_edits(edited: list[Clause], owner: object) -> Instruments | None:
    """The instruments last found for `owner`, if the clauses edited since (the tree as it
    was) left them as they were; None if they must be found again."""
    last, memo = _LAST.get(owner), _MEMOS.get(owner)
    if last is None or memo is None:
        return None
    for clause in edited:
        known = memo.get(clause.id)
        if known is None or known[0] != clause.label or known[1] != clause.heading:
            return None
    return last if _texts_say_the_same(edited, memo) else None


def _texts_say_the_same(changed: list[Clause], memo: _Memo) -> bool:
    """Whether clauses whose label and heading are as last read say with their new texts
    what they said: the texts matter only when a changed clause now borrows its terms, opens
    an instrument or has text where it had none (or the other way round). Remembers the texts."""
    for clause in changed:
        known = memo.get(clause.id)
        if known is None or (
            *_marks(clause),
            bool(clause.text) and borrows_terms(clause.text),
            len(clause.text) >= _SUBSTANTIAL,
        ) != (known[3], known[7], known[4], known[5]):
            return False
        memo[clause.id] = known[:2] + (clause.text,) + known[3:]
    return True


def _depth(clause: Clause) -> int:
    depth = 0
    parent = clause.parent
    while parent is not None:
        depth += 1
        parent = parent.parent
    return depth


def attachment(clause: Clause) -> bool:
    """A schedule, annex, appendix or exhibit ("Annex 1", "SCHEDULE B"), not the glossary."""
    return _marks(clause)[1]


def opens_instrument(clause: Clause) -> bool:
    """A schedule, annex or exhibit (not the glossary), or a heading that is an instrument's title."""
    return _marks(clause)[0]


def _marks(clause: Clause) -> tuple[bool, bool]:
    """Whether the clause opens an instrument, and whether it is an attachment, read together:
    both look at its label and heading ("Annex 1", "SCHEDULE B"), or at its text without them."""
    label = clause.label.strip()
    heading = clause.heading.strip()
    named = f"{label} {heading}".strip() if heading else label
    if named:
        if named.lower() == named.upper():
            return False, False  # "1.2", "(c)" is a letter: nothing to read without letters
        if _GLOSSARY.search(named):
            return False, False  # "Appendix: Definitions": the document's glossary
        if _ATTACHMENT.match(named):
            return True, True  # the importer's kind `schedule` alone is not enough: "Flexible schedule"
        return _TITLE_LABEL.match(label) is not None and instrument_title(heading or named), False
    text = clause.text
    if not text:
        # the importer found a later document here (`importers.scopes`)
        return clause.parent is None and bool(clause.children), False
    start = text[:60].strip()
    attached = bool(start) and _ATTACHMENT.match(start) is not None and not _GLOSSARY.search(start)
    if "\n" in text or len(text) > 120:
        first = text[: text.find("\n")] if "\n" in text else ""
        if _MD_HEADING.match(first) and instrument_title(first.lstrip("# ")):
            return True, attached  # "### PRIVACY POLICY FOR SAMSUNG ONLINE SHOP" atop a list item's text
        return False, attached
    line = text.strip()  # a title line the importer kept as a paragraph
    if _DATE_LINE.match(line) and _A_DATE.search(line):
        return True, attached  # "LAST UPDATED ON: 08/08/2022", "This Notice was last updated on May 2026"
    if not line or _GLOSSARY.search(line):
        return False, attached
    return _ATTACHMENT.match(line) is not None or instrument_title(line), attached


def instrument_title(text: str) -> bool:
    """'Data Processing Agreement (DPA)', 'BRAND PAYMENT TERMS AND CONDITIONS': a title, in Title
    Case or capitals, of three words or more, not a heading about a document ("Entire Agreement")."""
    text = text.strip().strip("*_#").strip()
    if not _TITLE_END.search(text) or len(text) > 100:
        return False
    bare = _PARENTHESES.sub(" ", text) if "(" in text else text
    words = [w for w in _WORD.findall(bare) if not _LABEL_WORDS.match(w)]
    significant = [w for w in words if len(w) > 3]
    if len(words) < 3 or sum(1 for w in significant if w[0].isupper()) < 0.75 * len(significant):
        return False
    body = _TITLE_END.sub("", text)
    return not _ABOUT.search(body)


def borrows_terms(text: str) -> bool:
    """Whether the text says its undefined terms take their meaning from another document."""
    lowered = text.lower()
    if "terms" not in lowered and "words" not in lowered:
        return False
    for m in _BORROWS.finditer(text):
        rest = m.group("rest")
        for elsewhere in _ELSEWHERE.finditer(rest):
            if not _HERE.match(elsewhere.group("doc").lstrip("[*_ ")):
                return True
    return False
