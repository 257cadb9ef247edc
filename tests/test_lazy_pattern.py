"""A pattern compiled on first use answers exactly as the compiled pattern does."""

from __future__ import annotations

import re

import pytest

from plutoeditor.lazy_pattern import lazy_pattern

PATTERNS = [
    (r"(?P<num>\d{1,3}(?:\.\d{1,3})*)(?P<dots>\.?)", 0),
    (r"\b(?:schedule|annex)\s+(\w+)", re.IGNORECASE),
    ("[\u2028\u2029]", 0),
]
TEXTS = ["", "1.2. Scope", "see Schedule 4 and annex B", "2024 was\u2028a year", "x" * 50]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_answers_as_the_compiled_pattern(pattern, flags):
    lazy, compiled = lazy_pattern(pattern, flags), re.compile(pattern, flags)
    assert lazy.pattern == pattern
    for text in TEXTS:
        assert str(lazy.match(text)) == str(compiled.match(text))
        assert str(lazy.search(text, 1)) == str(compiled.search(text, 1))
        assert str(lazy.fullmatch(text)) == str(compiled.fullmatch(text))
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert lazy.findall(text) == compiled.findall(text)
        assert lazy.sub("#", text) == compiled.sub("#", text)
        assert lazy.split(text) == compiled.split(text)
    for attribute in ("flags", "groups", "groupindex"):
        assert getattr(lazy, attribute) == getattr(compiled, attribute)


def test_a_bad_pattern_fails_when_used_and_names_nothing_else():
    bad = lazy_pattern("(unclosed")
    with pytest.raises(re.error):
        bad.search("text")
    with pytest.raises(AttributeError):
        bad.no_such_method  # noqa: B018
