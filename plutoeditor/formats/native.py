"""The native format: one `.policy.yaml` file per policy, validated by a JSON Schema.

Readable and diff-friendly: block style, a stable key order, Unicode as is, multi-paragraph
text as literal blocks. Loading then saving gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plutoeditor.formats import limits, native_reader, native_schema
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.files import decode_text, read_bytes, write_atomic
from plutoeditor.gc_pause import no_cycle_collection
from plutoeditor.model import Clause, ClauseKind, Metadata, Policy
from plutoeditor.model.clause import read_clause

if TYPE_CHECKING:
    import yaml

# PyYAML (native_yaml) and the writer are imported where they are used: a file the fast
# reader takes is loaded and checked without them (`plutoeditor check` starts 15 ms sooner).

FORMAT_VERSION = 1
SUFFIX = ".policy.yaml"


def is_native(path: str | os.PathLike[str]) -> bool:
    name = str(path).lower()
    return name.endswith(SUFFIX) or name.endswith(".policy.yml")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The policy JSON Schema (schemas/policy.schema.json, shipped inside the package too)."""
    import json  # (only when the hand check of native_schema leaves a file to the schema)
    from importlib import resources

    packaged = resources.files("plutoeditor").joinpath("data/policy.schema.json")
    if packaged.is_file():
        return json.loads(packaged.read_text(encoding="utf-8"))
    repo_copy = Path(__file__).resolve().parents[2] / "schemas" / "policy.schema.json"
    return json.loads(repo_copy.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _fast_validator() -> Callable[[Any], Any]:
    """The schema compiled to Python code: about 40x faster than the reference validator
    on a 10,000-clause policy (40 ms vs 1.5 s), so loading and saving stay quick."""
    import copy

    import fastjsonschema  # compiled on first use only: 20-35 ms

    return fastjsonschema.compile(copy.deepcopy(schema()))  # it rewrites the $refs it is given


def _schema_error(data: Any) -> Any | None:
    """The most relevant schema error, or None. The hand check of native_schema answers
    "surely valid" for the data PlutoEditor writes; otherwise the compiled validator answers
    "valid?", and only when it says no does the reference 2020-12 validator explain."""
    if native_schema.surely_valid(data):
        return None
    from fastjsonschema import JsonSchemaException

    try:
        _fast_validator()(data)
        return None
    except JsonSchemaException:
        pass
    import jsonschema  # only needed to explain an error; keeps start-up fast

    validator_class = jsonschema.validators.validator_for(schema())
    error = jsonschema.exceptions.best_match(validator_class(schema()).iter_errors(data))
    return error if error is not None else ValueError("does not match the policy schema")


#: Deeper nesting is refused: no real policy comes near it, and it guards the recursive
#: writers (YAML, DOCX) against a hostile file.
MAX_DEPTH = 100


# -- loading -------------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> Policy:
    """Read and validate a `.policy.yaml` file. Raises PolicyFileError naming file and line."""
    text = decode_text(str(path), read_bytes(path, limit=limits.MAX_NATIVE_BYTES))
    return loads(text, str(path))


def loads(text: str, path: str = "<string>") -> Policy:
    """Parse native YAML text. The fast reader takes the files PlutoEditor writes; any
    other text, and any file with an error, goes through PyYAML's safe loader, so errors
    and their lines are exactly the full loader's."""
    with no_cycle_collection():  # loading builds some 300,000 objects that all stay alive
        fast = native_reader.read(text)
        size = len(text.encode("utf-8")) if len(text) * 4 > limits.MAX_FULL_YAML_BYTES else len(text)
        large = size > limits.MAX_FULL_YAML_BYTES
        if fast is not None:
            try:
                return _policy_from_fast(*fast, path)
            except PolicyFileError:
                if large:
                    raise
                # otherwise the full loader names the same problem, with PyYAML's lines
        if large:
            raise PolicyFileError(
                path,
                f"file is too large ({limits.mib(size)}; a policy file not in the form PlutoEditor "
                f"writes is read up to {limits.MAX_FULL_YAML_BYTES / 2**20:.0f} MiB)",
            )
        return _load_with_yaml(text, path)


def _policy_from_fast(data: dict[str, Any], lines: native_reader.Lines, path: str) -> Policy:
    _upgrade(data, path)
    deep = _deep_clause(data)
    if deep is not None:
        raise _too_deep(path, _line_in_data(data, lines, deep))
    error = _schema_error(data)
    if error is not None:
        location = list(getattr(error, "absolute_path", []))
        raise _violation(error, path, _line_in_data(data, lines, location))
    return _policy_from_data(data, lines, path)


def _line_in_data(data: dict[str, Any], lines: native_reader.Lines, location: list[Any]) -> int:
    """The line of the deepest clause or key on a JSON path, from the fast reader's lines."""
    node: Any = data
    line = 1
    for step, key in enumerate(location):
        if isinstance(node, dict):
            line = lines.items.get(id(node), line)
            if step == 0:
                line = lines.keys.get("", {}).get(key, line)
            elif step == 1 and location[0] == "metadata":
                line = lines.keys.get("metadata", {}).get(key, line)
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            break
    return lines.items.get(id(node), line) if isinstance(node, dict) else line


def _deep_clause(data: Any) -> list[Any] | None:
    """The JSON path of the first clause nested deeper than MAX_DEPTH, found without
    recursion (both schema validators recurse, and would fail on a hostile file)."""
    clauses = data.get("clauses") if isinstance(data, dict) else None
    level = clauses if isinstance(clauses, list) else []
    for _ in range(MAX_DEPTH):  # the common case: one list per level, no paths
        level = [c for clause in level if isinstance(clause, dict) for c in _children(clause)]
    if not level:
        return None
    todo = [(["clauses", i], c) for i, c in enumerate(clauses)] if isinstance(clauses, list) else []
    for _ in range(MAX_DEPTH):
        todo = [([*where, "children", i], c) for where, c_ in todo for i, c in enumerate(_children(c_))]
    return todo[0][0]


def _children(clause: Any) -> list[Any]:
    children = clause.get("children") if isinstance(clause, dict) else None
    return children if isinstance(children, list) else []


def _too_deep(path: str, line: int | None) -> PolicyFileError:
    return PolicyFileError(path, f"clauses are nested more than {MAX_DEPTH} levels deep", line)


def _load_with_yaml(text: str, path: str) -> Policy:
    """The full safe loader's reading: every YAML file, and the errors of every file."""
    from plutoeditor.formats import native_yaml

    data, node = native_yaml.parse(text, path)
    _upgrade(data, path)
    deep = _deep_clause(data)
    if deep is not None:
        raise _too_deep(path, native_yaml.line_of(node, deep))
    _validate(data, node, path)
    return _policy_from_data(data, native_yaml.lines_of_nodes(node, data), path, node)


def _upgrade(data: dict[str, Any], path: str) -> None:
    """Bring older format versions up to the current one (none exist yet)."""
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise PolicyFileError(
            path, f"format_version {version} is newer than this PlutoEditor understands ({FORMAT_VERSION})"
        )


def _validate(data: dict[str, Any], node: yaml.Node, path: str) -> None:
    from plutoeditor.formats import native_yaml

    error = _schema_error(data)
    if error is None:
        return
    location = list(getattr(error, "absolute_path", []))
    raise _violation(error, path, native_yaml.line_of(node, location))


def _violation(error: Any, path: str, line: int) -> PolicyFileError:
    where = "/".join(str(p) for p in getattr(error, "absolute_path", [])) or "(top level)"
    message = _short(str(getattr(error, "message", error)))
    return PolicyFileError(path, f"schema violation at {where}: {message}", line)


def _short(message: str, width: int = 160) -> str:
    message = " ".join(message.split())
    return message if len(message) <= width else message[: width - 1] + "…"


def from_data(data: dict[str, Any], path: str = "<snapshot>") -> Policy:
    """The policy `to_data` was taken of (same ids and document id), with no file behind it."""
    return _policy_from_data(data, native_reader.Lines(), path)


def _policy_from_data(
    data: dict[str, Any], lines: native_reader.Lines, path: str, root: yaml.Node | None = None
) -> Policy:
    meta = data["metadata"]
    date_text = meta.get("effective_date") or ""
    try:
        effective = dt.date.fromisoformat(date_text) if date_text else None
    except ValueError:
        if root is not None:
            from plutoeditor.formats import native_yaml

            line = native_yaml.line_of(root, ["metadata", "effective_date"])
        else:
            line = lines.keys.get("metadata", {}).get("effective_date", 0)
        raise PolicyFileError(path, f"effective_date {date_text!r} is not a real date", line) from None
    metadata = Metadata(
        title=meta.get("title", ""),
        organisation=meta.get("organisation", ""),
        jurisdiction=meta.get("jurisdiction", ""),
        version=meta.get("version", ""),
        effective_date=effective,
        summary_of_changes=list(meta.get("summary_of_changes", [])),
        language=meta.get("language", "en"),
    )
    ids: dict[str, int] = {}
    clauses = [_clause_from_data(c, lines.items, path, ids, 1) for c in data["clauses"]]
    policy = Policy(metadata, clauses, data.get("document_id"))
    policy.metadata_lines = _metadata_lines(lines)
    return policy


def _metadata_lines(lines: native_reader.Lines) -> dict[str, int]:
    """The line of the metadata key and of each field's key, as a finding would name them."""
    found: dict[str, int] = {}
    if "metadata" in lines.keys.get("", {}):
        found[""] = lines.keys[""]["metadata"]
        found.update(lines.keys.get("metadata", {}))
    return found


def _clause_from_data(
    data: dict[str, Any], starts: dict[int, int], path: str, ids: dict[str, int], depth: int
) -> Clause:
    line = starts.get(id(data))
    if depth > MAX_DEPTH:
        raise PolicyFileError(path, f"clauses are nested more than {MAX_DEPTH} levels deep", line)
    if data["id"] in ids:
        raise PolicyFileError(
            path, f"clause id {data['id']!r} is used twice (first at line {ids[data['id']]})", line
        )
    ids[data["id"]] = line or 0
    kind = data.get("kind")  # most clauses have none: no enum lookup (a third of the building)
    return read_clause(
        data["id"],
        ClauseKind.CLAUSE if kind is None else ClauseKind(kind),
        data["label"],
        data["heading"],
        data["text"],
        data.get("source_line"),
        line,
        [_clause_from_data(c, starts, path, ids, depth + 1) for c in data["children"]],
    )


# -- saving --------------------------------------------------------------------


def to_data(policy: Policy) -> dict[str, Any]:
    """The policy as plain data in the file's key order (metadata longer than the schema
    allows is cut, so a save never fails on a pasted essay in the title)."""
    m = policy.metadata
    fitted = m.copy()
    if limits.fit_metadata(fitted):
        m = fitted
    metadata: dict[str, Any] = {
        "title": m.title,
        "organisation": m.organisation,
        "jurisdiction": m.jurisdiction,
        "version": m.version,
        "effective_date": m.effective_date.isoformat() if m.effective_date else "",
        "summary_of_changes": list(m.summary_of_changes),
        "language": m.language,
    }
    return {
        "format_version": FORMAT_VERSION,
        "document_id": policy.document_id,
        "metadata": metadata,
        "clauses": [_clause_to_data(c) for c in policy.clauses],
    }


def _clause_to_data(clause: Clause) -> dict[str, Any]:
    data: dict[str, Any] = {"id": clause.id}
    if clause.kind is not ClauseKind.CLAUSE:
        data["kind"] = clause.kind.value
    data["label"] = clause.label
    data["heading"] = clause.heading
    data["text"] = clause.text
    if clause.source_line is not None:
        data["source_line"] = clause.source_line
    data["children"] = [_clause_to_data(c) for c in clause.children]
    return data


def yaml_dump(data: dict[str, Any]) -> str:
    """The native text as PyYAML writes it (the reference the fast writer matches)."""
    from plutoeditor.formats import native_yaml

    return native_yaml.dump(data)


def dumps(policy: Policy) -> str:
    """Serialise a policy to the native YAML text (validated first)."""
    return dumps_data(to_data(policy))


def dumps_data(data: dict[str, Any]) -> str:
    """Serialise `to_data(policy)` to the native YAML text (validated first).

    The editor takes `to_data` as a snapshot on the GUI thread (fast) and calls this on a
    worker thread, so saving a big policy never freezes the window.
    """
    deepest = _data_depth(data.get("clauses", []))
    if deepest > MAX_DEPTH:
        raise ValueError(f"clauses are nested {deepest} levels deep; at most {MAX_DEPTH} can be saved")
    error = _schema_error(data)
    if error is not None:
        where = "/".join(str(p) for p in getattr(error, "absolute_path", [])) or "(top level)"
        message = _short(str(getattr(error, "message", error)))
        raise ValueError(f"policy does not match the schema at {where}: {message}")
    from plutoeditor.formats import native_writer

    text = native_writer.dump_data(data)
    if text is None:
        try:
            text = yaml_dump(data)
        except UnicodeEncodeError:  # a lone surrogate (half an emoji) cannot be stored in UTF-8
            text = yaml_dump(_without_surrogates(data))
    _refuse_unopenable(text)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(data: Any) -> Any:
    """The data with each lone surrogate replaced by U+FFFD, the replacement character."""
    if isinstance(data, str):
        return _SURROGATE.sub("\ufffd", data)
    if isinstance(data, list):
        return [_without_surrogates(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_surrogates(value) for key, value in data.items()}
    return data


def _refuse_unopenable(text: str) -> None:
    """Never write a file PlutoEditor would refuse to open (limits.py)."""
    if len(text) * 4 <= limits.MAX_FULL_YAML_BYTES:
        return
    size = len(text.encode("utf-8"))
    if size > limits.MAX_NATIVE_BYTES:
        raise ValueError(
            f"its policy file would be {limits.mib(size)}; PlutoEditor opens policy files of up "
            f"to {limits.MAX_NATIVE_BYTES / 2**20:.0f} MiB"
        )
    if size > limits.MAX_FULL_YAML_BYTES and native_reader.read(text) is None:
        raise ValueError(
            f"its policy file would be {limits.mib(size)} and need the full YAML reader, which "
            f"PlutoEditor uses for files of up to {limits.MAX_FULL_YAML_BYTES / 2**20:.0f} MiB"
        )


def _data_depth(clauses: list[dict[str, Any]]) -> int:
    """How deep the clause data nests (1 for top-level clauses only), without recursion."""
    deepest, level, todo = 0, 1, clauses
    while todo:
        deepest = level
        todo = [child for clause in todo for child in clause.get("children", [])]
        level += 1
    return deepest


def save(policy: Policy, path: str | os.PathLike[str]) -> None:
    """Validate and write atomically: the file is either the old one or the complete new one."""
    write_atomic(path, dumps(policy))
