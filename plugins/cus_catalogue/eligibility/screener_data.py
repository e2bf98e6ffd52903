"""The data file the check "Is it for me?" and the search filters read in the browser.

One JSON file with every service's structured eligibility, fee (money in grosze), opening
hours and capacity sentences, and the conditions and income criteria they refer to. It holds
no personal data: the answers stay in the page's address and are compared in the browser.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..catalogue import Catalogue
from ..fees.criteria import IncomeCriterion
from ..fees.feature import criteria_data, fee_data, unit_forms
from ..views import ServiceView
from .conditions import INCOME_CONDITION, Condition

ELIGIBILITY_FIELDS = ("age_min", "age_max", "residents_only", "conditions", "any_of")
CAPACITY_FIELDS = ("sentence", "people", "as_of_sentence", "stale_sentence")


def service_data(service: ServiceView) -> dict[str, Any]:
    """What the browser needs of one service to judge it and show it in a result."""
    eligibility = service.data["eligibility"]
    capacity = service.extras.get("capacity")
    return {
        "id": service.id,
        "name": service.name,
        "summary": service.data["summary"],
        "status": service.status,
        "status_label": service.status_label,
        "audiences": service.data["audiences"],
        "eligibility": {key: eligibility[key] for key in ELIGIBILITY_FIELDS if key in eligibility},
        "fee": {**fee_data(service.data["fee"]), "text": service.fee_text},
        "unit": service.data["unit"],
        "hours": service.data["hours"],
        "capacity": {key: capacity[key] for key in CAPACITY_FIELDS} if capacity else None,
    }


def screener_file(
    services: list[ServiceView],
    conditions: Mapping[str, Condition],
    criteria: list[IncomeCriterion],
    catalogue: Catalogue,
) -> bytes:
    """The whole file, deterministic (keys sorted, services in the catalogue's order)."""
    units = catalogue.units
    document = {
        "format": 1,
        "audiences": list(catalogue.audiences),
        "income_condition": INCOME_CONDITION,
        "conditions": [
            {"id": c.id, "label": c.label, "question": c.question, "implies": c.implies or None}
            for c in conditions.values()
        ],
        "criteria": criteria_data(criteria),
        "units": {unit_id: unit_forms(unit) for unit_id, unit in sorted(units.items())},
        "services": [service_data(service) for service in services],
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode()
