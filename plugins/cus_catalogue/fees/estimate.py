"""The fee a household pays for one unit of a partly paid service, exactly as resolutions count.

A fee table row says: per-person net income up to ``income_up_to`` % of the income criterion
(inclusive), pay ``pay`` % of ``fee.amount``. Household income D with N people is compared per
person (D/N) with the single-person amount when N = 1, else with the per-person family amount;
the comparison is made without dividing (D × 100 ≤ limit × criterion × N), so it is exact.
Money is Decimal, rounded half up to the grosz. ``themes/cus/static/js/fees.js`` is the twin in
the browser (integers of grosze); ``tests/test_fee_parity.py`` holds them to the same results.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .criteria import IncomeCriterion

GROSZ = Decimal("0.01")
HUNDRED = Decimal(100)
# Limits of what a person may type: the browser twin keeps every product below 2**53.
MAX_INCOME = Decimal(1_000_000)
MAX_PEOPLE = 20
_AMOUNT = re.compile(r"([0-9]+)(?:[.,]([0-9]*))?")
_PEOPLE = re.compile(r"[ \t]*([0-9]+)[ \t]*")
_SPACES = re.compile(r"[ \t\u00a0\u202f]")  # the browser twin strips the same characters


class IncomeInputError(ValueError):
    """What is wrong with a typed amount or number of people, as a code the page translates."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def decimal(value: Any) -> Decimal:
    """A YAML number as the Decimal its text says (``27.5`` → ``Decimal('27.5')``)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def parse_income(text: str) -> Decimal:
    """``1500``, ``1500,50``, ``1 500.5`` → złoty; a comma or a dot before the grosze."""
    cleaned = _SPACES.sub("", text or "")
    if cleaned.startswith("-") and _AMOUNT.fullmatch(cleaned[1:]):
        raise IncomeInputError("negative")
    match = _AMOUNT.fullmatch(cleaned)
    if not match:
        raise IncomeInputError("empty" if not cleaned else "not-a-number")
    whole, fraction = match.group(1), match.group(2) or ""
    if len(fraction) > 2:
        raise IncomeInputError("too-precise")
    amount = Decimal(f"{whole}.{fraction or '0'}")
    if amount > MAX_INCOME:
        raise IncomeInputError("too-large")
    return amount


def parse_people(text: str) -> int:
    """How many people live in the household: a whole number from 1 to ``MAX_PEOPLE``."""
    match = _PEOPLE.fullmatch(text or "")
    if not match:
        raise IncomeInputError("people-not-a-number")
    people = int(match.group(1))
    if not 1 <= people <= MAX_PEOPLE:
        raise IncomeInputError("people-out-of-range")
    return people


def rounded(amount: Decimal) -> Decimal:
    """To the grosz, half up, as resolutions round."""
    return amount.quantize(GROSZ, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class FeeEstimate:
    """What a household pays per unit, and which row of the table decided it."""

    per_unit: Decimal
    pay: Decimal
    row: int
    criterion: Decimal

    @property
    def free(self) -> bool:
        """Nothing to pay for this household."""
        return self.per_unit == 0


def row_threshold(row: Mapping[str, Any], criterion: Decimal) -> Decimal | None:
    """The row's per-person income limit in złoty (None for the open last row)."""
    limit = row.get("income_up_to")
    return None if limit is None else rounded(decimal(limit) * criterion / HUNDRED)


def estimate_fee(
    amount: Any,
    table: Sequence[Mapping[str, Any]],
    income: Decimal,
    people: int,
    criterion: IncomeCriterion,
) -> FeeEstimate:
    """The first row whose limit the per-person income does not exceed; above every row, the
    full amount."""
    base = criterion.for_household(people)
    for index, row in enumerate(table):
        limit = row.get("income_up_to")
        if limit is None or income * HUNDRED <= decimal(limit) * base * people:
            pay = decimal(row["pay"])
            return FeeEstimate(rounded(decimal(amount) * pay / HUNDRED), pay, index, base)
    return FeeEstimate(rounded(decimal(amount)), HUNDRED, len(table), base)


def zloty(amount: Decimal) -> str:
    """``7,00 zł``, ``1234,50 zł``, ``12 345,00 zł``: digits grouped from five on, as Polish
    typography and the browser's ``Intl`` write them."""
    grosze = int(rounded(amount) * HUNDRED)
    whole, cents = divmod(grosze, 100)
    digits = str(whole)
    if len(digits) >= 5:
        digits = f"{whole:,}".replace(",", " ")
    return f"{digits},{cents:02d} zł"
