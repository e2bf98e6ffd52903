"""iCalendar (RFC 5545) files of dated announcements: a resident adds the meeting or the last
day of a consultation to the calendar on the phone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ..i18n import gettext as _
from ..site_settings import SiteSettings
from .views import NewsView

PRODUCT = "-//Katalog uslug spolecznych CUS//PL"


def _instant(value: dt.date | dt.datetime, zone: ZoneInfo) -> dt.date | dt.datetime:
    """Times as UTC (every calendar reads them, no time zone table needed); days stay days."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=zone).astimezone(dt.UTC)
    return value


def _events(view: NewsView, settings: SiteSettings) -> Iterable[Event]:
    zone = ZoneInfo(settings.timezone)
    url = settings.url(view.url)
    host = settings.url("").split("//", 1)[-1].strip("/").split("/")[0] or "localhost"
    stamp = dt.datetime.combine(view.date, dt.time(), tzinfo=dt.UTC)  # same bytes every build
    description = view.data.get("summary") or view.title
    occasions = []
    if view.start is not None:
        occasions.append(
            ("event", view.title, view.start, view.end, view.data["event"].get("place"))
        )
    if view.deadline is not None:
        title = _("Last day: %(title)s") % {"title": view.title}
        occasions.append(("deadline", title, view.deadline, None, None))
    for suffix, summary, start, end, place in occasions:
        event = Event()
        event.add("uid", f"{view.id}-{suffix}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", summary)
        event.add("dtstart", _instant(start, zone))
        if end is not None:
            event.add("dtend", _instant(end, zone))
        elif not isinstance(start, dt.datetime):
            event.add("dtend", start + dt.timedelta(days=1))  # a whole day
        if place:
            event.add("location", place)
        event.add("description", f"{description}\n{url}")
        event.add("url", url)
        yield event


def calendar_file(views: Iterable[NewsView], settings: SiteSettings) -> bytes:
    """One calendar with the events and deadlines of ``views``."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Announcements") + " – " + str(settings.centre.get("name", "")))
    for view in views:
        for event in _events(view, settings):
            calendar.add_component(event)
    return calendar.to_ical()
