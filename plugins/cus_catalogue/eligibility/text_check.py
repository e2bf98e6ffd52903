"""Warnings where ``eligibility.text`` names an age or a condition the structured fields lack.

The check at /sprawdz/ reads only the structured fields (ages, conditions), so a text saying
"po 75. roku życia" with no ``age_min: 75`` would let the check show the service to a
60-year-old. The patterns are in Polish: ages as records write them, conditions by the
``text_pattern`` column of ``data/conditions.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..i18n import N_
from ..problems import Problem
from ..records import Record
from .conditions import Condition, implied, requirement_sets

AGES = re.compile(
    r"w wieku (?:od )?(\d+)(?: do (\d+))? lat"
    r"|(\d+) lat\w* i (?:więcej|starsz)"
    r"|(?:po|od) (\d+)\. roku życia",
    re.IGNORECASE,
)
AGE_NOT_CARRIED = N_(
    "the text names the age {age}, but age_min, age_max and any_of do not: add it, so the "
    "check “Is it for me?” knows it"
)
CONDITION_NOT_CARRIED = N_(
    "the text names “{label}”, but eligibility.conditions and any_of do not: add {id} to one "
    "of them, so the check “Is it for me?” knows it"
)


def ages_named(text: str) -> set[int]:
    """Every age a Polish eligibility text names: ``w wieku od 16 do 24 lat`` → {16, 24}."""
    return {int(number) for match in AGES.finditer(text) for number in match.groups() if number}


def _carried(eligibility: Mapping[str, Any], conditions: Mapping[str, Condition]) -> tuple:
    ages, held = set(), set()
    for _path, requirements in requirement_sets(eligibility):
        ages |= {requirements.get(key) for key in ("age_min", "age_max")} - {None}
        held |= implied(requirements.get("conditions") or [], conditions)
    return ages, held


def text_warnings(record: Record, conditions: Mapping[str, Condition]) -> list[Problem]:
    """A warning for each age or condition the text names and the structured fields lack."""
    eligibility = record.data.get("eligibility")
    if not isinstance(eligibility, Mapping) or not isinstance(eligibility.get("text"), str):
        return []
    text = eligibility["text"]
    ages, held = _carried(eligibility, conditions)
    where = (record.path, record.line_of("eligibility", "text"), "eligibility.text")
    problems = [
        Problem("eligibility-age-not-carried", *where, {"age": age}, severity="warning",
                template=AGE_NOT_CARRIED)
        for age in sorted(ages_named(text) - ages)
    ]  # fmt: skip
    for condition in conditions.values():
        if condition.pattern and condition.pattern.search(text) and condition.id not in held:
            problems.append(
                Problem("eligibility-condition-not-carried", *where,
                        {"label": condition.label, "id": condition.id}, severity="warning",
                        template=CONDITION_NOT_CARRIED)
            )  # fmt: skip
    return problems
