"""Partners as a feature of the build: the table of needed services is checked, shown on
/potrzebne-uslugi/ (each need linking the offer form /zostan-realizatorem/), offered as
suggestions in that form, and carried by the Atom feed (``feed_entries``)."""

from __future__ import annotations

from typing import Any

from ..catalogue import Catalogue
from ..feature import Build, Contributions, Feature, SiteWriter
from ..formatting import date_text
from ..problems import Problem
from ..publishing.feed import FeedEntry
from ..site_settings import SiteSettings
from .needs import check_needs, read_needs

NEEDS_URL = "potrzebne-uslugi/"
OFFER_URL = "zostan-realizatorem/"


def need_views(build: Build) -> list[dict[str, Any]]:
    """Each need with its audience's label and the date in words, most people first."""
    audiences, areas = build.catalogue.audiences, build.catalogue.areas
    views = [
        {
            **row,
            "audience_label": audiences[row["audience"]]["label"],
            "area_label": areas[row["area"]]["label"] if row.get("area") else "",
            "updated_text": date_text(row["updated_on"]),
            "url": f"{NEEDS_URL}#{row['id']}",
        }
        for row in read_needs(build.content)
    ]
    return sorted(views, key=lambda view: (-view["people"], view["name"]))


def feed_entries(build: Build) -> list[FeedEntry]:
    """Each need for the Atom feed, as of the day its figures were updated."""
    author = str(build.settings.centre.get("name", ""))
    return [
        FeedEntry(
            view["name"],
            view["url"],
            view["description"],
            view["updated_on"],
            author,
            [view["audience_label"]],
        )
        for view in need_views(build)
    ]


class Partners(Feature):
    """What the centre is looking for; the offer form reads the same needs."""

    name = "partners"

    def __init__(self) -> None:
        self.needs: list[dict[str, Any]] = []

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """needs.csv against its schema and the vocabularies."""
        return check_needs(catalogue.content, catalogue.audiences, catalogue.areas)

    def contribute(self, build: Build) -> Contributions:
        """The needs, for their page and the offer form's suggestions."""
        self.needs = need_views(build)
        return Contributions(context={"CATALOGUE_NEEDS": self.needs})

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """/potrzebne-uslugi/ (also without needs: it says so and points to the offer form)."""
        site.page(NEEDS_URL, "needs.html", needs=self.needs, offer_url=OFFER_URL)
        return []
