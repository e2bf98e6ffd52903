"""Announcements as a feature of the build: checked (dates, deadline, form), the current ones
on the start page, /aktualnosci/ with a page for each, and iCalendar files of dated ones.
The Atom feed (publishing) carries them too (``feed_entries``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..catalogue import Catalogue
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import N_, ngettext
from ..problems import Problem
from ..publishing.feed import FeedEntry
from ..records import Record
from ..site_settings import SiteSettings
from .calendar import calendar_file
from .views import CALENDAR_FILE, LIST_URL, NewsView, moment, published

FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9]")
START_PAGE_LENGTH = 3
TEMPLATES = {
    "news-file-name": N_(
        "the file name must start with the date of the announcement: {date}-…yaml (now: {name})"
    ),
    "news-bad-moment": N_("“{value}” is not a real date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM)"),
    "news-deadline-before-date": N_(
        "the deadline {deadline} is before the announcement's date {date}"
    ),
    "news-end-before-start": N_("the event ends ({end}) before it starts ({start})"),
    "news-consultation-deadline": N_("a consultation needs its last day: add deadline"),
    "news-unknown-form": N_("“{value}” is not a form of the catalogue; forms: {allowed}"),
}


def _problem(record: Record, code: str, *node: str, **params: Any) -> Problem:
    field = ".".join(node)
    return Problem(
        code, record.path, record.line_of(*node), field, params, template=TEMPLATES[code]
    )


def _moments(record: Record) -> tuple[dict[str, Any], list[Problem]]:
    """Every date of the record parsed; the ones that are not real dates as problems."""
    data, found, problems = record.data, {}, []
    event = data.get("event")
    if not isinstance(event, dict):
        event = {}
    for node, value in (
        (("date",), data.get("date")),
        (("deadline",), data.get("deadline")),
        (("event", "start"), event.get("start")),
        (("event", "end"), event.get("end")),
    ):
        if not isinstance(value, str):
            continue
        try:
            found[node[-1]] = moment(value)
        except ValueError:
            problems.append(_problem(record, "news-bad-moment", *node, value=value))
    return found, problems


def check_news(record: Record, form_pages: dict[str, str]) -> list[Problem]:
    """What the schema cannot say: the file name's date, dates in order, the form exists."""
    data = record.data
    found, problems = _moments(record)
    match = FILE_NAME.match(record.path.name)
    if isinstance(data.get("date"), str) and (not match or match.group(1) != data["date"]):
        problems.append(
            _problem(record, "news-file-name", "date", date=data["date"], name=record.path.name)
        )
    date, deadline = found.get("date"), found.get("deadline")
    if isinstance(date, dt.date) and isinstance(deadline, dt.date) and deadline < date:
        problems.append(
            _problem(record, "news-deadline-before-date", "deadline", deadline=deadline, date=date)
        )
    start, end = found.get("start"), found.get("end")
    if start is not None and end is not None and type(start) is type(end) and end < start:
        times = {"start": data["event"]["start"], "end": data["event"]["end"]}
        problems.append(_problem(record, "news-end-before-start", "event", "end", **times))
    if data.get("kind") == "consultation" and "deadline" not in data:
        problems.append(_problem(record, "news-consultation-deadline", "kind"))
    form = data.get("form")
    forms = ["/" + url for url in sorted(form_pages)]
    if isinstance(form, str) and form not in forms:
        problems.append(
            _problem(record, "news-unknown-form", "form", value=form, allowed=", ".join(forms))
        )
    return problems


def feed_entries(build: Build) -> list[FeedEntry]:
    """Published announcements for the Atom feed."""
    return [
        FeedEntry(
            title=view.title,
            url=view.url,
            summary=view.data.get("summary", ""),
            updated=view.date.isoformat(),
            author=str(build.settings.centre.get("name", "")),
        )
        for view in published(list(build.catalogue.news.values()), build.today)
    ]


class News(Feature):
    """Announcements and consultations: start page, list, pages, calendar files."""

    name = "news"

    def __init__(self) -> None:
        self.views: list[NewsView] = []
        self.waiting = 0

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Dates, deadlines and forms of every announcement."""
        return [
            problem
            for record in catalogue.news.values()
            for problem in check_news(record, settings.form_pages)
        ]

    def contribute(self, build: Build) -> Contributions:
        """The current announcements for the start page."""
        records = list(build.catalogue.news.values())
        self.views = published(records, build.today)
        self.waiting = len(records) - len(self.views)
        current = [view for view in self.views if view.is_current(build.settings.news_days)]
        return Contributions(context={"CATALOGUE_NEWS": current[:START_PAGE_LENGTH]})

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """/aktualnosci/, a page for each announcement, and the calendar files."""
        if not self.views:
            return []
        dated = [view for view in self.views if view.dated]
        site.page(LIST_URL, "news_list.html", listed=self.views,
                  calendar_url=CALENDAR_FILE if dated else "")  # fmt: skip
        for view in self.views:
            site.page(view.url, "news.html", news=view)
        for view in dated:
            site.file(view.ics_url, calendar_file([view], build.settings))
        if dated:
            site.file(CALENDAR_FILE, calendar_file(dated, build.settings))
        return []

    def summary(self) -> list[str]:
        """How many announcements are published, and how many wait for their day."""
        lines = []
        if self.views:
            count = len(self.views)
            lines.append(ngettext("{n} announcement.", "{n} announcements.", count).format(n=count))
        if self.waiting:
            waiting = ngettext(
                "{n} announcement waits for its date.",
                "{n} announcements wait for their date.",
                self.waiting,
            )
            lines.append(waiting.format(n=self.waiting))
        return lines
