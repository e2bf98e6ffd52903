"""The Data Package tables of structured eligibility and income-dependent fees: which
conditions each service asks for, the sets of which one is enough, each fee table row, and the
vocabularies they refer to (conditions, income criteria)."""

from __future__ import annotations

from collections.abc import Mapping
from operator import itemgetter
from typing import Any

from ..catalogue import Catalogue
from ..eligibility.conditions import Condition
from ..fees.criteria import IncomeCriterion
from .datapackage import ID, LIST_SEPARATOR, Column, Table

SERVICE = Column(
    "service", "string", "Identyfikator usługi.", lambda row: row["service"], {"required": True}
)


def _numbered(name: str, description: str) -> Column:
    """The number (from 1) of a row among its service's rows: with ``service``, the key."""
    return Column(name, "integer", description, itemgetter(name), {"required": True, "minimum": 1})


CONDITION_COLUMNS = [
    SERVICE,
    Column(
        "condition",
        "string",
        "Warunek, który musi być spełniony (tabela conditions).",
        lambda row: row["condition"],
        {"required": True},
    ),
]
OPTION_COLUMNS = [
    SERVICE,
    _numbered("option", "Numer zestawu (od 1); wystarczy spełnić jeden zestaw usługi."),
    Column("age_min", "integer", "Najniższy wiek w zestawie.", lambda row: row.get("age_min")),
    Column("age_max", "integer", "Najwyższy wiek w zestawie.", lambda row: row.get("age_max")),
    Column(
        "conditions",
        "string",
        "Warunki zestawu (tabela conditions) po średniku; wszystkie muszą być spełnione.",
        lambda row: LIST_SEPARATOR.join(row.get("conditions") or []) or None,
    ),
]
FEE_COLUMNS = [
    SERVICE,
    _numbered("row", "Numer wiersza tabeli opłat (od 1), rosnąco według dochodu."),
    Column(
        "income_up_to",
        "number",
        "Dochód na osobę do tylu procent kryterium dochodowego (włącznie); puste – każdy wyższy.",
        lambda row: row.get("income_up_to"),
        {"minimum": 0},
    ),
    Column(
        "pay",
        "number",
        "Ile procent kwoty fee_amount (tabela services) płaci mieszkaniec.",
        lambda row: row["pay"],
        {"required": True, "minimum": 0, "maximum": 100},
    ),
]
CONDITION_TERMS = [
    Column("id", "string", "Identyfikator warunku.", lambda c: c.id, {"required": True, **ID}),
    Column("label", "string", "Warunek w kilku słowach.", lambda c: c.label, {"required": True}),
    Column("question", "string", "Pytanie tak albo nie.", lambda c: c.question, {"required": True}),
    Column("implies", "string", "Warunek, który ten też spełnia.", lambda c: c.implies or None),
]
CRITERIA_COLUMNS = [
    Column(
        "valid_from",
        "date",
        "Od tego dnia obowiązują kwoty.",
        lambda c: c.valid_from.isoformat(),
        {"required": True},
    ),
    Column(
        "single_person",
        "number",
        "Kryterium dochodowe osoby samotnie gospodarującej (zł na miesiąc).",
        lambda c: str(c.single_person),
        {"required": True},
    ),
    Column(
        "per_person_in_family",
        "number",
        "Kryterium dochodowe na osobę w rodzinie (zł na miesiąc).",
        lambda c: str(c.per_person_in_family),
        {"required": True},
    ),
    Column("source", "string", "Skąd są kwoty.", lambda c: c.source, {"required": True}),
]


def _rows(catalogue: Catalogue) -> tuple[list[Any], list[Any], list[Any]]:
    conditions, options, fees = [], [], []
    for service_id in sorted(catalogue.services):
        data = catalogue.services[service_id].data
        eligibility: Mapping[str, Any] = data["eligibility"]
        conditions += [
            {"service": service_id, "condition": c} for c in eligibility.get("conditions", [])
        ]
        options += [
            {"service": service_id, "option": number, **option}
            for number, option in enumerate(eligibility.get("any_of", []), start=1)
        ]
        fees += [
            {"service": service_id, "row": number, **row}
            for number, row in enumerate(data["fee"].get("table", []), start=1)
        ]
    return conditions, options, fees


def eligibility_tables(
    catalogue: Catalogue, conditions: Mapping[str, Condition], criteria: list[IncomeCriterion]
) -> list[Table]:
    """The five tables, with foreign keys to the services and the conditions."""
    condition_rows, option_rows, fee_rows = _rows(catalogue)
    return [
        Table("service_conditions", "Warunki usług",
              "Warunki, które muszą być spełnione wszystkie (pole eligibility.conditions).",
              CONDITION_COLUMNS, condition_rows, ["service", "condition"],
              {"service": "services", "condition": "conditions"}),
        Table("eligibility_options", "Zestawy warunków usług",
              "Gdy wystarczy spełnić jeden z zestawów (pole eligibility.any_of).",
              OPTION_COLUMNS, option_rows, ["service", "option"], {"service": "services"}),
        Table("fee_table", "Opłaty zależne od dochodu",
              "Wiersze tabeli opłat usług częściowo płatnych (pole fee.table).",
              FEE_COLUMNS, fee_rows, ["service", "row"], {"service": "services"}),
        Table("conditions", "Warunki", "Słownik warunków (tak albo nie).",
              CONDITION_TERMS, list(conditions.values()), ["id"]),
        Table("income_criteria", "Kryterium dochodowe",
              "Kwoty kryterium dochodowego z ustawy o pomocy społecznej od dnia valid_from.",
              CRITERIA_COLUMNS, criteria, ["valid_from"]),
    ]  # fmt: skip
