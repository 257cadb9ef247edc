"""Capitalised words that are not defined terms: names, dates, statutes, self-references.

A capitalised phrase mid-sentence is taken for a defined term only when each of its words
is an ordinary word of the document (written in lower case somewhere in it: "website" beside
"Website"), so names of people, companies, products and places (never written in lower
case) are not terms. The lists below catch the names made of ordinary words: months and days,
places ("United Kingdom", "Member State"), statutes ("... Act", "... Regulation"), bodies
("... Commission", "... Authority"), and the document naming itself ("this Policy").
"""

from __future__ import annotations

from collections.abc import Callable

_MONTHS_DAYS = (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
_ORDINARY_CAPITALS = (
    "Internet Web World Wide English French German Spanish Italian Dutch Chinese Japanese "
    "European American British Canadian Australian Irish Scottish Welsh Federal State States "
    "Member Union Kingdom United Republic Commonwealth North South East West Northern Southern "
    "Eastern Western Central Street Road Avenue Lane Suite Floor House Court Park "
    "Mr Mrs Ms Miss Dr Sir Madam Dear God Christmas Easter Holiday Holidays "
    "Inc Ltd Limited Corp Corporation Plc LLC LLP Pty GmbH Holdings "
    "Attn Attention Tel Fax Url Http Https Www "
    "Yes No Ok Okay Note Notes Example Examples Please Thank Thanks Hello"
)


#: The document naming itself or its parts: "this Policy", "these Terms", "Section 5".
_SELF = frozenset(
    "Policy Policies Agreement Agreements Terms Conditions Notice Statement Contract Document "
    "Addendum Schedule Schedules Appendix Appendices Annex Annexes Exhibit Exhibits Section "
    "Sections Clause Clauses Part Parts Article Articles Paragraph Paragraphs Chapter Chapters "
    "Table Figure Page Rule Rules Recital Recitals Preamble Introduction Summary Overview "
    "Version Amendment License Licence Charter Guidelines Guideline Handbook Manual Code "
    # screens of the app or site named in the text: "within your Settings"
    "Settings Dashboard Inbox".split()
)
#: A phrase ending in one of these names another document: "our Cookie Policy".
_DOCUMENTS = frozenset(
    "Policy Policies Notice Notices Terms Conditions Guidelines Guideline Agreement Agreements "
    "Statement Standards Principles Rules Charter Handbook Manual FAQ FAQs Addendum Schedule Form Forms "
    # pages, settings and teams named in the text: "the Cookie Settings", "the Security Team"
    "Settings Page Pages Team Teams Center Centre Hub Portal Dashboard Console Tab Menu Button Store "
    # a report or assessment the company publishes, a support desk: "our Transparency Report",
    # "this Risk Assessment", "Player Support"
    "Report Reports Support Assessment Assessments "
    # an offer or price plan the company sells: "the Direct Debit Discount", "the Premium Plan"
    "Discount Discounts Offer Offers Plan Plans Tariff Bundle".split()
)
#: A phrase ending in one of these names a statute or a body, not a term of this document.
_STATUTE_OR_BODY = frozenset(
    "Act Acts Regulation Regulations Directive Directives Convention Treaty Ordinance "
    "Constitution Bill Decree Statute Statutes Law Code Shield Framework Principles "
    "Commission Commissioner Authority Authorities Office Council Court Courts Board Bureau "
    "Agency Department Ministry Trust Foundation Institute University College School "
    "Association Society Organisation Organization Parliament Congress Senate Government "
    "Tribunal Ombudsman Police Centre Center Committee Network".split()
)
_BODIES = frozenset(
    "Commission Commissioner Authority Council Court Board Bureau Agency Ministry Parliament "
    "Congress Senate Government Tribunal Ombudsman Police Committee Regulator "
    # the tax and customs offices named short: "set annually by the Revenue"
    "Revenue Treasury Customs".split()
)
_PRONOUNS_AND_NUMBERS = (
    "You Your Yours We Us Our Ours They Them Their I Me My He She Him His Her It Its This That These "
    "Those The A An Any All Each Every Such One Two Three Four Five Six Seven Eight Nine Ten Eleven "
    "Twelve First Second Third Fourth Fifth Copyright Rights Reserved In On At For By To Of And Or But "
    "If As With From Not Open Source How What Why Where When Who Which Whether"
)
_ORDINARY = frozenset((_MONTHS_DAYS + " " + _ORDINARY_CAPITALS + " " + _PRONOUNS_AND_NUMBERS).split())


def ordinary_phrase(
    phrase: str,
    written_in_lower: Callable[[str], bool],
    title_words: frozenset[str],
    headings: frozenset[str],
) -> bool:
    """Whether a capitalised phrase is not a defined term (see the module docstring).

    `written_in_lower(word)`: whether the document writes the word in lower case;
    `title_words`: the title's words in lower case; `headings`: the headings in lower case.
    """
    words = [w for w in phrase.split() if w != "of"]
    if not words:
        return True
    if phrase.lower() in headings:
        return True  # a heading named in the text: "see Your Rights below"
    if all(w.lower() in title_words for w in words):
        return True  # the document's title: "this Privacy Policy"
    if len(words) == 1 and (words[0] in _SELF or words[0] in _BODIES):
        return True  # "this Policy"; "the Commission", "the Board": a body named short
    if len(words) > 1 and (words[-1] in _STATUTE_OR_BODY or words[-1] in _DOCUMENTS):
        return True  # "Data Protection Act", "Community Guidelines": the name of a law or a document
    if any("-" in w and not w.split("-")[-1][:1].isupper() for w in words):
        return True  # "Government-wide", "Add-ons": a compound word, capitalised as a sentence starts
    for word in words:
        if word in _ORDINARY:
            return True
        if not _ordinary_word(word, written_in_lower):
            return True  # a name: never written in lower case in this document
    return False


def _ordinary_word(word: str, written_in_lower: Callable[[str], bool]) -> bool:
    """The word, its singular or its plural is written in lower case in the document."""
    lower = word.lower()
    forms = [lower, lower + "s"]
    if lower.endswith("ies"):
        forms.append(lower[:-3] + "y")
    elif lower.endswith("es"):
        forms += [lower[:-1], lower[:-2]]
    elif lower.endswith("s"):
        forms.append(lower[:-1])
    elif lower.endswith("y"):
        forms.append(lower[:-1] + "ies")
    return any(written_in_lower(form) for form in forms)
