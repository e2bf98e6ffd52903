"""An Atom feed (RFC 4287) of new and updated services: newest ``last_verified`` first."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed

from ..i18n import gettext as _
from ..site_settings import SiteSettings

FEED_FILE = "atom.xml"


def _when(day: str, zone: ZoneInfo) -> dt.datetime:
    """Records carry a day; Atom needs an instant: midnight of that day in the site's zone."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=zone)


def atom_feed(services: Sequence[Any], settings: SiteSettings, length: int) -> bytes:
    """Feed of the ``length`` most recently verified services, each entry linking its page."""
    zone = ZoneInfo(settings.timezone)
    author = str(settings.centre.get("name") or settings.sitename or settings.base_url)
    feed = Atom1Feed(
        title=_("New and updated services") + " – " + settings.sitename,
        link=settings.url(""),
        description=_("Services added to the catalogue or checked again, newest first."),
        language=settings.language,
        author_name=author,
        feed_url=settings.url(FEED_FILE),
        feed_guid=settings.url(FEED_FILE),
    )
    newest = sorted(services, key=lambda s: (s.data["last_verified"], s.id), reverse=True)
    for service in newest[:length]:
        feed.add_item(
            title=service.name,
            link=settings.url(service.url),
            description=service.data.get("summary", ""),
            unique_id=settings.url(service.url),
            updateddate=_when(service.data["last_verified"], zone),
            author_name=service.provider.name,
            categories=[term["label"] for term in service.audiences],
        )
    buffer = io.StringIO()
    feed.write(buffer, "utf-8")
    return buffer.getvalue().encode("utf-8")
