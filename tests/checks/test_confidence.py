"""A numbering finding is an error when the list around it is plainly one list, and a
warning (still listed) when the list shows signs that the page was misread."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.checks.checker import Checker
from plutoeditor.model import operations as ops
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.policy import Policy

_SEQUENCE = ("duplicate-number", "numbering-gap", "out-of-order")


def found(policy: Policy) -> list[tuple[str, str, str]]:
    return [(f.code, f.label, f.severity) for f in run_checks(policy) if f.code in _SEQUENCE]


def test_a_list_that_starts_again_after_a_line_reading_as_a_heading_is_two_lists():
    # the importer left "### Card details" in the body of item 2: the second 1. 2. are under it
    policy = parse_tree(
        "[1.] We collect your name.\n[2.] We collect your email.\\n### Card details\n"
        "[1.] We take the card number.\n[2.] We keep the receipt.\n"
    )
    assert found(policy) == [
        ("duplicate-number", "1.", "warning"),
        ("duplicate-number", "2.", "warning"),
    ]
    message = next(f.message for f in run_checks(policy) if f.code == "duplicate-number")
    assert "“Card details”, which reads as a heading" in message


def test_bold_all_capitals_and_title_case_lines_read_as_headings_too():
    for line in ("**Payment**", "CHILDREN'S PRIVACY", "Intellectual Property Rights"):
        policy = parse_tree(f"[1.] a.\n[2.] b.\\n{line}\n[1.] c.\n")
        assert found(policy) == [("duplicate-number", "1.", "warning")], line


def test_a_number_repeated_in_one_plain_list_is_still_an_error():
    assert found(parse_tree("[1.] a.\n[2.] b.\n[2.] c.\n[3.] d.\n")) == [("duplicate-number", "2.", "error")]
    # a sentence between them is body text, not a heading
    policy = parse_tree("[1.] a.\n[2.] b.\\nThe provider keeps these records for two years.\n[1.] c.\n")
    assert found(policy) == [("duplicate-number", "1.", "error")]


def test_a_list_opened_right_after_a_lead_in_is_a_list_inside_that_clause():
    # the sub-list lost its indent: "1. 2." belong to item 1, and the outer "2." repeats nothing
    policy = parse_tree(
        "[1.] We may end the contract if:\n[1.] you do not pay;\n[2.] you break the rules.\n[2.] Notices.\n"
    )
    assert found(policy) == [
        ("duplicate-number", "1.", "warning"),
        ("duplicate-number", "2.", "warning"),
    ]
    # after a finished sentence, "1." again is the author's slip
    policy = parse_tree("[1.] We may end the contract.\n[1.] You may end it.\n[2.] Notices.\n")
    assert found(policy) == [("duplicate-number", "1.", "error")]


def test_a_change_of_label_style_may_start_another_list():
    policy = parse_tree("[] Terms |\n  [(a)] one.\n  [(b)] two.\n  [a)] three.\n  [b)] four.\n")
    assert [severity for _, _, severity in found(policy)] == ["warning", "warning"]
    # "4.1" and "4.1." are one style written carelessly: the repeated 4.2 stays an error
    policy = parse_tree("[1] Scope |\n[2] Fees |\n  [2.1] a.\n  [2.2.] b.\n  [2.2] c.\n")
    assert found(policy) == [("duplicate-number", "2.2", "error")]


def test_a_gap_whose_missing_label_is_written_in_the_text_is_a_warning():
    # "C." was kept as body text of B, so D. only seems to come after B.
    policy = parse_tree("[A.] one.\n[B.] two.\\nC. Removal of content\n[D.] four.\n")
    assert found(policy) == [("numbering-gap", "D.", "warning")]
    gap = next(f for f in run_checks(policy) if f.code == "numbering-gap")
    assert "“C. Removal of content” is written before it" in gap.message
    # nothing written: a real gap
    plain = parse_tree("[A.] one.\n[B.] two.\\nAs above.\n[D.] four.\n")
    assert found(plain) == [("numbering-gap", "D.", "error")]


def test_a_gap_after_the_clause_above_that_holds_the_missing_number_is_a_warning():
    # "a)" was read as the clause above "(b)", not as its first sibling
    policy = parse_tree("[a)] first.\n  [(b)] second.\n  [(c)] third.\n")
    assert found(policy) == [("numbering-gap", "(b)", "warning")]


def test_several_gaps_each_after_a_heading_line_are_numbers_the_headings_took():
    policy = parse_tree("[1.] a.\\n**Fees**\n[3.] b.\n[4.] c.\\n**Term**\n[6.] d.\n")
    assert found(policy) == [("numbering-gap", "3.", "warning"), ("numbering-gap", "6.", "warning")]
    # one such gap alone stays an error
    assert found(parse_tree("[1.] a.\\n**Fees**\n[3.] b.\n[4.] c.\n")) == [("numbering-gap", "3.", "error")]


def test_many_defects_in_one_list_make_the_list_doubtful_not_each_number_wrong():
    crowded = found(parse_tree("[1.] a.\n[3.] b.\n[3.] c.\n[7.] d.\n[6.] e.\n"))
    assert crowded and all(severity == "warning" for _, _, severity in crowded)
    # an isolated defect in a long clean list is an error
    clean = "".join(f"[{n}.] item {n}.\n" for n in (1, 2, 3, 4, 6, 7, 8))
    assert found(parse_tree(clean)) == [("numbering-gap", "6.", "error")]


def test_the_checker_weighs_the_text_again_after_an_edit():
    policy = parse_tree("[1.] a.\n[2.] b.\n[1.] c.\n")
    checker = Checker(policy)
    assert [f.severity for f in checker.findings() if f.code == "duplicate-number"] == ["error"]
    second = policy.clauses[1]
    ops.SetClauseField(second.id, "text", "b.\n**Cookies**").apply(policy)
    assert [f.severity for f in checker.findings() if f.code == "duplicate-number"] == ["warning"]
    ops.SetClauseField(second.id, "text", "b.").apply(policy)
    assert [f.severity for f in checker.findings() if f.code == "duplicate-number"] == ["error"]
    checker.close()


def test_a_number_that_continues_the_sentence_before_it_is_no_member():
    # a hard-wrapped "... in the\n21. year of life" read as item 21
    policy = parse_tree("[1.] The tenant must be at least\n[21.] years old to sign.\n")
    assert found(policy) == [("numbering-gap", "21.", "warning")]
    assert "does not end its sentence" in next(
        f.message for f in run_checks(policy) if f.code == "numbering-gap"
    )


def test_a_list_stepping_by_the_same_amount_is_a_capture_artefact():
    policy = parse_tree("[1.] a.\n[3.] b.\n[5.] c.\n[7.] d.\n")
    assert [severity for _, _, severity in found(policy)] == ["warning"] * 3


def test_a_title_among_list_items_may_head_another_list():
    # item 3. of a list, then "13. Your legal rights" as a bare title: a section heading
    policy = parse_tree(
        "[] Reports |\n  [1.] Tap the name.\n  [2.] Tap Report.\n  [3.] We review.\n  [13.] Rights |\n"
    )
    assert found(policy) == [("numbering-gap", "13.", "warning")]


def test_a_list_that_opens_where_the_list_written_before_it_stopped_goes_on_from_it():
    # the tree put "2." under (b), while "1." is the label written last before it like it
    policy = parse_tree("[1.] Subscribers agree:\n  [(a)] one.\n  [(b)] two.\n    [2.] Residents.\n")
    assert found(policy) == [("numbering-gap", "2.", "warning")]
    # with "3." written last before it, that list is not where it goes on from
    policy = parse_tree("[1.] a.\n[3.] x.\n  [(a)] one.\n    [2.] Residents.\n")
    assert not any("written just before" in f.message for f in run_checks(policy))


def test_the_outer_list_going_on_after_a_list_inside_an_item_repeats_nothing():
    policy = parse_tree(
        "[1.] We may end it if:\n[1.] you do not pay;\n[2.] you break a rule.\n[2.] Notices.\n"
    )
    message = [f.message for f in run_checks(policy) if f.code == "duplicate-number"][-1]
    assert "it goes on from 1., after the list that opens at line 2" in message


def test_a_list_that_goes_on_from_an_item_the_tree_put_elsewhere_repeats_nothing():
    # "1. Who pays?" was read into section 2's list; "2." and "3." go on from it, not from 2. and 3.
    policy = parse_tree(
        "[1.] Who we are.\n[2.] What we collect.\n[3.] Why.\n[4.] You have rights.\n"
        "  [1.] Who pays?\n[2.] When?\n[3.] How?\n"
    )
    assert found(policy) == [("duplicate-number", "2.", "warning"), ("duplicate-number", "3.", "warning")]
    message = next(f.message for f in run_checks(policy) if f.code == "duplicate-number")
    assert "it follows 1. at line 5, which the tree put in another list" in message


def test_a_gap_wider_than_the_list_before_it_is_more_likely_another_list():
    # nine numbers left out after three items: not an author's slip
    assert found(parse_tree("[1.] a.\n[2.] b.\n[3.] c.\n[13.] Your rights.\n")) == [
        ("numbering-gap", "13.", "warning")
    ]
    # one or two left out in a longer list is
    assert found(parse_tree("[1.] a.\n[2.] b.\n[3.] c.\n[4.] d.\n[7.] e.\n")) == [
        ("numbering-gap", "7.", "error")
    ]


def test_a_letter_gap_landing_on_i_may_be_the_roman_numeral_one():
    policy = parse_tree("[a.] one.\n[b.] two.\n[c.] three.\n[i.] first of another list.\n")
    assert found(policy) == [("numbering-gap", "i.", "warning")]
    assert "roman numeral one" in next(f.message for f in run_checks(policy) if f.code == "numbering-gap")


def test_a_list_going_on_after_its_own_number_written_above_it_goes_on_from_the_list_before():
    # a page of two documents: the policy's 1.-12., an addendum's contents line "13. Europe", then
    # the addendum under its own title opens at "13." (the policy's next section)
    body = "".join(f"[{n}.] Section {n} |\n  [] text.\n" for n in range(1, 13))
    policy = parse_tree(
        body + "[13.] Europe.\n[] Europe Addendum |\n  [13.] Europe |\n    [13.1] Controller.\n"
    )
    gaps = [f for f in run_checks(policy) if f.code == "numbering-gap"]
    assert [(f.label, f.severity) for f in gaps] == [("13.", "warning")]
    assert "12. is the label written last before it" in gaps[0].message


def test_a_list_starting_again_right_after_an_item_is_a_list_inside_it_written_flat():
    # "1." then "1. 2. 3." with nothing between, then "3.": the inner list was not indented
    policy = parse_tree(
        "[] Disputes |\n  [1.] We mediate as follows:\n  [1.] You complain.\n  [2.] We gather facts.\n"
        "  [3.] We propose.\n  [3.] Nobody has a right to it.\n"
    )
    assert found(policy) == [("duplicate-number", "1.", "warning"), ("duplicate-number", "3.", "warning")]
    assert "starts again at 1" in next(
        f.message for f in run_checks(policy) if f.label == "3." and f.code == "duplicate-number"
    )
    # with text between, the second list is a list of its own; a plain repeat stays an error
    policy = parse_tree("[] Disputes |\n  [1.] We mediate.\n  [2.] You complain.\n  [2.] We gather facts.\n")
    assert found(policy) == [("duplicate-number", "2.", "error")]


def test_a_lone_gap_in_a_document_whose_other_lists_step_by_a_capture_is_a_warning():
    stepping = "[] Data |\n  [1.] a.\n  [4.] b.\n  [7.] c.\n  [10.] d.\n"
    stepping += "[] More data |\n  [1.] e.\n  [4.] f.\n  [7.] g.\n"
    lone = "[] Sharing |\n  [1.] h.\n  [2.] i.\n  [5.] j.\n"
    policy = parse_tree(stepping + lone)
    assert [s for c, label, s in found(policy) if label == "5."] == ["warning"]
    # with only one stepping list, the lone gap is the author's
    policy = parse_tree("[] Data |\n  [1.] a.\n  [4.] b.\n  [7.] c.\n  [10.] d.\n" + lone)
    assert [s for c, label, s in found(policy) if label == "5."] == ["error"]
