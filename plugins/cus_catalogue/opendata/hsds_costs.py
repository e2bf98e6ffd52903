"""The fee from HSDS cost options: a PLN amount is the fee, other prices are text and flagged."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..i18n import gettext as _
from .hsds_eligibility import table_row
from .hsds_export import TAXONOMY_URI
from .hsds_source import Source


def _validity(option: Source) -> str | None:
    start, end = option.text("valid_from"), option.text("valid_to")
    if start and end:
        return _("valid from {start} to {end}").format(start=start, end=end)
    if start:
        return _("valid from {start}").format(start=start)
    return _("valid until {end}").format(end=end) if end else None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def fee_from(
    item: Source, fields: Mapping[str, list[Any]], ours: bool, note: Callable[[str], None]
) -> dict[str, Any]:
    """Our fee: kind, the PLN amount per unit, the income table of our own export, and a note
    with the groups, validity and any price in another currency (never shown as złoty)."""
    amount, paid_elsewhere, lines, table = None, False, [], []
    for option in item.children("cost_options"):
        if (row := table_row(option, TAXONOMY_URI)) is not None:
            table.append(row)
            item.root.used.add(option.path)  # the whole option: a row of our fee table
            continue
        currency = str(option.peek("currency") or "").upper()
        parts = []
        if not ours:
            parts.append(option.text("option"))
        if _number(option.peek("amount")) and currency == "PLN" and amount is None:
            amount = option.value("amount")
            option.use("currency")
        elif _number(option.peek("amount")):
            price = option.value("amount")
            parts.append(f"{price:g} {currency or '?'}")
            paid_elsewhere = paid_elsewhere or price > 0
            option.use("currency")
            note(
                _("a price in {currency} is not converted: give “fee.amount” in PLN").format(
                    currency=currency or "?"
                )
            )
        if ours:
            option.use("option", "amount_description")  # made from the fee kind and the unit
        else:
            parts.append(option.text("amount_description"))
        parts.append(_validity(option))
        if line := ", ".join(part for part in parts if part):
            lines.append(line)
    kind = (fields.get("fee-kind") or [None])[0]
    if kind not in ("free", "paid", "partial"):
        kind = "paid" if (amount or paid_elsewhere) else ("free" if amount == 0 else None)
    texts = [item.text("fees_description") or item.text("fees"), "; ".join(lines)]
    fee: dict[str, Any] = {"kind": kind} if kind else {}
    if kind != "free" and amount is not None:
        fee["amount"] = amount
    if text := " ".join(text for text in texts if text):
        fee["note"] = text
    if table:
        fee["table"] = table
    if kind is None:
        note(_("no price or “free of charge” in the file: fill in “fee”"))
    return fee
