"""`unused-definition`: a term defined and never used.

A use is any of its names (singular or plural, "Author" or "AUTHOR"), a short name of it, a
mention in a heading, with a hyphen, in other capitals or (a name with one capital,
"Chart user") in lower case, a one-word term in another form of the
word ("Passed" for "Pass"; "incorporated" for an action "Incorporate"), an abbreviation in capitals written
without quotes in a passage in capitals (where case says nothing); the short names of statutes and
bodies ('the Office of Foreign Assets Control ("OFAC")'), glosses and definitions that change
the wording of a base text (`checks.terms_base_text`) are not terms to use.
"""

from __future__ import annotations

import re

from plutoeditor.checks.finding import Finding, about_clause
from plutoeditor.checks.terms_base_text import BaseText
from plutoeditor.checks.terms_index import TermIndex
from plutoeditor.checks.terms_recognise import INLINE, Definition
from plutoeditor.model.clause import Clause


def unused_definitions(
    index: TermIndex, clauses: dict[str, Clause], in_other_case: frozenset[str] | set[str] = frozenset()
) -> list[Finding]:
    """unused-definition: each definition none of whose names is used anywhere; one used only
    in lower case is said so, unless term-case reports it (`in_other_case`: the terms it does)."""
    total: dict[str, int] = {}
    for name, count in index.uses.items():  # "Author" and "AUTHOR" are one term
        total[name.casefold()] = total.get(name.casefold(), 0) + count
    elsewhere: _Mentions | None = None
    base_text: BaseText | None = None
    found = []
    used_meanings: set[tuple[str, str]] | None = None
    reported: set[tuple[str, str]] = set()
    for definition in index.definitions:
        if not definition.explicit:
            continue
        if _PLACEHOLDER.search(definition.term):
            continue  # 'A section "Entitled XYZ" means ...': a pattern; its uses fill in the XYZ
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
        if base_text is None:
            base_text = BaseText(index)
        if base_text.rewrites(definition, clauses[definition.clause_id]):
            continue  # '"Licensor" shall mean ...' replacing the Apache License's: used there
        one_term = (definition.clause_id, _singular(definition.term.casefold()))
        if one_term in reported:
            continue  # '(each, a "Temu Party" and collectively, the "Temu Parties")': one term
        reported.add(one_term)
        clause = clauses[definition.clause_id]
        lowered = elsewhere.in_lower_case(definition)
        if lowered and definition.term in in_other_case:
            continue  # "personal data" for "Personal Data": term-case says so where it is written
        if lowered:
            message = (
                f"“{definition.term}” is defined but never used as defined: only in lower case, “{lowered}”"
            )
        else:
            message = f"“{definition.term}” is defined but never used"
        found.append(about_clause("unused-definition", clause, message, definition.term))
    return found


#: A placeholder in a term: "Entitled XYZ", "Schedule ___", "[Party Name] Account".
_PLACEHOLDER = re.compile(r"(?<!\w)(?:XYZ|X{3,})(?!\w)|_{3,}|\[[^\]]*\]")
#: "(also known as “LSOs”)", "so-called": a gloss that explains a word; nobody has to use it.
_GLOSS = re.compile(
    r"\b(?:also\s+known\s+as|a\.?k\.?a\.?|so-called|also\s+called|otherwise\s+known\s+as)\W*$", re.I
)
OUTSIDE_WORDS = frozenset(
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
    if _spelt_out(definition.term, words):
        return True  # 'Global Positioning System ("GPS")': an abbreviation explained, not a term
    last = words[-1].strip(",;:()")
    if last in OUTSIDE_WORDS or (last.isupper() and last.title() in OUTSIDE_WORDS):  # "ACT"
        return True  # '... Utah Consumer Privacy Act ("UCPA")', 'Regulation ... ("Digital Services Act")'
    if definition.term.isupper() and any(w.strip(",;:’'‘“\"") in OUTSIDE_WORDS for w in words[-15:]):
        return True  # 'Regulation (EU) 2022/2065 ... (the "Digital Services Regulation" or "DSR")'
    name = definition.term.split()
    return name[-1] in OUTSIDE_WORDS and len(name) > 1


def _singular(name: str) -> str:
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


_SMALL = frozenset("of and for the de du des on in to a an".split())


def _spelt_out(term: str, words: list[str]) -> bool:
    """'Global Positioning System ("GPS")', 'software development kits ("SDKs")', 'Personalised
    Service ID ("PSID")': an abbreviation whose letters begin the words just before it."""
    letters = term[:-1] if term.endswith("s") and term[:-1].isupper() else term
    if not (letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 8):
        return False
    near = [w.strip(",;:()“”\"'‘’") for w in words[-(len(letters) + 4) :]]
    for keep_small in (False, True):
        initials = ""
        for word in near:
            if not word or (not keep_small and word.lower() in _SMALL):
                continue
            initials += word if word.isupper() and len(word) <= 3 else word[0]
        if letters in initials.upper():
            return True
    return False


class _Mentions:
    """Where a reader would see a defined name used that the index does not count as a use:
    in a heading ("Table 3: Appendix Information"), with a hyphen for a space, in lower case."""

    def __init__(self, index: TermIndex) -> None:
        self._index = index
        self._headings = "\n" + "\n".join(index.headings).replace("-", " ") + "\n"
        self._lowered: list[str] = []  # the last definition asked, as written in lower case

    def anywhere_but(self, definition: Definition) -> bool:
        """Whether a name of the definition (singular or plural) is named so anywhere; named
        in lower case only, it is not (see `in_lower_case`)."""
        self._lowered.clear()
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
                            if not _lowered(name, cased):
                                return True
                            self._lowered.append(cased)
            if definition.form == INLINE and name.isupper() and self._unquoted(name):
                return True
            if spaced.isalpha() and not name.isupper() and self._inflected(spaced, definition):
                return True
            if " " in spaced and self._variant(name, definition.names):
                return True
        return False

    def in_lower_case(self, definition: Definition) -> str:
        """How the definition last asked of `anywhere_but` is written in lower case outside its
        own clause and quotes ("the processor to processor SCCs" for "Processor to Processor
        SCCs"), or ""."""
        for written in dict.fromkeys(self._lowered):
            pattern = re.compile(r"(?<![\w“”\"‘’'])" + re.escape(written) + r"(?![\w”\"’'])")
            for clause in self._index.order:
                if (
                    clause.id != definition.clause_id
                    and written in clause.text
                    and pattern.search(clause.text)
                ):
                    return written
        return ""

    def _inflected(self, word: str, definition: Definition) -> bool:
        """A one-word term used in another form of the word: "Pass" as "“Passed” profiles" and
        "Passing a profile", "Hearting" as "the Content you Heart". A word in lower case counts
        only for a term defined as an action ("Incorporate" means to publish ..., "incorporated
        in the MMC"): "ordered" is no use of a defined "Order"."""
        action = word.endswith("ing") or _ACTION.match(definition.meaning) is not None
        for form in _inflections(word):
            for cased in (form[:1].upper() + form[1:], form) if action else (form[:1].upper() + form[1:],):
                if self._index.written_in_lower(cased):
                    return True
        return False

    def _variant(self, name: str, own: tuple[str, ...]) -> bool:
        """The name written another way outside quotes: another word of it in the plural or
        singular ("Services Addenda" for "Service Addendum"), in other capitals ("Earlier
        Licensed Copy" for "Earlier LICENSED COPY"), with hyphens ("Third-Party APIs"). The
        name as defined is the index's to count."""
        words = [
            "(?:" + "|".join(map(re.escape, _word_forms(w.lower()))) + ")"
            for w in name.replace("-", " ").split()
        ]
        pattern = re.compile(
            r"(?<![\w“\"‘'])" + r"[ \t\u00a0-]+".join(words) + r"(?![\w”\"’'])",
            re.IGNORECASE,
        )
        for m in pattern.finditer(self._texts()):
            written = " ".join(m.group().split())
            if written not in own and not _DEFINED_HERE.match(self._texts(), m.end()):
                if not _lowered(name, written):
                    return True
                self._lowered.append(written)
        return False

    def _texts(self) -> str:
        return self._index.joined_text()

    def _unquoted(self, name: str) -> bool:
        """An abbreviation in capitals used without quotes: '(COLLECTIVELY, “WBD”)' and then
        'IN NO EVENT SHALL WBD BE LIABLE' in a paragraph written in capitals, where the index
        counts no uses (case says nothing there). Its own quoted mention is not a use; a name
        defined unquoted ("WBD means ...") is not asked, its definition would count."""
        pattern = re.compile(r"(?<![\w“”\"‘’'])" + re.escape(name) + r"(?![\w“”\"‘’'])")
        return pattern.search(self._texts()) is not None


def _lowered(name: str, written: str) -> bool:
    """Whether `written` puts in lower case every capitalised word of a name of several
    ("home currency", "processor to processor SCCs" for "Processor to Processor SCCs"); a
    name with one capital ("Business user") is written so in any sentence."""
    words, found = name.replace("-", " ").split(), written.replace("-", " ").split()
    capitalised = [w for w in words if w[:1].isupper() and not w.isupper()]
    if len(capitalised) < 2 or len(words) != len(found):
        return False
    return all(
        f[:1].islower() for w, f in zip(words, found, strict=True) if w[:1].isupper() and not w.isupper()
    )


#: What follows a name where it is defined unquoted: "Service Addendum means ...", "(...)".
_DEFINED_HERE = re.compile(
    r"\W{0,3}\s*(?:means|shall\s+mean|refers\s+to|has\s+the\s+meaning|is\s+defined)\b|\)"
)


def _word_forms(word: str) -> tuple[str, ...]:
    """A word in the singular and plural, a Latin plural too: "addendum", "addenda"."""
    forms = _forms(word)
    if word.endswith("um"):
        forms += (word[:-2] + "a",)
    elif word.endswith("a") and len(word) > 3:
        forms += (word[:-1] + "um",)
    return tuple(sorted(set(forms), key=len, reverse=True))


#: A definition of an action: '"Add" means to supplement Data ...', 'Pass: An action ...'.
_ACTION = re.compile(r"^\W*(?:to\s+[a-z]|(?:an?|the)\s+(?:action|act)\b)", re.IGNORECASE)
_SHORTEST = 3  # letters: shorter words are not inflected as terms


def _inflections(word: str) -> tuple[str, ...]:
    """The other forms of a word (in lower case): "pass" -> passed, passing, passes;
    "incorporate" -> incorporated, incorporating; "hearting" -> heart, hearts, hearted."""
    if len(word) < _SHORTEST:
        return ()
    stems = {word}
    if word.endswith("ing") and len(word) - 3 >= _SHORTEST:
        stem = word[:-3]
        stems |= {stem, stem + "e"}
        if len(stem) > _SHORTEST and stem[-1] == stem[-2]:
            stems.add(stem[:-1])  # "shipping" -> "ship"
    forms = set()
    for stem in stems:
        forms |= {stem + "s", stem + "es", stem + "ed", stem + "ing"}
        if stem.endswith("e"):
            forms |= {stem + "d", stem[:-1] + "ing"}
        if stem.endswith("y"):
            forms |= {stem[:-1] + "ied", stem[:-1] + "ies"}
    return tuple(sorted(forms - {word}))


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
