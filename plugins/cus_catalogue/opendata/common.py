"""What every open-data format shares: stable ids, canonical JSON and absolute URLs."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..csvcells import cell_text
from ..formatting import DAY_CODES

# The record day codes' iCalendar (RFC 5545) and schema.org names.
RRULE_DAYS = dict(zip(DAY_CODES, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
SCHEMA_DAYS = dict(
    zip(
        DAY_CODES,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


class Ids:
    """UUIDv5 of record ids in one namespace, so HSDS ids are the same in every build."""

    def __init__(self, namespace: str) -> None:
        self.namespace = uuid.UUID(str(namespace))
        # A term's or an organisation's id is asked for by every service that names it.
        self.known: dict[tuple[str, ...], str] = {}

    def __call__(self, *parts: str) -> str:
        """The id of the thing named by ``parts`` (e.g. ``"service", "zlota-raczka"``)."""
        found = self.known.get(parts)
        if found is None:
            found = self.known[parts] = str(uuid.uuid5(self.namespace, "/".join(parts)))
        return found


def canonical_json(data: Any, indent: int | None = 2) -> bytes:
    """Sorted keys, UTF-8, trailing newline: two builds of the same data give the same bytes."""
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(
        data, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators
    )
    return (text + "\n").encode("utf-8")


def csv_bytes(header: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    """A CSV table (RFC 4180, LF line ends, UTF-8) with the columns in ``header`` order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_text(row.get(name)) for name in header])
    return buffer.getvalue().encode("utf-8")
