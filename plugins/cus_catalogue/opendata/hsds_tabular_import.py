"""HSDS's tabular form (a Data Package of CSV tables) read back into nested HSDS objects, so
the importer reads tables and JSON alike."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from .hsds_tabular import hsds_descriptor

# (key in the parent object, child table, the child's column naming the parent)
CHILDREN: dict[str, list[tuple[str, str, str]]] = {
    "service": [
        ("phones", "phone", "service_id"), ("schedules", "schedule", "service_id"),
        ("service_areas", "service_area", "service_id"),
        ("service_at_locations", "service_at_location", "service_id"),
        ("languages", "language", "service_id"), ("funding", "funding", "service_id"),
        ("cost_options", "cost_option", "service_id"),
        ("required_documents", "required_document", "service_id"),
        ("contacts", "contact", "service_id"), ("attributes", "attribute", "link_id"),
    ],
    "organization": [
        ("phones", "phone", "organization_id"), ("locations", "location", "organization_id"),
        ("funding", "funding", "organization_id"), ("contacts", "contact", "organization_id"),
        ("programs", "program", "organization_id"),
        ("organization_identifiers", "organization_identifier", "organization_id"),
        ("attributes", "attribute", "link_id"),
    ],
    "location": [
        ("addresses", "address", "location_id"), ("schedules", "schedule", "location_id"),
        ("accessibility", "accessibility", "location_id"), ("phones", "phone", "location_id"),
        ("languages", "language", "location_id"), ("contacts", "contact", "location_id"),
        ("attributes", "attribute", "link_id"),
    ],
    "service_at_location": [
        ("schedules", "schedule", "service_at_location_id"),
        ("phones", "phone", "service_at_location_id"),
        ("contacts", "contact", "service_at_location_id"),
    ],
    "contact": [("phones", "phone", "contact_id")],
    "phone": [("languages", "language", "phone_id")],
}  # fmt: skip
# (key in the object, the table of the one object it names, the column that names it)
PARENTS: dict[str, list[tuple[str, str, str]]] = {
    "service": [
        ("organization", "organization", "organization_id"),
        ("program", "program", "program_id"),
    ],
    "service_at_location": [("location", "location", "location_id")],
    "attribute": [("taxonomy_term", "taxonomy_term", "taxonomy_term_id")],
    "taxonomy_term": [("taxonomy_detail", "taxonomy", "taxonomy_id")],
}
NUMBERS = {"integer": int, "number": float}


class Tables:
    """The rows of every HSDS table of a package, typed by its Table Schema, by id and by link."""

    def __init__(self, folder: Path) -> None:
        descriptor_path = folder / "datapackage.json"
        descriptor = (
            json.loads(descriptor_path.read_text("utf-8"))
            if descriptor_path.is_file()
            else hsds_descriptor()
        )
        self.rows: dict[str, list[dict[str, Any]]] = {}
        for resource in descriptor.get("resources", []):
            path = folder / resource["path"]
            if path.is_file():
                types = {f["name"]: f.get("type") for f in resource["schema"]["fields"]}
                self.rows[resource["name"]] = _read(path, types)
        self.by_id = {
            table: {row["id"]: row for row in rows if "id" in row}
            for table, rows in self.rows.items()
        }
        self.by_link: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}

    def linked(self, table: str, column: str, value: str) -> list[dict[str, Any]]:
        """Rows of ``table`` whose ``column`` is ``value``."""
        if (table, column) not in self.by_link:
            index: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in self.rows.get(table, []):
                if column in row:
                    index[str(row[column])].append(row)
            self.by_link[table, column] = index
        return self.by_link[table, column].get(value, [])

    def nested(self, table: str, row: dict[str, Any], depth: int = 0) -> dict[str, Any]:
        """The row as an HSDS object, with the objects it names and the rows naming it."""
        found = dict(row)
        if depth > 6:  # HSDS objects nest at most this deep; the tables may link in circles
            return found
        for key, child_table, column in CHILDREN.get(table, []):
            children = self.linked(child_table, column, str(row.get("id")))
            if children:
                found[key] = [self.nested(child_table, child, depth + 1) for child in children]
        for key, parent_table, column in PARENTS.get(table, []):
            parent = self.by_id.get(parent_table, {}).get(row.get(column))
            if parent is not None:
                found[key] = self.nested(parent_table, parent, depth + 1)
        return found

    def objects(self) -> list[dict[str, Any]]:
        """Every service (with its organisation), then organisations no service names."""
        services = [self.nested("service", row) for row in self.rows.get("service", [])]
        named = {service.get("organization_id") for service in services}
        organizations = [
            self.nested("organization", row)
            for row in self.rows.get("organization", [])
            if row.get("id") not in named
        ]
        return services + organizations


def _read(path: Path, types: dict[str, str | None]) -> list[dict[str, Any]]:
    """A CSV table's rows without empty cells; integers and numbers as numbers."""
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as table:
        for raw in csv.DictReader(table):
            row: dict[str, Any] = {}
            for name, text in raw.items():
                if name is None or text in (None, ""):
                    continue
                convert = NUMBERS.get(types.get(name) or "")
                try:
                    value: Any = convert(text) if convert else text
                except ValueError:
                    value = text
                row[name] = int(value) if isinstance(value, float) and value.is_integer() else value
            rows.append(row)
    return rows


def read_tables(folder: Path) -> list[dict[str, Any]]:
    """The HSDS objects of a tabular package folder."""
    return Tables(folder).objects()
