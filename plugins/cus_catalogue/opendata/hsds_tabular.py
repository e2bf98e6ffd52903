"""HSDS service objects flattened into HSDS's own tables, described by its datapackage.json."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .common import canonical_json, csv_bytes

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


def _collect(
    table: str, item: Mapping[str, Any], rows: dict[str, dict[str, dict[str, Any]]]
) -> None:
    """Put ``item`` into its table and walk its nested objects into theirs."""
    row = {key: value for key, value in item.items() if not isinstance(value, dict | list)}
    if table == "schedule":
        for key in ("opens_at", "closes_at"):
            if key in row:
                row[key] = _time(row[key])
    rows.setdefault(table, {}).setdefault(row["id"], row)
    for key, value in item.items():
        child_table = TABLE_OF_KEY.get(key)
        if child_table is None:
            continue
        for child in value if isinstance(value, list) else [value]:
            _collect(child_table, child, rows)


def tabular_files(services: list[dict[str, Any]], metadata: Mapping[str, Any]) -> dict[str, bytes]:
    """Every HSDS table as CSV (header only when empty) and the descriptor, by file name."""
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    for service in services:
        _collect("service", service, rows)
    descriptor = hsds_descriptor()
    files: dict[str, bytes] = {}
    for resource in descriptor["resources"]:
        header = [field["name"] for field in resource["schema"]["fields"]]
        table = rows.get(resource["name"], {})
        files[resource["path"]] = csv_bytes(header, (table[key] for key in sorted(table)))
    package = {key: value for key, value in descriptor.items() if key != "license"}
    package.update(metadata)
    files["datapackage.json"] = canonical_json(package)
    return files
