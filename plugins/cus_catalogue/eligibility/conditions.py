"""The conditions vocabulary (``data/conditions.csv``) and the conditions records name.

A condition is something a resident answers yes or no to ("Czy mieszkasz samotnie?"). A
service's ``eligibility.conditions`` must all hold; ``eligibility.any_of`` lists sets of which
one must hold (each with its own ages and conditions). A condition may imply another: a
significant degree of disability is also a disability certificate.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import N_
from ..problems import Problem
from ..records import Record
from ..validation import field_name

FILE_NAME = "conditions.csv"
INCOME_CONDITION = "kryterium-dochodowe"  # decided from the household's income when given
UNKNOWN = N_("“{value}” is not a condition id of data/conditions.csv; allowed: {allowed}")


@dataclass(frozen=True)
class Condition:
    """One yes/no question, its short label, and what a yes also means."""

    id: str
    label: str
    question: str
    hint: str
    implies: str
    pattern: re.Pattern[str] | None


def read_conditions(data: Path) -> dict[str, Condition]:
    """Conditions by id, in the table's order (rows the Table Schema refuses are reported
    with the vocabularies)."""
    path = data / FILE_NAME
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    found = {}
    for row in rows:
        try:
            pattern = (
                re.compile(row["text_pattern"], re.IGNORECASE) if row["text_pattern"] else None
            )
        except re.error:
            pattern = None
        found[row["id"]] = Condition(
            row["id"], row["label"], row["question"], row["hint"], row["implies"], pattern
        )
    return found


def implied(ids: Iterable[str], conditions: Mapping[str, Condition]) -> set[str]:
    """The conditions that hold when ``ids`` hold: the ids and all they imply."""
    held: set[str] = set()
    pending = list(ids)
    while pending:
        condition_id = pending.pop()
        if condition_id in held:
            continue
        held.add(condition_id)
        condition = conditions.get(condition_id)
        if condition and condition.implies:
            pending.append(condition.implies)
    return held


def requirement_sets(eligibility: Mapping[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, requirement set) of the record's top level and each ``any_of`` entry."""
    yield ("eligibility",), eligibility
    for index, option in enumerate(eligibility.get("any_of") or []):
        if isinstance(option, Mapping):
            yield ("eligibility", "any_of", index), option


def check_conditions(record: Record, conditions: Mapping[str, Condition]) -> list[Problem]:
    """Every condition id a record names exists; ages in each ``any_of`` set are in order."""
    eligibility = record.data.get("eligibility")
    if not isinstance(eligibility, Mapping):
        return []
    problems = []
    allowed = ", ".join(conditions)
    for path, requirements in requirement_sets(eligibility):
        ids = requirements.get("conditions")
        for index, value in enumerate(ids if isinstance(ids, list) else []):
            if isinstance(value, str) and value not in conditions:
                where = (*path, "conditions", index)
                problems.append(
                    Problem("unknown-condition", record.path, record.line_of(*where),
                            field_name(where), {"value": value, "allowed": allowed},
                            template=UNKNOWN)
                )  # fmt: skip
        low, high = requirements.get("age_min"), requirements.get("age_max")
        if (
            path != ("eligibility",)
            and isinstance(low, int)
            and isinstance(high, int)
            and low > high
        ):
            where = (*path, "age_min")
            problems.append(  # the same check and message as the record's top level
                Problem("age-order", record.path, record.line_of(*where), field_name(where),
                        {"age_min": low, "age_max": high})
            )  # fmt: skip
    return problems
