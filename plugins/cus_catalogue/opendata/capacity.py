"""Capacity figures (limit, granted, used) from ``<content>/capacity.csv``, the current ones.

The table belongs to the content folder (its rows are about the catalogue's own services), so
any catalogue brings its own. frictionless checks it against its Table Schema
(``schemas/capacity.tableschema.json``); here the figures are also checked against the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ..formatting import date_text
from ..i18n import N_
from ..problems import Problem
from ..tables import table_problems as check_table
from ..tables import typed_rows

FILE_NAME = "capacity.csv"
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "capacity.tableschema.json"
TABLE_INVALID = N_("capacity table is invalid: {note}")
UNKNOWN_SERVICE = N_("service “{service}” is not in this catalogue")
OVER_LIMIT = N_("granted ({granted}) is more than the limit ({limit})")
OVER_GRANTED = N_("used ({used}) is more than granted ({granted})")


def table_problems(path: Path) -> list[Problem]:
    """Every row error of the table against its Table Schema, at its CSV line and column."""
    return check_table(path, SCHEMA.name, "capacity-invalid", TABLE_INVALID)


def read_capacity(path: Path) -> list[dict[str, Any]]:
    """Every row of ``capacity.csv`` with typed values (none when the centre keeps no figures).

    Rows whose values do not fit the Table Schema are left out here: ``table_problems``
    reports each of them at its line.
    """
    return typed_rows(path, _typed)


def _typed(row: dict[str, str], line: int) -> dict[str, Any]:
    return {
        "line": line,
        "service": row["service"],
        "period": row["period"],
        "limit": int(row["limit"]),
        "granted": int(row["granted"]),
        "used": int(row["used"]) if row.get("used") else None,
        "updated_on": str(dt.date.fromisoformat(row["updated_on"])),
    }


def check_capacity(
    rows: list[dict[str, Any]], services: Collection[str], path: Path
) -> list[Problem]:
    """Figures that cannot be right: unknown services, more granted than the limit, and so on."""
    problems = []
    for row in rows:
        line = row["line"]
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
    """The newest figures of each service, unless older than ``max_age_days`` (then none)."""
    newest: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = (row["updated_on"], row["period"])
        shown = newest.get(row["service"])
        if shown is None or key > (shown["updated_on"], shown["period"]):
            newest[row["service"]] = row
    current = {}
    for service, row in newest.items():
        updated = dt.date.fromisoformat(row["updated_on"])
        if (today - updated).days > max_age_days:
            continue
        current[service] = {
            **row,
            "remaining": max(row["limit"] - row["granted"], 0),
            "updated_text": date_text(updated),
        }
    return current
