"""Records written as YAML files the way people write them: block text, short lists inline."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


# Dates, times and postal codes are quoted, as in the example records, so no reader guesses.
_QUOTED = re.compile(r"[0-9][0-9:\-]*")
FLOW_LIST_WIDTH = 70


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


def record_yaml(data: dict[str, Any], kind: str, path: Path) -> str:
    """The file text: the editor's schema line, then the fields in contract order."""
    schema = os.path.relpath(SCHEMAS / f"{kind}.schema.json", path.parent.resolve())
    body = yaml.dump(
        data,
        Dumper=RecordDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    return f"# yaml-language-server: $schema={Path(schema).as_posix()}\n{body}"
