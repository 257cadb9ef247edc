"""Fuzz every importer: text, Markdown and Word files give a policy or one line naming the
file, and the checks run on whatever was imported."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plutoeditor.checks import run_checks
from plutoeditor.file_formats import open_policy
from plutoeditor.formats.errors import PolicyFileError
from tests.fuzz.strategies import FUZZ, docx_bytes, nasty_text, words

LINE_STARTS = [
    "", "# ", "## ", "### ", "1 ", "1. ", "2.1 ", "2.1.1 ", "3.  ", "(a) ", "(iv) ", "A. ", "- ", "* ", "> ",
    "| ", "Schedule 1 ", "Section 4 ", "Article 7. ", "99999999999. ", "1000000000) ", "0. ", "1.0 ",
    "Definitions: ", "**Bold.** ", "    ", "\t", "<b>", "```", "---", "Effective date: ", "Version ",
]  # fmt: skip

line = st.tuples(st.sampled_from(LINE_STARTS), st.one_of(words, nasty_text)).map("".join)
table_row = st.sampled_from(["| a | b |", "| --- | --- |", "|", "| x \\| y |"])
document_text = st.lists(st.one_of(line, st.just(""), table_row), max_size=30)
MATTER = ["", "title: Privacy: Notice", "title: [unclosed", "version: 3.1\ndate: 2022-02-31", "&a *a"]


def front_matter(text: str, matter: str) -> str:
    return f"---\n{matter}\n---\n{text}" if matter else text


def encode(text: str, how: str) -> bytes:
    if how == "utf-8":
        return text.encode("utf-8", "surrogatepass")
    if how == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if how == "cp1252":
        return text.encode("cp1252", "replace")
    if how == "utf-16":
        return text.encode("utf-16")
    return text.encode("utf-8", "surrogatepass").replace(b"\n", b"\r\n")


def opened(path: Path):
    """The imported policy, or None after a one-line error naming the file."""
    try:
        return open_policy(path)
    except PolicyFileError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and "\n" not in message, message
        return None


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@settings(FUZZ, max_examples=60)
@given(
    document_text.map("\n".join),
    st.sampled_from(MATTER),
    st.sampled_from(["utf-8", "bom", "cp1252", "utf-16", "crlf"]),
    st.sampled_from([".txt", ".md"]),
)
def test_text_and_markdown_import_and_check(folder, text, matter, how, suffix):
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(encode(front_matter(text, matter if suffix == ".md" else ""), how))
    policy = opened(path)
    if policy is not None:
        run_checks(policy)


@settings(FUZZ, max_examples=40)
@given(st.binary(max_size=400))
def test_any_bytes_as_text_import(folder, data):
    path = folder / "bytes.txt"
    path.write_bytes(data)
    opened(path)


@settings(FUZZ, max_examples=50)
@given(docx_bytes())
def test_word_files_built_and_damaged_import_and_check(folder, data):
    path = folder / "fuzzed.docx"
    path.write_bytes(data)
    policy = opened(path)
    if policy is not None:
        run_checks(policy)


@pytest.mark.parametrize(
    "matter", ["date: 2022-02-31", "when: 2021-12-01 25:00:00", "title = 'x'\nwhen = 1979-02-30"]
)
def test_front_matter_with_an_impossible_date_is_skipped(folder, matter):
    fence = "+++" if "=" in matter else "---"
    path = folder / "dated.md"
    path.write_text(f"{fence}\n{matter}\n{fence}\n# Privacy\n\n1. We keep data.\n", encoding="utf-8")
    assert opened(path) is not None
