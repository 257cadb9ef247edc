"""A term defined again with one meaning, and how two wordings differ, for duplicate-definition.

- the document named twice: 'These terms of service (these "Terms")', later 'you agree to
  be bound by these terms of use ("Terms")', or 'This Harbour Licence ("License")' and
  '"License" means this Harbour Licence': one thing, the document itself (not "These Terms
  together with the Service Order");
- two inline definitions in the same words: 'outside the European Economic Area, the United
  Kingdom and Switzerland ("Europe")', later 'in the European Economic Area, the United
  Kingdom or Switzerland ("Europe")'.

A glossary entry restating an inline definition is `terms_duplicates._restates`; where the
wording differs, `differences` says how, for the message.
"""

from __future__ import annotations

import re

from plutoeditor.checks.terms_recognise import INLINE, Definition

_SMALL = frozenset(
    "the and for any all that this these with which are from such its their our your you has have been "
    "will shall may means mean refers".split()
)
_WORD = re.compile(r"[a-z][a-z’'-]{2,}")
_ALIKE = 0.6  # the share of the shorter wording's words the other has
_FEW = 3  # words: a shorter wording says too little to compare
_DOCUMENT = re.compile(
    r"\b(?:this|these)\s+(?:[\w.’'&/-]+\s+){0,5}?(?:terms(?:\s+of\s+(?:use|service|sale))?|agreement|policy|"
    r"notice|licen[cs]e|document|conditions|contract|addendum|statement|eula)(?:\s+version\s+[\d.]+)?$",
    re.IGNORECASE,
)
_MORE = re.compile(r"\b(?:together|including|as well as|along with|plus)\b", re.IGNORECASE)
_THIS_FIRST = re.compile(r"^\W*(?:the\s+terms\s+of\s+)?(?:this|these)\b", re.IGNORECASE)
_SHOWN = 8  # words of each wording a message quotes
_PARENTHESES = re.compile(r"\s*\([^()]*\)")


def said_again(earlier: Definition, definition: Definition) -> bool:
    """Whether the second definition means what the first did (see the module docstring)."""
    if INLINE not in (earlier.form, definition.form):
        return False  # two entries of definitions: for the list to say why
    if _the_document(earlier) and _the_document(definition):
        return True
    if earlier.form != INLINE or definition.form != INLINE:
        return False
    term = _words(earlier.term)
    one, other = _words(_context(earlier)) - term, _words(_context(definition)) - term
    fewer = min(len(one), len(other))
    return fewer >= _FEW and len(one & other) >= _ALIKE * fewer


def differences(earlier: Definition, definition: Definition) -> str:
    """How two wordings of a term differ: 'first as “… a third party”, here as “an unrelated
    third party authorised to sell subscriptions”'."""
    return f"first as {_quoted(earlier)}, here as {_quoted(definition)}"


def _the_document(definition: Definition) -> bool:
    if definition.form == INLINE:
        text = _context(definition)
    else:
        text = definition.meaning[:80]
        if not _THIS_FIRST.match(text):
            return False
    text = text.strip().rstrip(".;,:")
    return _DOCUMENT.search(text[-80:]) is not None and not _MORE.search(text[-80:])


def _context(definition: Definition) -> str:
    """The words an inline definition names, within their sentence, without the other
    definitions in parentheses among them ('the European Economic Area ("EEA")')."""
    before = _PARENTHESES.sub("", definition.meaning)
    cut = max(before.rfind(". "), before.rfind("\n"))
    return before[cut + 1 :] if cut >= 0 else before


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower())} - _SMALL


def _quoted(definition: Definition) -> str:
    if definition.form == INLINE:
        words = _context(definition).strip().rstrip(',;:(“"').split()
        shown = " ".join(words[-_SHOWN:])
        return f"“{'… ' if len(words) > _SHOWN else ''}{shown}”"
    words = definition.meaning.strip().rstrip(".;,").split()
    shown = " ".join(words[:_SHOWN])
    return f"“{shown}{' …' if len(words) > _SHOWN else ''}”"
