"""Import never crashes: any text gives a Policy or one PolicyFileError naming the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.importers.text import import_text

_PIECES = st.sampled_from(
    [
        "1 ", "1. ", "2.3.9 ", "6.9.1: ", "(a) ", "(iv) ", "A. ", "1A ", "4.1A ", "#### 1. ", "#### 1\\. ",
        "**1.1** ", "**Title.** ", "- ", "* ", "  ", "1) ", "Schedule 1 ", "Cookie Schedule",
        "Summary of Update:",
        "Effective date: 1 March 2024", "Term: meaning", "---", "===", "```", "|a|b|", "\u200b", "\u00a0",
        "Email address:", "in each case, in accordance with this Policy.", "[x](y)", "_", "\\", ">", "+++",
    ]
)  # fmt: skip
_LINES = st.lists(
    st.one_of(st.text(max_size=30), st.lists(_PIECES, max_size=4).map("".join)).map(lambda s: s + "\n"),
    max_size=25,
).map("".join)


def _imports_or_refuses(text: str, path: str) -> None:
    try:
        policy = import_text(text, path)
    except PolicyFileError as exc:
        assert str(exc).startswith(path)
        return
    assert policy.clauses
    for clause in policy.walk():
        assert clause.parent is None or clause in clause.parent.children


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str):
    _imports_or_refuses(text, "arbitrary.txt")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES, st.sampled_from(["policy.txt", "policy.md"]))
def test_policy_like_lines_never_crash_in_text_or_markdown(text: str, path: str):
    _imports_or_refuses(text, path)
