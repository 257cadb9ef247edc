"""The clause a reader builds quickly is the clause the constructor builds."""

from __future__ import annotations

import dataclasses

from plutoeditor.model.clause import Clause, ClauseKind, read_clause


def test_every_field_is_the_constructors():
    child = Clause(label="(a)", text="first")
    made = Clause(
        id="c1", kind=ClauseKind.DEFINITION, label="1.1", heading="Data", text="any information",
        source_line=7, file_line=12, children=[child],
    )  # fmt: skip
    read_child = Clause(label="(a)", text="first", id=child.id)
    read = read_clause("c1", ClauseKind.DEFINITION, "1.1", "Data", "any information", 7, 12, [read_child])
    for field in dataclasses.fields(Clause):  # a field added to Clause must be added there too
        if field.name not in ("children", "parent"):
            assert getattr(read, field.name) == getattr(made, field.name), field.name
    assert read.parent is None and read.children == [read_child] and read_child.parent is read
    assert vars(read).keys() == vars(made).keys()
