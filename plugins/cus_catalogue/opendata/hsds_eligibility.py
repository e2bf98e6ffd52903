"""Structured eligibility and the income table of a fee, to HSDS 3.0 and back.

HSDS has no field for either. Conditions travel as attributes (``link_type: eligibility``)
with terms of our conditions taxonomy, whose code is the condition id; each set of ``any_of``
as an attribute whose value is the set in JSON. Each row of ``fee.table`` is one more cost
option after the full fee: its amount is what that row pays per unit (readers of HSDS see the
prices), and attributes on it carry the row's exact percentages, from which the importer
rebuilds the table.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..eligibility.conditions import Condition
from ..fees.estimate import HUNDRED, decimal, rounded
from ..formatting import per_unit
from ..i18n import gettext as _
from ..records import Record
from .hsds_source import Source

if TYPE_CHECKING:
    from .hsds_export import HsdsExporter

Pair = tuple[str, dict[str, Any], str | None]


def _number(value: Any) -> int | float:
    """A Decimal or YAML number as JSON writes it: 150, 33.33."""
    number = decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def eligibility_pairs(
    exporter: HsdsExporter, record: Record, conditions: Mapping[str, Condition]
) -> list[Pair]:
    """Attributes of the service's conditions, then of each set of ``any_of``."""
    eligibility = record.data["eligibility"]
    pairs: list[Pair] = []
    for condition_id in eligibility.get("conditions", []):
        condition = conditions.get(condition_id)
        label, question = (condition.label, condition.question) if condition else ("", "")
        pairs.append(
            ("eligibility", exporter.term("conditions", condition_id, label, question), None)
        )
    for option in eligibility.get("any_of", []):
        value = json.dumps(option, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        pairs.append(("eligibility", exporter.field_term("eligibility-option"), value))
    return pairs


def table_options(exporter: HsdsExporter, service_id: str, data: Mapping[str, Any]) -> list[Any]:
    """One cost option for each row of the fee table, with its percentages as attributes."""
    fee = data["fee"]
    options = []
    for index, row in enumerate(fee.get("table", [])):
        option_id = exporter.ids("cost_option", service_id, "table", str(index))
        limit = row.get("income_up_to")
        pairs: list[Pair] = []
        if limit is None:
            text = _("any higher income per person")
        else:
            text = _("income per person up to {limit}% of the income criterion").format(
                limit=_number(limit)
            )
            pairs.append(("fee_table", exporter.field_term("income-up-to"), str(_number(limit))))
        pairs.append(("fee_table", exporter.field_term("pay-percent"), str(_number(row["pay"]))))
        options.append(
            {
                "id": option_id,
                "service_id": service_id,
                "option": text,
                "currency": "PLN",
                "amount": _number(rounded(decimal(fee["amount"]) * decimal(row["pay"]) / HUNDRED)),
                "amount_description": per_unit(data["unit"], exporter.catalogue.units),
                "attributes": exporter.attributes(option_id, "cost_option", pairs),
            }
        )
    return options


def any_of_from(values: list[Any]) -> list[Any]:
    """The sets of ``any_of`` from the values of our ``eligibility-option`` attributes."""
    options = []
    for value in values:
        try:
            options.append(json.loads(value))
        except (TypeError, ValueError):
            continue
    return options


def table_row(option: Source, taxonomy_uri: str) -> dict[str, Any] | None:
    """A row of our fee table from a cost option carrying its percentages; None for others."""
    values = {}
    for attribute in option.children("attributes"):
        term = attribute.data.get("taxonomy_term") or {}
        if str(term.get("term_uri") or "").startswith(taxonomy_uri + "fields:"):
            values[str(term.get("code") or "")] = attribute.data.get("value")
    if "pay-percent" not in values:
        return None
    row: dict[str, Any] = {}
    if values.get("income-up-to") is not None:
        row["income_up_to"] = _number(values["income-up-to"])
    row["pay"] = _number(values["pay-percent"])
    return row
