"""The native format read and written by PyYAML's C safe loader and dumper.

The fast reader and writer (native_reader.py, native_writer.py) handle the files
PlutoEditor writes; this module reads everything else (a file edited by hand, one with an
error) and is the reference both match byte for byte. Only the safe loader is used, and
anchors, aliases and repeated keys are refused before anything is built.
"""

from __future__ import annotations

from typing import Any

import yaml

from plutoeditor.formats import native_reader
from plutoeditor.formats.errors import PolicyFileError

try:  # the C loader is much faster on large documents; both are the *safe* loader
    _SafeLoader: type = yaml.CSafeLoader
    _SafeDumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _SafeLoader = yaml.SafeLoader
    _SafeDumper = yaml.SafeDumper


def parse(text: str, path: str) -> tuple[dict[str, Any], yaml.Node]:
    """The data and root node of YAML text, read with the safe loader; anchors, aliases and
    repeated keys refused; every error a PolicyFileError with its line."""
    try:
        loader = _SafeLoader(text)
    except UnicodeEncodeError as exc:  # a lone surrogate: text that is not Unicode
        raise PolicyFileError(
            path, "is not valid text (half of a character pair)", text.count("\n", 0, exc.start) + 1
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise PolicyFileError(path, "file is empty")
        _refuse_aliases_and_duplicate_keys(node, path)
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
    except RecursionError:
        raise PolicyFileError(path, "invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise PolicyFileError(path, "not a policy file: expected a mapping with metadata and clauses", 1)
    return data, node


def _refuse_aliases_and_duplicate_keys(root: yaml.Node, path: str) -> None:
    """Anchors/aliases let a few hundred bytes expand to gigabytes, and a repeated key
    silently drops text: a policy file needs neither, so both are refused."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            message = "YAML anchors and aliases (&name, *name) are not allowed in a policy file"
            raise PolicyFileError(path, f"{message}; this anchor is reused", node.start_mark.line + 1)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        raise PolicyFileError(
                            path, f"invalid YAML: key {key.value!r} appears twice", key.start_mark.line + 1
                        )
                    keys.add(key.value)
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def line_of(node: yaml.Node, path: list[Any]) -> int:
    """The 1-based line of the YAML node at a JSON path, as deep as it can be followed."""
    for key in path:
        found = child(node, key)
        if found is None:
            break
        node = found
    return node.start_mark.line + 1


def child(node: yaml.Node, key: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def lines_of_nodes(root: yaml.Node, data: dict[str, Any]) -> native_reader.Lines:
    """The same line tables the fast reader keeps, from PyYAML's nodes."""
    lines = native_reader.Lines()
    if not isinstance(root, yaml.MappingNode):
        return lines
    lines.keys[""] = {str(k.value): k.start_mark.line + 1 for k, _ in root.value}
    for key, value in root.value:
        if isinstance(value, yaml.MappingNode):
            lines.keys[str(key.value)] = {str(k.value): k.start_mark.line + 1 for k, _ in value.value}
    stack: list[tuple[yaml.Node | None, list[Any]]] = [(child(root, "clauses"), data["clauses"])]
    while stack:
        node, clauses = stack.pop()
        if not isinstance(node, yaml.SequenceNode):
            continue
        for clause_node, clause in zip(node.value, clauses, strict=False):
            lines.items[id(clause)] = clause_node.start_mark.line + 1
            stack.append((child(clause_node, "children"), clause["children"]))
    return lines


class _Dumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """Safe dumper that writes multi-line strings as literal blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value and not value.endswith((" ", "\n")) and "\n " not in value and " \n" not in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def dump(data: dict[str, Any]) -> str:
    """The native text as PyYAML writes it: the reference the fast writer matches byte for
    byte, and what writes the rare values it leaves alone (tabs, emoji, ...).

    One top-level clause at a time, joined: the same bytes as dumping the whole tree (the
    sequence is written unindented, so each item starts at column 0 either way), half the
    time, and the C emitter lets go of the interpreter between clauses, so a save on a
    worker thread never stalls the window for long."""
    head = {key: value for key, value in data.items() if key != "clauses"}
    parts = [_dump(head)]
    if "clauses" in data:
        parts.append("clauses:" + ("\n" if data["clauses"] else " []\n"))
        parts.extend(_dump([clause]) for clause in data["clauses"])
    return "".join(parts)


def _dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
