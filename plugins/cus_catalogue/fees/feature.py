"""Fees as a feature: fee tables checked against their rules and the income criterion, and
shown on the service page as amounts in złoty (readable without JavaScript) with the data the
calculator uses."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from ..catalogue import Catalogue
from ..feature import Build, Contributions, Feature
from ..formatting import date_text
from ..i18n import N_
from ..i18n import gettext as _
from ..problems import Problem
from ..site_settings import SiteSettings
from .checks import check_fee_table
from .criteria import FILE_NAME, IncomeCriterion, criterion_on, read_criteria
from .estimate import HUNDRED, decimal, row_threshold, zloty

NO_CRITERION = N_(
    "no income criterion is valid on {date}: add a row to this table (fee tables need it)"
)


def grosze(amount: Any) -> int:
    """Złoty as a whole number of grosze (the checks refuse finer amounts)."""
    return int(decimal(amount) * HUNDRED)


def criteria_data(criteria: list[IncomeCriterion]) -> list[dict[str, Any]]:
    """The criteria as the browser's ``fees.js`` reads them (money in grosze)."""
    return [
        {
            "valid_from": c.valid_from.isoformat(),
            "single_person": grosze(c.single_person),
            "per_person_in_family": grosze(c.per_person_in_family),
            "source": c.source,
        }
        for c in criteria
    ]


def fee_data(fee: Mapping[str, Any]) -> dict[str, Any]:
    """A record's fee for ``fees.js``: amount in grosze, percentages in hundredths."""
    return {
        "kind": fee["kind"],
        "amount": grosze(fee["amount"]) if "amount" in fee else None,
        "table": [
            {
                "income_up_to": None
                if row.get("income_up_to") is None
                else grosze(row["income_up_to"]),
                "pay": grosze(row["pay"]),
            }
            for row in fee.get("table") or []
        ]
        or None,
    }


def table_rows(fee: Mapping[str, Any], criterion: IncomeCriterion) -> list[dict[str, Any]]:
    """Each row in złoty: income limits for one person and per person in a family, the fee."""
    rows: list[dict[str, Any]] = []
    previous: list[Decimal] = []  # the limits of the last row that had them
    for row in fee["table"]:
        found = [row_threshold(row, criterion.for_household(n)) for n in (1, 2)]
        limits = [limit for limit in found if limit is not None]  # none on the open last row
        pay = decimal(fee["amount"]) * decimal(row["pay"]) / HUNDRED
        if limits:
            cells = [_("up to {amount}").format(amount=zloty(limit)) for limit in limits]
            previous = limits
        elif previous:
            cells = [_("above {amount}").format(amount=zloty(limit)) for limit in previous]
        else:
            cells = [_("any income")] * 2
        rows.append({"single": cells[0], "family": cells[1], "pay": zloty(pay), "free": pay == 0})
    return rows


class Fees(Feature):
    """Income-dependent fees: the table of each partly paid service, in złoty and as data."""

    name = "fees"

    def __init__(self) -> None:
        self.criteria: list[IncomeCriterion] = []

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Each fee table; and a criterion valid today when any service has a table."""
        self.criteria = read_criteria(settings.data_path)
        problems = [p for record in catalogue.services.values() for p in check_fee_table(record)]
        with_table = any(
            (r.data.get("fee") or {}).get("table") for r in catalogue.services.values()
        )
        if with_table and criterion_on(self.criteria, settings.today) is None:
            params = {"date": settings.today.isoformat()}
            path = settings.data_path / FILE_NAME
            problems.append(
                Problem("no-income-criterion", path, 1, "valid_from", params, template=NO_CRITERION)
            )
        return problems

    def contribute(self, build: Build) -> Contributions:
        """The table in złoty and the calculator's data on every service page that has one."""
        criterion = criterion_on(self.criteria, build.today)
        criteria = criteria_data(self.criteria)
        contributions = Contributions(context={"INCOME_CRITERIA": criteria})
        if criterion is None:
            return contributions
        shown = {
            "single": zloty(criterion.single_person),
            "family": zloty(criterion.per_person_in_family),
            "source": criterion.source,
            "valid_from": criterion.valid_from.isoformat(),
            "valid_from_text": date_text(criterion.valid_from),
        }
        units = build.catalogue.units
        for service in build.services:
            fee = service.data["fee"]
            if fee["kind"] != "partial" or not fee.get("table"):
                continue
            unit = units.get(service.data["unit"], {})
            data = {"fee": fee_data(fee), "criteria": criteria, "unit": unit_forms(unit)}
            contributions.service_extras[service.id] = {
                "fee_table": {
                    "rows": table_rows(fee, criterion),
                    "criterion": shown,
                    "per_unit": unit.get("per_unit", ""),
                    "unit_many": unit.get("label_many") or unit.get("label", service.data["unit"]),
                    "data": Markup(script_json(data)),
                }
            }
        return contributions


def unit_forms(unit: Mapping[str, str]) -> dict[str, str]:
    """The unit's forms after a number (1 godzina, 2 godziny, 5 godzin) and "za godzinę"."""
    return {
        "one": unit.get("label", ""),
        "few": unit.get("label_few") or unit.get("label", ""),
        "many": unit.get("label_many") or unit.get("label", ""),
        "per_unit": unit.get("per_unit", ""),
    }


def script_json(value: Any) -> str:
    """JSON safe inside a ``<script type="application/json">`` element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
