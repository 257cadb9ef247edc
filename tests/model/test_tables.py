"""Pipe-table rows inside clause text: reading runs and writing canonical rows."""

from plutoeditor.model.tables import Table, has_table, is_table_row, row_cells, table_lines, text_parts


def test_a_run_of_pipe_rows_with_a_separator_is_a_table_with_a_header():
    parts = text_parts(["Intro:", "| Term | Meaning |", "| --- | :---: |", "| A | B |", "After."])
    assert parts == ["Intro:", Table(["Term", "Meaning"], [["A", "B"]]), "After."]


def test_rows_without_a_separator_have_no_header():
    assert text_parts(["| a | b |", "| c | d |"]) == [Table(None, [["a", "b"], ["c", "d"]])]


def test_escaped_pipes_are_literal_and_round_trip():
    rows = [["a|b", "x\\y"], ["", "<b>"]]
    lines = table_lines(rows, header=True)
    assert lines == ["| a\\|b | x\\y |", "| --- | --- |", "| | <b> |"]
    assert text_parts(lines) == [Table(["a|b", "x\\y"], [["", "<b>"]])]
    assert row_cells(lines[0]) == ["a|b", "x\\y"]


def test_short_rows_are_padded_to_the_widest():
    assert table_lines([["a"], ["b", "c"]], header=False) == ["| a | |", "| b | c |"]


def test_plain_text_with_pipes_is_not_a_table():
    assert not is_table_row("a | b")
    assert not is_table_row("|")
    assert not is_table_row("| ends with an escaped pipe \\|")
    assert text_parts(["a | b", "c"]) == ["a | b", "c"]
    assert not has_table("Section | What\nmore")
    assert has_table("text\n| a | b |")
