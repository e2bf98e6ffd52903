"""Help in a crisis: the emergency numbers of ``data/crisis-lines.csv`` and where they show.

A resident in danger must see the numbers at once, as links a phone can dial. The numbers are
data the centre keeps (frictionless checks the table with the vocabularies). They appear on
the kiosk, on the services whose record says ``emergency_numbers: true`` (the crisis
intervention point), and where the setting ``CATALOGUE_CRISIS`` says: on the pages of its
audiences and above search results for its words (the search feature ships their terms).
Templates read ``CRISIS`` from the context.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from .catalogue import Catalogue
from .feature import Build, Contributions, Feature
from .i18n import N_
from .languages.content import localized_row
from .problems import Problem
from .site_settings import SiteSettings, setting_problem

FILE_NAME = "crisis-lines.csv"
SETTING = "CATALOGUE_CRISIS"
UNKNOWN_AUDIENCE = N_(
    "CATALOGUE_CRISIS names the audience “{id}”, which is not in data/audiences.csv"
)


def read_crisis_lines(data: Path) -> list[dict[str, str]]:
    """Every number in the file's order (the most urgent first); none without the file."""
    path = data / FILE_NAME
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as table:
        return [dict(row) for row in csv.DictReader(table)]


def crisis_terms(words: Iterable[str], language: str = "pl") -> list[str]:
    """The search index terms of the crisis words (in ``language``'s index): a query with any
    of them shows the numbers."""
    from .search.analyzer import analyze

    return sorted({term for word in words for term in analyze(word, language)})


class CrisisLines(Feature):
    """The emergency numbers on the crisis audiences' pages, crisis services and the kiosk."""

    name = "crisis"

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """The audiences the setting names must exist (a typo would hide the numbers)."""
        unknown = [a for a in settings.crisis.get("audiences", []) if a not in catalogue.audiences]
        return [
            setting_problem("crisis-unknown-audience", SETTING, {"id": audience},
                            severity="warning", template=UNKNOWN_AUDIENCE)
            for audience in unknown
        ]  # fmt: skip

    def contribute(self, build: Build) -> Contributions:
        """``CRISIS``: the numbers, and the audiences whose pages show them."""
        lines = [
            localized_row(line, build.language)
            for line in read_crisis_lines(build.settings.data_path)
        ]
        audiences = list(build.settings.crisis.get("audiences", [])) if lines else []
        return Contributions(context={"CRISIS": {"lines": lines, "audiences": audiences}})
