"""Record values in the words a resident reads: money, dates, opening hours, fees."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.numbers import format_currency
from markupsafe import Markup, escape

from .i18n import babel_locale
from .i18n import gettext as _

SERVICE_SCHEMA = Path(__file__).parent / "schemas" / "service.schema.json"
# The record day codes in week order, as the record schema lists them (its single source).
DAY_CODES: tuple[str, ...] = tuple(
    json.loads(SERVICE_SCHEMA.read_text(encoding="utf-8"))["$defs"]["hours"]["items"]["properties"][
        "days"
    ]["items"]["enum"]
)


def money(amount: float) -> str:
    """``25,00 zł``: the way prices are written in Poland (in the page's language)."""
    return _money(amount, babel_locale())


@functools.lru_cache(maxsize=4096)
def _money(amount: float, locale: str) -> str:
    return format_currency(amount, "PLN", locale=locale).replace("\xa0", " ")


def date_text(value: str | dt.date) -> str:
    """``15 września 2026`` (``15 вересня 2026 р.``, ``15 September 2026``)."""
    return _date_text(value, babel_locale())


@functools.lru_cache(maxsize=4096)
def _date_text(value: str | dt.date, locale: str) -> str:
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(day, format="long", locale=locale).removesuffix(" r.")


def per_unit(unit: str, units: Mapping[str, Mapping[str, str]]) -> str:
    """``za godzinę`` for known units; ``(jednostka: kurs)`` style fallback for others."""
    term = units.get(unit)
    if term:
        return term["per_unit"]
    return _("per unit: {unit}").format(unit=unit)


def count_of(count: int, unit: str, units: Mapping[str, Mapping[str, str]]) -> str:
    """``1 godzina``, ``22 godziny``, ``25 godzin``: the unit in the form the number asks for."""
    term = units.get(unit)
    if not term:
        return _("{count} (unit: {unit})").format(count=count, unit=unit)
    category = Locale.parse(babel_locale()).plural_form(count)
    label = {"one": "label", "few": "label_few"}.get(category, "label_many")
    return f"{count} {term.get(label) or term['label']}"


def fee_text(service: Mapping[str, Any], units: Mapping[str, Mapping[str, str]]) -> str:
    """``bezpłatna``, ``25,00 zł za godzinę`` or ``częściowo odpłatna: do 25,00 zł za godzinę``."""
    fee = service.get("fee") or {}
    kind, amount = fee.get("kind"), fee.get("amount")
    if kind == "free" or amount is None:
        return _("free of charge")
    price = f"{money(amount)} {per_unit(service.get('unit', ''), units)}"
    if kind == "partial":
        return _("partly paid: up to {price}").format(price=price)
    return price


def is_free(service: Mapping[str, Any]) -> bool:
    """Free services are what a filter "only free" keeps."""
    return (service.get("fee") or {}).get("kind") == "free"


def day_names() -> dict[str, str]:
    """Day names by their record codes, in the page's language (from CLDR)."""
    return _day_names(babel_locale())


@functools.cache
def _day_names(locale: str) -> dict[str, str]:
    names = get_day_names("wide", locale=locale)
    return {code: names[index].capitalize() for index, code in enumerate(DAY_CODES)}


def hours_rows(hours: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row a weekday, in week order, with that day's opening times (empty when closed).
    Records with the same hours share their rows (read-only): a page pass holds every view."""
    slots = tuple((tuple(slot.get("days", [])), slot["from"], slot["to"]) for slot in hours)
    return _hours_rows(slots, babel_locale())


@functools.lru_cache(maxsize=4096)
def _hours_rows(slots: tuple[tuple[tuple[str, ...], str, str], ...], locale: str) -> list:
    names = _day_names(locale)
    rows = []
    for code in DAY_CODES:
        times = sorted((start.zfill(5), end.zfill(5)) for days, start, end in slots if code in days)
        spans = [f"{start.lstrip('0') or '0'}–{end.lstrip('0') or '0'}" for start, end in times]
        rows.append({"code": code, "day": names[code], "spans": spans})
    return rows


def phone_href(phone: str) -> str:
    """``tel:+48940000000``: a link a phone can dial."""
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def nl2br(text: str) -> Markup:
    """Plain text with its line breaks kept, escaped."""
    return Markup("<br>").join(escape(line) for line in str(text).splitlines())
