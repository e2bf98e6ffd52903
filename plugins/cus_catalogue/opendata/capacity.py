"""Capacity figures (limit, granted, used) from ``<content>/capacity.csv``, the current ones.

The table belongs to the content folder (its rows are about the catalogue's own services), so
any catalogue brings its own. frictionless checks it against its Table Schema
(``schemas/capacity.tableschema.json``); here the figures are also checked against the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from babel.dates import format_date

from ..formatting import count_of, date_text
from ..i18n import N_, babel_locale, ngettext
from ..i18n import gettext as _
from ..problems import Problem
from ..tables import table_problems as check_table
from ..tables import typed_rows

FILE_NAME = "capacity.csv"
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "capacity.tableschema.json"
TABLE_INVALID = N_("capacity table is invalid: {note}")
UNKNOWN_SERVICE = N_("service “{service}” is not in this catalogue")
OVER_LIMIT = N_("granted ({granted}) is more than the limit ({limit})")
OVER_GRANTED = N_("used ({used}) is more than granted ({granted})")
UNKNOWN_UNIT = N_("“{unit}” is not a unit of data/units.csv; allowed: {allowed}")


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
    month = format_date(dt.date(int(year), int(part), 1), "LLLL", locale=babel_locale())
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
