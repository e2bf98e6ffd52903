"""Capacity figures in the words a resident reads: what is left, who uses it, who waits, as of.

"Na 2026 rok zostały 22 godziny z 915. Stan na 16 listopada 2026 r." with the number and the
unit in the form the number asks for; figures older than the setting carry a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from babel.dates import format_date

from ..formatting import count_of
from ..i18n import N_, babel_locale, ngettext
from ..i18n import gettext as _

HALVES = (N_("the first half of %(year)s"), N_("the second half of %(year)s"))
QUARTERS = (
    N_("the first quarter of %(year)s"),
    N_("the second quarter of %(year)s"),
    N_("the third quarter of %(year)s"),
    N_("the fourth quarter of %(year)s"),
)


def period_text(period: str) -> str:
    """``2026 rok``, ``III kwartał 2026 r.``, ``listopad 2026 r.``: a period as people say it."""
    year, _sep, part = period.partition("-")
    if not part:
        return _("the year %(year)s") % {"year": year}
    if part[0] == "H":
        return _(HALVES[int(part[1]) - 1]) % {"year": year}
    if part[0] == "Q":
        return _(QUARTERS[int(part[1]) - 1]) % {"year": year}
    month = format_date(dt.date(int(year), int(part), 1), "LLLL", locale=babel_locale())
    return _("%(month)s %(year)s") % {"month": month, "year": year}


def left_sentence(current: Mapping[str, Any], unit: str, units: Mapping[str, Any]) -> str:
    """``Na 2026 rok zostały 22 godziny z 915.`` or that the limit is used up."""
    remaining, period = current["remaining"], period_text(current["period"])
    if remaining:
        return ngettext(
            "For %(period)s, %(amount)s of %(limit)d is left.",
            "For %(period)s, %(amount)s of %(limit)d are left.",
            remaining,
        ) % {
            "period": period,
            "amount": count_of(remaining, unit, units),
            "limit": current["limit"],
        }
    return _("The limit for %(period)s (%(amount)s) is used up.") % {
        "period": period,
        "amount": count_of(current["limit"], unit, units),
    }


def waiting_sentence(current: Mapping[str, Any]) -> str:
    """``Lista oczekujących: 5 osób.``, ``Nikt nie czeka na miejsce.``, or nothing uncounted."""
    waiting = current.get("waiting")
    if waiting:
        return ngettext(
            "Waiting list: %(num)d person.", "Waiting list: %(num)d people.", waiting
        ) % {"num": waiting}
    return _("Nobody is waiting.") if waiting == 0 else ""


def people_sentences(current: Mapping[str, Any]) -> list[str]:
    """``Z usługi korzysta 63 osoby.``, ``Lista oczekujących: 5 osób.`` when the centre counts."""
    sentences = []
    served = current.get("people_served")
    if served is not None:
        sentences.append(
            ngettext("%(num)d person uses the service.", "%(num)d people use the service.", served)
            % {"num": served}
        )
    if waiting := waiting_sentence(current):
        sentences.append(waiting)
    return sentences


def capacity_view(
    current: dict[str, Any], service_unit: str, units: Mapping[str, Mapping[str, str]]
) -> dict[str, Any]:
    """Plain sentences in the row's unit (else the service's), dated, with a warning if old."""
    unit = current.get("unit") or service_unit
    as_of = _("As of %(date)s.") % {"date": current["as_of_text"]}
    stale = (
        _("These figures may be out of date: ask the centre how it is today.")
        if current["stale"]
        else ""
    )
    return {
        **current,
        "unit": unit,
        "sentence": left_sentence(current, unit, units),
        "people": people_sentences(current),
        "waiting_sentence": waiting_sentence(current),
        "as_of_sentence": as_of,
        "stale_sentence": stale,
    }
