"""A gap whose missing number is written in the document, where the tree did not read it as
a member, is a warning that says where the number stands."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.model.notation import parse_tree


def gap(notation: str) -> tuple[str, str]:
    found = [f for f in run_checks(parse_tree(notation)) if f.code == "numbering-gap"]
    assert len(found) == 1, found
    return found[0].severity, found[0].message


def test_a_label_glued_to_its_text_is_still_written():
    severity, message = gap("[1] A |\n[2] B |\n  [2.1] One.\\n2.2You keep it safe.\n  [2.3] Three.\n")
    assert severity == "warning"
    assert "“2.2You keep it safe.” is written before it" in message


def test_a_range_label_stands_for_the_numbers_in_it():
    severity, message = gap(
        "[1] A |\n  [1.1] One.\\n1.2.-1.4. Country clauses: see the website.\n  [1.5] Five.\n"
    )
    assert severity == "warning"
    assert "1.2.-1.4." in message


def test_an_item_opened_inline_after_a_lead_in_is_written():
    # "(i)" stands inside the lead-in, so "(ii)" on its own line opens nothing new
    notation = (
        "[1.] Scope |\n  [(i)] a.\n  [(ii)] b.\n  [(iii)] c.\n"
        "[2.] Warranties | You warrant as follows: (i) your content is yours; and\n"
        "  [(ii)] it is lawful.\n  [(iii)] it is fine.\n"
    )
    severity, message = gap(notation)
    assert severity == "warning"
    assert "“(i)” is written inline" in message


def test_a_missing_number_the_tree_put_in_another_list_is_written():
    notation = "[A.] One.\n[B.] Two.\n  [(a)] Sub.\n  [C.] Three |\n[D.] Four.\n"
    # C. was read as a sub-item of B.: D. only seems to come after B.
    severity, message = gap(notation)
    assert severity == "warning"
    assert "C. is written at line 4" in message


def test_a_plain_number_at_the_start_of_a_line_is_no_label():
    severity, _ = gap("[1.] One.\\n3 months later we write to you.\n[4.] Four.\n")
    assert severity == "error"


def test_an_item_opened_inline_after_the_item_before_is_written():
    severity, message = gap(
        "[(a)] publish a notice;\n[(b)] keep the notices; and (c) give a copy.\n[(d)] mark changes.\n"
    )
    assert severity == "warning"
    assert "“(c)” is written inline" in message
    # after a full stop it is not: the page may have lost a line there, the gap stays
    severity, _ = gap(
        "[(a)] publish a notice.\n[(b)] keep the notices. (c) Give a copy.\n[(d)] mark changes.\n"
    )
    assert severity == "error"


def test_a_label_run_into_a_paragraph_after_a_sentence_is_written():
    # the page ran "2.2" and its text into the paragraph of 2.1: 2.3 only seems to come after 2.1
    notation = (
        "[1] A |\n[2] Access |\n  [2.1] Access is given:"
        "\\nby computer or phone. 2.2 Apart from upkeep, at any time.\n"
        "  [2.3] Codes are personal.\n"
    )
    severity, message = gap(notation)
    assert severity == "warning"
    assert "“2.2” is written inside the text before it" in message


def test_a_number_after_a_sentence_but_before_a_small_word_is_no_label():
    # "... up to. 2.2 million users" is an amount in a sentence, not clause 2.2
    notation = (
        "[1] A |\n[2] B |\n  [2.1] Limits apply. 2.2 million users at most.\n  [2.3] Codes are personal.\n"
    )
    assert gap(notation)[0] == "error"


def test_a_label_glued_to_the_full_stop_before_it_is_written():
    notation = (
        "[1] Liability |\n  [1.1] We try (force majeure, etc.).1.2 Some features cost.\n  [1.3] Updates.\n"
    )
    assert gap(notation)[0] == "warning"
    # inside a longer number it is no label: "version 3.1.2 Some" is a version
    notation = "[1] Liability |\n  [1.1] We ship version 3.1.2 Some days.\n  [1.3] Updates.\n"
    assert gap(notation)[0] == "error"
