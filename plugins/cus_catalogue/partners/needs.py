"""``<content>/needs.csv``: services the centre is looking for a provider for.

The centre's staff curate it from residents' reports of missing services. The table belongs to
the content folder (like capacity.csv); frictionless checks it against
``schemas/needs.tableschema.json`` and here its ids are checked against the vocabularies.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..i18n import N_
from ..problems import Problem
from ..tables import table_problems, typed_rows

FILE_NAME = "needs.csv"
SCHEMA_NAME = "needs.tableschema.json"
TABLE_INVALID = N_("table of needed services is invalid: {note}")
UNKNOWN_TERM = N_("“{value}” is not an id of {vocabulary}; allowed: {allowed}")


def read_needs(content: Path) -> list[dict[str, Any]]:
    """Every row with typed values, in the table's order (none without the table)."""
    return typed_rows(
        content / FILE_NAME, lambda row, line: {**row, "line": line, "people": int(row["people"])}
    )


def check_needs(
    content: Path, audiences: Mapping[str, Any], areas: Mapping[str, Any]
) -> list[Problem]:
    """The table against its schema, and every audience and area id against the vocabularies."""
    path = content / FILE_NAME
    if not path.is_file():
        return []
    problems = table_problems(path, SCHEMA_NAME, "needs-invalid", TABLE_INVALID)
    for row in read_needs(content):
        for column, vocabulary, name in (
            ("audience", audiences, "data/audiences.csv"),
            ("area", areas, "data/areas.csv"),
        ):
            value = row.get(column) or ""
            if value and value not in vocabulary:
                params = {"value": value, "vocabulary": name, "allowed": ", ".join(vocabulary)}
                problems.append(
                    Problem(
                        "needs-unknown-term",
                        path,
                        row["line"],
                        column,
                        params,
                        template=UNKNOWN_TERM,
                    )
                )
    return problems
