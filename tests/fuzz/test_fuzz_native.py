"""Fuzz the native loader and writer: round trips, hostile and mutated files."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from plutoeditor.formats import limits, native, native_reader, native_writer
from plutoeditor.formats.errors import PolicyFileError
from tests.fuzz.strategies import FUZZ, NASTY, nasty_text, policies

NAME = "fuzzed.policy.yaml"


def snapshot(policy):
    clauses = [
        (c.id, c.kind.value, c.label, c.heading, c.text, c.source_line, c.file_line, len(c.children))
        for c in policy.walk()
    ]
    return policy.metadata, policy.document_id, policy.metadata_lines, clauses


def content(policy):
    return policy.metadata, [(c.id, c.kind, c.label, c.heading, c.text, c.source_line) for c in policy.walk()]


def loads_or_error(text: str):
    """The policy, or the error's one line; anything else fails the test."""
    try:
        return native.loads(text, NAME)
    except PolicyFileError as exc:
        message = str(exc)
        assert message.startswith(NAME) and "\n" not in message, message
        return message


def _has_separator_in_a_block(policy) -> bool:
    return any("\n" in c.text and ("\u2028" in c.text or "\u2029" in c.text) for c in policy.walk())


def without_surrogates(policy):  # type: ignore[no-untyped-def]
    """What saving does to a lone surrogate (it becomes U+FFFD), done beforehand."""
    fix = native._without_surrogates
    meta = policy.metadata
    for name in ("title", "organisation", "jurisdiction", "version", "summary_of_changes"):
        setattr(meta, name, fix(getattr(meta, name)))
    for clause in policy.walk():
        clause.label, clause.heading, clause.text = fix(clause.label), fix(clause.heading), fix(clause.text)
    return policy


@settings(FUZZ, max_examples=80)
@given(policies())
def test_save_then_load_gives_the_same_policy(policy):
    limits.fit_metadata(policy.metadata)
    text = native.dumps(policy)
    policy = without_surrogates(policy)
    data = native.to_data(policy)
    fast = native_writer.dump_data(data)
    assert fast is None or fast == native.yaml_dump(data)
    assert native_reader.read(text) is not None or _has_separator_in_a_block(policy)
    loaded = native.loads(text, NAME)
    assert content(loaded) == content(policy)
    assert snapshot(loaded) == snapshot(native._load_with_yaml(text, NAME))
    assert native.dumps(loaded) == text
    assert limits.native_size_bound(policy) >= len(text.encode("utf-8"))


mutations = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "duplicate line", "drop line", "indent", "dedent"]),
        st.floats(0, 1, allow_nan=False),
        st.one_of(st.sampled_from(NASTY), nasty_text),
    ),
    min_size=1,
    max_size=3,
)


def mutate(text: str, steps) -> str:  # type: ignore[no-untyped-def]
    for kind, where, piece in steps:
        at = int(where * len(text))
        lines = text.split("\n")
        row = min(int(where * len(lines)), len(lines) - 1)
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + len(piece) :]
        elif kind == "duplicate line":
            text = "\n".join(lines[: row + 1] + lines[row:])
        elif kind == "drop line":
            text = "\n".join(lines[:row] + lines[row + 1 :])
        elif kind == "indent":
            text = "\n".join(lines[:row] + [" " + lines[row]] + lines[row + 1 :])
        else:
            text = "\n".join(lines[:row] + [lines[row][1:]] + lines[row + 1 :])
    return text


@settings(FUZZ, max_examples=80)
@given(policies(), mutations)
def test_a_damaged_file_reads_as_yaml_reads_it_or_gives_one_line(policy, steps):
    limits.fit_metadata(policy.metadata)
    text = mutate(native.dumps(policy), steps)
    fast = native_reader.read(text)
    if fast is not None:  # what the fast reader accepts, PyYAML reads the same way
        assert fast[0] == yaml.load(text, Loader=yaml.CSafeLoader)
    result = loads_or_error(text)
    if fast is not None and not isinstance(result, str):
        full = native._load_with_yaml(text, NAME)
        if "document_id" not in fast[0]:  # each reading makes up a new one
            full.document_id = result.document_id
        assert snapshot(result) == snapshot(full)


@settings(FUZZ, max_examples=100)
@given(
    st.one_of(nasty_text, st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
)
def test_any_text_is_a_policy_or_one_line(text):
    loads_or_error(text)


@pytest.mark.parametrize(
    "text",
    [
        "format_version: 1\nmetadata: {title: x, effective_date: ''}\nclauses: []\n",
        "a: &a [*a]\n",
        "format_version: 1\nmetadata:\n  title: \ud800\n",
        "- " * 5000 + "x\n",
        "[" * 5000 + "]" * 5000 + "\n",
        "metadata:\n" + "  " * 3000 + "title: x\n",
        "clauses:\n" + "".join("  " * d + "- id: c\n" + "  " * d + "  children:\n" for d in range(400)),
    ],
)
def test_hostile_shapes_are_a_policy_or_one_line(text):
    loads_or_error(text)
