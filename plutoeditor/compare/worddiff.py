"""Word-level diff of two texts with diff-match-patch.

Each word (and each run of spaces or punctuation mark) is mapped to one character - the
library's own lines-to-chars trick - so the diff never splits a word. No timeout, so the
result does not depend on the machine's speed; semantic cleanup keeps it readable.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from plutoeditor.compare.result import EQUAL, Ops

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def tokenise(text: str) -> list[str]:
    """Words, whitespace runs and single punctuation marks; joined, they give the text back."""
    return _TOKEN.findall(text)


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no deadline: the same input always gives the same diff
    return engine


_DMP = _engine()


def word_diff(old: str, new: str) -> Ops:
    """diff-match-patch style ops `[(op, text), ...]` (op -1 deleted, 0 kept, 1 inserted)."""
    if old == new:
        return [(EQUAL, old)] if old else []
    vocabulary: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        chars = []
        for token in tokenise(text):
            char = vocabulary.get(token)
            if char is None:
                char = chr(len(words) + 1)  # skip chr(0); code points are plentiful
                vocabulary[token] = char
                words.append(token)
            chars.append(char)
        return "".join(chars)

    encoded_old, encoded_new = encode(old), encode(new)
    diffs = _DMP.diff_main(encoded_old, encoded_new, False)
    _DMP.diff_cleanupSemantic(diffs)
    ops: Ops = []
    for op, chars in diffs:
        text = "".join(words[ord(c) - 1] for c in chars)
        if ops and ops[-1][0] == op:
            ops[-1] = (op, ops[-1][1] + text)
        elif text:
            ops.append((op, text))
    return ops


def old_text(ops: Ops) -> str:
    """The old text the ops were made from."""
    return "".join(text for op, text in ops if op <= 0)


def new_text(ops: Ops) -> str:
    """The new text the ops were made from."""
    return "".join(text for op, text in ops if op >= 0)
