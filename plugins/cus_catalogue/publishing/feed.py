"""An Atom feed (RFC 4287) of what is new: services added or checked again, the centre's
announcements and the services it is looking for, newest first."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed

from ..i18n import current_language
from ..i18n import gettext as _
from ..site_settings import SiteSettings

FEED_FILE = "atom.xml"


@dataclass(frozen=True)
class FeedEntry:
    """One entry: a page of the site and the day it changed."""

    title: str
    url: str  # output-relative
    summary: str
    updated: str  # ISO day
    author: str
    categories: list[str] = field(default_factory=list)


def service_entries(services: Iterable[Any]) -> list[FeedEntry]:
    """Each service, as of the day it was last checked."""
    return [
        FeedEntry(
            title=service.name,
            url=service.url,
            summary=service.data.get("summary", ""),
            updated=service.data["last_verified"],
            author=service.provider.name,
            categories=[term["label"] for term in service.audiences],
        )
        for service in services
    ]


def _when(day: str, zone: ZoneInfo) -> dt.datetime:
    """Records carry a day; Atom needs an instant: midnight of that day in the site's zone."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=zone)


def atom_feed(
    entries: Sequence[FeedEntry], settings: SiteSettings, length: int, prefix: str = ""
) -> bytes:
    """Feed of the ``length`` newest entries, each linking its page in the language being
    built (whose pages and feed live under ``prefix``)."""
    zone = ZoneInfo(settings.timezone)
    author = str(settings.centre.get("name") or settings.sitename or settings.base_url)
    feed = Atom1Feed(
        title=_("What is new in the catalogue") + " – " + settings.sitename,
        link=settings.url(prefix),
        description=_(
            "Services added or checked again, announcements of the centre and the services it "
            "is looking for, newest first."
        ),
        language=current_language(),
        author_name=author,
        feed_url=settings.url(prefix + FEED_FILE),
        feed_guid=settings.url(prefix + FEED_FILE),
    )
    newest = sorted(entries, key=lambda entry: (entry.updated, entry.url), reverse=True)
    for entry in newest[:length]:
        feed.add_item(
            title=entry.title,
            link=settings.url(prefix + entry.url),
            description=entry.summary,
            unique_id=settings.url(prefix + entry.url),
            updateddate=_when(entry.updated, zone),
            author_name=entry.author,
            categories=entry.categories,
        )
    buffer = io.StringIO()
    feed.write(buffer, "utf-8")
    return buffer.getvalue().encode("utf-8")
