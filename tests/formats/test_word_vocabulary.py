"""The names PlutoEditor gives clauses in Word are ones Word keeps, and they lead back to the clause."""

from __future__ import annotations

from plutoeditor.formats.word_vocabulary import (
    MAX_BOOKMARK_NAME,
    bookmark_names,
    clause_id_of,
    heading_level,
    heading_style,
)


def test_every_clause_id_gets_a_bookmark_word_accepts_and_reads_back_to_it():
    ids = ["c1", "a" * 36, "a" * 37, "0f8e-4a2b-long-uuid-with-dashes", "x_y"]
    names, mapped = bookmark_names(ids)
    for clause_id in ids:
        name = names[clause_id]
        assert len(name) <= MAX_BOOKMARK_NAME and name.replace("_", "").isalnum()
        assert clause_id_of(name, mapped) == clause_id
    assert sorted(mapped.values()) == sorted(i for i in ids if "-" in i or len(i) > 36)
    assert clause_id_of("_Toc123", mapped) is None  # a bookmark of Word's own is not a clause


def test_heading_styles_and_their_levels():
    assert heading_style(3) == "Heading 3" and heading_level("Heading 3") == 3
    assert heading_level("Heading") is None and heading_level("Title") is None
