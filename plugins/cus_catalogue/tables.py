"""Tables of a catalogue's own content folder (capacity, needs), checked against their Frictionless
Table Schemas in ``schemas/``: the columns of the first line, then every row error at its CSV
line and column."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .i18n import N_
from .problems import TYPE_NAMES, Problem

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
# What Frictionless says in English in an error's note, read back as data.
CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"$')
CELL_TYPE = re.compile(r'type is "(\w+)')
SAME_AS = re.compile(r"the same as in the row at position (\d+)")
# What the clerk reads about a cell or a row, in place of Frictionless's note.
EMPTY_CELL = N_("empty cell: fill in a value")
REPEATED = N_("“{value}” is already on line {other}: every row needs a different one")
REPEATED_KEY = N_("the same {columns} as on line {other}: every row needs a different one")
PATTERN_HINTS = {
    "[a-z0-9]+(-[a-z0-9]+)*": N_("lowercase letters a-z, digits and hyphens"),
    "[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?": N_(
        "a year (2026), a month (2026-11), a quarter (2026-Q4) or a half-year (2026-H2)"
    ),
}
# What is wrong with the first line (the header) itself.
OLD_COLUMN = N_("column “{old}” is now called “{new}”: rename it in the first line of the table")
MISSING_COLUMN = N_("column “{name}” is missing from the first line of the table")
UNKNOWN_COLUMN = N_("unknown column “{name}” (a typo?); allowed columns: {allowed}")


def header_problems(
    path: Path, schema_name: str, prefix: str, renamed: Mapping[str, str]
) -> list[Problem]:
    """The first line against ``schemas/<schema_name>``: a column under its ``renamed`` old
    name, unknown columns and missing required ones, each said plainly (``<prefix>-...``)."""
    with path.open(encoding="utf-8", newline="") as table:
        header = next(csv.reader(table), [])
    schema = json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))
    fields = [field["name"] for field in schema["fields"]]
    required = [f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")]
    problems = []
    for column in header:
        if renamed.get(column) and renamed[column] not in header:
            params = {"old": column, "new": renamed[column]}
            problems.append(Problem(f"{prefix}-old-column", path, 1, column, params,
                                    template=OLD_COLUMN))  # fmt: skip
        elif column not in fields:
            params = {"name": column, "allowed": ", ".join(fields)}
            problems.append(Problem(f"{prefix}-unknown-column", path, 1, column, params,
                                    template=UNKNOWN_COLUMN))  # fmt: skip
    present = set(header) | {renamed[column] for column in header if column in renamed}
    for column in required:
        if column not in present:
            problems.append(Problem(f"{prefix}-missing-column", path, 1, column,
                                    {"name": column}, template=MISSING_COLUMN))  # fmt: skip
    return problems


def table_problems(
    path: Path, schema_name: str, code: str, template: str, *, follow_header: bool = False
) -> list[Problem]:
    """Every error of the CSV table against ``schemas/<schema_name>``, each at its line.

    ``follow_header``: the schema follows the table's first line, so optional columns may be
    left out (the caller checks the first line itself)."""
    from frictionless import FrictionlessException, Resource, Schema  # slow import
    from frictionless.errors import RowError

    descriptor = json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))
    if follow_header:
        descriptor["fieldsMatch"] = "partial"  # columns matched by name; absent ones allowed
    schema = Schema.from_descriptor(descriptor)
    try:
        report = Resource(path.name, basepath=str(path.parent), schema=schema).validate()
    except FrictionlessException as error:
        return [Problem(code, path, 1, "", {"note": error.error.message}, template=template)]
    errors = [error for task in report.tasks for error in task.errors]
    rows = [error for error in errors if isinstance(error, RowError)]
    repeated = {error.row_number for error in rows if error.type == "unique-error"}
    key = ", ".join(descriptor.get("primaryKey", []))
    return [
        row_problem(error, path, code, template, key)
        for error in errors
        if not (
            isinstance(error, RowError)
            and error.type == "primary-key"
            and error.row_number in repeated
        )  # said once
    ]


def row_problem(error: Any, path: Path, code: str, template: str, key: str = "") -> Problem:
    """A Frictionless error as the validator's own problem, in words the clerk understands;
    an error of another kind keeps the table's template with Frictionless's note."""
    line = getattr(error, "row_number", None) or 1
    where: dict[str, Any] = {
        "file": path,
        "line": line,
        "field": getattr(error, "field_name", "") or "",
    }
    cell = str(getattr(error, "cell", "") or "")
    note = getattr(error, "note", "") or ""
    constraint = CONSTRAINT.search(note)
    if error.type == "constraint-error" and constraint:
        name, value = constraint.groups()
        if name == "required":
            return Problem(code, **where, template=EMPTY_CELL)
        if name in ("minimum", "maximum"):
            return Problem("too-small" if name == "minimum" else "too-large", **where,
                           params={"limit": value})  # fmt: skip
        if name == "minLength":
            return Problem("too-short", **where, params={"limit": int(value)})
        if name == "maxLength":
            return Problem("too-long", **where, params={"limit": int(value), "length": len(cell)})
        if name == "pattern" and value in PATTERN_HINTS:
            return Problem("bad-pattern", **where,
                           params={"value": cell, "hint": PATTERN_HINTS[value]})  # fmt: skip
    cell_type = CELL_TYPE.search(note)
    if error.type == "type-error" and cell_type and cell_type[1] == "date":
        return Problem("bad-date", **where, params={"value": cell})
    if error.type == "type-error" and cell_type and cell_type[1] in TYPE_NAMES:
        return Problem("wrong-type", **where, params={"expected": TYPE_NAMES[cell_type[1]]})
    same_as = SAME_AS.search(note)
    if error.type == "unique-error" and same_as:
        return Problem(code, **where, params={"value": cell, "other": int(same_as[1])},
                       template=REPEATED)  # fmt: skip
    if error.type == "primary-key" and same_as and key:
        return Problem(code, **where, params={"columns": key, "other": int(same_as[1])},
                       template=REPEATED_KEY)  # fmt: skip
    return Problem(code, **where, params={"note": error.message}, template=template)


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
