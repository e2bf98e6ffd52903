"""Capacity figures (limit, granted, used) from data/capacity.csv, and the current one per service.

frictionless checks the table against its schema in data/datapackage.json during every build
(cus_catalogue.vocabularies); here the figures are read and checked against the catalogue.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from babel.dates import format_date

from ..formatting import LOCALE, count_of, date_text
from ..i18n import N_, ngettext
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
                "unit": row.get("unit") or None,
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


HALVES = (N_("the first half of %(year)s"), N_("the second half of %(year)s"))
QUARTERS = (
    N_("the first quarter of %(year)s"),
    N_("the second quarter of %(year)s"),
    N_("the third quarter of %(year)s"),
    N_("the fourth quarter of %(year)s"),
)


def period_text(period: str) -> str:
    """``2026 rok``, ``III kwartał 2026 r.``, ``listopad 2026 r.``: a period as people say it."""
    year, _sep, part = period.partition("-")
    if not part:
        return _("the year %(year)s") % {"year": year}
    if part[0] == "H":
        return _(HALVES[int(part[1]) - 1]) % {"year": year}
    if part[0] == "Q":
        return _(QUARTERS[int(part[1]) - 1]) % {"year": year}
    month = format_date(dt.date(int(year), int(part), 1), "LLLL", locale=LOCALE)
    return _("%(month)s %(year)s") % {"month": month, "year": year}


def capacity_view(
    current: dict[str, Any], service_unit: str, units: Mapping[str, Mapping[str, str]]
) -> dict[str, Any]:
    """The figures as one plain sentence with its date, in the row's unit (else the service's)."""
    unit = current.get("unit") or service_unit
    remaining, period = current["remaining"], period_text(current["period"])
    if remaining:
        sentence = ngettext(
            "For %(period)s, %(amount)s of %(limit)d is left.",
            "For %(period)s, %(amount)s of %(limit)d are left.",
            remaining,
        ) % {
            "period": period,
            "amount": count_of(remaining, unit, units),
            "limit": current["limit"],
        }
    else:
        sentence = _("The limit for %(period)s (%(amount)s) is used up.") % {
            "period": period,
            "amount": count_of(current["limit"], unit, units),
        }
    as_of = _("As of %(date)s.") % {"date": current["updated_text"]}
    return {**current, "unit": unit, "sentence": sentence, "as_of": as_of}
