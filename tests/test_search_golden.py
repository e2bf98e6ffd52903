"""The golden set: realistic resident queries against the example catalogue, scored with lunr.py.

The browser runs the same queries against the built site (test_search_browser.py); this
module scores the index and query plan without a browser, so a ranking regression shows up
in the fast test run.  Metrics: hit@1, hit@5 and mean reciprocal rank (MRR).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from cus_catalogue.catalogue import Catalogue, load_catalogue
from cus_catalogue.search.model import load_search_model

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).with_name("golden_queries.csv")

#: Floors, set below the measured values (hit@1 0.97, hit@5 1.00, MRR 0.98 on 102 queries)
#: so that a real regression fails while a new example record does not.
FLOORS = {"hit@1": 0.85, "hit@5": 0.95, "mrr": 0.90}


@dataclass(frozen=True)
class GoldenQuery:
    """A query as a resident types it and the services that answer it."""

    query: str
    expected: frozenset[str]
    kind: str


def expand_expected(cell: str, catalogue: Catalogue) -> frozenset[str]:
    """Service ids; ``@audience`` stands for every service for that audience ("seniorom")."""
    ids: set[str] = set()
    for item in cell.split(";"):
        if item.startswith("@"):
            audience = item[1:]
            assert audience in catalogue.audiences, item
            ids |= {s for s, r in catalogue.services.items() if audience in r.data["audiences"]}
        else:
            ids.add(item)
    return frozenset(ids)


def golden_queries() -> list[GoldenQuery]:
    """The golden set from tests/golden_queries.csv, against the example catalogue."""
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    with GOLDEN.open(encoding="utf-8", newline="") as table:
        return [
            GoldenQuery(row["query"], expand_expected(row["expected"], catalogue), row["kind"])
            for row in csv.DictReader(table)
        ]


def first_hit(ranked: list[str], expected: frozenset[str]) -> int | None:
    """1-based rank of the first expected service, or None."""
    return next((rank for rank, id_ in enumerate(ranked, 1) if id_ in expected), None)


def metrics(ranks: list[int | None]) -> dict[str, float]:
    """hit@1, hit@5 and MRR over the first-hit ranks of every query."""
    count = len(ranks)
    return {
        "hit@1": sum(rank == 1 for rank in ranks) / count,
        "hit@5": sum(rank is not None and rank <= 5 for rank in ranks) / count,
        "mrr": sum(1 / rank for rank in ranks if rank) / count,
    }


def scored(
    label: str, queries: Sequence[GoldenQuery], ranked: Mapping[str, list[str]], capsys
) -> tuple[dict[str, float], list[str]]:
    """The metrics of ranked ids per query and the queries not ranked first, both printed."""
    ranks = [first_hit(ranked[q.query], q.expected) for q in queries]
    scores = metrics(ranks)
    misses = [
        f"  {q.kind:13} {q.query!r}: rank {rank}, top 3 {ranked[q.query][:3]}"
        for q, rank in zip(queries, ranks, strict=True)
        if rank != 1
    ]
    with capsys.disabled():
        summary = ", ".join(f"{name} {value:.3f}" for name, value in scores.items())
        print(f"\n{label} ({len(queries)} queries): {summary}")
        print("\n".join(misses))
    return scores, misses


@pytest.fixture(scope="module")
def ranked() -> dict[str, list[str]]:
    """Every golden query's ranked service ids, from lunr.py over the example catalogue."""
    model = load_search_model(ROOT / "content", ROOT / "data")
    return {golden.query: model.ids(golden.query) for golden in golden_queries()}


def test_golden_set_is_large_and_varied():
    queries = golden_queries()
    assert len(queries) >= 60
    assert {q.kind for q in queries} >= {"inflected", "no-diacritics", "everyday", "typo"}
    assert len({q.query for q in queries}) == len(queries)


def test_expected_services_exist():
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    unknown = {id_ for q in golden_queries() for id_ in q.expected} - set(catalogue.services)
    assert not unknown


def test_golden_set_meets_the_floor(ranked, record_property, capsys):
    scores, misses = scored("golden set (lunr.py)", golden_queries(), ranked, capsys)
    for name, value in scores.items():
        record_property(name, round(value, 3))
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, f"{name} {scores[name]:.3f} < {floor}\n" + "\n".join(misses)
