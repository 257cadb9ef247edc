"""The hand check of the policy schema (formats/native_schema.py) is the schema's own rules:
what it calls valid the reference validator calls valid, and it says yes to what
PlutoEditor writes (else loading falls back to compiling the schema, 20-35 ms)."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from plutoeditor.file_formats import open_policy
from plutoeditor.formats import native, native_schema

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "benchmarks"))

from policygen import generate_policy  # noqa: E402

SCHEMA = json.loads((REPO / "schemas" / "policy.schema.json").read_text(encoding="utf-8"))
REFERENCE = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
#: every keyword the schema uses; a new one needs a rule in native_schema
KNOWN_KEYWORDS = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "type", "required",
    "additionalProperties", "properties", "items", "const", "enum", "minLength", "maxLength",
    "maxItems", "minimum", "pattern",
}  # fmt: skip


def keywords(node, found=None):
    found = set() if found is None else found
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for child in value.values():
                    keywords(child, found)
            elif isinstance(value, dict):
                keywords(value, found)
    return found


def test_the_hand_check_knows_every_keyword_the_schema_uses():
    assert keywords(SCHEMA) <= KNOWN_KEYWORDS
    assert native.schema() == SCHEMA  # the packaged copy is the same, and compiling left it alone


def test_the_hand_check_has_the_schemas_rules():
    assert SCHEMA["additionalProperties"] is False
    assert set(SCHEMA["properties"]) == native_schema.TOP_KEYS
    assert set(SCHEMA["required"]) == native_schema.TOP_REQUIRED
    assert SCHEMA["properties"]["format_version"]["const"] == native_schema.FORMAT_VERSION
    document_id = SCHEMA["properties"]["document_id"]
    assert {k: v for k, v in document_id.items() if k != "description"} == {"type": "string", "minLength": 1}
    meta = SCHEMA["$defs"]["metadata"]
    assert meta["additionalProperties"] is False
    assert set(meta["properties"]) == native_schema.METADATA_KEYS
    assert set(meta["required"]) == native_schema.METADATA_REQUIRED
    for key, limit in native_schema.METADATA_LENGTHS.items():
        assert {k: v for k, v in meta["properties"][key].items() if k != "description"} == {
            "type": "string",
            "maxLength": limit,
        }
    changes = meta["properties"]["summary_of_changes"]
    assert changes == {
        "type": "array",
        "maxItems": native_schema.MAX_SUMMARY_ITEMS,
        "items": {"type": "string", "maxLength": native_schema.MAX_SUMMARY_ITEM_LENGTH},
    }
    date = meta["properties"]["effective_date"]
    assert date["type"] == "string"
    assert date["pattern"] == r"^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$"
    clause = SCHEMA["$defs"]["clause"]
    assert clause["additionalProperties"] is False
    assert set(clause["properties"]) == native_schema.CLAUSE_KEYS
    assert set(clause["required"]) == native_schema.CLAUSE_REQUIRED
    props = clause["properties"]
    assert props["id"] == {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"}
    assert set(props["kind"]["enum"]) == native_schema.KINDS
    assert all(props[key] == {"type": "string"} for key in ("label", "heading", "text"))
    assert props["source_line"] == {"type": "integer", "minimum": 1}
    assert props["children"] == {"type": "array", "items": {"$ref": "#/$defs/clause"}}
    assert SCHEMA["properties"]["clauses"] == {"type": "array", "items": {"$ref": "#/$defs/clause"}}


def data_of_files():
    paths = sorted((REPO / "resources" / "samples").glob("*.policy.yaml"))
    paths += sorted((REPO.parent / "shared" / "seeds").rglob("*.policy.yaml"))
    return [native.to_data(open_policy(str(p))) for p in paths]


def test_what_plutoeditor_writes_is_surely_valid():
    policies = [generate_policy(n, seed=seed) for n, seed in ((300, 1), (2000, 7))]
    datas = [native.to_data(p) for p in policies] + data_of_files()
    for data in datas:
        assert REFERENCE.is_valid(data)
        assert native_schema.surely_valid(data)


# -- generated data: valid policies, then up to two fields made wrong anywhere in them
@st.composite
def texts(draw, limit):
    """Mostly short text; now and then just at or just over the length limit."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(["x" * limit, "x" * (limit + 1)]))
    return draw(st.text(alphabet="ab1- ", max_size=6))


VALID_TEXT = st.text(alphabet="ab1- ", max_size=6)
ODD_VALUES = st.sampled_from(
    [None, True, False, 0, 1, -1, 1.0, 2.5, [], {}, "", "x", "x" * 2001, ["x"] * 201]
)
DATES = st.sampled_from(
    ["2024-01-31", "", "2024-13-01", "2024-1-1", "2024-02-30", "٢٠٢٤-01-01", "2024-01-01\n", "x"]
)
IDS = st.sampled_from(["c1", "a_b-C9", "-", "_", "", "has space", "é", "c1\n"])
KINDS = st.sampled_from(["clause", "definition", "schedule", "Clause"])


@st.composite
def clause_data(draw, depth=0):
    clause = {
        "id": draw(IDS if draw(st.integers(0, 5)) == 0 else st.just("c1")),
        "label": draw(VALID_TEXT),
        "heading": draw(VALID_TEXT),
        "text": draw(VALID_TEXT),
        "children": [] if depth >= 2 else draw(st.lists(clause_data(depth=depth + 1), max_size=2)),
    }
    if draw(st.booleans()):
        clause["kind"] = draw(KINDS if draw(st.integers(0, 5)) == 0 else st.just("clause"))
    if draw(st.booleans()):
        clause["source_line"] = draw(st.integers(-1, 3))
    return clause


def nodes(data):
    """Every mapping in the data: the top level, the metadata and each clause."""
    clauses = data.get("clauses")
    found, todo = [data, data.get("metadata")], list(clauses) if isinstance(clauses, list) else []
    while todo:
        clause = todo.pop()
        found.append(clause)
        if isinstance(clause.get("children"), list):
            todo.extend(clause["children"])
    return [node for node in found if isinstance(node, dict)]


@st.composite
def policy_data(draw):
    date = draw(DATES if draw(st.integers(0, 3)) == 0 else st.just("2024-01-31"))
    meta = {"title": draw(texts(500)), "effective_date": date}
    for key, limit in native_schema.METADATA_LENGTHS.items():
        if key != "title" and draw(st.booleans()):
            meta[key] = draw(texts(limit))
    if draw(st.booleans()):
        changes = st.lists(texts(2000), max_size=2) if draw(st.integers(0, 5)) else st.just(["x"] * 201)
        meta["summary_of_changes"] = draw(changes)
    data = {"format_version": 1, "metadata": meta, "clauses": draw(st.lists(clause_data(), max_size=3))}
    if draw(st.booleans()):
        data["document_id"] = draw(st.sampled_from(["doc-1", ""]))
    for _ in range(draw(st.integers(0, 2))):  # make a field wrong, remove one or add one
        node = draw(st.sampled_from(nodes(data)))
        key = draw(st.sampled_from([*node, "extra"]))
        if draw(st.booleans()):
            node[key] = draw(ODD_VALUES)
        elif key in node:
            del node[key]
    return data


@given(policy_data())
def test_surely_valid_is_only_said_of_valid_data(data):
    if native_schema.surely_valid(data):
        assert REFERENCE.is_valid(data)


@pytest.mark.parametrize("field", ["label", "heading", "text", "id"])
def test_a_wrong_field_deep_in_the_tree_is_not_surely_valid(field):
    data = native.to_data(generate_policy(300, seed=3))
    deep = data["clauses"][-1]
    while deep["children"]:
        deep = deep["children"][-1]
    broken = copy.deepcopy(data)
    target = broken["clauses"][-1]
    while target["children"]:
        target = target["children"][-1]
    target[field] = 7
    assert native_schema.surely_valid(data) and not native_schema.surely_valid(broken)
    assert not REFERENCE.is_valid(broken)


@given(policy_data())
def test_the_hand_check_agrees_with_the_schema_on_plain_data(data):
    """Without the values it leaves to the schema on purpose (floats, bools, Unicode digits,
    a line break at the end of an id or date), it decides exactly as the schema does."""

    def plain(value):
        if isinstance(value, bool | float):
            return False
        if isinstance(value, str):
            return not value.endswith("\n") and "٢" not in value
        if isinstance(value, list):
            return all(plain(v) for v in value)
        if isinstance(value, dict):
            return all(plain(v) for v in value.values())
        return True

    if plain(data):
        assert native_schema.surely_valid(data) == REFERENCE.is_valid(data)
