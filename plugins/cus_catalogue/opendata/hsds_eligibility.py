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


def _code_and_value(attribute: Any, taxonomy_uri: str) -> tuple[str, Any] | None:
    if not isinstance(attribute, Mapping):
        return None
    term = attribute.get("taxonomy_term") or {}
    if not str(term.get("term_uri") or "").startswith(taxonomy_uri):
        return None
    return str(term.get("code") or ""), attribute.get("value")


def eligibility_from(item: Mapping[str, Any], taxonomy_uri: str) -> dict[str, Any]:
    """``conditions`` and ``any_of`` of our own export (others' HSDS has neither)."""
    found: dict[str, Any] = {}
    for attribute in item.get("attributes") or []:
        conditions = _code_and_value(attribute, taxonomy_uri + "conditions:")
        if conditions:
            found.setdefault("conditions", []).append(conditions[0])
        option = _code_and_value(attribute, taxonomy_uri + "fields:eligibility-option")
        if option and isinstance(option[1], str):
            try:
                found.setdefault("any_of", []).append(json.loads(option[1]))
            except ValueError:
                continue
    return found


def table_from(item: Mapping[str, Any], taxonomy_uri: str) -> list[dict[str, Any]]:
    """The fee table from the cost options that carry our percentages."""
    table = []
    for option in item.get("cost_options") or []:
        if not isinstance(option, Mapping):
            continue
        values = dict(
            found
            for attribute in option.get("attributes") or []
            if (found := _code_and_value(attribute, taxonomy_uri + "fields:"))
        )
        if "pay-percent" not in values:
            continue
        row: dict[str, Any] = {}
        if values.get("income-up-to") is not None:
            row["income_up_to"] = _number(values["income-up-to"])
        row["pay"] = _number(values["pay-percent"])
        table.append(row)
    return table
