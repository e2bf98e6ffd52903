"""Help in a crisis: the emergency numbers of ``data/crisis-lines.csv`` and where they show.

A resident in danger must see the numbers at once, as links a phone can dial. The numbers are
data the centre keeps (frictionless checks the table with the vocabularies); the setting
``CATALOGUE_CRISIS`` names where they appear: the pages of some audiences and services, search
results for some words, and the kiosk. Templates read ``CRISIS`` from the context.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

FILE_NAME = "crisis-lines.csv"


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


def crisis_context(settings: Mapping[str, Any]) -> dict[str, Any]:
    """What the templates need: the numbers and the audiences and services that show them."""
    where = settings["CATALOGUE_CRISIS"]
    lines = read_crisis_lines(Path(settings["CATALOGUE_DATA_PATH"]))
    return {
        "lines": lines,
        "audiences": list(where.get("audiences", [])) if lines else [],
        "services": list(where.get("services", [])) if lines else [],
    }


def on_catalogue_ready(generator: Any) -> None:
    """Every page may show the numbers: give the templates ``CRISIS``."""
    generator.context["CRISIS"] = crisis_context(generator.settings)


def register() -> None:
    """Join the build at the catalogue signal (called from the plugin's register())."""
    from .extensions import catalogue_ready

    catalogue_ready.connect(on_catalogue_ready, weak=False)
