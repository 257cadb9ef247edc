"""Word diff: whole words, readable after semantic cleanup, and the ops give both texts back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plutoeditor.compare.worddiff import new_text, old_text, word_diff


def test_words_are_never_split():
    ops = word_diff("We process personal data about you.", "We processed personnel data about you.")
    assert ops == [(0, "We "), (-1, "process personal"), (1, "processed personnel"), (0, " data about you.")]


def test_semantic_cleanup_merges_trivial_equalities():
    # a one-word equality between two edits is folded into them: easier to read
    ops = word_diff("We process personal data.", "We processed personnel data quickly.")
    assert ops == [
        (0, "We "),
        (-1, "process personal data"),
        (1, "processed personnel data quickly"),
        (0, "."),
    ]


@given(st.lists(st.sampled_from(["data", "date", "we", "web", ",", " ", "."]), max_size=30), st.data())
def test_no_op_boundary_falls_inside_a_word(tokens, data):
    old = "".join(tokens)
    new = "".join(
        data.draw(st.lists(st.sampled_from(["data", "date", "we", "web", ",", " ", "."]), max_size=30))
    )
    ops = word_diff(old, new)
    for side in (-1, 1):
        pieces = [text for op, text in ops if op in (0, side)]
        for left, right in zip(pieces, pieces[1:], strict=False):
            assert not (left[-1].isalnum() and right[0].isalnum()), (left, right)


def test_identical_and_empty_texts():
    assert word_diff("Same text.", "Same text.") == [(0, "Same text.")]
    assert word_diff("", "") == []
    assert word_diff("", "New clause.") == [(1, "New clause.")]
    assert word_diff("Old clause.", "") == [(-1, "Old clause.")]


def test_paragraph_breaks_are_kept():
    ops = word_diff("First paragraph.\nSecond one.", "First paragraph.\nSecond one, amended.")
    assert new_text(ops) == "First paragraph.\nSecond one, amended."
    assert (1, ", amended") in ops


def test_long_texts_do_not_time_out():
    old = " ".join(f"word{i}" for i in range(4000))
    new = " ".join(f"word{i}" if i % 97 else f"changed{i}" for i in range(4000))
    ops = word_diff(old, new)
    assert sum(1 for op, _ in ops if op == 1) == len(range(0, 4000, 97))


@given(st.text(max_size=120), st.text(max_size=120))
def test_ops_rebuild_both_texts(a, b):
    ops = word_diff(a, b)
    assert old_text(ops) == a and new_text(ops) == b
