"""Saving writes one top-level clause at a time (so a save on a worker thread lets the
window run); the bytes are exactly those of dumping the whole policy at once."""

from __future__ import annotations

import yaml

from plutoeditor.formats import native, native_yaml
from plutoeditor.model.notation import parse_tree


def whole(data) -> str:
    return yaml.dump(
        data, Dumper=native_yaml._Dumper, sort_keys=False, allow_unicode=True,
        default_flow_style=False, width=100, indent=2,
    )  # fmt: skip


def test_clause_by_clause_gives_the_same_bytes_as_the_whole_tree():
    long = " ".join(["a long sentence that wraps past the line width of one hundred"] * 4)
    policy = parse_tree(
        f"[1] Scope | {long}\n  [1.1] Two lines\\nof text\n    [1.1.1] Deep | ünïcödé “quotes”\n"
        "def [] Personal Data | any information\n[2] Contact | Write to us: 'x': y #z\n"
    )
    policy.metadata.summary_of_changes = ["First", "Second: with colon"]
    data = native.to_data(policy)
    assert native.dumps_data(data) == whole(data)
    assert native.loads(native.dumps(policy)).clauses[0].text == long


def test_a_policy_without_clauses_saves_and_loads():
    data = native.to_data(parse_tree(""))
    assert native.dumps_data(data) == whole(data)
