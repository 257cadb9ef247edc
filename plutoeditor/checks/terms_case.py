"""`term-case`: a defined term of several words written in another case ("personal data"
where "Personal Data" is defined), one finding per clause and term.

Not the tail of a longer capitalised name, words that only modify a head noun, another
legal category, a drafting note, the preamble before the definitions, the words written before
an inline definition coins the term from them, another instrument's
term, the words of a sentence that names a law or of someone else's concept ("under the
provider's rules"), nor a variant the document writes as often as the term itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from plutoeditor.checks.finding import Finding, make
from plutoeditor.checks.terms_index import ClauseTerms, TermIndex
from plutoeditor.checks.terms_recognise import INLINE
from plutoeditor.checks.terms_scan import opens_sentence
from plutoeditor.checks.terms_scopes import Instruments
from plutoeditor.model.clause import Clause, ClauseKind


def case_variants(
    index: TermIndex,
    scopes: Instruments,
    every: list[tuple[Clause, ClauseTerms]],
    positions: Callable[[], dict[str, int]],
) -> list[Finding]:
    """term-case: per clause, each defined term it writes in another case (and how often);
    `every` lists at least the clauses that write one (in document order); `positions` gives
    each clause's place in document order (`TermsMemo.positions`, kept between edits)."""
    found = []
    defined_in = {(d.clause_id, name) for d in index.definitions for name in d.names}
    governs: dict[str, set[int]] = {}  # defined name -> the instruments that define it
    for d in index.definitions:
        for name in d.names:
            governs.setdefault(name, set()).add(scopes.of(d.clause_id))
    entries = [
        (clause, _own_variants(index, entry.text, entry.variants, clause.kind is ClauseKind.DEFINITION))
        for clause, entry in every
        if entry.variants
    ]
    other_case: dict[str, int] = {}
    for _, variants in entries:
        for _, name, _ in variants:
            other_case[name] = other_case.get(name, 0) + 1
    preamble = _preamble(index) if entries else frozenset()
    limited = _limited_names(index) if entries else frozenset()
    coined_at = _coined_at(index, positions) if entries else {}
    place = positions() if coined_at else {}
    for clause, variants in entries:
        counts: dict[tuple[str, str], int] = {}
        for written, name, same_number in variants:
            if same_number:
                counts[(written, name)] = counts.get((written, name), 0) + 1
        for (written, name), count in counts.items():
            if (clause.id, name) in defined_in:
                continue  # inside the term's own definition
            if scopes.of(clause.id) not in governs.get(name, ()):
                continue  # another instrument on the page (the clauses an annex quotes) defines it
            if other_case[name] >= index.uses.get(name, 0):
                continue  # mostly written so (a quoted statute, the ordinary words): not a slip
            if name in limited and any(w[:1].islower() for w in written.split()):
                continue  # "‘Booking Confirmation’ (in the ‘Car rentals’ section)": elsewhere the words
            if clause.id in preamble and not any(
                d.clause_id in preamble for d in index.by_name.get(name, ())
            ):
                continue  # the preamble speaks of "source code" before the licence defines Source Code
            if place.get(clause.id, len(place)) < coined_at.get(name, -1) and any(
                w[:1].islower() for w in written.split()
            ):
                continue  # "this original software ... (the “Original Software”)": not yet a term
            times = "" if count == 1 else f" ({count} times)"
            message = f"“{written}” is written here{times}; the defined term is “{name}”"
            found.append(make("term-case", clause.id, clause.label, message, clause.line, target=name))
    return found


_PART = r"(?:section|clause|part|chapter|schedule|annex|appendix|exhibit|article|paragraph)s?"
#: After the term: "‘Pick-up Time’ (in the ‘Car rentals’ section) means ...".
_FOR_A_PART_AFTER = re.compile(
    rf"[”\"’']?\s*\((?:in|for|within)\s+(?:the\s+|this\s+)?[^()]{{0,60}}?\b{_PART}\)", re.I
)
#: Before it: "For the purposes of this section, ...", "Throughout Section D, ...", "In this Part 2, ...".
_FOR_A_PART_BEFORE = re.compile(
    rf"\b(?:(?:for\s+(?:the\s+)?purposes?\s+of|throughout|as\s+used\s+in|when\s+used\s+in|in)\s+"
    rf"(?:(?:this|these|that)\s+{_PART}\b|{_PART}\s+[\dA-Z][\w.]*)[^.;]{{0,40}}?,?\s*[“\"‘']?\s*)$",
    re.IGNORECASE,
)


def _limited_names(index: TermIndex) -> frozenset[str]:
    """The names whose every definition is for one part of the document only ("For the purposes
    of this section, ...", "(in the ‘Car rentals’ section)"): used elsewhere in lower case they
    are the ordinary words."""
    clauses = index.clause_by_id()
    limited: dict[str, bool] = {}
    for definition in index.definitions:
        clause = clauses.get(definition.clause_id)
        text = clause.text if clause is not None else ""
        one_part = _for_one_part(text, definition.term)
        for name in definition.names:
            limited[name] = limited.get(name, True) and one_part
    return frozenset(name for name, only in limited.items() if only)


def _for_one_part(text: str, term: str) -> bool:
    at = text.find(term)
    while at >= 0:
        if _FOR_A_PART_AFTER.match(text, at + len(term)) or _FOR_A_PART_BEFORE.search(
            text, max(0, at - 100), at
        ):
            return True
        at = text.find(term, at + 1)
    return False


def _coined_at(index: TermIndex, positions: Callable[[], dict[str, int]]) -> dict[str, int]:
    """Where each name defined only inline, in running text, is first defined (its clause's
    place in document order): the words written before a term is coined from them are the
    ordinary words."""
    inline: dict[str, bool] = {}
    for d in index.definitions:
        for name in d.names:
            inline[name] = inline.get(name, True) and d.form == INLINE
    if not any(inline.values()):
        return {}
    place = positions()
    return {
        name: min(place.get(d.clause_id, len(place)) for d in index.by_name[name])
        for name, only in inline.items()
        if only and index.by_name.get(name)
    }


def _preamble(index: TermIndex) -> frozenset[str]:
    """The unnumbered clauses before the first numbered one, in a numbered document: its preamble."""
    ids: list[str] = []
    for clause in index.order:
        if clause.label.strip():
            return frozenset(ids)
        ids.append(clause.id)
    return frozenset()  # nothing numbered: no preamble to tell apart


def _own_variants(
    index: TermIndex, text: str, variants: list[tuple[str, str]], a_definition: bool = False
) -> list[tuple[str, str, bool]]:
    """The case variants a reader would take for the term itself. Not the tail of a longer
    capitalised name ("Personal Data subject to the LGPD" is not "Data Subject"), the words as
    part of a longer compound ("payment transaction data", "the source code distribution"), nor
    another legal category ("sensitive personal information"). With each, whether its head noun
    has the term's number (else it names something else, though in the same words)."""
    wanted = set(variants)
    kept = []
    others: set[str] = set()  # words written of someone else's things so far: "third-party web sites"
    for start, end, written, name in index.find_uses(text):
        if (written, name) not in wanted:
            continue
        if written[:1].isupper() and _after_capitalised_word(text, start):
            continue
        if _after_hyphens(written) == _after_hyphens(name):
            continue  # "Pick-Up Time" for "Pick-up Time": the same term, in Title Case throughout
        lower = any(w[:1].islower() for w in written.split())  # "personal data", "AI models", "Web sites"
        if _NEXT_NOUN.match(text, end):
            continue
        if lower and (
            _QUALIFIED.search(text, max(0, start - 40), start) is not None
            or _LINKED.match(text, end)  # "any web sites linked to or from this Web Site": other sites
            or _OTHERS_MADE.match(text, end)  # "Web sites published by third parties"
        ):
            others.add(written.casefold())
            continue
        if lower and written.casefold() in others and _SUCH.search(text, max(0, start - 12), start):
            continue  # "... third party web sites ... the content of such web sites": those sites
        if lower and _heading_line(text, start):
            continue  # "Using the Fresha platform": a heading in sentence case
        if lower and _singular(written.casefold()) in _LAW_CATEGORIES:
            continue  # "nothing else grants you permission to modify the software or its derivative works"
        if lower and _SUMMARY.match(text, text.rfind("\n", 0, start) + 1):
            continue  # "In summary: you appoint Snap to process customer personal data": plain words
        if lower and _in_own_explanation(text, start, name):
            continue  # "Usage Data (such as anonymous or aggregate user usage data, ...)": its explanation
        if lower and _ON_A_SUBJECT.match(text, end) and _LAW_WORD.search(name):
            continue  # "the applicable laws on hacking and computer crime": those laws, not every law
        if lower and _describes_another(text, end, name):
            continue  # "... including linked services (hereinafter "External Services")": its description
        if lower and _ANOTHERS.match(text, end):
            continue  # "not a Mass Filing under this Agreement, but a mass filing under the provider's rules"
        if lower and _POINTS_TO_DEFINITION.match(text, end):
            continue  # "a mass filing (defined in the section titled Mass Filing below)"
        if lower and (a_definition or _in_other_definition(text, start, name)):
            continue  # '"Criteo Data" means ... aggregated client data that ...': general words
        if lower and _ONE_OF_KINDS.search(text, max(0, start - 40), start):
            continue  # "private or public transport", "copyrighted or proprietary material": a kind
        if text.rfind("[", 0, start) > text.rfind("]", 0, start):
            continue  # "[Agency will insert the notice ... of original software]": a drafting note
        # "the subscription term" is not the "Subscription Terms"; it still counts as the
        # words written in lower case (below)
        # nor a sentence that names a law ("California law requires us to inform residents who gave
        # us personal information"): it speaks in the law's words; both still count as written so
        another = lower and (_other_number(text, start, end, name) or _cites_a_law(text, start, end))
        kept.append((written, name, not another))
    return kept


#: A head noun after the words: they only modify it ("payment transaction data", "source code
#: distribution", "end user licence").
_NEXT_NOUN = re.compile(
    r"[ \u00a0](?:data|information|distributions?|files?|records?|details|numbers?|systems?|documentation|"
    r"materials?|products?|holders?|owners?|providers?|processing|programs?|programmes?|licen[cs]es?|"
    r"agreements?|terms|accounts?|polic(?:y|ies)|forms?|settings|page|pages|history|histories|"
    r"repositor(?:y|ies)|developers?|vendors?|emails?|usage|protection|legislation|rights|rules|requests?)\b"
)
#: Words that make the phrase another legal category: "sensitive personal data", "U.S. Government
#: end users".
#: ... or someone else's: "links to third-party web sites", "other service providers".
_QUALIFIED = re.compile(
    r"\b(?:sensitive|special|nonpublic|non-public|third[- ]party|third[- ]parties'?|other|another|linked|"
    r"government|federal)"
    r"[ \u00a0](?:[\w-]+,? (?:and|or) )?$",  # "third-party websites and mobile apps"
    re.IGNORECASE,
)
#: ... or, after the words, another thing joined to it: "the web sites linked to this Web Site".
_LINKED = re.compile(r"[ \u00a0]linked (?:to|from)\b", re.IGNORECASE)
#: ... or made by others: "Web sites published by third parties", "apps operated by other companies".
_OTHERS_MADE = re.compile(
    r"[ \u00a0](?:published|operated|owned|run|maintained|controlled|hosted|offered|provided)\s+by\s+"
    r"(?:third[- ]part|others?\b|other\s|another\b|any\s+third)",
    re.IGNORECASE,
)
#: Categories of copyright law ("derivative work", 17 U.S.C. § 101): in lower case they are the
#: law's, which a licence's defined Derivative Work narrows ("that portion of any work that ...").
_LAW_CATEGORIES = frozenset(
    ("derivative work", "collective work", "joint work", "work made for hire", "compilation work")
)


def _after_hyphens(words: str) -> str:
    """The words with each letter after a hyphen in lower case: "Pick-Up Time" -> "Pick-up Time"."""
    return re.sub(r"-(\w)", lambda m: "-" + m.group(1).lower(), words)


def _heading_line(text: str, start: int) -> bool:
    """Whether the line holding `start` is a short heading: a few words, no sentence's stop."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = text[begin : end if end >= 0 else len(text)].strip()
    return (
        len(line) <= 70 and len(line.split()) <= 8 and not line.endswith((".", ";", ":", ",", "!", "?", ")"))
    )


def _singular(words: str) -> str:
    return words[:-1] if words.endswith("works") else words


#: A plain-language summary beside the terms: "In summary: ...", "Short version: ...".
_SUMMARY = re.compile(
    r"\W{0,4}(?:in\s+summary|in\s+short|short\s+version|summary|tl;\s?dr)\b\W{0,4}[:,–—-]", re.I
)


def _in_own_explanation(text: str, start: int, name: str) -> bool:
    """Whether `start` lies in parentheses opened right after the term itself: "Usage Data (such
    as ... usage data ...)" explains the term in general words."""
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", 0, start) > opened:
        return False
    return text[:opened].rstrip().endswith(name)


#: Laws narrowed to one subject: "applicable laws on hacking", "data protection laws regarding ...".
_ON_A_SUBJECT = re.compile(
    r"[ \u00a0](?:on|regarding|concerning|relating\s+to|governing|in\s+respect\s+of)\s",
    re.IGNORECASE,
)
_LAW_WORD = re.compile(r"\b(?:Laws?|Legislation|Regulations?|Rules)$")
#: The rest of a description that an inline definition closes: "... linked services (hereinafter
#: “External Services”)", "Fares for public transport (the “Harbour Fares”)".
_INLINE_AFTER = re.compile(
    r"[^.;()\n]{0,100}?\((?:(?:hereinafter|hereafter|collectively|together|jointly|each)[,:]?\s+)?"
    r"(?:referred\s+to\s+as\s+)?(?:(?:the|a|an)\s+)?[“\"‘](?P<term>[^”\"’\n]{1,60})[”\"’]"
)


def _describes_another(text: str, end: int, name: str) -> bool:
    """Whether the words ending at `end` describe another term that the sentence defines inline."""
    m = _INLINE_AFTER.match(text, end)
    return m is not None and m.group("term").casefold() != name.casefold()


#: The words said to be someone else's concept: "a mass filing pursuant to the arbitration
#: provider's rules", "a dispute within the meaning of the Bank's terms".
_ANOTHERS = re.compile(
    r"[ \u00a0]+(?:pursuant\s+to|under|as\s+defined\s+(?:in|by|under)|within\s+the\s+meaning\s+of|"
    r"according\s+to)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?[\w-]+['’]s?\s",
    re.IGNORECASE,
)
#: The words pointing to where the term is defined: "mass filing (as defined below)".
_POINTS_TO_DEFINITION = re.compile(r"\s*\((?:as\s+|which\s+is\s+|is\s+)?defined\b", re.IGNORECASE)
#: A word pointing back to the things just named: "such web sites", "those apps".
_SUCH = re.compile(r"\b(?:such|these|those|said)[ \u00a0]$", re.IGNORECASE)
#: The words offered as one of several kinds of a thing: "private or public transport",
#: "advertising or promotional materials", "copyrighted or trademarked or proprietary material".
_ONE_OF_KINDS = re.compile(
    r"\b(?!(?:the|a|an|any|your|our|their|its|his|her|this|that|such|all)\b)[a-z][\w-]+,? or $"
)


#: A law named in a sentence: its acronym ("Under the CCPA, ..."), its title ("the Privacy Act",
#: "California law requires ...", "the Civil Code"), or words pointing to its definitions ("(as
#: those terms are defined under ...)"). Such a sentence speaks in the law's words, not the document's.
_LAW_NAMED = re.compile(
    r"\b(?:CCPA|CPRA|GDPR|PIPEDA|FIPPA|LGPD|PIPL|APPI|COPPA|HIPAA|GLBA|FERPA|VCDPA|CDPA|CTDPA|PDPA|"
    r"POPIA|FADP|CalOPPA)\b"
    r"|\b(?!(?:Applicable|Governing|Relevant|Local|Such|This|That|The|Any|All|Our|Your|Other)\b)"
    r"[A-Z][a-z]+[ \u00a0](?:law|Act|Regulation|Directive)\b"
    r"|\b(?:Civil|Penal|Commercial|Consumer|Criminal|Labou?r|Tax|Professions)[ \u00a0]Code\b"
    r"|\bas[ \u00a0](?:that|those|these|such)[ \u00a0]terms?[ \u00a0](?:is|are)[ \u00a0](?:defined|used)\b"
)
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")


def _cites_a_law(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding `start`..`end` names a law: its words are the law's."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        begin = m.end()
    after = _SENTENCE_END.search(text, end)
    return _LAW_NAMED.search(text, begin, after.start() if after else len(text)) is not None


#: A paragraph that defines a term: '“Route Data” means ...', "Harbour Fee shall mean ...".
_DEFINING = re.compile(
    r"(?:\(?[0-9a-zA-Z]{1,4}[.)]\s+)?\W{0,4}(?P<term>[A-Z][\w’'&/-]*(?:[ \u00a0][\w’'&/-]+){0,7}?)"
    r"[”\"’“*]{0,3}\s*,?\s+(?:means|mean|shall\s+mean|will\s+mean|refers\s+to|shall\s+refer\s+to|"
    r"is\s+defined\s+as)\b"
)
_NOT_DEFINED = frozenset("This That These Those It Which What Who Such There Here".split())


def _in_other_definition(text: str, start: int, name: str) -> bool:
    """Whether `start` lies in the meaning of a definition of another term written in its
    paragraph ('“Route Data” means customer data and ...'): a definition says what a term is
    in general words, so its "customer data" is any customer's data, not the defined term."""
    begin = text.rfind("\n", 0, start) + 1
    m = _DEFINING.match(text, begin, start)
    if m is None or m.group("term").split()[0] in _NOT_DEFINED:
        return False
    return m.group("term").casefold() != name.casefold()


def _after_capitalised_word(text: str, start: int) -> bool:
    """Whether a capitalised word, not opening the sentence, stands just before `start`."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return False
    begin = start - 2
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "-’'"):
        begin -= 1
    if not text[begin].isupper():
        return False
    line_start = text.rfind("\n", 0, begin) + 1
    return not opens_sentence(text[line_start:], begin - line_start)


def _other_number(text: str, start: int, end: int, name: str) -> bool:
    """Whether a plural term of several words ("Subscription Terms", the conditions) is written
    with its head noun in the singular ("the subscription term", a period): another sense.
    (Not the other way: "trusted roles" for "Trusted Role" is the term, in the plural.)"""
    return " " in name and _plural(name) and not _plural(text[start:end])


def _plural(words: str) -> bool:
    """Whether the last word is a plural ("Terms", "Services", "parties'"); not a possessive
    ("term's"), nor "Business", "Access", "Status", "Analysis"."""
    if words.endswith(("'s", "’s")):
        words = words[:-2]
    return _PLURAL.search(words) is not None


_PLURAL = re.compile(r"(?<![siu])s['’]?$", re.IGNORECASE)
