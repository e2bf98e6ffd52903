"""Capacity figures from ``<content>/capacity.csv``: places (limit), granted, used, people
served and waiting, as of a day; the newest row of each service is the one shown.

The table belongs to the content folder (its rows are about the catalogue's own services), so
any catalogue brings its own. frictionless checks it against its Table Schema
(``schemas/capacity.tableschema.json``); the optional columns may be left out, and a renamed
one is named plainly. Here the figures are also checked against the services and units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ..formatting import date_text
from ..i18n import N_
from ..problems import Problem
from ..tables import header_problems, typed_rows
from ..tables import table_problems as check_table

FILE_NAME = "capacity.csv"
SCHEMA_NAME = "capacity.tableschema.json"
TABLE_INVALID = N_("capacity table is invalid: {note}")
UNKNOWN_SERVICE = N_("service “{service}” is not in this catalogue")
OVER_LIMIT = N_("granted ({granted}) is more than the limit ({limit})")
OVER_GRANTED = N_("used ({used}) is more than granted ({granted})")
UNKNOWN_UNIT = N_("“{unit}” is not a unit of data/units.csv; allowed: {allowed}")
RENAMED = {"updated_on": "as_of"}


def table_problems(path: Path) -> list[Problem]:
    """Every error of the header, then of each row against the Table Schema, at its line."""
    return header_problems(path, SCHEMA_NAME, "capacity", RENAMED) or check_table(
        path, SCHEMA_NAME, "capacity-invalid", TABLE_INVALID, follow_header=True
    )


def read_capacity(path: Path) -> list[dict[str, Any]]:
    """Every row of ``capacity.csv`` with typed values (none when the centre keeps no figures).

    Rows whose values do not fit the Table Schema are left out here: ``table_problems``
    reports each of them at its line.
    """
    return typed_rows(path, _typed)


def _optional(row: dict[str, str], column: str) -> int | None:
    return int(row[column]) if row.get(column) else None


def _typed(row: dict[str, str], line: int) -> dict[str, Any]:
    return {
        "line": line,
        "service": row["service"],
        "period": row["period"],
        "limit": int(row["limit"]),
        "granted": int(row["granted"]),
        "used": _optional(row, "used"),
        "people_served": _optional(row, "people_served"),
        "waiting": _optional(row, "waiting"),
        "as_of": str(dt.date.fromisoformat(row["as_of"])),
        "unit": row.get("unit") or None,
    }


def check_capacity(
    rows: list[dict[str, Any]],
    services: Collection[str],
    path: Path,
    units: Collection[str] = (),
) -> list[Problem]:
    """Figures that cannot be right: unknown services or units, more granted than the limit."""
    problems = []
    for row in rows:
        line = row["line"]
        if units and row.get("unit") and row["unit"] not in units:
            problems.append(
                Problem("capacity-unknown-unit", path, line, "unit",
                        {"unit": row["unit"], "allowed": ", ".join(units)}, template=UNKNOWN_UNIT)
            )  # fmt: skip
        if row["service"] not in services:
            problems.append(
                Problem("capacity-unknown-service", path, line, "service",
                        {"service": row["service"]}, template=UNKNOWN_SERVICE)
            )  # fmt: skip
        if row["granted"] > row["limit"]:
            problems.append(
                Problem("capacity-over-limit", path, line, "granted",
                        {"granted": row["granted"], "limit": row["limit"]}, template=OVER_LIMIT)
            )  # fmt: skip
        if row["used"] is not None and row["used"] > row["granted"]:
            problems.append(
                Problem("capacity-over-granted", path, line, "used",
                        {"used": row["used"], "granted": row["granted"]}, template=OVER_GRANTED)
            )  # fmt: skip
    return problems


def current_capacity(
    rows: list[dict[str, Any]], today: dt.date, max_age_days: int
) -> dict[str, dict[str, Any]]:
    """The newest figures of each service; older than ``max_age_days`` they are marked stale
    (shown with a warning, never hidden: old figures are still better than none)."""
    newest: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = (row["as_of"], row["period"])
        shown = newest.get(row["service"])
        if shown is None or key > (shown["as_of"], shown["period"]):
            newest[row["service"]] = row
    current = {}
    for service, row in newest.items():
        as_of = dt.date.fromisoformat(row["as_of"])
        current[service] = {
            **row,
            "remaining": max(row["limit"] - row["granted"], 0),
            "as_of_text": date_text(as_of),
            "stale": (today - as_of).days > max_age_days,
        }
    return current
