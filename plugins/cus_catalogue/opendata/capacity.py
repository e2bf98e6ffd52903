"""Capacity figures (limit, granted, used) from data/capacity.csv, and the current one per service.

frictionless checks the table against its schema in data/datapackage.json during every build
(cus_catalogue.vocabularies); here the figures are read and checked against the catalogue.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ..formatting import date_text
from ..i18n import gettext as _

FILE_NAME = "capacity.csv"


def read_capacity(data: Path) -> list[dict[str, Any]]:
    """Every row of ``capacity.csv`` with typed values (none when the centre keeps no figures)."""
    path = data / FILE_NAME
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as table:
        return [
            {
                "service": row["service"],
                "period": row["period"],
                "limit": int(row["limit"]),
                "granted": int(row["granted"]),
                "used": int(row["used"]) if row.get("used") else None,
                "updated_on": row["updated_on"],
            }
            for row in csv.DictReader(table)
        ]


def check_capacity(rows: list[dict[str, Any]], services: Collection[str]) -> list[str]:
    """Figures that cannot be right: unknown services, more granted than the limit, and so on."""
    notes = []
    for number, row in enumerate(rows, start=2):
        where = f"{FILE_NAME}:{number}"
        if row["service"] not in services:
            notes.append(
                _("{where}: service “{service}” is not in this catalogue").format(
                    where=where, service=row["service"]
                )
            )
        if row["granted"] > row["limit"]:
            notes.append(
                _("{where}: granted ({granted}) is more than the limit ({limit})").format(
                    where=where, granted=row["granted"], limit=row["limit"]
                )
            )
        if row["used"] is not None and row["used"] > row["granted"]:
            notes.append(
                _("{where}: used ({used}) is more than granted ({granted})").format(
                    where=where, used=row["used"], granted=row["granted"]
                )
            )
    return notes


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
