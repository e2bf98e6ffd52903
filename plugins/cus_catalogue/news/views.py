"""Announcements as pages show them: dates in words, open or closed, on the start page or not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..formatting import date_text
from ..markdown import render_markdown
from ..records import Record

LIST_URL = "aktualnosci/"
CALENDAR_FILE = f"{LIST_URL}kalendarz.ics"


def moment(value: str) -> dt.date | dt.datetime:
    """``2026-06-06`` is a day; ``2026-06-06T16:00`` a time of that day (local time)."""
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def moment_text(value: dt.date | dt.datetime) -> str:
    """``6 czerwca 2026, 16:00`` or ``6 czerwca 2026``."""
    text = date_text(_day(value))
    return f"{text}, {value:%-H:%M}" if isinstance(value, dt.datetime) else text


@dataclass
class NewsView:
    """One announcement, every date already in words."""

    id: str
    url: str
    data: dict[str, Any]
    date: dt.date
    body_html: Markup
    deadline: dt.date | None
    start: dt.date | dt.datetime | None
    end: dt.date | dt.datetime | None
    today: dt.date

    @property
    def title(self) -> str:
        """The announcement's title."""
        return self.data["title"]

    @property
    def is_consultation(self) -> bool:
        """Consultations show their deadline and are closed after it."""
        return self.data.get("kind") == "consultation"

    @property
    def closed(self) -> bool:
        """The deadline has passed (on the build's day)."""
        return self.deadline is not None and self.deadline < self.today

    @property
    def dated(self) -> bool:
        """It has a day for a calendar: an event or a deadline."""
        return self.start is not None or self.deadline is not None

    @property
    def ics_url(self) -> str:
        """Its own calendar file."""
        return f"{LIST_URL}{self.id}.ics"

    def text(self, name: str) -> str:
        """A date field in words (``date``, ``deadline``, ``start``, ``end``)."""
        value = getattr(self, name)
        return moment_text(value) if value is not None else ""

    @property
    def event_text(self) -> str:
        """``3 grudnia 2026, 16:00–18:00``; an event of several days gives both ends in full."""
        if self.start is None:
            return ""
        if self.end is None:
            return moment_text(self.start)
        same_day = _day(self.start) == _day(self.end)
        if same_day and isinstance(self.start, dt.datetime) and isinstance(self.end, dt.datetime):
            return f"{moment_text(self.start)}–{self.end:%-H:%M}"
        return f"{moment_text(self.start)} – {moment_text(self.end)}"

    def is_current(self, news_days: int) -> bool:
        """On the start page: until its deadline or event, else ``news_days`` after its date."""
        last = [
            d
            for d in (self.deadline, self.end and _day(self.end), self.start and _day(self.start))
            if d
        ]
        if last:
            return self.today <= max(last)
        return (self.today - self.date).days <= news_days


def news_view(record: Record, today: dt.date) -> NewsView:
    """An announcement record to view (its dates are checked by the feature before)."""
    data = record.data
    event = data.get("event") or {}
    return NewsView(
        id=record.id,
        url=f"{LIST_URL}{record.id}/",
        data=data,
        date=dt.date.fromisoformat(data["date"]),
        body_html=render_markdown(data["body"]),
        deadline=dt.date.fromisoformat(data["deadline"]) if "deadline" in data else None,
        start=moment(event["start"]) if "start" in event else None,
        end=moment(event["end"]) if "end" in event else None,
        today=today,
    )


def published(records: list[Record], today: dt.date) -> list[NewsView]:
    """Announcements whose day has come, newest first (a future one waits for its day)."""
    views = [news_view(record, today) for record in records]
    return sorted(
        (view for view in views if view.date <= today), key=lambda v: (v.date, v.id), reverse=True
    )
