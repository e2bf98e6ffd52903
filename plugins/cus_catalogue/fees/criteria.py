"""The statutory income criterion (``data/income-criteria.csv``): amounts valid from a date.

Next year's amounts are one more row; the row valid on a day is the newest that has started.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

FILE_NAME = "income-criteria.csv"


@dataclass(frozen=True)
class IncomeCriterion:
    """Monthly net income thresholds in złoty, from ``valid_from`` on, and their source."""

    valid_from: dt.date
    single_person: Decimal
    per_person_in_family: Decimal
    source: str

    def for_household(self, people: int) -> Decimal:
        """A one-person household is compared with the single-person amount, others per person."""
        return self.single_person if people == 1 else self.per_person_in_family


def read_criteria(data: Path) -> list[IncomeCriterion]:
    """Every row, oldest first (rows that do not fit the Table Schema are reported elsewhere)."""
    path = data / FILE_NAME
    if not path.is_file():
        return []
    rows = []
    with path.open(encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table):
            try:
                rows.append(
                    IncomeCriterion(
                        dt.date.fromisoformat(row["valid_from"]),
                        Decimal(row["single_person"]),
                        Decimal(row["per_person_in_family"]),
                        row["source"],
                    )
                )
            except (KeyError, TypeError, ValueError, InvalidOperation):
                continue
    return sorted(rows, key=lambda criterion: criterion.valid_from)


def criterion_on(criteria: list[IncomeCriterion], day: dt.date) -> IncomeCriterion | None:
    """The amounts valid on ``day``: the newest row that has started."""
    started = [criterion for criterion in criteria if criterion.valid_from <= day]
    return started[-1] if started else None
