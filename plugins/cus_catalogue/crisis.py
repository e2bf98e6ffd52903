"""Help in a crisis: the emergency numbers of ``data/crisis-lines.csv`` and where they show.

A resident in danger must see the numbers at once, as links a phone can dial. The numbers are
data the centre keeps (frictionless checks the table with the vocabularies); the setting
``CATALOGUE_CRISIS`` names where they appear: the pages of some audiences and services, search
results for some words (the search feature ships their terms), and the kiosk. Templates read
``CRISIS`` from the context.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from .catalogue import Catalogue
from .feature import Build, Contributions, Feature
from .i18n import N_
from .problems import Problem
from .site_settings import SiteSettings

FILE_NAME = "crisis-lines.csv"
SETTING = "CATALOGUE_CRISIS"
UNKNOWN_ID = N_("CATALOGUE_CRISIS names “{id}”, which is not in this catalogue")


def read_crisis_lines(data: Path) -> list[dict[str, str]]:
    """Every number in the file's order (the most urgent first); none without the file."""
    path = data / FILE_NAME
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as table:
        return [dict(row) for row in csv.DictReader(table)]


def crisis_terms(words: Iterable[str]) -> list[str]:
    """The search index terms of the crisis words: a query with any of them shows the numbers."""
    from .search.analyzer import analyze

    return sorted({term for word in words for term in analyze(word)})


class CrisisLines(Feature):
    """The emergency numbers on the crisis audience, the crisis services and the kiosk."""

    name = "crisis"

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Audiences and services the setting names must exist (a typo would hide the numbers)."""
        known = {"audiences": catalogue.audiences, "services": catalogue.services}
        return [
            Problem(
                "crisis-unknown-id",
                Path("pelicanconf.py"),
                1,
                SETTING,
                {"id": record_id},
                severity="warning",
                template=UNKNOWN_ID,
            )
            for kind, ids in known.items()
            for record_id in settings.crisis.get(kind, [])
            if record_id not in ids
        ]

    def contribute(self, build: Build) -> Contributions:
        """``CRISIS``: the numbers, and the audiences and services whose pages show them."""
        lines = read_crisis_lines(build.settings.data_path)
        where = build.settings.crisis
        return Contributions(
            context={
                "CRISIS": {
                    "lines": lines,
                    "audiences": list(where.get("audiences", [])) if lines else [],
                    "services": list(where.get("services", [])) if lines else [],
                }
            }
        )
