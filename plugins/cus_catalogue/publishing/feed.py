"""An Atom feed (RFC 4287) of new and updated services: newest ``last_verified`` first."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed

from ..i18n import gettext as _
from .urls import absolute

FEED_FILE = "atom.xml"


def _when(day: str, zone: ZoneInfo) -> dt.datetime:
    """Records carry a day; Atom needs an instant: midnight of that day in the site's zone."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=zone)


def atom_feed(
    services: Sequence[Any], settings: Mapping[str, Any], base: str, length: int
) -> bytes:
    """Feed of the ``length`` most recently verified services, each entry linking its page."""
    zone = ZoneInfo(str(settings.get("TIMEZONE") or "Europe/Warsaw"))
    centre = settings.get("CENTRE") or {}
    author = str(centre.get("name") or settings.get("SITENAME") or base)
    feed = Atom1Feed(
        title=_("New and updated services") + " – " + str(settings.get("SITENAME", "")),
        link=absolute(base, ""),
        description=_("Services added to the catalogue or checked again, newest first."),
        language=str(settings.get("DEFAULT_LANG") or "pl"),
        author_name=author,
        feed_url=absolute(base, FEED_FILE),
        feed_guid=absolute(base, FEED_FILE),
    )
    newest = sorted(services, key=lambda s: (s.data["last_verified"], s.id), reverse=True)
    for service in newest[:length]:
        feed.add_item(
            title=service.name,
            link=absolute(base, service.url),
            description=service.data.get("summary", ""),
            unique_id=absolute(base, service.url),
            updateddate=_when(service.data["last_verified"], zone),
            author_name=service.provider.name,
            categories=[term["label"] for term in service.audiences],
        )
    buffer = io.StringIO()
    feed.write(buffer, "utf-8")
    return buffer.getvalue().encode("utf-8")
