"""Where a policy defines its terms: definition clauses, "“Term” means ...", inline definitions.

Forms read (each gives a `Definition`):
- a clause of kind `definition` (its heading is the term: "Personal Data", "User or you");
- a paragraph "“Term” means / shall mean / has the meaning / refers to ..." (quoted anywhere,
  unquoted at the start of a paragraph: "Personal Data means ...");
- a quoted term with a colon opening a paragraph ("“Session cookies”: These are ...");
- inline, in parentheses: ("the Act"), (the "Service"), (hereinafter “X”), (together, the
  “Services”), (each a “User”), (“Company”, “we” or “us”); an acronym after its words
  ("European Economic Area (EEA)"); a bare capitalised phrase ("(Personal Information)").

Alternatives ("User or you", "Pluto, we or us") give one definition with several names.
Nothing here knows about other clauses; `checks.terms` puts the document together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plutoeditor.checks.terms_scan import foreign
from plutoeditor.checks.word_search import WordSearch
from plutoeditor.importers.definitions import read_definition, split_run_together
from plutoeditor.model.clause import Clause, ClauseKind

#: How a term was defined; the weaker forms are not reported as unused.
CLAUSE, MEANS, INLINE, ACRONYM, BARE = "clause", "means", "inline", "acronym", "bare"


@dataclass(frozen=True)
class Definition:
    """One definition: the term as written, the names it can be used by, its meaning, where."""

    term: str
    names: tuple[str, ...]
    meaning: str
    clause_id: str
    form: str
    glued_into: str = ""  # the term whose definition this one was run into, in the source text

    @property
    def explicit(self) -> bool:
        """Written as a definition (not only an acronym or bare phrase in parentheses)."""
        return self.form in (CLAUSE, MEANS, INLINE)


_OPEN_Q, _CLOSE_Q = '“"‘', '”"’'
_QUOTED = re.compile(r"(?:[“\"‘]|(?:^|(?<=\())”|(?<!\w)')([^“”\"‘’\n]{1,80}?)(?:[”\"’“]|'(?!\w))(?![A-Za-z])")
_MEANS_VERB = (
    r"(?:means|mean|shall\s+mean|will\s+mean|has\s+the\s+meanings?|shall\s+have\s+the\s+meanings?|"
    r"have\s+the\s+meanings?|is\s+defined|are\s+defined|refers\s+to|shall\s+refer\s+to|"
    r"includes|shall\s+include|is\s+to\s+be\s+understood|will\s+be\s+understood|is\s+used\s+to\s+mean)\b"
)
_QUOTED_MEANS = re.compile(
    r"(?P<q>[“\"‘])(?P<term>[^“”\"‘’\n]{1,80}?)[”\"’]\s*,?\s*"
    r"(?:(?:or|and)\s+[“\"‘][^“”\"‘’\n]{1,40}[”\"’]\s*,?\s*)*"
    r"(?:\([^()]{0,40}\)\s*)?" + _MEANS_VERB
)
_REFERENCES_TO = re.compile(r"\breferences?\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_QUOTED_COLON = re.compile(
    r"^(?:\(?[0-9a-zA-Z]{1,4}[.)]\s+)?[“\"‘](?P<term>[^“”\"‘’\n]{1,60}?)[”\"’]\s*[:–—-]\s+\S"
)
_CAP_WORD = r"[A-Z][\w’'&/-]*"
_TERM_PHRASE = rf"{_CAP_WORD}(?:\s+(?:of\s+|and\s+|for\s+|to\s+|the\s+|or\s+)?{_CAP_WORD}){{0,5}}"
_BARE_MEANS = re.compile(
    rf"(?:^|(?<=[.;:]\s))(?:\(?[0-9a-zA-Z]{{1,4}}[.)]\s+)?(?:The\s+)?(?:\*\*|__)?(?P<term>{_TERM_PHRASE})"
    r"(?:\*\*|__)?\s*,?\s+"  # "**Consumer**, means ..."
    + _MEANS_VERB.replace(r"includes|shall\s+include|", "")  # "The Service includes ...": prose
)
#: "The Project is a computer software project ...", opening a paragraph: it says what the term is.
_IS_A = re.compile(rf"^(?:[-*•]\s+)?The\s+(?P<term>{_TERM_PHRASE})\s+(?:is|are)\s+(?:a|an)\s")
#: "The Rightsholder (the Person holding rights over the Work) agrees": a term and its gloss.
_GLOSSED = re.compile(
    rf"(?:^|(?<=[.;:]\s))The\s+(?P<term>{_TERM_PHRASE})\s+\((?P<gloss>(?:the|a|an|any)\s+[^()]{{3,120}})\)"
)
_AS_DEFINED = re.compile(
    rf"(?<![\w’'])(?:the\s+)?(?P<term>{_TERM_PHRASE})\s*[(,]?\s*(?:as\s+(?:that\s+term\s+is\s+|such\s+term\s+is\s+)?"
    r"defined|within\s+the\s+meaning|as\s+described|as\s+set\s+out)\b"
)  # "Data Messages (as defined in the ECT Act)", "the Services as defined in the Agreement"


def _any_form(text: str, marks: bool | None = None) -> bool:
    """Something every form needs: parentheses, quotes, a colon or a verb of definition;
    `marks`: whether the text holds one of ( : “ " ‘ | – —, when the caller knows."""
    # plain substring tests, written out: ten times a regex's speed, twice a loop's over a tuple
    return (
        (
            marks
            if marks is not None
            else "(" in text
            or ":" in text
            or "“" in text
            or '"' in text
            or "‘" in text
            or "|" in text
            or "–" in text
            or "—" in text
        )
        or "*" in text  # a one-character search first: many times faster than "**"
        and "**" in text
        or "_" in text
        and "__" in text
        or _means_words(text)
    )


def _means_words(text: str) -> bool:
    """Whether the text holds the beginning of a verb of definition ("means", "refers to")."""
    return "mean" in text or "refer" in text or "defined" in text or "includ" in text or "understood" in text


_DEFINITIONS_HEADING = WordSearch(
    r"\b(?:definitions?|glossary|interpretation|terminology)\b",
    ("defin", "glossar", "interpret", "terminolog"),
)
_AS_HINT = re.compile(
    r"(?:as|within)\s+(?:that\s+|such\s+)?(?:defined|term|the\s+meaning|described|set\s+out)"
)
_VERB_AFTER_SPACE = re.compile(r"\s(?:mean|refer|defined|understood)")
_PARENS = re.compile(r"\(([^()\n]{1,200})\)")
_GLOSS_INSIDE = re.compile(
    r"^\s*(also\s+known\s+as|also\s+called|otherwise\s+known\s+as)(?:\s+(?:or|and))*\s*$", re.I
)
_PLURAL_ENDING = re.compile(r"(?<=[A-Za-z])\((?:s|es)\)")
#: Words that may stand around the quoted term inside the parentheses of an inline definition.
_FILLER = re.compile(
    r"^(?:\s|[,;:]|hereinafter|hereafter|herein|hereunder|below|above|referred|to|as|called|known|"
    r"together|collectively|jointly|severally|individually|each|both|all|any|the|a|an|or|and|"
    r"also|in|this|these|its|their|our|your|policy|agreement|terms|notice|respectively|singular|plural|"
    r"as\s+applicable|as\s+the\s+case\s+may\s+be|in\s+(?:each|either|any)\s+case|including|with|such|simply|being|shall|be|is|are|"
    r"means?|defined|“|”|\"|‘|’)*$",
    re.IGNORECASE,
)
_SECTION_BEFORE = re.compile(
    r"\b(?:section|clause|article|paragraph|part|schedule|annex|appendix|exhibit)s?\s+[\dA-Z][\w.]*$",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^(?:the\s+)?([A-Z][A-Z0-9&]{1,7}s?)$")
_BARE = re.compile(
    rf"^(?:(?:each|individually|collectively|together|jointly|hereinafter|or)[,:]?\s+)?(?:(?:the|a|an)\s+)?"
    rf"({_TERM_PHRASE})$"
)  # "(Personal Information)", "(each a Digital Property)"
#: "Passenger – a person requesting a ride": a glossary entry with a dash; "(also ...)" may follow.
_DASH_ENTRY = re.compile(rf"^(?P<term>{_TERM_PHRASE})\s*(?:\([^()]{{0,60}}\)\s*)?[–—]\s+\S")
#: First words that make a paragraph's "X means" an ordinary sentence ("This means ...").
_NOT_A_TERM = frozenset(
    "This That These Those It Which What Who Each Every Such Our Your Their His Her Its We You They "
    "There Here Any All No Nothing Something Anything Everything One Some Please Note If When".split()
)
_ALTERNATIVES = re.compile(r"\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s*/\s*)")
_LOWER_NAMES = frozenset("we us our ours you your yours i me my they them their he she".split())
MAX_TERM_WORDS = 8


def definitions_in(clause: Clause, marks: bool | None = None) -> list[Definition]:
    """Every definition written in one clause (heading and text); `marks`: whether its text
    holds one of ( : “ " ‘ | – —, when the caller knows (see `_any_form`)."""
    listed = _listed_term(clause)
    in_definitions = _in_definitions(clause)
    line = in_definitions and _listed_line(clause)
    if not (
        clause.kind is ClauseKind.DEFINITION
        or listed
        or in_definitions
        or _any_form(clause.text, marks)
        or (clause.heading and _any_form(clause.heading))
    ):
        return []  # most clauses: nothing that could define a term
    found: list[Definition] = []
    seen: set[str] = set()

    def add(term: str, meaning: str, form: str, glued_into: str = "") -> None:
        term = _clean_term(term)
        names = names_of(term)
        words = term.split()
        if not names or len(words) > MAX_TERM_WORDS or _FILE_NAME.search(term):
            return  # "DMCACounternoticeForm.pdf", "docs/terms": a file or an address, not a term
        if len(words) > 3 and form != CLAUSE and all(w[:1].islower() for w in words[1:]):
            return  # "Can be mathematically eliminated": a phrase in quotes, not a term
        key = term.casefold()
        if key in seen:
            return
        seen.add(key)
        found.append(Definition(term, names, meaning.strip(), clause.id, form, glued_into))

    if clause.kind is ClauseKind.DEFINITION and clause.heading.strip():
        parts = split_run_together(clause.heading.strip(), clause.text)
        add(parts[0][0], parts[0][1], CLAUSE)
        for term, meaning in parts[1:]:
            add(term, meaning, CLAUSE, glued_into=_clean_term(parts[0][0]))
    if listed:
        add(clause.heading, clause.text or " ".join(c.text for c in clause.children[:1]), BARE)
    if line:
        add(clause.text, "", BARE)  # "Account" on a line of its own, its meaning on the next
    if clause.heading and ("(" in clause.heading or "“" in clause.heading or '"' in clause.heading):
        _paragraph_definitions(clause.heading, add)  # "Service Order (the “Service Order”)"
    text = clause.text
    if not text:
        return found
    paragraphs = text.split("\n") if "\n" in text else [text]
    listing = len(paragraphs) > 1 and in_definitions
    for at, paragraph in enumerate(paragraphs):
        if listing and at and _term_line(paragraph):
            add(paragraph, " ".join(paragraphs[at + 1 : at + 2]), BARE)  # "Account", its meaning below
            continue
        if foreign(paragraph):
            continue  # the rules read English definitions
        if "``" in paragraph:
            paragraph = paragraph.replace("``", "“").replace("''", "”")  # TeX quotes in old licences
        _paragraph_definitions(paragraph, add)
        if paragraph.startswith("|"):  # a glossary table: "| Affiliate | means any entity ... |"
            cells = [c.strip() for c in paragraph.strip("|").split("|")]
            if len(cells) >= 2 and 0 < len(cells[0].split()) <= 5 and cells[0][:1].isupper() and cells[1]:
                add(cells[0], cells[1], BARE)
            continue
        if in_definitions:
            entry = _IS_ENTRY.match(paragraph)
            if entry and entry.group("term").split()[0] not in _NOT_A_TERM:
                add(entry.group("term"), paragraph[entry.end() :], BARE)
        if "–" in paragraph or "—" in paragraph:
            dash = _DASH_ENTRY.match(paragraph)
            if dash and len(dash.group("term").split()) <= 5:
                add(dash.group("term"), paragraph[dash.end() - 1 :], BARE)
        if ":" in paragraph:
            glossary = read_definition(paragraph)  # "Data Asset: A collection of ..." in running text
            if glossary and len(glossary[0].split()) <= 5 and glossary[0][:1].isupper():
                add(glossary[0], glossary[1], BARE)
    return found


def _listed_term(clause: Clause) -> bool:
    """A clause headed by a term in a "Definitions" section: "2.9 - Program Participants"."""
    if not clause.heading or clause.parent is None or not clause.parent.heading:
        return False
    parent = clause.parent
    heading = clause.heading.strip()
    return (
        parent is not None
        and clause.kind is not ClauseKind.DEFINITION
        and 0 < len(heading.split()) <= 5
        and heading.lstrip("-–—•· ")[:1].isupper()
        and _defines(parent.heading)
    )


_FILE_NAME = re.compile(
    r"^\S+\.(?:pdf|docx?|html?|txt|png|jpe?g|gif|zip|csv|xlsx?)$|^\S*/\S*$", re.IGNORECASE
)
#: "Personal Data is any information ...", "Data Controller, refers to ...": an entry of a
#: Definitions section (its term in bold in the source, the bold gone on import).
_IS_ENTRY = re.compile(
    rf"^(?:\*\*|__)?(?P<term>{_TERM_PHRASE})(?:\*\*|__)?\s*,?\s+(?:is|are|refers\s+to)\s+"
    r"(?:any|an?|the|all|each|every|data|information)\b"
)
_LINE_TERM = re.compile(rf"^{_TERM_PHRASE}:?$")  # "Account", or "Account:" with its meaning below


def _listed_line(clause: Clause) -> bool:
    """A short line of its own (in a Definitions section), the term whose meaning follows it."""
    text = clause.text
    return not (clause.heading or clause.label or "\n" in text) and _term_line(text)


def _in_definitions(clause: Clause) -> bool:
    """A clause of a Definitions section, or one itself headed so."""
    if clause.heading and _defines(clause.heading):
        return True
    parent = clause.parent
    return parent is not None and bool(parent.heading) and _defines(parent.heading)


#: heading -> whether it heads definitions: asked of a section's heading for each of its clauses
_DEFINES: dict[str, bool] = {}


def _defines(heading: str) -> bool:
    """Whether a heading is that of definitions ("Definitions", "Glossary", "Interpretation")."""
    known = _DEFINES.get(heading)
    if known is None:
        if len(_DEFINES) >= 4096:
            _DEFINES.clear()
        known = _DEFINES[heading] = _DEFINITIONS_HEADING.search(heading) is not None
    return known


def _term_line(text: str) -> bool:
    """A line that is a term alone: "Account", "App Store", "Crossing Pass"."""
    return 0 < len(text) <= 60 and 0 < len(text.split()) <= 5 and _LINE_TERM.match(text.strip()) is not None


def _paragraph_definitions(paragraph: str, add) -> None:  # type: ignore[no-untyped-def]
    if "(s)" in paragraph or "(es)" in paragraph:
        paragraph = _PLURAL_ENDING.sub(
            "", paragraph
        )  # '(collectively the “Site(s)”)': one pair of parentheses
    if "(" in paragraph:
        for group in _PARENS.finditer(paragraph):
            _inline(group, paragraph, add)
    if "“" in paragraph or '"' in paragraph or "‘" in paragraph:  # an opening quote (_OPEN_Q)
        for m in _QUOTED_MEANS.finditer(paragraph):
            if _REFERENCES_TO.search(paragraph, max(0, m.start() - 20), m.start()):
                continue  # 'References to “Customers” shall include Agencies': not a definition
            head = re.sub(r"\([^()]*\)", lambda g: " " * len(g.group()), paragraph[m.start() : m.end()])
            for quoted in _QUOTED.finditer(head):  # not "(in the ‘Car rentals’ section)"
                add(quoted.group(1), paragraph[m.end() :], MEANS)
        colon = _QUOTED_COLON.match(paragraph)
        if colon:
            add(colon.group("term"), paragraph[colon.end() - 1 :], MEANS)
    if _AS_HINT.search(paragraph):
        for m in _AS_DEFINED.finditer(paragraph):  # "Data Messages (as defined in the ECT Act)"
            add(m.group("term"), paragraph[m.end() :], BARE)
    if "The " in paragraph:
        described = _IS_A.match(paragraph)  # "The Project is a computer software project ..."
        if described and described.group("term").split()[0] not in _NOT_A_TERM:
            add(described.group("term"), paragraph[described.end() :], BARE)
        if "(" in paragraph:  # the pattern tries every position: asked only where it can match
            for glossed in _GLOSSED.finditer(paragraph):  # "The Rightsholder (the Person holding ...)"
                add(glossed.group("term"), glossed.group("gloss"), BARE)
    if not _means_words(paragraph) or not _VERB_AFTER_SPACE.search(paragraph):
        return  # every verb of _BARE_MEANS follows a space: not "preferences", "including"
    for bare in _BARE_MEANS.finditer(paragraph):  # "User Content means ..." opening a sentence
        if bare.group("term").split()[0] not in _NOT_A_TERM:
            add(bare.group("term"), paragraph[bare.end() :], MEANS)


def _inline(group: re.Match[str], paragraph: str, add) -> None:  # type: ignore[no-untyped-def]
    inside = group.group(1).strip()
    before = paragraph[max(0, group.start() - 120) : group.start()].strip()
    if _SECTION_BEFORE.search(before):
        return  # 'Section 1 ("Information We Collect")': the title of a section, not a definition
    quoted = list(_QUOTED.finditer(inside))
    if quoted:
        rest = _QUOTED.sub(" ", inside)
        if _FILLER.match(rest):
            gloss = _GLOSS_INSIDE.match(rest)
            if gloss:  # 'tags (also known as "Smart Labels")': the meaning shows the gloss
                before += f" ({' '.join(gloss.group(1).split())})"
            for q in quoted:
                term = _clean_term(q.group(1))
                if term[:1].isupper() or term.lower() in _LOWER_NAMES:
                    add(q.group(1), before, INLINE)
        return
    acronym = _ACRONYM.match(inside)
    if acronym:
        add(acronym.group(1), before, ACRONYM)
        return
    m = _BARE.match(inside)
    if m and len(m.group(1).split()) <= 5 and m.group(1).split()[0] not in _NOT_A_TERM:
        add(m.group(1), before, BARE)


def _clean_term(term: str) -> str:
    term = term.strip().strip(_OPEN_Q + _CLOSE_Q + "*_ ").rstrip(":,.;").lstrip("-–—•· ").strip()
    if term.endswith(")") and "(" in term:
        term = term[
            : term.rindex("(")
        ].rstrip()  # "Attraction service(s)", "Known Vulnerability (Vulnerabilities)"
    term = term.strip(_OPEN_Q + _CLOSE_Q + " ")
    if term[:4] in ("the ", "The ") and len(term) > 4:
        term = term[4:]
    return term


def names_of(term: str) -> tuple[str, ...]:
    """The names a term may be used by: "Pluto, we or us" -> ("Pluto", "we", "us").

    A term joined by "and" ("Terms and Conditions") is one name; quotes and a leading "the"
    are dropped.
    """
    term = term.strip()
    if not term:
        return ()
    parts = [p for p in (_clean_term(p) for p in _ALTERNATIVES.split(term)) if p]
    if len(parts) > 1 and all(len(p.split()) <= 4 for p in parts):
        # "Data Controller or Controller": every part is a name; "Buy or Sell Orders" is one
        if any(p[:1].isupper() for p in parts):
            return tuple(dict.fromkeys(parts))
    return (term,) if term[:1].isalnum() else ()
