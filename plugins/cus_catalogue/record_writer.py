"""The one writer of record files: the schema line for editors, then the fields in the order of
the schema, written the way people write them (block text, short lists inline, times quoted).

``katalog apply-proposal`` and ``katalog import-hsds`` both write through it, so every written
record looks alike and reads back as the same data.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

import yaml

from .records import RecordKind
from .validation import SCHEMA_DIR, SCHEMA_FILES, schema

# Dates, times and postal codes are quoted, as in the example records, so no reader guesses.
_QUOTED = re.compile(r"[0-9][0-9:\-]*")
FLOW_LIST_WIDTH = 70
NodeKey = tuple[str, ...]  # field names, "*" for any item of a list


class RecordDumper(yaml.SafeDumper):
    """Multi-line text as ``|`` blocks, so Markdown stays readable in a pull request."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent list items under their key, as people write them."""
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else '"' if _QUOTED.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _mapping(dumper: yaml.SafeDumper, value: dict[str, Any]) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=False)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    scalars = all(isinstance(item, str | int | float) and "\n" not in str(item) for item in value)
    short = len(", ".join(str(item) for item in value)) <= FLOW_LIST_WIDTH
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=scalars and short)


RecordDumper.add_representer(str, _text)
RecordDumper.add_representer(dict, _mapping)
RecordDumper.add_representer(list, _list)


def _referenced(ref: str, kind: RecordKind) -> tuple[dict[str, Any], RecordKind]:
    """The schema node a ``$ref`` in ``kind``'s schema points at, and the schema it is in."""
    document, _hash, pointer = ref.partition("#")
    files = {name: record_kind for record_kind, name in SCHEMA_FILES.items()}
    target = files.get(document, kind)
    node: Any = schema(target)
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return node, target


def _collect(node: dict[str, Any], kind: RecordKind, key: NodeKey, found: dict) -> None:
    """Note the field order of every group below ``node`` (``kind``: the schema it is in)."""
    if "$ref" in node and "properties" not in node:
        _collect(*_referenced(node["$ref"], kind), key, found)
    if "properties" in node:
        found[key] = list(node["properties"])
        for name, child in node["properties"].items():
            _collect(child, kind, (*key, name), found)
    if isinstance(node.get("items"), dict):
        _collect(node["items"], kind, (*key, "*"), found)
    for branch in node.get("oneOf", []):
        _collect(branch, kind, key, found)


@functools.cache
def field_order(kind: RecordKind) -> dict[NodeKey, list[str]]:
    """The order of the fields of every group in the schema (the record contract's order)."""
    found: dict[NodeKey, list[str]] = {}
    _collect(schema(kind), kind, (), found)
    return found


def _in_order(value: Any, kind: RecordKind, key: NodeKey = ()) -> Any:
    """Fields in schema order (unknown ones last, as given), all the way down."""
    if isinstance(value, list):
        return [_in_order(item, kind, (*key, "*")) for item in value]
    if not isinstance(value, dict):
        return value
    order = field_order(kind).get(key, [])
    names = [name for name in order if name in value] + [n for n in value if n not in order]
    return {name: _in_order(value[name], kind, (*key, name)) for name in names}


def schema_reference(folder: Path, kind: RecordKind) -> str:
    """The schema's path relative to the record's folder, so editors find it in any checkout."""
    target = SCHEMA_DIR.resolve() / SCHEMA_FILES[kind]
    return Path(os.path.relpath(target, folder.resolve())).as_posix()


def record_yaml(data: dict[str, Any], kind: RecordKind, folder: Path) -> str:
    """The text of a record file that will be written into ``folder``."""
    body = yaml.dump(
        _in_order(data, kind),
        Dumper=RecordDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    return f"# yaml-language-server: $schema={schema_reference(folder, kind)}\n{body}"
