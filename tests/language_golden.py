"""The Ukrainian and English golden sets (issue 13): resident queries as newcomers type them,
in tests/golden_queries_<language>.csv, with the services of the example catalogue that
answer them. Scored with lunr.py (test_search_languages.py) and in Chromium
(test_search_languages_browser.py)."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from test_search_golden import GoldenQuery, expand_expected

from cus_catalogue.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("uk", "en")
#: Issue 13's budget for each language's golden set.
FLOORS = {"hit@5": 0.95, "mrr": 0.85}


@functools.cache
def golden_set(language: str) -> tuple[GoldenQuery, ...]:
    """The golden queries of ``language`` against the example catalogue."""
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    path = Path(__file__).with_name(f"golden_queries_{language}.csv")
    with path.open(encoding="utf-8", newline="") as table:
        return tuple(
            GoldenQuery(row["query"], expand_expected(row["expected"], catalogue), row["kind"])
            for row in csv.DictReader(table)
        )
