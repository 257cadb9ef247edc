"""A quick yes to "does this data match the policy schema?" for the data PlutoEditor writes.

The schema (schemas/policy.schema.json) is small: a mapping of known keys, metadata strings
with maximum lengths, and a tree of clauses whose fields are strings, a kind from a list
and a positive line number. `surely_valid` checks exactly those rules by hand, in one pass
over the clauses without recursion: about 10 ms for 10,000 clauses, where compiling the
schema (fastjsonschema) costs 20-35 ms at every start and the compiled check 25 ms more.

It answers True only when the data certainly matches; whenever it says False (anything
unusual: a float, a bool, a str subclass, a non-ASCII digit in a date, a key it does not
know), the caller asks the schema itself, which decides and explains. So a wrong answer
here can only cost time, never let bad data through: tests/formats/test_native_schema.py
checks that every rule below is the schema's (keys, required keys, lengths, kinds,
patterns) and that its True agrees with the reference validator on generated data.
"""

from __future__ import annotations

import re
from typing import Any

TOP_KEYS = frozenset({"format_version", "document_id", "metadata", "clauses"})
TOP_REQUIRED = frozenset({"format_version", "metadata", "clauses"})
FORMAT_VERSION = 1
#: metadata text field -> its maxLength in the schema
METADATA_LENGTHS = {"title": 500, "organisation": 500, "jurisdiction": 500, "version": 100, "language": 35}
METADATA_KEYS = frozenset({*METADATA_LENGTHS, "effective_date", "summary_of_changes"})
METADATA_REQUIRED = frozenset({"title", "effective_date"})
MAX_SUMMARY_ITEMS = 200
MAX_SUMMARY_ITEM_LENGTH = 2000
#: the schema's pattern for effective_date, with ASCII digits only (Python's \d takes any
#: Unicode digit; such a date goes to the schema, which decides)
EFFECTIVE_DATE = re.compile(r"(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))?")
CLAUSE_KEYS = frozenset({"id", "kind", "label", "heading", "text", "source_line", "children"})
CLAUSE_REQUIRED = frozenset({"id", "label", "heading", "text", "children"})
KINDS = frozenset({"clause", "definition", "schedule"})
CLAUSE_ID = re.compile(r"[A-Za-z0-9_-]+")


def surely_valid(data: Any) -> bool:
    """True when `data` certainly matches the policy schema; False: ask the schema."""
    if type(data) is not dict or not (TOP_REQUIRED <= data.keys() <= TOP_KEYS):
        return False
    version = data["format_version"]
    if type(version) is not int or version != FORMAT_VERSION:
        return False
    if "document_id" in data:
        document_id = data["document_id"]
        if type(document_id) is not str or not document_id:
            return False
    return _metadata_valid(data["metadata"]) and _clauses_valid(data["clauses"])


def _metadata_valid(meta: Any) -> bool:
    if type(meta) is not dict or not (METADATA_REQUIRED <= meta.keys() <= METADATA_KEYS):
        return False
    for key, value in meta.items():
        if key == "effective_date":
            if type(value) is not str or EFFECTIVE_DATE.fullmatch(value) is None:
                return False
        elif key == "summary_of_changes":
            if type(value) is not list or len(value) > MAX_SUMMARY_ITEMS:
                return False
            if any(type(item) is not str or len(item) > MAX_SUMMARY_ITEM_LENGTH for item in value):
                return False
        elif type(value) is not str or len(value) > METADATA_LENGTHS[key]:
            return False
    return True


def _clauses_valid(clauses: Any) -> bool:
    """Every clause of the tree, with a stack of sibling lists instead of recursion."""
    if type(clauses) is not list:
        return False
    todo = [clauses]
    match_id = CLAUSE_ID.fullmatch
    while todo:
        for clause in todo.pop():
            if type(clause) is not dict or not (CLAUSE_REQUIRED <= clause.keys() <= CLAUSE_KEYS):
                return False
            clause_id = clause["id"]
            if type(clause_id) is not str or match_id(clause_id) is None:
                return False
            if type(clause["label"]) is not str or type(clause["heading"]) is not str:
                return False
            if type(clause["text"]) is not str:
                return False
            if "kind" in clause and (type(clause["kind"]) is not str or clause["kind"] not in KINDS):
                return False
            if "source_line" in clause:
                line = clause["source_line"]
                if type(line) is not int or line < 1:
                    return False
            children = clause["children"]
            if type(children) is not list:
                return False
            if children:
                todo.append(children)
    return True
