"""Tables of a catalogue's own content folder (capacity, needs), checked against their Frictionless
Table Schemas in ``schemas/``: every row error at its CSV line and column."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .problems import Problem

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


def table_problems(
    path: Path, schema_name: str, code: str, template: str, *, follow_header: bool = False
) -> list[Problem]:
    """Every error of the CSV table against ``schemas/<schema_name>``, each at its line.

    ``follow_header``: the schema follows the table's first line, so optional columns may be
    left out (the caller checks the first line itself)."""
    from frictionless import FrictionlessException, Resource, Schema  # slow import

    descriptor = json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))
    if follow_header:
        descriptor["fieldsMatch"] = "partial"  # columns matched by name; absent ones allowed
    schema = Schema.from_descriptor(descriptor)
    try:
        report = Resource(path.name, basepath=str(path.parent), schema=schema).validate()
    except FrictionlessException as error:
        return [Problem(code, path, 1, "", {"note": error.error.message}, template=template)]
    return [
        Problem(
            code,
            path,
            getattr(error, "row_number", None) or 1,
            getattr(error, "field_name", "") or "",
            {"note": error.message},
            template=template,
        )
        for task in report.tasks
        for error in task.errors
    ]


def typed_rows(path: Path, convert: Callable[[dict[str, str], int], Any]) -> list[Any]:
    """Every row of the table as ``convert(row, line)`` makes it; a row whose values do not
    fit (``convert`` raises) is left out here, as ``table_problems`` reports it at its line."""
    if not path.is_file():
        return []
    rows = []
    with path.open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        for row in reader:
            try:
                rows.append(convert(row, reader.line_num))
            except (KeyError, TypeError, ValueError):
                continue
    return rows
