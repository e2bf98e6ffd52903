"""YAML record files read into plain data, keeping the line of every node for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

RecordKind = Literal["service", "provider", "package", "news"]
NodePath = tuple[str | int, ...]

try:  # libyaml makes composing 10,000 records several times faster
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - only without libyaml
    _BaseLoader = yaml.SafeLoader


class RecordLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader without YAML 1.1 surprises: dates and "10:00" stay strings (not 600)."""


RecordLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0|[-+]?[1-9][0-9_]*)$"),
    list("-+0123456789"),
)
RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


class RecordSyntaxError(Exception):
    """The file is not valid YAML, or is not a mapping; carries the line to point at."""

    def __init__(self, code: str, line: int, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.detail = detail


@dataclass
class Record:
    """One record (service, provider, package, news): its id (the file name), data, node lines."""

    id: str
    kind: RecordKind
    path: Path
    data: dict[str, Any]
    lines: dict[NodePath, int] = field(default_factory=dict, repr=False)

    def line_of(self, *node_path: str | int) -> int:
        """Line of the nearest node on ``node_path`` that exists (the record start otherwise)."""
        for end in range(len(node_path), 0, -1):
            line = self.lines.get(tuple(node_path[:end]))
            if line is not None:
                return line
        return self.lines.get((), 1)

    @property
    def status(self) -> str:
        """Services are active unless their record says otherwise."""
        return self.data.get("status", "active")


def _to_data(node: yaml.Node, path: NodePath, lines: dict[NodePath, int], loader: Any) -> Any:
    """Build plain data from a composed node, noting the line of each key and list item."""
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = str(key)
            if key in result:
                raise RecordSyntaxError("duplicate-key", key_node.start_mark.line + 1, key)
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _to_data(value_node, (*path, key), lines, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item_node in enumerate(node.value):
            lines[(*path, index)] = item_node.start_mark.line + 1
            items.append(_to_data(item_node, (*path, index), lines, loader))
        return items
    return loader.construct_object(node, deep=True)


def parse_record(text: str) -> tuple[dict[str, Any], dict[NodePath, int]]:
    """Parse one record's YAML text; raise RecordSyntaxError with a line on anything malformed."""
    loader = RecordLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RecordSyntaxError("empty-record", 1)
        if not isinstance(node, yaml.MappingNode):
            raise RecordSyntaxError("not-a-mapping", node.start_mark.line + 1)
        lines: dict[NodePath, int] = {(): node.start_mark.line + 1}
        data = _to_data(node, (), lines, loader)
    except RecordSyntaxError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise RecordSyntaxError("invalid-yaml", line, error.problem or str(error)) from None
    except yaml.YAMLError as error:
        raise RecordSyntaxError("invalid-yaml", 1, str(error)) from None
    finally:
        loader.dispose()
    return data, lines


def read_record(path: Path, kind: RecordKind) -> Record:
    """Read a record file; the id is the file name without its extension."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RecordSyntaxError("not-utf8", 1) from None
    data, lines = parse_record(text)
    return Record(id=path.stem, kind=kind, path=path, data=data, lines=lines)
