"""What the plan page shows about each service, written once as ``moj-plan/uslugi.json``.

The page reads this file, not the service pages: it also says which ids exist in this version
of the site, so a plan made under an earlier version shows what was removed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from ..i18n import gettext as _
from ..views import ServiceView

VERSION = 1


def hours_text(rows: Sequence[Mapping[str, Any]]) -> str:
    """``poniedziałek–piątek 8:00–16:00; sobota 9:00–12:00``: a week on one line."""
    groups: list[list[Any]] = []  # [first day, last day, spans, index of the last day]
    for index, row in enumerate(rows):
        if not row["spans"]:
            continue
        last = groups[-1] if groups else None
        if last and last[2] == row["spans"] and last[3] == index - 1:
            last[1], last[3] = row["day"], index
        else:
            groups.append([row["day"], row["day"], row["spans"], index])
    parts = []
    for first, last, spans, _index in groups:
        days = first.lower() if first == last else f"{first.lower()}–{last.lower()}"
        parts.append(f"{days} {', '.join(spans)}")
    return "; ".join(parts)


def place_text(service: ServiceView) -> str:
    """Where the service happens: the record's place, else the provider's address."""
    place = service.data.get("place")
    if isinstance(place, str):
        return place
    if place:
        return "; ".join(
            ", ".join(
                str(part)
                for part in (
                    item.get("name"),
                    item.get("street"),
                    " ".join(str(p) for p in (item.get("postal_code"), item.get("city")) if p),
                )
                if part
            )
            for item in place
        )
    address = service.provider.data.get("address") or {}
    return ", ".join(str(address[key]) for key in ("street", "city") if address.get(key))


def places_text(capacity: Mapping[str, Any] | None) -> str:
    """What is left, as the service page says it: in its unit, dated, labelled when old."""
    if not capacity:
        return ""
    sentences = (capacity["sentence"], capacity["as_of_sentence"], capacity["stale_sentence"])
    return " ".join(sentence for sentence in sentences if sentence)


def plain(html: Markup) -> str:
    """Rendered Markdown as one plain text (the page sets it as text, never as HTML)."""
    return " ".join(Markup(html).striptags().split())


def plan_entry(service: ServiceView) -> dict[str, Any]:
    """One service as the plan page and its printed table show it."""
    fee = service.data["fee"]
    return {
        "name": service.name,
        "url": service.url,
        "status": service.status,
        "status_label": service.status_label,
        "summary": service.data["summary"],
        "provider": service.provider.name,
        "hours": "; ".join(
            text for text in (hours_text(service.hours), service.data.get("hours_note")) if text
        ),
        "place": place_text(service),
        "fee": service.fee_text,
        "fee_note": fee.get("note", ""),
        # The record's fee as it is, for the fee estimate (fees.js) when income was given.
        "fee_data": {key: fee[key] for key in ("kind", "amount", "table") if key in fee}
        | {"unit": service.data["unit"]},
        "places": places_text(service.extras.get("capacity")),
        "apply": plain(service.how_to_apply_html)
        or _("Contact the provider or the centre: they will tell you what to do."),
        "apply_online": service.accepts_applications,
        "phone": service.contact.get("phone", ""),
    }


def plan_data(services: Iterable[ServiceView]) -> bytes:
    """The file's bytes: every service of this version of the site, by id (reproducible)."""
    data = {"version": VERSION, "services": {s.id: plan_entry(s) for s in services}}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
