"""HSDS service objects flattened into HSDS's own tables, described by its datapackage.json."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ..csvcells import cell_text
from .common import canonical_json

# HSDS 3.0's tabular descriptor, vendored unchanged (see HSDS_NOTICE.md).
DESCRIPTOR_PATH = Path(__file__).with_name("hsds_datapackage.json")
# Where a nested object or list sits in the JSON -> the table (resource name) it belongs to.
TABLE_OF_KEY = {
    "organization": "organization",
    "program": "program",
    "phones": "phone",
    "schedules": "schedule",
    "service_areas": "service_area",
    "service_at_locations": "service_at_location",
    "location": "location",
    "locations": "location",
    "addresses": "address",
    "accessibility": "accessibility",
    "languages": "language",
    "funding": "funding",
    "cost_options": "cost_option",
    "required_documents": "required_document",
    "contacts": "contact",
    "attributes": "attribute",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy",
    "metadata": "metadata",
    "organization_identifiers": "organization_identifier",
}


@cache
def hsds_descriptor() -> dict[str, Any]:
    """HSDS's tabular Data Package descriptor, exactly as the specification publishes it."""
    return json.loads(DESCRIPTOR_PATH.read_text(encoding="utf-8"))


def _time(value: str) -> str:
    """``09:00`` as a Table Schema time (``09:00:00``); 24:00 has no such time, so 23:59:59."""
    return "23:59:59" if value == "24:00" else f"{value}:00"


Row = tuple[str, str, str]  # table, id of the object, its CSV line (cells in the table's order)


@cache
def _headers() -> dict[str, list[str]]:
    return {
        resource["name"]: [field["name"] for field in resource["schema"]["fields"]]
        for resource in hsds_descriptor()["resources"]
    }


class RowMaker:
    """Makes the rows of an object in its table and of its nested objects in theirs, in the
    order they are met; an object shared by services (the organisation, a taxonomy term) is
    in each service's rows, made once and reused while it is met again unchanged. Rows are
    CSV lines already, so a rebuild writes a remembered service's rows as they are."""

    SHARED = frozenset({"organization", "taxonomy_term", "taxonomy"})

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], tuple[Mapping[str, Any], list[Row]]] = {}
        self.line = io.StringIO()
        self.writer = csv.writer(self.line, lineterminator="\n")

    def _csv_line(self, cells: list[str]) -> str:
        self.line.seek(0)
        self.line.truncate()
        self.writer.writerow(cells)
        return self.line.getvalue()

    def rows(self, table: str, item: Mapping[str, Any]) -> list[Row]:
        """The rows of ``item`` (in ``table``) and of everything nested in it."""
        found: list[Row] = []
        self._collect(table, item, found)
        return found

    def _collect(self, table: str, item: Mapping[str, Any], found: list[Row]) -> None:
        key = (table, item["id"])
        known = self.known.get(key)
        if known is not None and known[0] == item:
            found += known[1]
            return
        start = len(found)
        row = {key: value for key, value in item.items() if not isinstance(value, dict | list)}
        if table == "schedule":
            for name in ("opens_at", "closes_at"):
                if name in row:
                    row[name] = _time(row[name])
        cells = [cell_text(row.get(name)) for name in _headers()[table]]
        found.append((table, item["id"], self._csv_line(cells)))
        for name, value in item.items():
            child_table = TABLE_OF_KEY.get(name)
            if child_table is None:
                continue
            for child in value if isinstance(value, list) else [value]:
                self._collect(child_table, child, found)
        if table in self.SHARED:
            self.known[key] = (item, found[start:])


class TabularWriter:
    """Writes HSDS's tables row by row as services come, so large catalogues fit in memory.

    Rows keep the order in which they are first met (services in id order), so output is
    deterministic; an object met again (a shared organisation, a taxonomy term) is written once.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.seen: set[str] = set()
        self.files: dict[str, Any] = {}
        for resource in hsds_descriptor()["resources"]:
            handle = (folder / resource["path"]).open("w", encoding="utf-8", newline="")
            csv.writer(handle, lineterminator="\n").writerow(_headers()[resource["name"]])
            self.files[resource["name"]] = handle

    def add(self, table: str, item: Mapping[str, Any]) -> None:
        """Write ``item`` into its table and its nested objects into theirs."""
        self.write(RowMaker().rows(table, item))

    def write(self, found: list[Row]) -> None:
        """Write rows a ``RowMaker`` made; an object already written is not written again."""
        for table, row_id, line in found:
            if row_id not in self.seen:
                self.seen.add(row_id)
                self.files[table].write(line)

    def close(self, metadata: Mapping[str, Any]) -> None:
        """Finish the tables and write HSDS's descriptor with our name, title and licence."""
        for handle in self.files.values():
            handle.close()
        descriptor = hsds_descriptor()
        package = {key: value for key, value in descriptor.items() if key != "license"}
        package.update(metadata)
        (self.folder / "datapackage.json").write_bytes(canonical_json(package))
