"""What a fee table must be: only on partly paid services, rows going up, money to the grosz."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..i18n import N_
from ..problems import Problem
from ..records import Record
from ..validation import field_name
from .estimate import decimal

NOT_PARTIAL = N_("only a partly paid service (fee.kind: partial) has an income table")
NOT_RISING = N_(
    "income_up_to must go up from row to row: {limit} is not more than {previous} in the row above"
)
OPEN_ROW = N_("only the last row may leave out income_up_to (it means any higher income)")
TOO_PRECISE = N_("{value} has more than two digits after the decimal point")
HUNDREDTH = Decimal("0.01")


def _precise(value: object) -> bool:
    return isinstance(value, int | float) and decimal(value) % HUNDREDTH != 0


def check_fee_table(record: Record) -> list[Problem]:
    """Every problem of ``fee.table`` (and of an amount the table cannot count in grosze)."""
    fee = record.data.get("fee")
    if not isinstance(fee, Mapping) or not isinstance(fee.get("table"), list):
        return []
    problems = []

    def problem(code: str, path: tuple, template: str, **params: object) -> None:
        problems.append(
            Problem(code, record.path, record.line_of(*path), field_name(path), params,
                    template=template)
        )  # fmt: skip

    if fee.get("kind") != "partial":
        problem("fee-table-not-partial", ("fee", "table"), NOT_PARTIAL)
    if _precise(fee.get("amount")):
        problem("fee-too-precise", ("fee", "amount"), TOO_PRECISE, value=fee["amount"])
    previous = None
    rows = [row for row in fee["table"] if isinstance(row, Mapping)]
    for index, row in enumerate(rows):
        limit = row.get("income_up_to")
        for key in ("income_up_to", "pay"):
            if _precise(row.get(key)):
                problem("fee-too-precise", ("fee", "table", index, key), TOO_PRECISE,
                        value=row[key])  # fmt: skip
        if limit is None and index < len(rows) - 1:
            problem("fee-table-open-row", ("fee", "table", index), OPEN_ROW)
        elif isinstance(limit, int | float) and previous is not None and limit <= previous:
            problem("fee-table-not-rising", ("fee", "table", index, "income_up_to"), NOT_RISING,
                    limit=limit, previous=previous)  # fmt: skip
        if isinstance(limit, int | float):
            previous = limit
    return problems
