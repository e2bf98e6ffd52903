"""The situational golden set (issue 12): residents describing what happened to them.

Written before any tuning, judged by what a caseworker would show first. Each row has a
``category`` (the kinds of query issue 12 names) and a ``split``: ``tune`` rows may guide
changes to the thesaurus and ranking; ``held-out`` rows are only ever measured.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

GOLDEN = Path(__file__).with_name("golden_situations.csv")
CATEGORIES = (
    "situation",
    "negation",
    "word-forms",
    "slang",
    "incidental",
    "long",
    "one-word",
    "typo",
    "audience-need",
)
SPLITS = ("tune", "held-out")


@dataclass(frozen=True)
class SituationQuery:
    """A query in a resident's words, the services that answer it, its category and split."""

    query: str
    expected: frozenset[str]
    category: str
    split: str


def golden_path(language: str = "pl") -> Path:
    """The Polish set, or tests/golden_situations_<language>.csv (issue 13: uk, en)."""
    return GOLDEN if language == "pl" else GOLDEN.with_name(f"golden_situations_{language}.csv")


def situation_queries(split: str | None = None, language: str = "pl") -> list[SituationQuery]:
    """The rows of the language's situational set, optionally of one split."""
    with golden_path(language).open(encoding="utf-8", newline="") as table:
        rows = [
            SituationQuery(
                row["query"], frozenset(row["expected"].split(";")), row["category"], row["split"]
            )
            for row in csv.DictReader(table)
        ]
    return [row for row in rows if split is None or row.split == split]


def first_hit(ranked: list[str], expected: frozenset[str]) -> int | None:
    """1-based rank of the first expected service, or None."""
    return next((rank for rank, id_ in enumerate(ranked, 1) if id_ in expected), None)


def scores(ranks: list[int | None]) -> dict[str, float]:
    """hit@5 and mean reciprocal rank over the first-hit ranks of the queries."""
    count = len(ranks) or 1
    return {
        "hit@5": sum(rank is not None and rank <= 5 for rank in ranks) / count,
        "mrr": sum(1 / rank for rank in ranks if rank) / count,
    }
