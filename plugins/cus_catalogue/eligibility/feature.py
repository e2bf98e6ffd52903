"""The check "Is it for me?" as a feature: conditions validated, the /sprawdz/ page and the
data file its script and the search filters read; the service page names the conditions."""

from __future__ import annotations

from typing import Any

from ..catalogue import Catalogue
from ..feature import Build, Contributions, Feature, SiteWriter
from ..fees.criteria import IncomeCriterion, criterion_on, read_criteria
from ..fees.estimate import zloty
from ..formatting import day_names
from ..problems import Problem
from ..site_settings import SiteSettings
from .conditions import INCOME_CONDITION, Condition, check_conditions, read_conditions
from .screener_data import screener_file
from .text_check import text_warnings

PAGE_URL = "sprawdz/"
TEMPLATE = "screener.html"
DATA_FILE = "sprawdz/dane.json"


class Eligibility(Feature):
    """Conditions in records, the screener page and its data."""

    name = "eligibility"

    def __init__(self) -> None:
        self.conditions: dict[str, Condition] = {}
        self.criteria: list[IncomeCriterion] = []

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Unknown condition ids are errors; ages and certificates the text names but the
        structured fields lack are warnings."""
        self.conditions = read_conditions(settings.data_path)
        self.criteria = read_criteria(settings.data_path)
        problems = []
        for record in catalogue.services.values():
            problems += check_conditions(record, self.conditions)
            problems += text_warnings(record, self.conditions)
        return problems

    def contribute(self, build: Build) -> Contributions:
        """Where the data file is (every page may link the check), the questions, and the
        conditions each service page names, in the pass's language."""
        criterion = criterion_on(self.criteria, build.today)
        conditions = self.in_language(build.language)
        contributions = Contributions(
            context={
                "SCREENER_DATA": DATA_FILE,
                "DAY_NAMES": list(day_names().items()),
                "SCREENER_QUESTIONS": [c for c in conditions.values() if c.id != INCOME_CONDITION],
                "SCREENER_CRITERION": {
                    "single": zloty(criterion.single_person),
                    "family": zloty(criterion.per_person_in_family),
                }
                if criterion
                else None,
            }
        )
        for service in build.services:
            shown = shown_conditions(service.data["eligibility"], conditions)
            if shown:
                contributions.service_extras[service.id] = {"eligibility": shown}
        return contributions

    def in_language(self, language: str) -> dict[str, Condition]:
        """The conditions with their texts in ``language``."""
        return {key: c.in_language(language) for key, c in self.conditions.items()}

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The data file (capacity sentences are in the views by now) and the page."""
        conditions = self.in_language(build.language)
        data = screener_file(build.services, conditions, self.criteria, build.catalogue)
        site.file(DATA_FILE, data)
        site.page(PAGE_URL, TEMPLATE)
        return []


def shown_conditions(
    eligibility: dict[str, Any], conditions: dict[str, Condition]
) -> dict[str, Any]:
    """Labels of the conditions that must hold, and of each set of which one must."""
    labels = condition_labels(eligibility, conditions)
    options = [
        {
            "age_min": o.get("age_min"),
            "age_max": o.get("age_max"),
            "labels": condition_labels(o, conditions),
        }
        for o in eligibility.get("any_of") or []
    ]
    return {"conditions": labels, "any_of": options} if labels or options else {}


def condition_labels(requirements: dict[str, Any], conditions: dict[str, Condition]) -> list[str]:
    """The short labels of the condition ids (ids the checks refused are left out)."""
    ids = requirements.get("conditions") or []
    return [conditions[c].label for c in ids if c in conditions]
