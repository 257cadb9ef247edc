"""The comparison engine on small clause trees written in the fixture notation."""

from __future__ import annotations

import datetime as dt

from plutoeditor.compare import compare_policies
from plutoeditor.model.notation import parse_tree

BASE = """
[1] Introduction |
  [1.1] This policy explains how Acme handles personal data.
  [1.2] It applies to every customer of the shop.
[2] Collection |
  [2.1] We collect your name and postal address.
  [2.2] We collect your payment card details.
  [2.3] We collect the pages you visit on the website.
[3] Sharing |
  [3.1] We share data with the courier who delivers your order.
  [3.2] We never sell personal data to advertisers.
[4] Your rights |
  [4.1] You may ask for a copy of your data.
  [4.2] You may ask us to erase your data.
"""


def _changes(old_text: str, new_text: str):
    return compare_policies(parse_tree(old_text), parse_tree(new_text))


def test_identical_documents_have_no_changes():
    comparison = _changes(BASE, BASE)
    assert comparison.is_identical()
    summary = comparison.summary()
    assert summary["unchanged"] == 13
    assert {k: v for k, v in summary.items() if k != "unchanged"} == dict.fromkeys(
        ("added", "removed", "text_changed", "moved", "relabelled", "references_followed"), 0
    )


def test_inserted_clause_shifts_siblings_which_are_only_relabelled():
    new = (
        BASE.replace(
            "  [2.1] We collect your name and postal address.\n",
            "  [2.1] We collect your name and postal address.\n  [2.2] We collect your telephone number.\n",
        )
        .replace("[2.2] We collect your payment", "[2.3] We collect your payment")
        .replace("[2.3] We collect the pages", "[2.4] We collect the pages")
    )
    comparison = _changes(BASE, new)
    summary = comparison.summary()
    assert summary["added"] == 1 and summary["removed"] == 0
    assert summary["relabelled"] == 2 and summary["text_changed"] == 0 and summary["moved"] == 0
    added = [c for c in comparison.changes if c.status == "added"]
    assert added[0].new_label == "2.2" and "telephone" in added[0].new.text
    relabelled = [(c.old_label, c.new_label) for c in comparison.changes if c.relabelled]
    assert relabelled == [("2.2", "2.3"), ("2.3", "2.4")]
    assert not any(c.text_changed for c in comparison.changes if c.relabelled)


def test_deleted_clause():
    new = BASE.replace("  [3.2] We never sell personal data to advertisers.\n", "")
    comparison = _changes(BASE, new)
    removed = [c for c in comparison.changes if c.status == "removed"]
    assert len(removed) == 1 and removed[0].old_label == "3.2" and removed[0].new is None
    assert comparison.summary()["removed"] == 1
    assert sum(c.is_change for c in comparison.changes) == 1
    # reading order: the removed clause stands where it stood in the old version
    order = [c.old_label for c in comparison.changes]
    assert order.index("3.2") == order.index("3.1") + 1


def test_section_moved_to_the_end_is_one_move():
    new = """
[1] Introduction |
  [1.1] This policy explains how Acme handles personal data.
  [1.2] It applies to every customer of the shop.
[2] Sharing |
  [2.1] We share data with the courier who delivers your order.
  [2.2] We never sell personal data to advertisers.
[3] Your rights |
  [3.1] You may ask for a copy of your data.
  [3.2] You may ask us to erase your data.
[4] Collection |
  [4.1] We collect your name and postal address.
  [4.2] We collect your payment card details.
  [4.3] We collect the pages you visit on the website.
"""
    comparison = _changes(BASE, new)
    moved = [c for c in comparison.changes if c.moved]
    assert [(c.old_label, c.new_label, c.heading) for c in moved] == [("2", "4", "Collection")]
    summary = comparison.summary()
    assert summary["moved"] == 1 and summary["added"] == 0 and summary["removed"] == 0
    assert summary["text_changed"] == 0


def test_reworded_clause_has_exact_word_ops():
    new = BASE.replace(
        "We share data with the courier who delivers your order.",
        "We share your address with the courier who delivers your parcel.",
    )
    comparison = _changes(BASE, new)
    changed = [c for c in comparison.changes if c.text_changed]
    assert len(changed) == 1
    assert changed[0].ops == [
        (0, "We share "),
        (-1, "data"),
        (1, "your address"),
        (0, " with the courier who delivers your "),
        (-1, "order"),
        (1, "parcel"),
        (0, "."),
    ]
    assert not changed[0].relabelled and not changed[0].moved
    entry = changed[0].to_dict()
    assert entry["ops"][1] == [-1, "data"] and entry["status"] == "matched"


def test_unnumbered_clauses_and_definitions_align():
    old = """
[1] Definitions |
  def [] Customer | anyone who buys from the shop
  def [] Personal Data | any information that identifies a person
[] These definitions apply throughout.
"""
    new = """
[1] Definitions |
  def [] Personal Data | any information that identifies a living person
  def [] Customer | anyone who buys from the shop
[] These definitions apply throughout.
"""
    comparison = _changes(old, new)
    assert all(c.status == "matched" for c in comparison.changes)
    personal = next(c for c in comparison.changes if c.heading == "Personal Data")
    assert personal.text_changed and (1, "living ") in personal.ops
    assert comparison.summary()["moved"] == 1


def test_heading_change_and_metadata_changes():
    old, new = parse_tree(BASE), parse_tree(BASE.replace("[4] Your rights", "[4] Your choices"))
    old.metadata.effective_date = dt.date(2022, 11, 21)
    new.metadata.effective_date = dt.date(2023, 6, 7)
    new.metadata.summary_of_changes = ["Rights section renamed"]
    comparison = compare_policies(old, new)
    fields = {m.field: (m.old, m.new) for m in comparison.metadata_changes}
    assert fields["effective_date"] == ("2022-11-21", "2023-06-07")
    assert fields["summary_of_changes"] == ("", "Rights section renamed")
    renamed = next(c for c in comparison.changes if c.heading_changed)
    assert renamed.heading_ops == [(0, "Your "), (-1, "rights"), (1, "choices")]
    assert not renamed.text_changed and not comparison.is_identical()


def test_same_document_aligns_by_id_even_when_rewritten():
    old = parse_tree(BASE)
    new = old.copy()
    clause = new.clauses[2].children[0]
    clause.text = "Completely different wording about delivery partners and their duties."
    comparison = compare_policies(old, new)
    change = next(c for c in comparison.changes if c.new is not None and c.new.id == clause.id)
    assert change.status == "matched" and change.text_changed
    assert comparison.summary()["added"] == 0


def test_whitespace_and_label_punctuation_are_not_changes():
    old = BASE.replace("[2] Collection", "[2.] Collection")
    new = BASE.replace("postal address.", "postal  address.")
    assert _changes(old, new).is_identical()


def test_progress_is_reported_up_to_the_total():
    seen: list[tuple[int, int]] = []
    compare_policies(parse_tree(BASE), parse_tree(BASE), lambda done, total: seen.append((done, total)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]


def test_many_identical_lines_pair_in_order_without_false_moves():
    lines = "\n".join("  [] in each case, in accordance with this Policy." for _ in range(300))
    old = f"[1] Lists |\n{lines}\n[2] End |"
    new_lines = "\n".join("  [] in each case, in accordance with this Policy." for _ in range(290))
    new = f"[1] Lists |\n{new_lines}\n[2] End |"
    summary = _changes(old, new).summary()
    assert summary["removed"] == 10 and summary["moved"] == 0 and summary["added"] == 0


def test_section_moved_with_the_editor_is_one_move_by_id():
    from plutoeditor.model.operations import MoveClause

    old = parse_tree(BASE)
    new = old.copy()
    MoveClause(new.clauses[0].id, None, 3).apply(new)  # Introduction to the end
    comparison = compare_policies(old, new)
    moved = [c for c in comparison.changes if c.moved]
    assert [c.heading for c in moved] == ["Introduction"]
    assert comparison.summary()["moved"] == 1 and comparison.summary()["relabelled"] == 0
