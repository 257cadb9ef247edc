"""The native format: one `.policy.yaml` file per policy, validated by a JSON Schema.

Readable and diff-friendly: block style, a stable key order, Unicode as is, multi-paragraph
text as literal blocks. Loading then saving gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.formats.files import decode_text, read_bytes, write_atomic
from plutoeditor.model import Clause, ClauseKind, Metadata, Policy

FORMAT_VERSION = 1
SUFFIX = ".policy.yaml"

try:  # the C loader is much faster on large documents; both are the *safe* loader
    _SafeLoader: type = yaml.CSafeLoader
    _SafeDumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _SafeLoader = yaml.SafeLoader
    _SafeDumper = yaml.SafeDumper


def is_native(path: str | os.PathLike[str]) -> bool:
    name = str(path).lower()
    return name.endswith(SUFFIX) or name.endswith(".policy.yml")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The policy JSON Schema (schemas/policy.schema.json, shipped inside the package too)."""
    packaged = resources.files("plutoeditor").joinpath("data/policy.schema.json")
    if packaged.is_file():
        return json.loads(packaged.read_text(encoding="utf-8"))
    repo_copy = Path(__file__).resolve().parents[2] / "schemas" / "policy.schema.json"
    return json.loads(repo_copy.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


# -- loading -------------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> Policy:
    """Read and validate a `.policy.yaml` file. Raises PolicyFileError naming file and line."""
    text = decode_text(str(path), read_bytes(path))
    return loads(text, str(path))


def loads(text: str, path: str = "<string>") -> Policy:
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise PolicyFileError(path, "file is empty")
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        if "could not determine a constructor" in str(exc):
            problem = "YAML tag not allowed in a policy file (only plain data is read)"
        raise PolicyFileError(path, f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise PolicyFileError(path, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise PolicyFileError(path, "not a policy file: expected a mapping with metadata and clauses", 1)
    _upgrade(data, path)
    _validate(data, node, path)
    return _policy_from_data(data)


def _upgrade(data: dict[str, Any], path: str) -> None:
    """Bring older format versions up to the current one (none exist yet)."""
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise PolicyFileError(
            path, f"format_version {version} is newer than this PlutoEditor understands ({FORMAT_VERSION})"
        )


def _validate(data: dict[str, Any], node: yaml.Node, path: str) -> None:
    error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
    if error is None:
        return
    where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
    line = _line_of(node, list(error.absolute_path))
    raise PolicyFileError(path, f"schema violation at {where}: {_short(error.message)}", line)


def _short(message: str, width: int = 160) -> str:
    message = " ".join(message.split())
    return message if len(message) <= width else message[: width - 1] + "…"


def _line_of(node: yaml.Node, path: list[Any]) -> int:
    """The 1-based line of the YAML node at a JSON path, as deep as it can be followed."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    node = v
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1


def _policy_from_data(data: dict[str, Any]) -> Policy:
    meta = data["metadata"]
    date_text = meta.get("effective_date") or ""
    metadata = Metadata(
        title=meta.get("title", ""),
        organisation=meta.get("organisation", ""),
        jurisdiction=meta.get("jurisdiction", ""),
        version=meta.get("version", ""),
        effective_date=dt.date.fromisoformat(date_text) if date_text else None,
        summary_of_changes=list(meta.get("summary_of_changes", [])),
        language=meta.get("language", "en"),
    )
    return Policy(metadata, [_clause_from_data(c) for c in data["clauses"]], data.get("document_id"))


def _clause_from_data(data: dict[str, Any]) -> Clause:
    return Clause(
        id=data["id"],
        kind=ClauseKind(data.get("kind", "clause")),
        label=data["label"],
        heading=data["heading"],
        text=data["text"],
        source_line=data.get("source_line"),
        children=[_clause_from_data(c) for c in data["children"]],
    )


# -- saving --------------------------------------------------------------------


def to_data(policy: Policy) -> dict[str, Any]:
    """The policy as plain data in the file's key order."""
    m = policy.metadata
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


class _Dumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """Safe dumper that writes multi-line strings as literal blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value and not value.endswith((" ", "\n")) and "\n " not in value and " \n" not in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def dumps(policy: Policy) -> str:
    """Serialise a policy to the native YAML text (validated first)."""
    data = to_data(policy)
    error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise ValueError(f"policy does not match the schema at {where}: {_short(error.message)}")
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )


def save(policy: Policy, path: str | os.PathLike[str]) -> None:
    """Validate and write atomically: the file is either the old one or the complete new one."""
    write_atomic(path, dumps(policy))
