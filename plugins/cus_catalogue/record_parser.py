"""Record YAML read into plain data with the line of every node, refusing what could hurt.

The text is read event by event (no recursion), so an anchor, an alias (a "YAML bomb" or a
value that contains itself) or deep nesting is refused with its line before anything grows.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any, cast

import yaml

NodePath = tuple[str | int, ...]
# The deepest record (a place in a list of places) is three levels deep; allow some slack.
MAX_DEPTH = 8
# The longest example record is under 3 kB; a hundred times that is no record a person wrote.
MAX_RECORD_BYTES = 300_000

try:  # libyaml makes reading 10,000 records several times faster
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - only without libyaml
    _BaseLoader = yaml.SafeLoader


class RecordLoader(_BaseLoader):
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
    """The file cannot be a record (not YAML, not a mapping, unsafe); carries the line."""

    def __init__(self, code: str, line: int, detail: str = "", **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.detail = detail
        self.params = {"detail": detail, **params}


@dataclass
class _Open:
    """A mapping or list being read: its data, its node path, and a key waiting for a value."""

    data: dict[str, Any] | list[Any]
    path: NodePath
    key: str | None = None
    key_line: int = 0


_STR = "tag:yaml.org,2002:str"
#: Field names and codes (days, ids of audiences, fee kinds) repeat in every record: each is
#: kept once for the whole catalogue (records are held all build; issue 17, memory).
SHARED_TEXT_LENGTH = 24


def _line(event: yaml.Event) -> int:
    mark = event.start_mark  # the loader marks every event; the stubs allow None
    return mark.line + 1 if mark else 0


class _Reader:
    """Builds data and lines from the loader's events, one event at a time."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.stack: list[_Open] = []
        self.lines: dict[NodePath, int] = {}
        self.root: Any = None

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        """The value of a scalar, typed as the record resolver says (text stays text)."""
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            value = event.value
            return sys.intern(value) if len(value) <= SHARED_TEXT_LENGTH else value
        # libyaml's marks are yaml._yaml.Mark, a twin of yaml.Mark the stubs do not accept.
        start, end = event.start_mark, event.end_mark
        node = yaml.ScalarNode(tag, event.value, start, end, event.style)  # type: ignore[arg-type]
        return self.loader.construct_object(node, deep=True)

    def start(self, event: yaml.Event) -> NodePath | None:
        """Note where a value starts; None when ``event`` is a field name (then it is read)."""
        if not self.stack:
            self.lines[()] = _line(event)
            return ()
        parent = self.stack[-1]
        if type(parent.data) is list:
            path = (*parent.path, len(parent.data))
            self.lines[path] = _line(event)
            return path
        if parent.key is None:
            if type(event) is not yaml.ScalarEvent:
                raise RecordSyntaxError("complex-key", _line(event))
            name = sys.intern(str(self.scalar(event)))
            if name in parent.data:
                raise RecordSyntaxError("duplicate-key", _line(event), name)
            parent.key, parent.key_line = name, _line(event)
            return None
        path = (*parent.path, parent.key)
        self.lines[path] = parent.key_line
        return path

    def place(self, value: Any) -> None:
        """Put a finished value into its parent (or make it the record)."""
        if not self.stack:
            self.root = value
            return
        parent = self.stack[-1]
        if isinstance(parent.data, list):
            parent.data.append(value)
        else:
            parent.data[cast(str, parent.key)] = value  # start() read the key before the value
            parent.key = None

    def event(self, event: yaml.Event) -> None:
        """Take one event of the document's body."""
        kind = type(event)
        if kind is yaml.AliasEvent or getattr(event, "anchor", None):
            raise RecordSyntaxError("yaml-alias", _line(event))
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.place(self.stack.pop().data)
        elif (path := self.start(event)) is None:
            return
        elif isinstance(event, yaml.ScalarEvent):
            self.place(self.scalar(event))
        elif len(self.stack) >= MAX_DEPTH:
            raise RecordSyntaxError("too-deep", _line(event), limit=MAX_DEPTH)
        else:
            self.stack.append(_Open({} if kind is yaml.MappingStartEvent else [], path))

    def document(self) -> Any:
        """The single document of the stream (the record)."""
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            raise RecordSyntaxError("empty-record", 1)
        loader.get_event()  # document start
        while not loader.check_event(yaml.DocumentEndEvent):
            self.event(loader.get_event())
        loader.get_event()
        if not loader.check_event(yaml.StreamEndEvent):
            raise RecordSyntaxError("several-documents", _line(loader.get_event()))
        return self.root


def too_big(size: int, max_bytes: int) -> RecordSyntaxError:
    """The error for a file over the size limit, in whole kilobytes (rounded up)."""
    return RecordSyntaxError("too-big", 1, size=-(-size // 1000), limit=max_bytes // 1000)


def parse_record(
    text: str, max_bytes: int = MAX_RECORD_BYTES
) -> tuple[dict[str, Any], dict[NodePath, int]]:
    """Parse one record's YAML text; raise RecordSyntaxError with a line on anything malformed."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise too_big(size, max_bytes)
    loader = RecordLoader(text)
    reader = _Reader(loader)
    try:
        data = reader.document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise RecordSyntaxError("invalid-yaml", line, error.problem or str(error)) from None
    except yaml.YAMLError as error:
        raise RecordSyntaxError("invalid-yaml", 1, str(error)) from None
    finally:
        loader.dispose()
    if data is None:
        raise RecordSyntaxError("empty-record", 1)
    if not isinstance(data, dict):
        raise RecordSyntaxError("not-a-mapping", reader.lines.get((), 1))
    return data, reader.lines
