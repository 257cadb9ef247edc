"""Defined-term findings: what a proofreader checks first in a policy.

- `undefined-term` (warning): a capitalised phrase used mid-sentence as a defined term at
  least twice ("the Website"), defined nowhere; names, dates, statutes, headings, the title
  and words in capitals are not terms (`checks.terms_ordinary`, `checks.terms_scan`).
- `unused-definition` (warning): a term defined and never used.
- `duplicate-definition`: a term defined twice; an error when both are written as
  definitions and their meanings differ, a warning when they say the same or one is inline.
- `term-case` (warning): a defined term of several words written in another case
  ("personal data" where "Personal Data" is defined), one finding per clause and term.
- `glued-definition` (warning): a definition run into the end of the one before it in the
  source ("...domains.Pluto, we or usPluto LMS LTD"), so the document never defines it;
  found in the text or where the importer split two definitions read from one source line.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import replace

from plutoeditor.checks.finding import DOCUMENT, ERROR, WARNING, Check, Finding, make
from plutoeditor.checks.terms_index import ClauseTerms, TermIndex, term_index
from plutoeditor.checks.terms_ordinary import ordinary_phrase
from plutoeditor.checks.terms_recognise import ACRONYM, BARE, INLINE, Definition
from plutoeditor.checks.terms_scan import opens_sentence
from plutoeditor.checks.terms_scopes import Instruments, instruments
from plutoeditor.model.clause import Clause, ClauseKind
from plutoeditor.model.policy import Policy

#: The codes, with their severities (duplicate-definition is softened to a warning when unsure).
CODES = {
    "undefined-term": WARNING,
    "unused-definition": WARNING,
    "duplicate-definition": ERROR,
    "term-case": WARNING,
    "glued-definition": WARNING,
}
TERM_CODES = tuple(CODES)
MIN_USES = 2  # uses mid-sentence; two of them as a noun ("the Website", "our Services")
_PRONOUNS = frozenset("we us our ours you your yours i me my they them their".split())
_PART = r"(?:section|clause|part|schedule|annex|appendix|exhibit|addendum|paragraph|article|chapter)s?"
#: A definition meant for one part only: "In this Schedule, ...", "throughout Section B, ...",
#: "defined in the General Terms; however, as used in these Service Terms, it means ...".
_SCOPED = re.compile(
    rf"\b(?:as used in|for (?:the )?purposes? of|throughout|only in|when used in|in)\s+"
    rf"(?:(?:this|these|that)\s+{_PART}\b|{_PART}\s+[\dA-Z])|\bhowever,?\s+(?:as used|when used|in)\b",
    re.IGNORECASE,
)
#: "for purposes of Colorado Revised Statute § 6-1-731.1(e), the term X shall mean ...": for one law.
_FOR_A_LAW = re.compile(r"\b[Ff]or (?:the )?purposes? of (?:the )?[A-Z]")
#: Words that may limit a definition to one part: it is then not certainly wrong twice.
_MAYBE_SCOPED = re.compile(
    r"\b(?:as used in|for (?:the )?purposes? of|throughout|only in|when used in)\b", re.IGNORECASE
)
#: "[ ] B. ... means": one of several definitions offered to choose from (a template's boxes).
_CHECKBOX = re.compile(r"^\s*(?:\[\s*[xX]?\s*\]|[☐☑☒])")
_POINTS_BACK = re.compile(
    r"^\W*(?:set out|given|ascribed|assigned|defined|stated)\b.{0,40}?"
    r"\b(?:this|above|herein|hereof|earlier)\b",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def check_terms(policy: Policy) -> list[Finding]:
    """Every term finding of a policy; only the clauses changed since the last call are read again."""
    return term_findings(term_index(policy))


def term_findings(index: TermIndex) -> list[Finding]:
    """Every term finding of the indexed policy (refresh the index first)."""
    found: list[Finding] = []
    if not index.english():
        return found  # capitals mean other things in German or French; the rules are English
    clauses = index.clause_by_id()
    scopes = instruments(index.order, index)
    found += _duplicates(index, clauses, scopes)
    found += _unused(index, clauses)
    found += _glued(index, clauses)
    entries = index.entries()
    found += _case_variants(index, scopes, entries)
    found += _undefined(index, scopes, entries)
    return found


def _finding(code: str, clause: Clause, message: str, target: str) -> Finding:
    return make(code, clause.id, clause.label, message, clause.line, target=target)


def _duplicates(index: TermIndex, clauses: dict[str, Clause], scopes: Instruments) -> list[Finding]:
    found = []
    first: dict[tuple[int, str], Definition] = {}
    for definition in index.definitions:
        if definition.form in (ACRONYM, BARE) or not definition.term[:1].isupper():
            continue
        if definition.term.casefold() in _PRONOUNS:
            continue  # "Us", "our": alternatives of the party, named again wherever it is named
        # each instrument on the page (a second version, an annex, the clauses it quotes)
        # defines its own terms
        key = (scopes.of(definition.clause_id), definition.term.casefold())
        earlier = first.get(key)
        if earlier is None:
            first[key] = definition
            continue
        if earlier.clause_id == definition.clause_id or _POINTS_BACK.match(definition.meaning):
            continue  # '"Sales Proceeds" has the meaning set out in this Agreement' names it again
        clause = clauses[definition.clause_id]
        if _scoped(definition, clause) or _scoped(earlier, clauses[earlier.clause_id]):
            continue  # "In this Schedule, Services means ...": it governs its part, as meant
        if _CHECKBOX.match(clause.text):
            continue  # "[ ] C. "Third Party" means ...": the alternatives of a template
        if INLINE in (definition.form, earlier.form) and (
            definition.term.isupper() or definition.term.split()[-1] in _OUTSIDE_WORDS
        ):
            continue  # "the Digital Millennium Copyright Act ("DMCA")" spelt out again: a reminder
        where = _where(clauses[earlier.clause_id])
        same = _meaning(earlier.meaning) == _meaning(definition.meaning)
        # one list of definitions that defines a term twice, differently, is certainly wrong;
        # a term defined again in another part may be meant for that part only
        one_list = (
            earlier.form != INLINE
            and definition.form != INLINE
            and _list_of(clauses[earlier.clause_id]) == _list_of(clause)
            and not _MAYBE_SCOPED.search(earlier.meaning + " " + definition.meaning + " " + clause.text[:300])
        )
        if same or not one_list:
            message = f"“{definition.term}” is defined again (first defined in {where})"
            if same:
                message += " with the same meaning"
            found.append(
                replace(_finding("duplicate-definition", clause, message, definition.term), severity=WARNING)
            )
        else:
            message = (
                f"“{definition.term}” is defined again with a different meaning (first defined in {where})"
            )
            found.append(_finding("duplicate-definition", clause, message, definition.term))
    return found


def _scoped(definition: Definition, clause: Clause) -> bool:
    """A definition meant for one part only: "as used in these Service Terms, X means ..."."""
    text = definition.meaning[:300] + " " + clause.text[:300]
    parent = clause.parent
    if parent is not None and not parent.heading and parent.text:
        text += " " + parent.text[:300]  # "In this Schedule, the following definitions apply:"
    elif parent is not None:
        text += " " + parent.heading + " " + parent.text[:300]
    return (
        _SCOPED.search(text) is not None
        or _FOR_A_LAW.search(definition.meaning[:300] + " " + clause.text[:300]) is not None
    )


def _unused(index: TermIndex, clauses: dict[str, Clause]) -> list[Finding]:
    total: dict[str, int] = {}
    for name, count in index.uses.items():  # "Author" and "AUTHOR" are one term
        total[name.casefold()] = total.get(name.casefold(), 0) + count
    elsewhere: _Mentions | None = None
    found = []
    used_meanings: set[tuple[str, str]] | None = None
    for definition in index.definitions:
        if not definition.explicit:
            continue
        if any(total.get(form, 0) for name in definition.names for form in _forms(name.casefold())):
            continue  # "Permission" defined beside "Permissions", and "Permissions" used
        if used_meanings is None:
            used_meanings = {
                (d.clause_id, d.meaning)
                for d in index.definitions
                if any(total.get(n.casefold(), 0) for n in d.names)
            }
        if (definition.clause_id, definition.meaning) in used_meanings or _short_name_used(
            index, definition, total
        ):
            continue  # '"KYC" or "Know Your Customer" means ...': one of its names is used
        if any(not name[:1].isupper() for name in definition.names):
            continue  # "we", "you": pronouns are used whatever their case
        if definition.form == INLINE and _names_an_outside_thing(definition):
            continue  # 'the Office of Foreign Assets Control ("OFAC")': a name spelt short, not a term
        if any(index.quoted.get(name, 0) > 1 for name in definition.names):
            continue  # named in quotes in another clause too: '"Shipment 001" 4,000 SEK' in a schedule
        if elsewhere is None:
            elsewhere = _Mentions(index)
        if elsewhere.anywhere_but(definition):
            continue  # in a heading, a table title, with a hyphen ("Third-Party Content"), in any case
        clause = clauses[definition.clause_id]
        message = f"“{definition.term}” is defined but never used"
        found.append(_finding("unused-definition", clause, message, definition.term))
    return found


#: "(also known as “LSOs”)", "so-called": a gloss that explains a word; nobody has to use it.
_GLOSS = re.compile(
    r"\b(?:also\s+known\s+as|a\.?k\.?a\.?|so-called|also\s+called|otherwise\s+known\s+as)\W*$", re.I
)
_NAME_BEFORE = re.compile(r"(?:\b(?:[A-Z][\w’'.&-]*|of|and|for|the|on|in|\(EU\)|[\d/]+)\s+){1,12}$")
_OUTSIDE_WORDS = frozenset(
    "Act Acts Regulation Regulations Directive Code Law Laws Rules Control Commission Commissioner "
    "Authority Office Department Agency Bureau Board Council Court Convention Treaty Framework "
    "Shield Services Markets Union Organization Organisation Institute Guides Guidelines Area".split()
)


def _names_an_outside_thing(definition: Definition) -> bool:
    """An inline definition of the short name of a statute or body, or a gloss."""
    before = definition.meaning.rstrip(' ,;:(“"‘')
    if _GLOSS.search(before[-40:]):
        return True
    words = before.split()
    if not words:
        return False
    last = words[-1].strip(",;:")
    if last in _OUTSIDE_WORDS:
        return True  # '... Utah Consumer Privacy Act ("UCPA")', 'Regulation ... ("Digital Services Act")'
    if definition.term.isupper() and any(w.strip(",;:’'‘“\"") in _OUTSIDE_WORDS for w in words[-15:]):
        return True  # 'Regulation (EU) 2022/2065 ... (the "Digital Services Regulation" or "DSR")'
    name = definition.term.split()
    return name[-1] in _OUTSIDE_WORDS and len(name) > 1


class _Mentions:
    """Where a reader would see a defined name used that the index does not count as a use:
    in a heading ("Table 3: Appendix Information"), with a hyphen for a space, in lower case."""

    def __init__(self, index: TermIndex) -> None:
        self._index = index
        self._headings = "\n" + "\n".join(index.headings).replace("-", " ") + "\n"

    def anywhere_but(self, definition: Definition) -> bool:
        """Whether a name of the definition (singular or plural) is named so anywhere."""
        for name in definition.names:
            spaced = name.lower().replace("-", " ")
            own = {n.replace("-", " ") for n in definition.names}  # its own mention, in quotes
            for form in _forms(spaced):
                at = self._headings.find(form)
                while at >= 0:
                    end = at + len(form)
                    if not self._headings[at - 1].isalnum() and not self._headings[end].isalnum():
                        return True
                    at = self._headings.find(form, at + 1)
                for written in _hyphenated(form):  # as written mid-sentence, opening one, in capitals
                    for cased in (written, written[:1].upper() + written[1:], written.upper()):
                        if cased.replace("-", " ") not in own and self._index.written_in_lower(cased):
                            return True
        return False


def _hyphenated(form: str) -> list[str]:
    """'third party goods', 'third-party goods', 'third party-goods', ...: a name as it may be written."""
    words = form.split(" ")
    if len(words) > 4:
        return [form]
    written = [words[0]]
    for word in words[1:]:
        written = [w + joint + word for w in written for joint in (" ", "-")]
    return written


def _short_name_used(index: TermIndex, definition: Definition, total: dict[str, int]) -> bool:
    """'"Massive Multiauthor Collaboration Site" (or "MMC Site") means': its short name is used."""
    initials = "".join(w[0] for w in definition.term.split() if w[:1].isalpha()).upper()
    if len(initials) < 2:
        return False
    for other in index.definitions:
        if other.clause_id != definition.clause_id or other is definition:
            continue
        capitals = "".join(ch for ch in other.term if ch.isupper())
        if capitals == initials and any(total.get(n.casefold(), 0) for n in other.names):
            return True
    return False


def _forms(name: str) -> tuple[str, ...]:
    """A name in lower case, in the singular and the plural: "licence", "licences"; "party", "parties"."""
    forms = [name, name + "s", name + "es"]
    if name.endswith("ies"):
        forms.append(name[:-3] + "y")
    elif name.endswith("es"):
        forms += [name[:-1], name[:-2]]
    elif name.endswith("s"):
        forms.append(name[:-1])
    if name.endswith("y"):
        forms.append(name[:-1] + "ies")
    return tuple(forms)


def _glued(index: TermIndex, clauses: dict[str, Clause]) -> list[Finding]:
    found = []
    for definition in index.definitions:
        if definition.glued_into:
            clause = clauses[definition.clause_id]
            message = (
                f"the definition of “{definition.term}” is run into the end of the definition of "
                f"“{definition.glued_into}”, so the document never defines it"
            )
            found.append(_finding("glued-definition", clause, message, definition.term))
    for clause in index.order:  # two definitions the importer split from one source line
        if clause.kind is not ClauseKind.DEFINITION or clause.source_line is None:
            continue
        siblings = clause.parent.children if clause.parent is not None else index.policy.clauses
        at = next(i for i, s in enumerate(siblings) if s is clause)
        before = siblings[at - 1] if at else None
        if (
            before is not None
            and before.kind is ClauseKind.DEFINITION
            and before.source_line == clause.source_line
            and before.text.rstrip().endswith(".")
        ):
            message = (
                f"the definition of “{clause.heading.strip()}” is run into the end of the definition "
                f"of “{before.heading.strip()}” in the source (line {clause.source_line}), so the "
                "document never defines it"
            )
            found.append(_finding("glued-definition", clause, message, clause.heading.strip()))
    return found


def _case_variants(
    index: TermIndex, scopes: Instruments, every: list[tuple[Clause, ClauseTerms]]
) -> list[Finding]:
    found = []
    defined_in = {(d.clause_id, name) for d in index.definitions for name in d.names}
    governs: dict[str, set[int]] = {}  # defined name -> the instruments that define it
    for d in index.definitions:
        for name in d.names:
            governs.setdefault(name, set()).add(scopes.of(d.clause_id))
    entries = [
        (clause, _own_variants(index, entry.text, entry.variants))
        for clause, entry in every
        if entry.variants
    ]
    other_case: dict[str, int] = {}
    for _, variants in entries:
        for _, name in variants:
            other_case[name] = other_case.get(name, 0) + 1
    preamble = _preamble(index) if entries else frozenset()
    for clause, variants in entries:
        counts: dict[tuple[str, str], int] = {}
        for written, name in variants:
            counts[(written, name)] = counts.get((written, name), 0) + 1
        for (written, name), count in counts.items():
            if (clause.id, name) in defined_in:
                continue  # inside the term's own definition
            if scopes.of(clause.id) not in governs.get(name, ()):
                continue  # another instrument on the page (the clauses an annex quotes) defines it
            if other_case[name] >= index.uses.get(name, 0):
                continue  # mostly written so (a quoted statute, the ordinary words): not a slip
            if clause.id in preamble and not any(
                d.clause_id in preamble for d in index.by_name.get(name, ())
            ):
                continue  # the preamble speaks of "source code" before the licence defines Source Code
            times = "" if count == 1 else f" ({count} times)"
            message = f"“{written}” is written here{times}; the defined term is “{name}”"
            found.append(make("term-case", clause.id, clause.label, message, clause.line, name, name))
    return found


def _preamble(index: TermIndex) -> frozenset[str]:
    """The unnumbered clauses before the first numbered one, in a numbered document: its preamble."""
    ids: list[str] = []
    for clause in index.order:
        if clause.label.strip():
            return frozenset(ids)
        ids.append(clause.id)
    return frozenset()  # nothing numbered: no preamble to tell apart


def _own_variants(index: TermIndex, text: str, variants: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The case variants a reader would take for the term itself. Not the tail of a longer
    capitalised name ("Personal Data subject to the LGPD" is not "Data Subject"), the words as
    part of a longer compound ("payment transaction data", "the source code distribution"), nor
    another legal category ("sensitive personal information")."""
    wanted = set(variants)
    kept = []
    for start, end, written, name in index.find_uses(text):
        if (written, name) not in wanted:
            continue
        if written[:1].isupper() and _after_capitalised_word(text, start):
            continue
        if _NEXT_NOUN.match(text, end) or (
            written.islower() and _QUALIFIED.search(text, max(0, start - 20), start)
        ):
            continue
        if text.rfind("[", 0, start) > text.rfind("]", 0, start):
            continue  # "[Agency will insert the notice ... of original software]": a drafting note
        kept.append((written, name))
    return kept


#: A head noun after the words: they only modify it ("payment transaction data", "source code
#: distribution", "end user licence").
_NEXT_NOUN = re.compile(
    r"[ \u00a0](?:data|information|distributions?|files?|records?|details|numbers?|systems?|documentation|"
    r"materials?|products?|holders?|owners?|providers?|processing|programs?|programmes?|licen[cs]es?|"
    r"agreements?|terms|accounts?|polic(?:y|ies)|forms?|settings|page|pages|history|histories|"
    r"repositor(?:y|ies)|developers?|vendors?)\b"
)
#: Words that make the phrase another legal category: "sensitive personal data".
#: ... or someone else's: "links to third-party web sites", "other service providers".
_QUALIFIED = re.compile(
    r"\b(?:sensitive|special|nonpublic|non-public|third[- ]party|third[- ]parties'?|other|another|linked)"
    r"[ \u00a0]$",
    re.IGNORECASE,
)


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


def _undefined(
    index: TermIndex, scopes: Instruments, entries: list[tuple[Clause, ClauseTerms]]
) -> list[Finding]:
    if _excerpt(index.policy):
        return []  # the page starts at "Article 19": its terms are defined in the parts not shown
    title_words = frozenset(w.lower() for w in _TITLE_WORD.findall(index.policy.metadata.title))
    headings = frozenset(_heading_text(h) for h in index.headings)
    defined: set[str] | None = None
    parts: set[str] = set()
    phrases, nouns = index.phrases, index.nouns
    if scopes.borrowing:  # "terms not defined here have the meanings given in the Agreement"
        phrases, nouns = _own_phrases(entries, scopes)
    found: list[Finding] = []
    candidates: list[tuple[str, int]] = []
    for phrase, count in phrases.items():
        if count < MIN_USES or nouns.get(phrase, 0) < 2:
            continue  # not twice "the Website", "our Services": not used as a term of the document
        if defined is None:
            defined = {name.casefold() for name in index.by_name}
            defined.update(q.casefold() for q in index.quoted)
            defined.update([name.replace("-", " ") for name in defined if "-" in name])
            parts = _word_runs(defined)
        if _is_defined(phrase, defined) or phrase.casefold() in parts or _joins_a_term(phrase, defined):
            continue  # "Upload Information" of "Your Upload Information": a defined term's words
        if ordinary_phrase(phrase, index.written_in_lower, title_words, headings):
            continue
        if _defined_in_lower_case(index, phrase):
            continue  # '(hereinafter "data importer")': the clauses it quotes define it in lower case
        candidates.append((phrase, count))
    if candidates:
        described, first = _run_in_headings(index, entries, [phrase for phrase, _ in candidates])
        for phrase, count in candidates:
            if phrase in described:
                continue  # "Developer Balance. Developers using ... will have a Developer Balance": described
            clause = first.get(phrase) if not scopes.borrowing else _first_use(entries, phrase, scopes)
            if clause is None:
                continue
            message = f"“{phrase}” is used as a defined term ({count} times, first here) but is not defined"
            found.append(_finding("undefined-term", clause, message, phrase))
    return found


def _defined_in_lower_case(index: TermIndex, phrase: str) -> bool:
    lower = phrase.lower()
    return any(index.written_in_lower(f"{q}{lower}{e}") for q, e in _QUOTES)


_QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"))
#: "Our Warranties. We warrant ...", "No Liability . We will not ...": a paragraph's run-in heading;
#: or a Markdown heading left in the text: "#### 4.2.2. No Technical Measures that Limit Access".
_RUN_IN = r"(?:^|\n)(?:\W*(?:(?:Our|Your|No|The|A|An)\s+)?(?:{0})\s?[.:](?:\s|$)|#+\s[^\n]*\b(?:{0})\b)"


_READ: weakref.WeakKeyDictionary[TermIndex, dict[tuple[str, str], tuple[str, bool, int, int]]] = (
    weakref.WeakKeyDictionary()
)


def _run_in_headings(
    index: TermIndex, entries: list[tuple[Clause, ClauseTerms]], phrases: list[str]
) -> tuple[set[str], dict[str, Clause]]:
    """The phrases that head a paragraph of their own (a run-in heading, in any number), and
    those mostly written as the start of a longer name ("This Action by Written Consent");
    and the clause where each phrase is first used.
    What each clause says of a phrase is remembered while its text stays the same."""
    memo = _READ.setdefault(index, {})  # phrase, clause id -> text, run-in, uses, going on
    forms = {
        phrase: {phrase, phrase + "s", phrase[:-1] if phrase.endswith("s") else phrase} for phrase in phrases
    }
    patterns: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
    counts = {phrase: [0, 0] for phrase in phrases}  # uses, uses going on into a longer name
    found: set[str] = set()
    wanted = [(phrase, tuple(fs)) for phrase, fs in forms.items()]
    first: dict[str, Clause] = {}
    read = dict.fromkeys(phrases, 0)  # clauses read for each phrase: the first few tell
    for clause, entry in entries:
        used = entry.scan.phrases
        marked = entry.text[:1] == "#"  # a Markdown heading left in the text names no term
        if not used and not marked:
            continue
        for phrase, fs in wanted:
            for f in fs:
                if f in used:
                    break
            else:
                if not marked:
                    continue
            if phrase in used and phrase not in first:
                first[phrase] = clause
            if phrase in found or read[phrase] >= _READ_CLAUSES:
                continue
            read[phrase] += 1
            known = memo.get((phrase, clause.id))
            if known is None or known[0] is not entry.text:
                if phrase not in patterns:
                    alternatives = "|".join(re.escape(f) for f in sorted(fs, key=len, reverse=True))
                    patterns[phrase] = (
                        re.compile(_RUN_IN.format(alternatives)),
                        re.compile(rf"\b{re.escape(phrase)}\b{_GOES_ON}"),
                    )
                run_in, longer = patterns[phrase]
                matches = (
                    [m.group(1) is not None for m in longer.finditer(entry.text)] if phrase in used else []
                )
                known = (entry.text, run_in.search(entry.text) is not None, len(matches), sum(matches))
                memo[(phrase, clause.id)] = known
            if known[1]:
                found.add(phrase)
            counts[phrase][0] += known[2]
            counts[phrase][1] += known[3]
        if len(first) == len(wanted) and all(n >= _READ_CLAUSES or p in found for p, n in read.items()):
            break  # every phrase's first use found and its first clauses read
    found.update(phrase for phrase, (uses, going_on) in counts.items() if going_on and 2 * going_on >= uses)
    for phrase, fs in wanted:  # "No Refund." read as the heading of its clause
        if any(f"{lead}{f.lower()}" in index.headings for f in fs for lead in _LEADS):
            found.add(phrase)
    return found, first


_LEADS = ("", "our ", "your ", "no ", "the ")
#: What follows a phrase that is the start of a longer name: "Action by Written Consent",
#: "Display & Video 360", "Generative AI Use Policy", "Contracts (Rights of Third Parties) Act".
_GOES_ON = r"( by (?:the )?[A-Z]| & [A-Z]| [A-Z]{2,}\b| \([A-Z][^()]{0,60}\) [A-Z])?"
_READ_CLAUSES = 25  # clauses read for a phrase: where a term is described, it is described early


def _own_phrases(
    entries: list[tuple[Clause, ClauseTerms]], scopes: Instruments
) -> tuple[dict[str, int], dict[str, int]]:
    """The capitalised phrases (and their uses as nouns) of the instruments that define their own terms."""
    phrases: dict[str, int] = {}
    nouns: dict[str, int] = {}
    for clause, entry in entries:
        if scopes.of(clause.id) in scopes.borrowing:
            continue
        for totals, counts in ((phrases, entry.scan.phrases), (nouns, entry.scan.nouns)):
            for phrase, count in counts.items():
                totals[phrase] = totals.get(phrase, 0) + count
    return phrases, nouns


def _first_use(entries: list[tuple[Clause, ClauseTerms]], phrase: str, scopes: Instruments) -> Clause | None:
    """The first clause using the phrase in an instrument that defines its own terms."""
    for clause, entry in entries:
        if phrase in entry.scan.phrases and scopes.of(clause.id) not in scopes.borrowing:
            return clause
    return None


_FIRST_LABELS = frozenset("1 i a (1) (i) (a) 0 1.0 1.1 one".split())
_LABEL_TAIL = re.compile(r"[.):]+$")


def _excerpt(policy: Policy) -> bool:
    """A page that begins in the middle of an instrument: its first numbered clause is "Article 19"."""
    for clause in policy.clauses:
        label = clause.label.strip()
        if not label:
            continue
        core = _LABEL_TAIL.sub("", label.split()[-1].lower())
        return bool(core) and core not in _FIRST_LABELS and not core.startswith(("1.", "0"))
    return False


def _word_runs(names: set[str]) -> set[str]:
    """Every run of consecutive words of the names of several words."""
    runs: set[str] = set()
    for name in names:
        words = name.split()
        if 1 < len(words) <= 8:
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    runs.add(" ".join(words[i:j]))
    return runs


def _joins_a_term(phrase: str, defined: set[str]) -> bool:
    """'Process Applicable Personal Data': a capitalised word next to a defined term of several words."""
    words = phrase.casefold().split()
    for i in range(1, len(words)):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if (" " in tail and tail in defined) or (" " in head and head in defined):
            return True
    return False


def _is_defined(phrase: str, defined: set[str]) -> bool:
    folded = phrase.casefold()
    if "-" in folded and folded.replace("-", " ") in defined:
        return True  # "Third-Party Content" for the defined "Third Party Content"
    if folded in defined:
        return True
    for variant in (folded + "s", folded + "es", folded[:-1], folded[:-2], folded[:-3] + "y"):
        if variant in defined:
            return True
    words = folded.split()
    return len(words) > 1 and words[0] == "the" and " ".join(words[1:]) in defined


def _list_of(clause: Clause) -> str:
    """The clause holding a list of definitions (its parent), as an id."""
    return clause.parent.id if clause.parent is not None else ""


def _heading_text(heading: str) -> str:
    return _SPACE.sub(" ", heading.strip().rstrip(":.").lower())


def _meaning(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip(" .;,")


def _where(clause: Clause) -> str:
    if clause.label.strip():
        return clause.label.strip().rstrip(".")
    return f"“{clause.display_name(40)}”"


CHECK = Check("terms", CODES, DOCUMENT, check_terms)
